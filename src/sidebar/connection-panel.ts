/**
 * The Meta connection panel: connect (WABA id + token, validated by the server with Meta), then the account's
 * name, currency, billing time zone and lines; Disconnect and the admins list for admins; read-only for others.
 * The token field is a password input that is emptied after every attempt; the server never sends the token back.
 */
import type { MetaConnectionView } from '../rpc/contract';
import { button, el, failureText, field } from './dom';
import type { MessageKey } from './i18n';
import { callServer } from './rpc-client';

type Translate = (key: MessageKey) => string;

export function renderConnectionPanel(panel: HTMLElement, t: Translate): void {
  const heading = el('h2', t('connectionPanel'));
  heading.id = 'connection-heading';
  panel.setAttribute('aria-labelledby', heading.id);
  const body = el('div');
  const status = el('p', t('loading'), 'status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  panel.replaceChildren(heading, body, status);

  const say = (text: string, isError = false) => {
    status.textContent = text;
    status.className = isError ? 'status error' : 'status muted';
  };

  /** Runs one server call with the panel's controls disabled; failures are shown, never thrown. */
  function run<T>(pending: string, call: () => Promise<T>, done: (value: T) => void): void {
    const controls = Array.from(
      panel.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input'),
    );
    controls.forEach((c) => (c.disabled = true));
    say(pending);
    call().then(
      (value) => done(value),
      (error: unknown) => {
        controls.forEach((c) => (c.disabled = false));
        say(failureText(error), true);
      },
    );
  }

  function connectForm(): HTMLFormElement {
    const form = el('form') as HTMLFormElement;
    const waba = field(t('wabaId'), { name: 'wabaId', inputMode: 'numeric', autocomplete: 'off' });
    const token = field(t('token'), { name: 'token', type: 'password', autocomplete: 'off' });
    const version = field(t('apiVersion'), { name: 'apiVersion', placeholder: 'v26.0', autocomplete: 'off' });
    const base = field(t('graphBaseUrl'), {
      name: 'graphBaseUrl',
      placeholder: 'https://graph.facebook.com',
      autocomplete: 'off',
    });
    const advanced = el('details');
    advanced.append(el('summary', t('advanced')), version.wrapper, base.wrapper);
    form.append(
      waba.wrapper,
      token.wrapper,
      el('p', t('tokenHelp'), 'muted'),
      advanced,
      button(t('connect'), 'submit'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const request = {
        wabaId: waba.input.value,
        token: token.input.value,
        apiVersion: version.input.value.trim() || undefined,
        graphBaseUrl: base.input.value.trim() || undefined,
      };
      token.input.value = '';
      run(
        t('checking'),
        () => callServer('saveConnection', request),
        (view) => show(view, t('connected')),
      );
    });
    return form;
  }

  function adminsSection(view: MetaConnectionView): HTMLElement {
    const section = el('section');
    section.dataset.section = 'admins';
    const list = el('ul');
    for (const email of view.admins) {
      const item = el('li');
      item.append(el('span', email));
      if (view.isAdmin) {
        const remove = button(t('remove'));
        remove.setAttribute('aria-label', `${t('remove')} ${email}`);
        remove.addEventListener('click', () =>
          run(
            t('working'),
            () => callServer('removeAdmin', email),
            (admins) => show({ ...view, admins }, ''),
          ),
        );
        item.append(' ', remove);
      }
      list.append(item);
    }
    section.append(el('h3', t('admins')), list);
    if (view.isAdmin) {
      const form = el('form') as HTMLFormElement;
      const email = field(t('adminEmail'), { name: 'adminEmail', type: 'email', autocomplete: 'off' });
      form.append(email.wrapper, button(t('addAdmin'), 'submit'));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        run(
          t('working'),
          () => callServer('addAdmin', email.input.value),
          (admins) => show({ ...view, admins }, ''),
        );
      });
      section.append(form);
    }
    return section;
  }

  function show(view: MetaConnectionView | null, message: string): void {
    if (!view) {
      body.replaceChildren(el('p', t('notConnected'), 'muted'), connectForm());
      say(message);
      return;
    }
    const facts = el('dl');
    const rows: [MessageKey, string][] = [
      ['wabaName', view.wabaName],
      ['wabaId', view.wabaId],
      ['currency', view.currency],
      ['billingTimeZone', view.timeZone],
      ['tokenHint', view.tokenHint],
    ];
    for (const [key, value] of rows) facts.append(el('dt', t(key)), el('dd', value));
    const lines = el('ul');
    lines.dataset.section = 'lines';
    for (const line of view.lines)
      lines.append(el('li', `${line.displayPhoneNumber} — ${line.verifiedName}`));
    const parts: HTMLElement[] = [facts];
    if (view.zoneConfidence !== 'confirmed') {
      const warning = view.zoneConfidence === 'fallback' ? 'zoneFromSpreadsheet' : 'zoneUnconfirmed';
      parts.push(el('p', t(warning), 'muted'));
    }
    parts.push(el('h3', t('lines')), view.lines.length ? lines : el('p', t('noLines'), 'muted'));
    if (view.isAdmin) {
      const disconnect = button(t('disconnect'));
      disconnect.addEventListener('click', () =>
        run(
          t('working'),
          () => callServer('clearConnection'),
          () => show(null, t('disconnected')),
        ),
      );
      const replace = el('details');
      replace.append(el('summary', t('replace')), connectForm());
      parts.push(disconnect, replace);
    } else {
      parts.push(el('p', `${t('readOnly')} ${view.admins.join(', ')}`, 'muted'));
    }
    parts.push(adminsSection(view));
    body.replaceChildren(...parts);
    say(message);
  }

  callServer('getConnection').then(
    (view) => show(view, ''),
    (error: unknown) => say(failureText(error), true),
  );
}
