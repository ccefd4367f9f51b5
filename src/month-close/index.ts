/**
 * Public surface of src/month-close: the month close's months, figures, sheet layouts (Meta data, the month's
 * summary, the Imports ledger) and labels, pure; the adapters that read and write them are in src/gas/month-close.
 */
export {
  type AtomRange,
  columnLetters,
  otherMonthNotes,
  otherMonthOf,
  parseAtomRange,
  rangeA1,
  type SheetRangeRef,
} from './atom-range';
export {
  type Budget,
  budgetAmount,
  budgetKey,
  budgetName,
  type BudgetScope,
  type BudgetShares,
  type BudgetStatus,
} from './budgets';
export { type CardNote, type HistoryNote } from './card-notes';
export { budgetEmail } from './budget-email';
export { checkedCostToAllocate, costToAllocate, type ExistingCell } from './cost-to-allocate';
export { checkedProjectionMethod, monthFigures } from './figures';
export { GENERAL_FORMAT } from './formats';
export { minorUnits } from './currency';
export {
  ALL_LABELS,
  DATA_SHEET,
  LEDGER_SHEET,
  monthCloseLabels,
  type MonthCloseLabels,
  OLD_DATA_HEADERS,
  summarySheetName,
} from './labels';
export {
  drift,
  latestPerMonth,
  LEDGER_COLUMNS,
  LEDGER_NOTES_COLUMN,
  type LedgerEntry,
  ledgerRow,
  ledgerRowFormats,
  previousImport,
  readLedger,
} from './ledger';
export {
  type CellCalendar,
  DATA_COLUMNS,
  type DataBlock,
  dataHeaderFormats,
  type DataRow,
  dataRowsOf,
  dayOfCell,
  digitsOf,
  monthBlock,
  rewriteBlock,
} from './meta-data-sheet';
export {
  assertStarted,
  type CalendarMonth,
  checkedGraceDays,
  DEFAULT_GRACE_DAYS,
  defaultMonth,
  firstDay,
  lastDay,
  MonthCloseInputError,
  monthKey,
  monthOfDay,
  monthStatus,
  parseMonth,
  previousMonth,
} from './month';
export { a1Of, type ChartSpec, KPI, summaryPlan, type SummaryPlan } from './summary-sheet';
export { COST_CELL_A1, type MonthClosePlan, planMonthClose, type RateCardCost } from './close-plan';
export { type MetaUsageRow } from './figures';
export { storedRowsOf } from './stored-history';
export {
  countsOf,
  rowsOfCounts,
  storedCountsToRead,
  type StoredCount,
  type StoredMonth,
} from './stored-counts';
export { ALLOWANCE_FROM, lineAllowance, perLineAllowance } from './allowance';
export { dataRowsInserted, type Grid, NEW_SHEET_GRID, peakCellsAdded } from './grid-growth';
export { LEDGER_OWNED_COLUMNS, ledgerRowsAdded } from './ledger';
