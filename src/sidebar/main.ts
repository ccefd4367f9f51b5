import type { SidebarBootstrap, SidebarLanguage } from '../rpc/contract';
import { translate, type MessageKey } from './i18n';
import { callServer } from './rpc-client';

const app = document.getElementById('app') as HTMLElement;

/** Builds an element with text content only (never innerHTML: names and errors come from users and servers). */
function el(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function render(boot: SidebarBootstrap): void {
  const t = (key: MessageKey): string => translate(boot.language, key);
  document.documentElement.lang = boot.language;
  const facts = el('dl');
  const rows: [MessageKey, string][] = [
    ['signedInAs', boot.userEmail],
    ['spreadsheet', boot.spreadsheetName],
    ['timeZone', boot.spreadsheetTimeZone],
  ];
  for (const [key, value] of rows) facts.append(el('dt', t(key)), el('dd', value));
  const panels = (['connectionPanel', 'importPanel'] as const).map((key) => {
    const panel = el('section', undefined, 'panel');
    panel.dataset.panel = key;
    panel.append(el('h2', t(key)), el('p', t('comingSoon'), 'muted'));
    return panel;
  });
  app.replaceChildren(el('h1', 'Atom Billing'), el('p', t('intro')), facts, ...panels);
}

/** Before the server answers, the browser's language is the best guess. */
const browserLanguage: SidebarLanguage = navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';

function renderFailure(error: Error): void {
  app.replaceChildren(el('p', `${translate(browserLanguage, 'serverError')} ${error.message}`, 'error'));
}

app.textContent = translate(browserLanguage, 'loading');
callServer('getSidebarBootstrap').then(render, renderFailure);
