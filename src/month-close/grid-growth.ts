/**
 * The grid cells a month close adds to the spreadsheet, counted before its first write so that Sheets' 10-million
 * cell limit (src/core/write-plan/limits.ts) refuses it while every sheet is as it was. Sheets counts every cell of
 * every sheet's grid; a new sheet is made 1000 × 26 (insertSheet) before a data sheet is narrowed to its table
 * (src/gas/shared/narrow-sheet.ts), so the count is the highest the spreadsheet reaches along the writes, in
 * their order: "Meta data", "Billing YYYY-MM", "Imports".
 */

import { cellsAdded, NEW_SHEET_GRID, type Grid } from '../core/write-plan/limits';

export { NEW_SHEET_GRID, type Grid };

/**
 * How the "Meta data" block's rewrite changes the sheet's rows: a block in the middle inserts (or deletes) the
 * difference after it; a block at the end fills the blank rows below the data first.
 */
export function dataRowsInserted(block: {
  start: number;
  end: number;
  /** Data rows below the header, up to the last with content. */
  dataRows: number;
  newLength: number;
  /** The sheet's grid rows. */
  maxRows: number;
  firstDataRow: number;
}): number {
  const oldLength = block.end - block.start;
  if (block.newLength <= oldLength) return 0;
  if (block.end !== block.dataRows) return block.newLength - oldLength;
  const lastNeeded = block.firstDataRow + block.start + block.newLength - 1;
  return Math.max(0, lastNeeded - block.maxRows);
}

/** One sheet's change: made (null `before`) and narrowed to `narrowTo` columns, or grown from `before`. */
export interface SheetGrowth {
  before: Grid | null;
  /** A new sheet's width after it is narrowed (none: it keeps Sheets' 26 columns). */
  narrowTo?: number;
  /** Rows and columns added to the grid (after narrowing); rows removed are not counted. */
  rowsAdded: number;
  columnsAdded?: number;
}

/** The most cells the spreadsheet gains at any point of the writes (`steps` in their order). */
export function peakCellsAdded(steps: readonly SheetGrowth[]): number {
  return cellsAdded(
    steps.map(({ before, narrowTo = NEW_SHEET_GRID.columns, rowsAdded, columnsAdded = 0 }) => {
      const grid = before ?? { rows: NEW_SHEET_GRID.rows, columns: narrowTo };
      return { before, after: { rows: grid.rows + rowsAdded, columns: grid.columns + columnsAdded } };
    }),
  );
}
