import type { SidebarBootstrap } from '../rpc/contract';
import { renderConnectionPanel } from './connection-panel';
import { el, failureText } from './dom';
import { languageOf, translate, type MessageKey } from './i18n';
import { callServer } from './rpc-client';

const app = document.getElementById('app') as HTMLElement;

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
  const connection = el('section', undefined, 'panel');
  connection.dataset.panel = 'connectionPanel';
  renderConnectionPanel(connection, t);
  const importPanel = el('section', undefined, 'panel');
  importPanel.dataset.panel = 'importPanel';
  importPanel.append(el('h2', t('importPanel')), el('p', t('comingSoon'), 'muted'));
  app.replaceChildren(el('h1', 'Atom Billing'), el('p', t('intro')), facts, connection, importPanel);
}

/** Before the server answers, the browser's language is the best guess. */
const browserLanguage = languageOf(navigator.language);

function renderFailure(error: Error): void {
  const alert = el('p', `${translate(browserLanguage, 'serverError')} ${failureText(error)}`, 'error');
  alert.setAttribute('role', 'alert');
  app.replaceChildren(alert);
}

document.documentElement.lang = browserLanguage;
const loading = el('p', translate(browserLanguage, 'loading'));
loading.setAttribute('role', 'status');
app.replaceChildren(loading);
callServer('getSidebarBootstrap').then(render, renderFailure);
