import { sidebarTitle } from '../i18n';

/**
 * Builds Extensions ▸ Atom Billing. Runs in every auth mode, including AuthMode.NONE, so it must not
 * touch Properties, UrlFetch or anything else that needs authorization
 * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
 */
export function buildAddonMenu(): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Open sidebar', 'showSidebar').addToUi();
}

export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(sidebarTitle);
  SpreadsheetApp.getUi().showSidebar(html);
}
