/**
 * Public surface of src/atom: Atom's report rows, their fields and sheet layouts, the stored import and the month
 * tables (pure; the adapters are in src/gas/atom). Not parseAtomExport/parseAtomCells (./parse): the sidebar's
 * file reader, kept out of what the server bundle imports (papaparse, fflate).
 */
export { AtomFileError } from './errors';
export { ATOM_FIELDS, type AtomField, type AtomMapping } from './fields';
export type { AtomParseResult, ParseOptions } from './normalise';
export { type DateReading, implausibleStart } from './dates';
export type { AtomImportKind, AtomReportKind, AtomRow, ClosingType, RejectedRow } from './rows';
export { type StoredRecord, upsertRecords } from './import-store';
export {
  type AtomImportPlan,
  checkPlanCells,
  checkRowCells,
  importMonths,
  monthGridChanges,
  planAtomImport,
  planCellsAdded,
} from './import-plan';
export {
  aggregateFromCells,
  AGGREGATE_WIDTH,
  conversationFromCells,
  CONVERSATION_WIDTH,
  type StoredRow,
} from './stored-rows';
export { isMessageKind } from './message-kinds';
export {
  ATOM_BLOCK_COLUMN,
  type BlockLayout,
  monthBlock,
  type MonthBlock,
  TABLE_CAPACITY,
} from './month-block';
export {
  type ClosedConversationsCount,
  type LabelledCount,
  daysOf,
  type MonthConversation,
  type MonthCounts,
  monthTables,
} from './month-tables';
export {
  BREAKDOWN_FORMULA_ROW,
  BREAKDOWN_WIDTH,
  breakdownFormula,
  MESSAGE_LOG_COLUMNS,
} from './reconciliation';
export { metaDailyUnits, RECONCILIATION_COLUMN, reconciliationHeaderRow } from './reconciliation-values';
export { rowProblem } from './rows';
export {
  ALL_ATOM_LABELS,
  type AtomSheetLabels,
  atomSheetLabels,
  BREAKDOWN_SHEET,
  CAMPAIGNS_SHEET,
  CONVERSATIONS_SHEET,
  GROUPS_SHEET,
  STAGING_SHEET,
} from './sheet-labels';
