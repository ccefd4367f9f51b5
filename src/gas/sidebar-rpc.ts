import type { SidebarBootstrap, SidebarRpc } from '../rpc/contract';
import { languageOf } from '../sidebar/i18n';
import { getActiveRange } from './active-range';
import { getAtomImportSetup, importAtomRows, readAtomSheet } from './atom/import-rpc';
import type * as Globals from './globals';
import { addAdmin, clearConnection, getConnection, removeAdmin, saveConnection } from './meta/connection-rpc';
import { importRateCard } from './rates/rate-card-sheet';
import {
  activateSheet,
  getMonthCloseProgress,
  getMonthCloseSetup,
  runMonthClose,
  setConsolidationGrace,
  setDailyRefresh,
} from './month-close/rpc';

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
  importRateCard,
  getMonthCloseSetup,
  runMonthClose,
  getMonthCloseProgress,
  setDailyRefresh,
  setConsolidationGrace,
  activateSheet,
  getActiveRange,
  getAtomImportSetup,
  readAtomSheet,
  importAtomRows,
};

/**
 * google.script.run reaches only top-level globals, so the sidebar's calls are typed against SidebarRpc but
 * answered by the entry file. This fails to compile when an entry-file global the contract names is missing
 * or its signature drifts from the contract.
 */
export type GlobalsServeSidebar = IsTrue<typeof Globals extends SidebarRpc ? true : false>;
type IsTrue<T extends true> = T;
