/**
 * The month close's history in BigQuery (issue 19, when the History setting says so): the month's stored Meta
 * rows are read from `meta_rows` (one partition; a dry run and the admin's byte cap first) instead of "Meta data"'s
 * block, and the month's rows after the import are loaded back into that partition (WRITE_TRUNCATE: replaced at
 * once, or left as it was) before any sheet is written — the ledger row stays the commit.
 */
import { BigQueryError } from '../../bigquery/errors';
import { loadJobId, loadMonth, query, type BigQuerySession } from '../../bigquery/client';
import { metaRowOf, metaRowRecords, storedMetaRowsSql } from '../../bigquery/meta-rows';
import { type CalendarMonth, type CellCalendar, type MetaUsageRow, storedRowsOf } from '../../month-close';
import { readHistoryStore } from '../bigquery/history-store';
import { bigQuerySession } from '../bigquery/session';
import { readDataSheet } from './data-sheet-io';

export interface BigQueryHistory {
  session: BigQuerySession;
  /** The month's stored rows, every line. */
  rows: MetaUsageRow[];
  /** What the read scanned (the result card shows it). */
  bytesProcessed: number;
}

/** The month's stored rows from BigQuery; null when the history is kept in Sheets. `month` is YYYY-MM. */
export function readBigQueryHistory(
  month: string,
  currency: string,
  deadlineAt: number,
): BigQueryHistory | null {
  const store = readHistoryStore();
  if (store.kind !== 'bigquery') return null;
  const session = bigQuerySession(store);
  const sql = storedMetaRowsSql({ projectId: store.project, datasetId: store.dataset }, `${month}-01`);
  // A fresh job each run: a read that found an earlier run's job would answer that run's rows.
  const runId = `${Date.now().toString(36)}_${Math.floor(session.random() * 2 ** 48).toString(36)}`;
  const read = nothingImported(() => query(session, sql.query, sql.queryParameters, { deadlineAt, runId }));
  return { session, rows: read.rows.map((r) => metaRowOf(r, currency)), bytesProcessed: read.bytesProcessed };
}

/**
 * The month's stored rows: BigQuery's, or while its partition is empty those "Meta data" kept before the switch
 * (not copied yet), every line — so an empty or smaller answer never hides them, and the first load takes them in.
 */
export function storedMonthRows(
  history: BigQueryHistory,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  month: CalendarMonth,
  cells: CellCalendar,
): MetaUsageRow[] {
  if (history.rows.length) return history.rows;
  const block = readDataSheet(spreadsheet, month, cells).values;
  return storedRowsOf(block, month, null, cells).map((s) => s.usage);
}

/**
 * Replaces the month's partition with `rows`. `commitKey` names the state the rows were planned from (the
 * spreadsheet and its ledger's length): a run resumed before its ledger row finds its own load job rather than
 * loading twice, and any later run loads anew.
 */
export function storeBigQueryMonth(
  history: BigQueryHistory,
  month: string,
  rows: readonly MetaUsageRow[],
  currency: string,
  commitKey: string,
  deadlineAt: number,
): void {
  const records = metaRowRecords(`${month}-01`, rows, currency);
  const jobId = loadJobId('meta_rows', month, JSON.stringify([commitKey, records]));
  nothingImported(() => loadMonth(history.session, 'meta_rows', month, records, jobId, { deadlineAt }));
}

function nothingImported<T>(call: () => T): T {
  try {
    return call();
  } catch (e) {
    if (!(e instanceof BigQueryError)) throw e;
    throw new BigQueryError(`Nothing was imported: ${e.message}`, e.reason, e.note);
  }
}
