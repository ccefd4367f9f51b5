/** Builds an element with text content only (never innerHTML: names and errors come from users and servers). */
export function el(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

let nextId = 0;

/** A labelled input (label above, `for`/`id` linked) inside a wrapper div. */
export function field(
  label: string,
  input: Partial<Pick<HTMLInputElement, 'type' | 'name' | 'autocomplete' | 'inputMode' | 'placeholder'>>,
): { wrapper: HTMLElement; input: HTMLInputElement } {
  const control = document.createElement('input');
  Object.assign(control, input);
  control.id = `field-${++nextId}`;
  const caption = el('label', label) as HTMLLabelElement;
  caption.htmlFor = control.id;
  const wrapper = el('div', undefined, 'field');
  wrapper.append(caption, control);
  return { wrapper, input: control };
}

export function button(text: string, type: 'submit' | 'button' = 'button'): HTMLButtonElement {
  const b = el('button', text) as HTMLButtonElement;
  b.type = type;
  return b;
}

/** google.script.run hands the failure handler an Error; drop a leading "SomethingError: " if the host added one. */
export function failureText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^\w*(Error|Exception):\s*/, '');
}
