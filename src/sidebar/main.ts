import type { SidebarBootstrap, SidebarLanguage } from '../rpc/contract';
import { renderConnectionPanel } from './connection-panel';
import { el } from './dom';
import { translate, type MessageKey } from './i18n';
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
const browserLanguage: SidebarLanguage = navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';

function renderFailure(error: Error): void {
  app.replaceChildren(el('p', `${translate(browserLanguage, 'serverError')} ${error.message}`, 'error'));
}

app.textContent = translate(browserLanguage, 'loading');
callServer('getSidebarBootstrap').then(render, renderFailure);
