/**
 * Sidebar RPC of the Atom import: the setup (remembered mappings, sheets to pick), reading an existing sheet,
 * and importAtomRows, which stages the batches of one file and commits them on the last one — "Atom
 * conversations" (or the aggregate report sheets) upserted, then each month's Atom tables rewritten.
 */
import {
  aggregateFromCells,
  AGGREGATE_WIDTH,
  ALL_ATOM_LABELS,
  ATOM_FIELDS,
  AtomFileError,
  type AtomImportPlan,
  type AtomMapping,
  type AtomRow,
  atomSheetLabels,
  type AtomSheetLabels,
  CAMPAIGNS_SHEET,
  checkPlanCells,
  checkRowCells,
  type ClosedConversationsCount,
  conversationFromCells,
  CONVERSATION_WIDTH,
  CONVERSATIONS_SHEET,
  GROUPS_SHEET,
  implausibleStart,
  importMonths,
  monthGridChanges,
  planAtomImport,
  planCellsAdded,
  rowProblem,
  STAGING_SHEET,
} from '../../atom';
import { UserFacingError } from '../../core/errors';
import { cellsAdded } from '../../core/write-plan/limits';
import type {
  AtomImportKind,
  AtomImportSetup,
  AtomSheetCells,
  ImportAtomRowsRequest,
  ImportAtomRowsResult,
  WrittenSheet,
  ServerErrorNote,
} from '../../rpc/contract';
import { checkCellsAdded, gridNamed } from '../shared/grids';
import { ownedSheet } from '../shared/owned-sheet';
import { narrowSheet, writtenSheet } from '../shared/narrow-sheet';
import { appendAtomLedger } from '../bigquery/ledger-outbox';
import { atomHistory, readAtomMonths, writeAtomMonths } from './bigquery-history';
import { checkedBreakdownSheet, writeBreakdownSheet } from './breakdown-sheet';
import { checkedMonthSheet, writeMonthBlock } from './month-sheet';
import {
  atomMonthCapacity,
  checkSettings,
  checkStaging,
  readSettings,
  readStaging,
  rememberMonthTables,
  writeSettings,
  writeStaging,
  type StagingState,
} from './settings';
import { readBody, replaceTable, sheetNamed } from './sheet-io';
import { discardStaging, readStagedRows, stageCells, stagingCells, stagingGridChange } from './staging';

/** Rows per call: ~300 bytes of JSON each, so a batch stays near 1.5 MB (see the README's Atom section). */
export const BATCH_ROWS = 5000;
/** A batch may be smaller than BATCH_ROWS, never more than twice as large. */
const MAX_BATCH_ROWS = 2 * BATCH_ROWS;
const MAX_BATCHES = 1000;
const LOCK_WAIT_MS = 30000;
const KINDS: readonly AtomImportKind[] = ['conversations', 'campaigns', 'groups'];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

class AtomImportBusyError extends UserFacingError {
  constructor() {
    super('Another import is running in this spreadsheet; try again in a minute', {
      code: 'importRunning',
    } satisfies ServerErrorNote);
    this.name = 'AtomImportBusyError';
  }
}

/** Checks everything that crossed google.script.run before anything is written. */
function checkedRequest(request: ImportAtomRowsRequest): ImportAtomRowsRequest {
  const fileName =
    typeof request?.fileName === 'string' && request.fileName.trim() !== ''
      ? request.fileName
      : 'Atom import';
  const fail = (detail: string): never => {
    throw new AtomFileError(fileName, detail);
  };
  if (!KINDS.includes(request.kind))
    fail(`the report kind "${String(request.kind)}" cannot be imported; map the columns first`);
  const { index, count } = request.batch ?? ({} as ImportAtomRowsRequest['batch']);
  if (
    !Number.isInteger(count) ||
    count < 1 ||
    count > MAX_BATCHES ||
    !Number.isInteger(index) ||
    index < 0 ||
    index >= count
  ) {
    fail(`batch ${String(index)} of ${String(count)} is not a valid batch`);
  }
  if (!Array.isArray(request.rows) || request.rows.length > MAX_BATCH_ROWS) {
    fail(`a batch holds at most ${MAX_BATCH_ROWS} rows`);
  }
  const now = new Date();
  const startColumn = request.mapping?.start || 'start';
  request.rows.forEach((row, i) => {
    const shape = rowProblem(row);
    const start = shape ? null : implausibleStart(row.start, now);
    const problem = shape ?? (start && `column "${startColumn}": ${start}`);
    if (problem) fail(`row ${i + 1} of batch ${index + 1} cannot be imported: ${problem}`);
  });
  if (request.month != null && !MONTH.test(request.month))
    fail(`the month must be written YYYY-MM, not "${request.month}"`);
  if (
    request.closedConversations !== undefined &&
    request.closedConversations !== 'all' &&
    request.closedConversations !== 'manual'
  ) {
    fail('closedConversations must be "all" or "manual"');
  }
  return { ...request, fileName };
}

function currentUser(): string {
  return Session.getActiveUser().getEmail();
}

export function importAtomRows(raw: ImportAtomRowsRequest): ImportAtomRowsResult {
  const request = checkedRequest(raw);
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new AtomImportBusyError();
  try {
    const { index, count } = request.batch;
    let state = readStaging();
    if (index === 0) {
      if (state) discardStaging();
      state = {
        fileName: request.fileName,
        kind: request.kind,
        count,
        next: 0,
        received: 0,
        cells: 0,
        user: currentUser(),
      };
    } else if (
      !state ||
      state.fileName !== request.fileName ||
      state.kind !== request.kind ||
      state.count !== count ||
      state.next !== index ||
      state.user !== currentUser()
    ) {
      throw new AtomFileError(
        request.fileName,
        `batch ${index + 1} of ${count} arrived without the batches before it (another import may have started); nothing was written — import the file again`,
      );
    }
    if (index < count - 1) return stage(request, state);
    // Committed or refused, the staged batches are done with: a retry sends the file again from batch 1.
    try {
      return commit(request, [...readStagedRows(state.cells), ...request.rows]);
    } finally {
      discardStaging();
      writeStaging(null);
    }
  } finally {
    lock.releaseLock();
  }
}

/** What the import of a file is called in a refusal that names it. */
const importOf = (fileName: string): string => `The Atom import of "${fileName}"`;

/**
 * A batch before the last: checked like the commit checks it (each cell's length, the staging sheet's cells, the
 * state's size), then staged. A refused batch ends the file's import: its staged batches are discarded.
 */
function stage(request: ImportAtomRowsRequest, state: StagingState): ImportAtomRowsResult {
  const { index } = request.batch;
  let next: StagingState;
  try {
    checkRowCells(request.fileName, request.mapping ?? {}, request.rows, state.received + 1);
    const cells = stagingCells(request.rows);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const change = stagingGridChange(gridNamed(spreadsheet, STAGING_SHEET), state.cells + cells.length);
    checkCellsAdded(spreadsheet, importOf(request.fileName), cellsAdded([change]), STAGING_SHEET);
    next = {
      ...state,
      next: index + 1,
      received: state.received + request.rows.length,
      cells: state.cells + cells.length,
    };
    checkStaging(next);
    stageCells(state.cells, cells);
  } catch (e) {
    discardStaging();
    writeStaging(null);
    throw e;
  }
  writeStaging(next);
  return {
    batch: request.batch,
    received: next.received,
    committed: false,
    rowsWritten: 0,
    replaced: 0,
    duplicatesInFile: 0,
    months: [],
    sheets: [],
  };
}

/**
 * Reads, plans every write (src/atom/import-plan), checks the plan against Apps Script's limits — every cell's
 * length, the cells the sheets add, the settings' size — and only then writes: the data sheet (its new rows written
 * before the old ones' leftovers are cleared), "Atom billable units", each month's block and its named ranges, the
 * settings.
 */
function commit(request: ImportAtomRowsRequest, rows: AtomRow[]): ImportAtomRowsResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const labels = atomSheetLabels(spreadsheet.getSpreadsheetLocale());
  const settings = readSettings();
  const closedCount: ClosedConversationsCount = request.closedConversations ?? settings.closedConversations;
  const kind = request.kind;
  checkRowCells(request.fileName, request.mapping ?? {}, rows);
  const { months, touched } = importMonths(request.fileName, rows, request.month);
  const nextSettings = {
    mappings: { ...settings.mappings, [kind]: request.mapping },
    closedConversations: closedCount,
  };
  checkSettings(request.fileName, nextSettings);

  // Every sheet is checked before the first write: a sheet of one of these names made by someone else stops the import.
  const dataSheets = {
    // A sheet written before messages had kinds lacks the last column; it is still ours.
    conversations: ownedSheet(
      spreadsheet,
      CONVERSATIONS_SHEET,
      ALL_ATOM_LABELS.flatMap((l) => [l.conversationsHeader, l.conversationsHeader.slice(0, -1)]),
    ).sheet,
    groups: ownedSheet(
      spreadsheet,
      GROUPS_SHEET,
      ALL_ATOM_LABELS.map((l) => l.groupsHeader),
    ).sheet,
    campaigns: ownedSheet(
      spreadsheet,
      CAMPAIGNS_SHEET,
      ALL_ATOM_LABELS.map((l) => l.campaignsHeader),
    ).sheet,
  };
  const monthSheets = touched.map((month) => checkedMonthSheet(month));
  // The history in BigQuery: the months' conversation and message rows are kept there, no sheet holds them.
  const history = atomHistory();
  const rowsInBigQuery = history !== null && kind === 'conversations';
  const breakdownSheet = kind === 'conversations' && !history ? checkedBreakdownSheet() : null;
  const readBack = history ? readAtomMonths(history, touched) : null;
  const stored = readBack
    ? readBack.rows
    : readBody(dataSheets.conversations, CONVERSATION_WIDTH).map(conversationFromCells);
  const read = {
    fileName: request.fileName,
    kind,
    rows,
    months,
    touched,
    timeZone,
    labels,
    closedCount,
    stores: {
      conversations: stored,
      groups: readBody(dataSheets.groups, AGGREGATE_WIDTH).map(aggregateFromCells),
      campaigns: readBody(dataSheets.campaigns, AGGREGATE_WIDTH).map(aggregateFromCells),
    },
    // A block already on its sheet keeps (or grows) its rows.
    capacities: touched.map((month, k) => (monthSheets[k] ? atomMonthCapacity(month) : null)),
  };
  let plan = planAtomImport(read);
  checkPlanCells(plan);
  const grid = (name: string) => gridNamed(spreadsheet, name);
  const added = rowsInBigQuery ? cellsAdded(monthGridChanges(plan, grid)) : planCellsAdded(plan, grid);
  checkCellsAdded(spreadsheet, importOf(request.fileName), added, STAGING_SHEET);

  const written: WrittenSheet[] = [];
  let bytesProcessed: number | undefined;
  if (history) {
    const after = rowsInBigQuery ? plan.table.rows.map(conversationFromCells) : stored;
    const bigQuery = writeAtomMonths(history, touched, stored, after, timeZone);
    bytesProcessed = (readBack?.bytesProcessed ?? 0) + bigQuery.bytesProcessed;
    // The same blocks (same cells checked above), the reconciliation's Atom units as BigQuery's values.
    plan = planAtomImport({ ...read, atomUnits: bigQuery.atomUnits });
  }
  if (!rowsInBigQuery) writeDataSheet(spreadsheet, plan, dataSheets[kind], breakdownSheet, labels, written);
  plan.months.forEach(({ month, block, capacity }, k) => {
    const tables = writeMonthBlock(monthSheets[k], month, block, timeZone, capacity);
    written.push(writtenSheet(tables.sheet));
    rememberMonthTables(tables.sheet, month, tables);
  });
  writeSettings(nextSettings);
  if (history) appendAtomLedger(request.fileName, months, history.deadlineAt);
  return {
    batch: request.batch,
    received: rows.length,
    committed: true,
    rowsWritten: plan.added,
    replaced: plan.replaced,
    duplicatesInFile: plan.duplicatesInFile,
    months: [...touched],
    sheets: written,
    ...(bytesProcessed !== undefined && { bytesProcessed }),
  };
}

/** The data sheet the import upserts, rewritten whole, and (a conversations import) "Atom billable units". */
function writeDataSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  plan: AtomImportPlan,
  dataSheet: GoogleAppsScript.Spreadsheet.Sheet | null,
  breakdownSheet: GoogleAppsScript.Spreadsheet.Sheet | null,
  labels: AtomSheetLabels,
  written: WrittenSheet[],
): void {
  const { table } = plan;
  const sheet = narrowSheet(spreadsheet, dataSheet, table.name, table.header.length);
  replaceTable(sheet, table.header, table.rows);
  written.push(writtenSheet(sheet));
  if (plan.breakdown !== undefined) {
    if (table.rows.length > 0) {
      sheet.getRange(2, 3, table.rows.length, 1).setNumberFormat('yyyy-mm-dd hh:mm:ss');
    }
    const breakdown = writeBreakdownSheet(breakdownSheet, labels, plan.breakdown);
    if (breakdown) written.push(writtenSheet(breakdown));
  }
}

function onlyKnownFields(mapping: AtomMapping | undefined): AtomMapping {
  const out: AtomMapping = {};
  for (const f of ATOM_FIELDS) if (typeof mapping?.[f] === 'string') out[f] = mapping[f];
  return out;
}

export function getAtomImportSetup(): AtomImportSetup {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings();
  const mappings: AtomImportSetup['mappings'] = {};
  for (const k of KINDS) if (settings.mappings[k]) mappings[k] = onlyKnownFields(settings.mappings[k]);
  return {
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    mappings,
    closedConversations: settings.closedConversations,
    sheets: spreadsheet
      .getSheets()
      .map((s) => s.getName())
      .filter((n) => n !== STAGING_SHEET),
    batchRows: BATCH_ROWS,
  };
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export function readAtomSheet(name: string): AtomSheetCells {
  const sheet = typeof name === 'string' ? sheetNamed(name) : null;
  if (!sheet) throw new UserFacingError(`There is no sheet named "${String(name)}"`);
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const cells = sheet
    .getDataRange()
    .getValues()
    .map((row) =>
      row.map((v): string | number | boolean =>
        isDate(v)
          ? Utilities.formatDate(v, timeZone, 'yyyy-MM-dd HH:mm:ss')
          : (v as string | number | boolean),
      ),
    );
  return { name: sheet.getName(), cells };
}
