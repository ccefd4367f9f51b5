import type { SheetContext } from '../../core/formulas/sheet-context';

/** What the pure formulas need to know about the active spreadsheet: its zone and locale. */
export function activeSheetContext(): SheetContext {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return { timeZone: spreadsheet.getSpreadsheetTimeZone(), locale: spreadsheet.getSpreadsheetLocale() };
}
