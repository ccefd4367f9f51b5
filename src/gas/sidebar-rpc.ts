/**
 * The server side of the sidebar: one object typed by the SidebarRpc contract, naming each call's implementation
 * once (a missing, extra or drifting call fails to compile). The entry file exports it and dev/build emits a
 * global function per contract member that calls it, since google.script.run reaches only globals.
 */
import { UserFacingError } from '../core/errors';
import { languageOf } from '../i18n';
import { ERROR_NOTE_MARK, type SidebarRpc } from '../rpc/contract';
import { getAtomImportSetup, importAtomRows, readAtomSheet } from './atom/import-rpc';
import { getHistoryStore, setHistoryStore } from './bigquery/history-rpc';
import { addAdmin, clearConnection, getConnection, removeAdmin, saveConnection } from './meta/connection-rpc';
import { getBudgets, setBudgets } from './month-close/budget-rpc';
import { copyHistory, getHistoryCopy } from './month-close/history-copy';
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

/**
 * google.script.run hands the sidebar only a failure's message: an error's note (a code the sidebar words in the
 * user's language) is appended to it, behind ERROR_NOTE_MARK.
 */
function withErrorNotes(calls: SidebarRpc): SidebarRpc {
  for (const [name, call] of Object.entries(calls) as [string, (...args: unknown[]) => unknown][])
    (calls as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      try {
        return call(...args);
      } catch (e) {
        if (e instanceof UserFacingError && e.note) e.message += ERROR_NOTE_MARK + JSON.stringify(e.note);
        throw e;
      }
    };
  return calls;
}

export const sidebarRpc: SidebarRpc = withErrorNotes({
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
  getBudgets,
  setBudgets,
  getHistoryStore,
  setHistoryStore,
  getHistoryCopy,
  copyHistory,
  getActiveRange,
});
