/**
 * Stage, then commit: the batches of a file wait on a staging sheet and only the last batch writes the data
 * sheets, so a failure in any batch leaves every sheet the user relies on as it was. A one-batch file is never
 * staged. Rows are staged as JSON, many to a cell of a one-column sheet: Sheets counts every cell of a sheet's grid
 * against the workbook's 10-million-cell limit, so a row per record would cost a cell per field. The staging sheet is
 * hidden: it is the add-on's scratch space, not something to read or edit while a file imports.
 */
import { type AtomRow, STAGING_SHEET } from '../../atom';
import { literalText } from '../../core/sheet-output/literal-text';
import { insertNarrowSheet } from '../shared/narrow-sheet';
import { ensureRows, sheetNamed } from './sheet-io';

/** Sheets holds at most 50,000 characters in a cell. */
const CELL_CHARS = 45_000;

export function discardStaging(): void {
  const sheet = sheetNamed(STAGING_SHEET);
  if (sheet) SpreadsheetApp.getActiveSpreadsheet().deleteSheet(sheet);
}

/** A new sheet becomes the active one: the user stays on the sheet they were on, and the staging sheet is hidden. */
function newStagingSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const previous = spreadsheet.getActiveSheet();
  const sheet = insertNarrowSheet(spreadsheet, STAGING_SHEET, 1);
  sheet.hideSheet();
  spreadsheet.setActiveSheet(previous);
  return sheet;
}

function pack(rows: readonly AtomRow[]): string[] {
  const cells: string[] = [];
  let current: string[] = [];
  let chars = 2;
  for (const row of rows) {
    const json = JSON.stringify(row);
    if (current.length > 0 && chars + json.length + 1 > CELL_CHARS) {
      cells.push(`[${current.join(',')}]`);
      current = [];
      chars = 2;
    }
    current.push(json);
    chars += json.length + 1;
  }
  if (current.length > 0) cells.push(`[${current.join(',')}]`);
  return cells;
}

/** Appends a batch below the `stagedCells` cells already there (one setValues); returns the cells now staged. */
export function stageRows(stagedCells: number, rows: readonly AtomRow[]): number {
  const cells = pack(rows);
  if (cells.length === 0) return stagedCells;
  const sheet = sheetNamed(STAGING_SHEET) ?? newStagingSheet();
  ensureRows(sheet, stagedCells + cells.length);
  sheet.getRange(stagedCells + 1, 1, cells.length, 1).setValues(cells.map((c) => [literalText(c)]));
  return stagedCells + cells.length;
}

/** The staged rows, in the order they arrived: one getValues. */
export function readStagedRows(stagedCells: number): AtomRow[] {
  if (stagedCells === 0) return [];
  const sheet = sheetNamed(STAGING_SHEET);
  if (!sheet) return [];
  return sheet
    .getRange(1, 1, stagedCells, 1)
    .getValues()
    .flatMap((row) => JSON.parse(String(row[0])) as AtomRow[]);
}
