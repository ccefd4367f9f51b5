/**
 * The server side of the sidebar: one object typed by the SidebarRpc contract, naming each call's implementation
 * once (a missing, extra or drifting call fails to compile). The entry file exports it and dev/build emits a
 * global function per contract member that calls it, since google.script.run reaches only globals.
 */
import { languageOf } from '../i18n';
import type { SidebarRpc } from '../rpc/contract';
import { getAtomImportSetup, importAtomRows, readAtomSheet } from './atom/import-rpc';
import { addAdmin, clearConnection, getConnection, removeAdmin, saveConnection } from './meta/connection-rpc';
import { setDailyRefresh } from './month-close/daily-refresh';
import {
  activateSheet,
  getMonthCloseProgress,
  getMonthCloseSetup,
  runMonthClose,
  setConsolidationGrace,
} from './month-close/rpc';
import { importRateCard } from './rates/rate-card-sheet';
import { getActiveRange } from './shared/active-range';

export const sidebarRpc: SidebarRpc = {
  getSidebarBootstrap() {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    return {
      language: languageOf(Session.getActiveUserLocale()),
      userEmail: Session.getActiveUser().getEmail(),
      spreadsheetName: spreadsheet.getName(),
      spreadsheetTimeZone: spreadsheet.getSpreadsheetTimeZone(),
      spreadsheetLocale: spreadsheet.getSpreadsheetLocale(),
    };
  },
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
  getAtomImportSetup,
  readAtomSheet,
  importAtomRows,
  getActiveRange,
};
