/**
 * Stage, then commit: the batches of a file wait on a staging sheet and only the last batch writes the data
 * sheets, so a failure in any batch leaves every sheet the user relies on as it was. A one-batch file is never
 * staged. Rows are staged as JSON, many to a cell of a one-column sheet: Sheets counts every cell of a sheet's grid
 * against the workbook's 10-million-cell limit, so a row per record would cost a cell per field (and a row longer
 * than a cell spans several). The staging sheet is hidden: it is the add-on's scratch space, not something to read
 * or edit while a file imports.
 */
import { type AtomRow, STAGING_SHEET } from '../../atom';
import { literalText } from '../../core/sheet-output/literal-text';
import { NEW_SHEET_GRID, type Grid, type GridChange } from '../../core/write-plan/limits';
import { narrowSheet } from '../shared/narrow-sheet';
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
  const sheet = narrowSheet(spreadsheet, null, STAGING_SHEET, 1);
  sheet.hideSheet();
  spreadsheet.setActiveSheet(previous);
  return sheet;
}

/**
 * A batch as staging cells: its rows' JSON a line each, cut into cells of CELL_CHARS characters wherever the cut
 * falls (a row longer than a cell spans several), never inside a surrogate pair.
 */
export function stagingCells(rows: readonly AtomRow[]): string[] {
  const text = rows.map((r) => `${JSON.stringify(r)}\n`).join('');
  const cells: string[] = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + CELL_CHARS);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    cells.push(text.slice(at, end));
    at = end;
  }
  return cells;
}

/** The staging sheet's grid (`before`: as read, null when there is none) once it holds `cells` cells. */
export function stagingGridChange(before: Grid | null, cells: number): GridChange {
  const base = before ?? { rows: NEW_SHEET_GRID.rows, columns: 1 };
  return { before, after: { rows: Math.max(base.rows, cells), columns: base.columns } };
}

/** Appends a batch's cells below the `stagedCells` cells already there (one setValues); returns the cells now staged. */
export function stageCells(stagedCells: number, cells: readonly string[]): number {
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
    .map((row) => String(row[0]))
    .join('')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as AtomRow);
}
