/**
 * The grids of a spreadsheet's sheets as Sheets counts them against its 10 million cells (every cell, empty or
 * not), read before a plan's first write to check the cells it adds.
 */
import { checkCellsFit, type Grid } from '../../core/write-plan/limits';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The grid of the sheet of that name; null when there is none. */
export function gridNamed(spreadsheet: Spreadsheet, name: string): Grid | null {
  const sheet = spreadsheet.getSheetByName(name);
  return sheet && { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };
}

/**
 * Refuses `added` cells that do not fit beside every sheet's grid, naming the largest sheets but `scratch` (which
 * the import deletes). Every sheet's grid is read only when cells are added (two calls a sheet).
 */
export function checkCellsAdded(
  spreadsheet: Spreadsheet,
  what: string,
  added: number,
  scratch: string,
): void {
  if (added <= 0) return;
  const sheets = spreadsheet
    .getSheets()
    .map((s) => ({ name: s.getName(), cells: s.getMaxRows() * s.getMaxColumns() }));
  checkCellsFit(
    what,
    sheets.reduce((n, s) => n + s.cells, 0),
    added,
    sheets.filter((s) => s.name !== scratch),
  );
}
