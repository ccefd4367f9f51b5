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
 * Replaces a whole table (header at row 1) with `rows` in one setValues, blanks over what a longer previous table
 * left below: one call, so no fault can leave the new rows beside the old ones' leftovers (which a re-run would read
 * back as stored rows) or the old rows cleared without the new ones. Every string is written as literal text.
 */
export function replaceTable(sheet: Sheet, header: readonly string[], rows: readonly unknown[][]): void {
  const leftover = Math.max(0, sheet.getLastRow() - rows.length - 1);
  const blank = header.map(() => '');
  const values = [
    literalRow(header),
    ...rows.map(literalRow),
    ...Array.from({ length: leftover }, () => blank),
  ];
  ensureRows(sheet, values.length);
  sheet.getRange(1, 1, values.length, header.length).setValues(values);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
}
