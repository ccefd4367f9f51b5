/**
 * The grids of a spreadsheet's sheets as Sheets counts them against its 10 million cells (every cell, empty or
 * not), read before a plan's first write to check the cells it adds.
 */
import type { Grid } from '../../core/write-plan/limits';

export interface SheetGrid extends Grid {
  name: string;
  cells: number;
}

export interface SpreadsheetGrids {
  sheets: SheetGrid[];
  /** Cells of every sheet together. */
  cells: number;
  /** A sheet's grid by name; null when there is no such sheet. */
  grid(name: string): Grid | null;
}

export function readGrids(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SpreadsheetGrids {
  const sheets = spreadsheet.getSheets().map((s): SheetGrid => {
    const rows = s.getMaxRows();
    const columns = s.getMaxColumns();
    return { name: s.getName(), rows, columns, cells: rows * columns };
  });
  const byName = new Map(sheets.map((s) => [s.name, s]));
  return {
    sheets,
    cells: sheets.reduce((n, s) => n + s.cells, 0),
    grid: (name) => byName.get(name) ?? null,
  };
}
