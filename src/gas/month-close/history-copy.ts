/**
 * Copies the spreadsheet's history into BigQuery once an admin switched the History setting (src/bigquery/
 * history-copy.ts): "Meta data" by month into meta_rows, "Atom conversations" (conversations and per-message rows)
 * into atom_conversations / atom_messages, then the "Imports" ledger into ledger. Each call copies the months that
 * fit in its time and remembers them (a document property); the sidebar calls again until nothing is left. The
 * sheets stay: the admin deletes them by hand once the tables are checked.
 */
import {
  ALL_ATOM_LABELS,
  conversationFromCells,
  CONVERSATION_WIDTH,
  CONVERSATIONS_SHEET,
  type StoredRow,
} from '../../atom';
import { atomMonthRecords } from '../../bigquery/atom-rows';
import { loadJobId, loadMonth, query } from '../../bigquery/client';
import { BigQueryError, BigQueryJobRunningError } from '../../bigquery/errors';
import {
  COPY_TABLES,
  copyProgress,
  partitionAction,
  partitionCountsSql,
  type CopyProgress,
  type CopyTableId,
} from '../../bigquery/history-copy';
import { metaRowRecords } from '../../bigquery/meta-rows';
import { checkPropertyValue } from '../../core/write-plan/limits';
import { ZoneCalendar } from '../../core/zone-calendar';
import {
  ALL_LABELS,
  type CellCalendar,
  DATA_COLUMNS,
  DATA_SHEET,
  dayOfCell,
  monthBlock,
  OLD_DATA_HEADERS,
  parseMonth,
  storedRowsOf,
} from '../../month-close';
import type { HistoryCopyView } from '../../rpc/contract';
import { readBody } from '../atom/sheet-io';
import { readHistoryStore, type BigQueryStore } from '../bigquery/history-store';
import { datasetOf, readOutbox, sendLedger } from '../bigquery/ledger-outbox';
import { bigQuerySession } from '../bigquery/session';
import { currentUserEmail, requireAdmin } from '../shared/admins';
import { readAdmins, readConnection } from '../shared/connection-store';
import { documentProperties, readDocumentJson } from '../shared/document-json';
import { ownedSheet } from '../shared/owned-sheet';
import { sheetLedgerRecords } from './bigquery-ledger';

const PROGRESS_KEY = 'atomBilling.history.copy';
/** A month is started only this far into the call: its loads (seconds each) end well before Apps Script's 6 minutes. */
const START_MONTHS_MS = 200_000;
/** Every BigQuery answer by then; a load still running is resumed by its job id on the next call. */
const CALL_BUDGET_MS = 330_000;

type Records = Record<string, unknown>[];

/** The sheets' history by month (YYYY-MM): each month's rows of each table, read when asked for. */
interface SheetHistory {
  months: string[];
  count(table: CopyTableId, month: string): number;
  records(table: CopyTableId, month: string): Records;
}

function sheetHistory(): SheetHistory {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const cells: CellCalendar = {
    calendar: new ZoneCalendar(spreadsheet.getSpreadsheetTimeZone()),
    makeDate: (ms) => new Date(ms),
  };
  // "Meta data": the Day column first (rows are sorted by day, so each month is one block), a block when copied.
  const data = ownedSheet(spreadsheet, DATA_SHEET, [
    ...ALL_LABELS.map((l) => l.dataHeader),
    ...OLD_DATA_HEADERS,
  ]);
  const dataRows = data.sheet ? Math.max(0, data.sheet.getLastRow() - 1) : 0;
  const days = dataRows
    ? data
        .sheet!.getRange(2, 1, dataRows, 1)
        .getValues()
        .map((r) => dayOfCell(r[0], cells))
    : [];
  const metaCounts = new Map<string, number>();
  for (const day of days)
    if (day) metaCounts.set(day.slice(0, 7), (metaCounts.get(day.slice(0, 7)) ?? 0) + 1);
  const metaRows = (month: string): Records => {
    const calendarMonth = parseMonth(month);
    const { start, end } = monthBlock(days, calendarMonth);
    if (end === start || !data.sheet) return [];
    const width = Math.min(DATA_COLUMNS, data.sheet.getMaxColumns());
    const block = data.sheet.getRange(2 + start, 1, end - start, width).getValues();
    const rows = storedRowsOf(block, calendarMonth, null, cells).map((s) => s.usage);
    return metaRowRecords(`${month}-01`, rows, readConnection()?.currency ?? '');
  };

  // "Atom conversations": conversation rows and per-message rows (those with a message kind), each with its month.
  const conversations = ownedSheet(
    spreadsheet,
    CONVERSATIONS_SHEET,
    ALL_ATOM_LABELS.flatMap((l) => [l.conversationsHeader, l.conversationsHeader.slice(0, -1)]),
  ).sheet;
  const atom: StoredRow[] = readBody(conversations, CONVERSATION_WIDTH).map(conversationFromCells);
  const atomByMonth = new Map<string, ReturnType<typeof atomMonthRecords>>();
  for (const month of new Set(atom.map((r) => r.month)))
    atomByMonth.set(month, atomMonthRecords(month, atom));

  const records = (table: CopyTableId, month: string): Records =>
    table === 'meta_rows' ? metaRows(month) : (atomByMonth.get(month)?.[table] ?? []);
  return {
    months: [...new Set([...metaCounts.keys(), ...atomByMonth.keys()])].sort(),
    count: (table, month) =>
      table === 'meta_rows' ? (metaCounts.get(month) ?? 0) : records(table, month).length,
    records,
  };
}

function readProgress(store: BigQueryStore): CopyProgress {
  return copyProgress(readDocumentJson(PROGRESS_KEY), datasetOf(store));
}

function writeProgress(progress: CopyProgress): void {
  const value = JSON.stringify(progress);
  checkPropertyValue('The history copy’s progress', value);
  documentProperties().setProperty(PROGRESS_KEY, value);
}

function viewOf(store: BigQueryStore, sheet: SheetHistory, progress: CopyProgress): HistoryCopyView {
  const months = sheet.months.filter((m) => !progress.copied.includes(m));
  const box = readOutbox(store);
  const rows = {
    meta_rows: 0,
    atom_conversations: 0,
    atom_messages: 0,
    ledger: Math.max(0, sheetLedgerRecords().length - box.synced) + box.queued.length,
  };
  for (const month of months) for (const table of COPY_TABLES) rows[table] += sheet.count(table, month);
  return {
    months,
    rows,
    copied: progress.copied,
    skipped: progress.skipped,
    done: months.length === 0 && rows.ledger === 0,
  };
}

function bigQueryStore(): BigQueryStore | null {
  const store = readHistoryStore();
  return store.kind === 'bigquery' ? store : null;
}

export function getHistoryCopy(): HistoryCopyView | null {
  const store = bigQueryStore();
  if (!store || !readAdmins().includes(currentUserEmail())) return null;
  return viewOf(store, sheetHistory(), readProgress(store));
}

/** Each month's row count of each table in BigQuery (`YYYY-MM` → rows). */
function partitionCounts(store: BigQueryStore, deadlineAt: number): Record<CopyTableId, Map<string, number>> {
  const session = bigQuerySession(store);
  const dataset = { projectId: store.project, datasetId: store.dataset };
  const runId = `copy_${Date.now().toString(36)}_${Math.floor(session.random() * 2 ** 48).toString(36)}`;
  const counts = {} as Record<CopyTableId, Map<string, number>>;
  for (const table of COPY_TABLES) {
    const sql = partitionCountsSql(dataset, table);
    const { rows } = query(session, sql.query, sql.queryParameters, { deadlineAt, runId });
    counts[table] = new Map(rows.map((r) => [String(r.month).slice(0, 7), Number(r.n)]));
  }
  return counts;
}

export function copyHistory(): HistoryCopyView {
  requireAdmin(readAdmins(), false);
  const store = bigQueryStore();
  if (!store) throw new BigQueryError('The history is kept in this spreadsheet: there is nothing to copy');
  const startedAt = Date.now();
  const deadlineAt = startedAt + CALL_BUDGET_MS;
  const session = bigQuerySession(store);
  const sheet = sheetHistory();
  let progress = readProgress(store);
  const left = sheet.months.filter((m) => !progress.copied.includes(m));
  let month = '';
  try {
    const counts = left.length ? partitionCounts(store, deadlineAt) : null;
    for (month of left) {
      if (Date.now() - startedAt > START_MONTHS_MS) return viewOf(store, sheet, progress);
      const skipped = [...progress.skipped];
      for (const table of COPY_TABLES) {
        const inSheet = sheet.count(table, month);
        const inBigQuery = counts![table].get(month) ?? 0;
        const action = inSheet ? partitionAction(inSheet, inBigQuery) : 'copied';
        if (action === 'keep') skipped.push({ table, month, inBigQuery, inSheet });
        if (action !== 'load') continue;
        const rows = sheet.records(table, month);
        // Named by the rows: a call resumed after a lost answer finds this load instead of sending another.
        const jobId = loadJobId(table, month, JSON.stringify([spreadsheetId(), rows]));
        loadMonth(session, table, month, rows, jobId, { deadlineAt });
      }
      progress = { ...progress, copied: [...progress.copied, month], skipped };
      writeProgress(progress);
    }
    month = '';
    sendLedger(store, sheetLedgerRecords(), deadlineAt);
  } catch (e) {
    // Out of time: the next call goes on (the load, if sent, is found by its job id).
    if (e instanceof BigQueryJobRunningError) return viewOf(store, sheet, progress);
    if (!(e instanceof BigQueryError)) throw e;
    // What was copied before stays in BigQuery (the progress is written per month); the sidebar says so.
    throw new BigQueryError(`Copying ${month || 'the ledger'} failed: ${e.message}`, e.reason, e.note);
  }
  return viewOf(store, sheet, progress);
}

const spreadsheetId = () => SpreadsheetApp.getActiveSpreadsheet().getId();
