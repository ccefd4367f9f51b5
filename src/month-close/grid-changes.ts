/**
 * The grids the month close's writes leave, computed before any write so the cells they add are checked against
 * the spreadsheet's 10 million (src/core/write-plan/limits.ts). Each mirrors what its writer does
 * (src/gas/month-close/*-io.ts): a test compares the prediction with the grids an import really leaves.
 */
import { NEW_SHEET_GRID, type Grid, type GridChange } from '../core/write-plan/limits';
import { LEDGER_COLUMNS } from './ledger';
import { DATA_COLUMNS } from './meta-data-sheet';

/** Rows added when the ledger is full: a thousand imports before it grows again. */
export const LEDGER_GROWTH = 1000;

export interface DataSheetShape {
  grid: Grid | null;
  /** 0-based data rows [start, end) of the month's block, and the data rows below the header. */
  block: { start: number; end: number };
  dataRows: number;
  /** Rows the block holds after the import. */
  newLength: number;
}

/** "Meta data": a narrow new sheet; a block that grows inserts rows, one that shrinks deletes them. */
export function dataSheetChange({ grid, block, dataRows, newLength }: DataSheetShape): GridChange {
  const before = grid;
  const start = before ?? { rows: NEW_SHEET_GRID.rows, columns: DATA_COLUMNS };
  const oldLength = block.end - block.start;
  const blockRow = 2 + block.start;
  let rows = start.rows;
  if (newLength > oldLength) {
    if (block.end !== dataRows) rows += newLength - oldLength;
    else rows = Math.max(rows, blockRow + newLength - 1);
  } else if (newLength < oldLength && rows - (oldLength - newLength) > 1) {
    rows -= oldLength - newLength;
  }
  return { before, after: { rows, columns: start.columns } };
}

/** "Billing YYYY-MM": a new sheet is insertSheet's grid, grown to the layout when it is larger. */
export function summarySheetChange(grid: Grid | null, layout: Grid): GridChange {
  const start = grid ?? NEW_SHEET_GRID;
  return {
    before: grid,
    after: { rows: Math.max(start.rows, layout.rows), columns: Math.max(start.columns, layout.columns) },
  };
}

/** "Imports": a narrow new sheet; a full one grows by LEDGER_GROWTH rows; an old one gains the Note column. */
export function ledgerChange(grid: Grid | null, nextRow: number): GridChange {
  const start = grid ?? { rows: NEW_SHEET_GRID.rows, columns: LEDGER_COLUMNS };
  const lastWritten = grid ? nextRow : 2;
  const rows = lastWritten > start.rows ? lastWritten + LEDGER_GROWTH : start.rows;
  return { before: grid, after: { rows, columns: Math.max(start.columns, LEDGER_COLUMNS) } };
}
