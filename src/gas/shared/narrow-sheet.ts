/**
 * Data sheets only as wide as their tables. insertSheet makes a 1000 × 26 grid, and Sheets counts every cell of
 * every sheet's grid, empty or not, against a spreadsheet's 10 million cells
 * (https://support.google.com/drive/answer/37603): an 11-column sheet grown to 100,000 rows would take 2.6 million
 * cells instead of 1.1 million.
 */
import type { WrittenSheet } from '../../rpc/contract';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The sheet of a table `columns` wide: made narrow when missing (one deleteColumns of empty columns). An existing
 * one wider than its table with nothing right of it is trimmed too: that is what an import cut off between
 * insertSheet and the trim leaves (Apps Script has no transactions), so the re-run repairs it — and what versions
 * before the trim made. Columns someone filled are kept.
 */
export function narrowSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  existing: Sheet | null,
  name: string,
  columns: number,
): Sheet {
  const sheet = existing ?? spreadsheet.insertSheet(name);
  const extra = sheet.getMaxColumns() - columns;
  if (extra > 0 && (!existing || sheet.getLastColumn() <= columns)) sheet.deleteColumns(columns + 1, extra);
  return sheet;
}

/** A sheet as a result names it (for links in the sidebar). */
export function writtenSheet(sheet: Sheet): WrittenSheet {
  return { name: sheet.getName(), sheetId: sheet.getSheetId() };
}
