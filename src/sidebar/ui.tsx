/**
 * The sidebar's few shared building blocks. Everything is rendered through JSX, so text from users, Meta or
 * Atom always lands in text nodes and attributes — never parsed as markup.
 */
import { createContext, Fragment, type ComponentChildren, type RefObject } from 'preact';
import { useContext, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SidebarLanguage } from '../rpc/contract';
import { fill, type Dictionary } from './i18n';
import { serverFailureText } from './server-errors';

export const LanguageContext = createContext<SidebarLanguage>('en');

/** The BCP 47 tag the sidebar's figures are formatted in: the spreadsheet's locale (format.ts). */
export const FigureLocaleContext = createContext('en-US');

export type Translate<K extends string> = (key: K, values?: Record<string, string | number>) => string;

/** The panel's dictionary in the user's language. */
export function useMessages<K extends string>(dictionary: Dictionary<K>): Translate<K> {
  const language = useContext(LanguageContext);
  return (key, values) => fill(dictionary[language][key], values);
}

let nextId = 0;

/** A stable id for linking a label (or aria-labelledby / aria-describedby) to its control. */
export function useId(prefix: string): string {
  const id = useRef('');
  if (!id.current) id.current = `${prefix}-${++nextId}`;
  return id.current;
}

interface InputProps {
  type?: 'text' | 'password' | 'email' | 'month' | 'number';
  name: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  placeholder?: string;
  /** Default "off": browsers' autofill guesses wrong for account ids, tokens and ranges. */
  autocomplete?: string;
  required?: boolean;
}

/** A labelled text input (label above, linked by for/id), with an optional hint read with the field. */
export function Field(
  props: InputProps & {
    label: string;
    value: string;
    onValue(value: string): void;
    hint?: string;
    /** Controls beside the input (e.g. a "use selection" button). */
    children?: ComponentChildren;
  },
) {
  const { label, value, onValue, hint, type = 'text', autocomplete = 'off', children, ...input } = props;
  const id = useId('field');
  const control = (
    <input
      {...input}
      // Preact types `type` as a union discriminating the allowed roles; none of these takes a role.
      type={type as 'text'}
      autocomplete={autocomplete}
      id={id}
      value={value}
      aria-describedby={hint ? `${id}-hint` : undefined}
      onInput={(event) => onValue(event.currentTarget.value)}
    />
  );
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children ? (
        <div class="inline">
          {control}
          {children}
        </div>
      ) : (
        control
      )}
      {hint && (
        <p id={`${id}-hint`} class="secondary">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * A control that may be unavailable says why: `props` disables it with the reason as its tooltip and description,
 * `note` is that reason shown beside it. An empty reason leaves it enabled.
 */
export function useDisabledReason(reason: string) {
  const id = useId('why');
  if (!reason)
    return { props: { disabled: false, title: undefined, 'aria-describedby': undefined }, note: null };
  return {
    props: { disabled: true, title: reason, 'aria-describedby': id },
    note: (
      <p id={id} class="secondary" data-why>
        {reason}
      </p>
    ),
  };
}

/** Term/definition pairs, e.g. an account's facts. */
export function Facts({ rows }: { rows: [term: string, definition: ComponentChildren][] }) {
  return (
    <dl>
      {rows.map(([term, definition]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{definition}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export interface StatusLine {
  text: string;
  isError: boolean;
}

/**
 * Brings an answer into sight when it appears or changes (`key` truthy and new): the sidebar is as tall as the
 * window — about 700 px on a 1366×768 laptop — and a panel's form, history and admins run longer, so an answer
 * rendered below them was off-screen. Scrolls with the least movement, before the answer is painted, and never
 * moves the focus.
 */
export function useReveal(ref: RefObject<HTMLElement | null>, key: unknown): void {
  useLayoutEffect(() => {
    if (key) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [key]);
}

/**
 * The panel's live region: always in the DOM so screen readers announce each change, scrolled into sight when it
 * says something new, and focusable (tabIndex -1) so a task whose control is gone can leave the focus on it.
 */
export function Status({ task }: { task: ServerTask }) {
  const { status, statusRef } = task;
  useReveal(statusRef, status.text && status);
  return (
    <p
      ref={statusRef}
      role="status"
      aria-live="polite"
      tabIndex={-1}
      class={status.isError ? 'status error' : 'status secondary'}
    >
      {status.text}
    </p>
  );
}

export type ServerTask = ReturnType<typeof useServerTask>;

/**
 * The panel's server calls: `busy` disables the panel's controls (through a disabled fieldset) while any runs,
 * the status line says what is happening, a failure is shown in plain words and never thrown. When the last
 * call ends, focus goes back where it was when the first began (a disabled control loses it), so a keyboard
 * user does not restart from the top — or, when that control cannot take it back (still disabled, removed), to
 * the status line that holds the answer. Either way without scrolling away from the answer.
 */
export function useServerTask() {
  const language = useContext(LanguageContext);
  const [running, setRunning] = useState(0);
  const [status, setStatus] = useState<StatusLine>({ text: '', isError: false });
  const statusRef = useRef<HTMLParagraphElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const inFlight = useRef(0);
  // A line said again (a progress poll) keeps its state: no re-render, no scroll. An error is always new, so the
  // same mistake made twice is shown twice.
  const say = (text: string, isError = false) =>
    setStatus((current) =>
      !isError && !current.isError && current.text === text ? current : { text, isError },
    );

  const finish = () => {
    inFlight.current--;
    setRunning(inFlight.current);
    if (inFlight.current) return;
    const target = returnFocus.current;
    returnFocus.current = null;
    // After the re-render that enables the controls again.
    setTimeout(() => {
      if (document.activeElement !== document.body) return;
      if (target?.isConnected) target.focus({ preventScroll: true });
      const line = statusRef.current;
      if (document.activeElement === document.body && line?.textContent) line.focus({ preventScroll: true });
    });
  };

  function run<T>(pending: string, call: () => Promise<T>, done: (value: T) => void): void {
    if (!inFlight.current) returnFocus.current = document.activeElement as HTMLElement | null;
    inFlight.current++;
    setRunning(inFlight.current);
    say(pending);
    call().then(
      (value) => {
        done(value);
        finish();
      },
      (error: unknown) => {
        say(serverFailureText(error, language), true);
        finish();
      },
    );
  }

  return { busy: running > 0, status, statusRef, say, run };
}
