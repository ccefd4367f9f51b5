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
import type { StagedImport } from '../../bigquery/atom-import-sql';
import {
  BigQueryBusyError,
  BigQueryError,
  BigQueryJobRunningError,
  BigQueryTransportError,
} from '../../bigquery/errors';
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
import {
  atomHistory,
  atomMonthCounts,
  commitStaged,
  dropStagedRows,
  newImportId,
  stageAtomBatch,
  stagedSummary,
  type AtomHistory,
} from './bigquery-history';
import { reconcileAtomMonths } from './bigquery-reconciliation';
import { appendAtomLedger } from '../bigquery/ledger-outbox';
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
  type StagedInBigQuery,
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
    // An import whose transaction was sent by a run that stopped: finished first (its job found by its id).
    if (state?.bigQuery?.committing) {
      finishCommit(state);
      state = null;
    }
    const history = request.kind === 'conversations' ? atomHistory() : null;
    if (index === 0) {
      if (state) discardStaging();
      // A file left half-sent (the sidebar closed): its staged rows go.
      const abandoned = state?.bigQuery;
      const h = abandoned && (history ?? atomHistory());
      if (abandoned && h) dropStagedRows(h, abandoned.importId);
      state = {
        fileName: request.fileName,
        kind: request.kind,
        count,
        next: 0,
        received: 0,
        cells: 0,
        user: currentUser(),
        ...(history && {
          bigQuery: { importId: newImportId(), months: [], messages: false, allIds: true },
        }),
      };
    } else if (
      !state ||
      state.fileName !== request.fileName ||
      state.kind !== request.kind ||
      state.count !== count ||
      state.next !== index ||
      state.user !== currentUser() ||
      !history !== !state.bigQuery
    ) {
      throw new AtomFileError(
        request.fileName,
        `batch ${index + 1} of ${count} arrived without the batches before it (another import may have started); nothing was written — import the file again`,
      );
    }
    if (history && state.bigQuery) return importInBigQuery(request, state, history);
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

/**
 * The history in BigQuery: the batch is appended to atom_staging; the last one commits. A refusal before the
 * transaction was sent drops the import's staged rows; once it was sent, the state stays so the next run finishes it
 * (unless BigQuery answered that it failed: then nothing changed).
 */
function importInBigQuery(
  request: ImportAtomRowsRequest,
  state: StagingState,
  history: AtomHistory,
): ImportAtomRowsResult {
  const bq = state.bigQuery as StagedInBigQuery;
  const { index, count } = request.batch;
  const progress: CommitProgress = { sent: false, applied: false };
  try {
    checkRowCells(request.fileName, request.mapping ?? {}, request.rows, state.received + 1);
    const { months } = importMonths(request.fileName, request.rows, request.month);
    const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
    stageAtomBatch(history, { importId: bq.importId, index, seq: state.received }, request.rows, months, {
      fileName: request.fileName,
      timeZone,
    });
    const next: StagingState = {
      ...state,
      next: index + 1,
      received: state.received + request.rows.length,
      bigQuery: {
        ...bq,
        months: [...new Set([...bq.months, ...months])].sort(),
        messages: bq.messages || request.rows.some((r) => r.messageKind !== ''),
        allIds: bq.allIds && request.rows.every((r) => r.id !== '' && r.messageKind === ''),
      },
    };
    checkStaging(next);
    if (index < count - 1) {
      writeStaging(next);
      return staged(request.batch, next.received);
    }
    const result = commit(request, [], { history, state: next, progress });
    writeStaging(null);
    return result;
  } catch (e) {
    if (!progress.sent || !(progress.applied || outcomeUnknown(e))) {
      dropStagedRows(history, bq.importId);
      writeStaging(null);
    }
    throw afterCommit(e, progress);
  }
}

/**
 * A BigQuery failure once the transaction was applied (a query for the month blocks or the reconciliation): the
 * file's rows are stored, so "nothing was changed" would be wrong; the next import finishes the sheets.
 */
function afterCommit(e: unknown, progress: CommitProgress): unknown {
  if (!progress.applied || !(e instanceof BigQueryError)) return e;
  return new BigQueryError(
    `The file's rows are stored in BigQuery, but its month sheets were not written (BigQuery: ${e.reason ?? e.message}); import the file again to finish them`,
    e.reason,
  );
}

/** Finishes an import whose transaction a stopped run sent (its month blocks written), or drops it if it failed. */
function finishCommit(state: StagingState): void {
  const history = atomHistory();
  const bq = state.bigQuery as StagedInBigQuery;
  const progress: CommitProgress = { sent: true, applied: false };
  if (history)
    try {
      commit(
        {
          kind: 'conversations',
          fileName: state.fileName,
          mapping: readSettings().mappings.conversations ?? {},
          rows: [],
          batch: { index: state.count - 1, count: state.count },
          closedConversations: bq.committing?.closedCount,
        },
        [],
        { history, state, progress },
      );
    } catch (e) {
      if (progress.applied || outcomeUnknown(e)) throw afterCommit(e, progress);
      dropStagedRows(history, bq.importId);
    }
  writeStaging(null);
}

/** The answer to a batch before the last. */
const staged = (batch: ImportAtomRowsRequest['batch'], received: number): ImportAtomRowsResult => ({
  batch,
  received,
  committed: false,
  rowsWritten: 0,
  replaced: 0,
  duplicatesInFile: 0,
  months: [],
  sheets: [],
});

/** A failure whose effect on BigQuery is unknown (the job may still run): the import stays to be finished. */
const outcomeUnknown = (e: unknown) =>
  e instanceof BigQueryJobRunningError ||
  e instanceof BigQueryBusyError ||
  e instanceof BigQueryTransportError;

/** How far a BigQuery commit got: its transaction sent, and answered as applied. */
interface CommitProgress {
  sent: boolean;
  applied: boolean;
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
  return staged(request.batch, next.received);
}

/** A conversations import with the history in BigQuery: its rows in atom_staging, its state, its progress. */
interface StagedCommit {
  history: AtomHistory;
  state: StagingState;
  progress: CommitProgress;
}

/**
 * Reads, plans every write (src/atom/import-plan), checks the plan against Apps Script's limits — every cell's
 * length, the cells the sheets add, the settings' size — and only then writes: the data sheet (its new rows written
 * before the old ones' leftovers are cleared), "Atom billable units", each month's block and its named ranges, the
 * settings. With the history in BigQuery no sheet holds the rows: the month blocks count from aggregate queries
 * (for a staged import, as its transaction will leave the months), and the transaction is the first write.
 */
function commit(
  request: ImportAtomRowsRequest,
  rows: AtomRow[],
  inBigQuery?: StagedCommit,
): ImportAtomRowsResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const labels = atomSheetLabels(spreadsheet.getSpreadsheetLocale());
  const settings = readSettings();
  const closedCount: ClosedConversationsCount = request.closedConversations ?? settings.closedConversations;
  const kind = request.kind;
  checkRowCells(request.fileName, request.mapping ?? {}, rows);
  const bq = inBigQuery?.state.bigQuery;
  const staged: StagedImport | null = bq
    ? { importId: bq.importId, mode: bq.allIds ? 'ids' : 'months', messages: bq.messages, months: bq.months }
    : null;
  const { months, touched } = staged
    ? { months: [], touched: [...staged.months] }
    : importMonths(request.fileName, rows, request.month);
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
  const history = inBigQuery?.history ?? atomHistory();
  const rowsInBigQuery = staged !== null;
  const breakdownSheet = kind === 'conversations' && !history ? checkedBreakdownSheet() : null;
  let bytesProcessed = 0;
  const progress = inBigQuery?.progress;
  // A transaction a stopped run sent is waited for first (found by its job id); the blocks count what it left.
  if (staged && progress?.sent) {
    bytesProcessed += commitStaged(history as AtomHistory, staged).bytesProcessed;
    progress.applied = true;
  }
  const pending = staged && !progress?.applied ? staged : null;
  const summary = pending ? stagedSummary(history as AtomHistory, pending) : null;
  const counts = history
    ? atomMonthCounts(history, touched, timeZone, closedCount, pending)
    : { counts: undefined, bytesProcessed: 0 };
  bytesProcessed += counts.bytesProcessed + (summary?.bytesProcessed ?? 0);
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
      conversations: history
        ? []
        : readBody(dataSheets.conversations, CONVERSATION_WIDTH).map(conversationFromCells),
      groups: readBody(dataSheets.groups, AGGREGATE_WIDTH).map(aggregateFromCells),
      campaigns: readBody(dataSheets.campaigns, AGGREGATE_WIDTH).map(aggregateFromCells),
    },
    // A block already on its sheet keeps (or grows) its rows.
    capacities: touched.map((month, k) => (monthSheets[k] ? atomMonthCapacity(month) : null)),
  };
  let plan = planAtomImport({ ...read, counts: counts.counts });
  checkPlanCells(plan);
  const grid = (name: string) => gridNamed(spreadsheet, name);
  const added = rowsInBigQuery ? cellsAdded(monthGridChanges(plan, grid)) : planCellsAdded(plan, grid);
  checkCellsAdded(spreadsheet, importOf(request.fileName), added, STAGING_SHEET);

  const written: WrittenSheet[] = [];
  if (history) {
    if (pending && inBigQuery && progress) {
      writeStaging({
        ...inBigQuery.state,
        bigQuery: { ...(bq as StagedInBigQuery), committing: { closedCount } },
      });
      progress.sent = true;
      bytesProcessed += commitStaged(history, pending).bytesProcessed;
      progress.applied = true;
    }
    const withMessages = touched.filter((m) => counts.counts?.get(m)?.messages);
    // A file with messages replaced its months' messages: the state they carry is recomputed.
    const changed = inBigQuery?.state.bigQuery?.messages ? withMessages : [];
    const units = reconcileAtomMonths(history, withMessages, changed, timeZone);
    bytesProcessed += units.bytesProcessed;
    // The same blocks (same cells checked above), the reconciliation's units as BigQuery's values.
    plan = planAtomImport({
      ...read,
      counts: counts.counts,
      atomUnits: units.atomUnits,
      metaUnits: units.metaUnits,
    });
  }
  if (!rowsInBigQuery) writeDataSheet(spreadsheet, plan, dataSheets[kind], breakdownSheet, labels, written);
  plan.months.forEach(({ month, block, capacity }, k) => {
    const tables = writeMonthBlock(monthSheets[k], month, block, timeZone, capacity);
    written.push(writtenSheet(tables.sheet));
    rememberMonthTables(tables.sheet, month, tables);
  });
  writeSettings(nextSettings);
  if (history) appendAtomLedger(request.fileName, touched, history.deadlineAt);
  return {
    batch: request.batch,
    received: inBigQuery ? inBigQuery.state.received : rows.length,
    committed: true,
    rowsWritten: summary ? summary.added : plan.added,
    replaced: summary ? summary.replaced : plan.replaced,
    duplicatesInFile: summary ? summary.staged - summary.added : plan.duplicatesInFile,
    months: [...touched],
    sheets: written,
    ...(history && { bytesProcessed }),
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
