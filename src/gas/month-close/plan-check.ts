/**
 * The month close's plan checked against Apps Script's limits before its first write (issue 15 point 3): the grid
 * cells it adds (src/month-close/grid-growth.ts) against those free, every text cell, the remembered request's
 * property, and the time left. A refusal leaves every sheet and setting as it was.
 */
import {
  DATA_COLUMNS,
  DATA_SHEET,
  dataRowsInserted,
  type Grid,
  LEDGER_COLUMNS,
  LEDGER_SHEET,
  ledgerRowsAdded,
  type MonthClosePlan,
  NEW_SHEET_GRID,
  peakCellsAdded,
} from '../../month-close';
import { checkPropertyValue, checkTextCells, checkTimeLeft } from '../../core/write-plan/limits';
import { checkCellsAdded } from '../shared/grids';
import { dataGrowthOf, type DataSheetRead } from './data-sheet-io';
import type { LedgerRead } from './ledger-io';
import type { SummaryRead } from './summary-sheet-io';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Time kept for the commit: the writes of a large month (a few setValues, formats, charts) take seconds, but
 * Sheets' calls slow down under load; a minute of the six is what the import will not start writing without.
 */
export const COMMIT_RESERVE_MS = 60_000;

/** What the sheets held when read. */
export interface MonthCloseReads {
  /** null: the history is in BigQuery (no "Meta data"). */
  data: DataSheetRead | null;
  summary: SummaryRead;
  ledger: LedgerRead;
}

const gridOf = (sheet: Sheet | null): Grid | null =>
  sheet ? { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() } : null;

export function checkPlan(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  read: MonthCloseReads,
  plan: MonthClosePlan,
  /** The ledger row and the remembered request's property value, as they will be written. */
  ledgerRow: readonly unknown[],
  remembered: string,
  startedAtMs: number,
): void {
  const month = plan.card.month;
  const what = `The month close of ${month}`;
  const dataGrid = read.data && gridOf(read.data.sheet);
  const summaryGrid = gridOf(read.summary.sheet);
  const ledgerGrid = gridOf(read.ledger.sheet);
  const summarySize = summaryGrid ?? NEW_SHEET_GRID;
  const summaryRows = plan.summary.values.length;
  const summaryColumns = plan.summary.values[0]?.length ?? 0;
  const data = read.data && {
    before: dataGrid,
    narrowTo: DATA_COLUMNS,
    rowsAdded: dataRowsInserted({
      ...dataGrowthOf(read.data, plan.dataRows.values.length),
      maxRows: dataGrid?.rows ?? NEW_SHEET_GRID.rows,
    }),
    // A sheet of the layout before the tier range gains its column.
    columnsAdded: dataGrid ? Math.max(0, DATA_COLUMNS - dataGrid.columns) : 0,
  };
  const added = peakCellsAdded([
    ...(data ? [data] : []),
    {
      before: summaryGrid,

      rowsAdded: Math.max(0, summaryRows - summarySize.rows),
      columnsAdded: Math.max(0, summaryColumns - summarySize.columns),
    },
    {
      before: ledgerGrid,
      narrowTo: LEDGER_COLUMNS,
      rowsAdded: ledgerGrid ? ledgerRowsAdded(read.ledger.next.row, ledgerGrid.rows) : 0,
      columnsAdded: ledgerGrid ? Math.max(0, LEDGER_COLUMNS - ledgerGrid.columns) : 0,
    },
  ]);
  checkCellsAdded(spreadsheet, what, added, '');
  if (read.data) checkTextCells(DATA_SHEET, plan.dataRows.values, 2 + read.data.block.start);
  checkTextCells(read.summary.name, plan.summary.values, 1);
  checkTextCells(LEDGER_SHEET, [ledgerRow], read.ledger.next.row);
  checkPropertyValue('The remembered lines and ranges', remembered);
  checkTimeLeft(what, startedAtMs, Date.now(), COMMIT_RESERVE_MS);
}
