import type { SidebarBootstrap, SidebarLanguage, SidebarRpc } from '../rpc/contract';
import { addAdmin, clearConnection, getConnection, removeAdmin, saveConnection } from './meta/connection-rpc';

function languageOf(locale: string): SidebarLanguage {
  return locale.toLowerCase().startsWith('es') ? 'es' : 'en';
}

function getSidebarBootstrap(): SidebarBootstrap {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return {
    language: languageOf(Session.getActiveUserLocale()),
    userEmail: Session.getActiveUser().getEmail(),
    spreadsheetName: spreadsheet.getName(),
    spreadsheetTimeZone: spreadsheet.getSpreadsheetTimeZone(),
  };
}

/** Server side of the sidebar contract; the entry file exposes each member as a global. */
export const sidebarRpc: SidebarRpc = {
  getSidebarBootstrap,
  getConnection,
  saveConnection,
  clearConnection,
  addAdmin,
  removeAdmin,
};
