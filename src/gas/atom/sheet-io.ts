/** Batched sheet reads and writes shared by the Atom import: one getValues per table, one setValues per write. */
import { literalRow } from '../../core/sheet-output/literal-text';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function sheetNamed(name: string): Sheet | null {
  return SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
}

/** The rows below the header of a table that starts at A1, `width` columns wide ([] for a missing or empty sheet). */
export function readBody(sheet: Sheet | null, width: number): unknown[][] {
  if (!sheet) return [];
  const last = sheet.getLastRow();
  return last < 2 ? [] : sheet.getRange(2, 1, last - 1, width).getValues();
}

/**
 * Rows added per insertRowsAfter call. Apps Script documents no cap; chunks keep each call bounded and the
 * offline runtime (which adds rows as one spread argument list, overflowing past ~100,000) usable.
 */
const INSERT_CHUNK = 50_000;

/** Grows the sheet so that `rows` rows exist (writing past the last row is an error in Apps Script). */
export function ensureRows(sheet: Sheet, rows: number): void {
  for (let max = sheet.getMaxRows(); max < rows; max += INSERT_CHUNK) {
    sheet.insertRowsAfter(max, Math.min(INSERT_CHUNK, rows - max));
  }
}

/**
 * Replaces a whole table (header at row 1) with `rows`: one setValues, then clears what a longer previous table
 * left below — in that order, so a write Sheets refuses never follows a clear of stored rows. Every string is
 * written as literal text.
 */
export function replaceTable(sheet: Sheet, header: readonly string[], rows: readonly unknown[][]): void {
  const previous = sheet.getLastRow();
  const height = rows.length + 1;
  ensureRows(sheet, height);
  sheet.getRange(1, 1, height, header.length).setValues([literalRow(header), ...rows.map(literalRow)]);
  if (previous > height) sheet.getRange(height + 1, 1, previous - height, header.length).clearContent();
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
}
