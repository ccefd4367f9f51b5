/**
 * Shared by the benchmarks: the spreadsheet's grid as Sheets counts it against its 10 million cells (every cell of
 * every sheet, max rows × max columns, empty or not: https://support.google.com/drive/answer/37603).
 */
import type { SpreadsheetModel } from '../dev/runtime';

export const MAX_CELLS = 10_000_000;

/** "1,234,000 cells of 10,000,000 (Meta data 100,001 × 11, …)". */
export function gridSummary(spreadsheet: SpreadsheetModel): string {
  const sheets = spreadsheet.sheets
    .map((s) => `${s.name} ${s.maxRows.toLocaleString('en')} × ${s.maxColumns}`)
    .join(', ');
  return `${spreadsheet.cellCount().toLocaleString('en')} cells of ${MAX_CELLS.toLocaleString('en')} (${sheets})`;
}
