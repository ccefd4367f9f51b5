/**
 * The month close's history in BigQuery (issue 19, when the History setting says so): the month's stored Meta
 * rows are counted per day, line and currency in `meta_rows` (one partition; a dry run and the admin's byte cap
 * first), and only the rows the history rule keeps are read back (stored-counts.ts; none at a timely close) instead
 * of "Meta data"'s block; the month's rows after the import are loaded back into that partition (WRITE_TRUNCATE:
 * replaced at once, or left as it was) before any sheet is written — the ledger row stays the commit.
 */
import { BigQueryError } from '../../bigquery/errors';
import { loadJobId, loadMonth, query, type BigQuerySession } from '../../bigquery/client';
import { metaRowOf, metaRowRecords, storedMetaCountsSql, storedMetaRowsSql } from '../../bigquery/meta-rows';
import type { DatasetRef } from '../../bigquery/schema';
import {
  type CalendarMonth,
  type CellCalendar,
  countsOf,
  type MetaUsageRow,
  monthKey,
  rowsOfCounts,
  type StoredCount,
  type StoredMonth,
  storedRowsOf,
} from '../../month-close';
import { readHistoryStore } from '../bigquery/history-store';
import { bigQuerySession } from '../bigquery/session';
import { readDataSheet } from './data-sheet-io';

export interface BigQueryHistory {
  session: BigQuerySession;
  dataset: DatasetRef;
  /** A fresh job id prefix each run: a read that found an earlier run's job would answer that run's rows. */
  runId: string;
  /** The month's stored rows counted, every line. */
  counts: StoredCount[];
  /** What the reads scanned (the result card shows it). */
  bytesProcessed: number;
}

/** The month's stored rows counted in BigQuery; null when the history is kept in Sheets. `month` is YYYY-MM. */
export function readBigQueryHistory(month: string, deadlineAt: number): BigQueryHistory | null {
  const store = readHistoryStore();
  if (store.kind !== 'bigquery') return null;
  const session = bigQuerySession(store);
  const dataset = { projectId: store.project, datasetId: store.dataset };
  const sql = storedMetaCountsSql(dataset, `${month}-01`);
  const runId = `${Date.now().toString(36)}_${Math.floor(session.random() * 2 ** 48).toString(36)}`;
  const read = nothingImported(() => query(session, sql.query, sql.queryParameters, { deadlineAt, runId }));
  const counts = read.rows.map((r) => ({
    day: String(r.day),
    line: r.line === null ? null : String(r.line),
    currency: String(r.currency),
    rows: Number(r.n),
  }));
  return { session, dataset, runId, counts, bytesProcessed: read.bytesProcessed };
}

/**
 * The month's stored history: BigQuery's counts and the rows of those `toRead` picks (one more query, only when it
 * picks any), or while its partition is empty the rows "Meta data" kept before the switch (not copied yet), every
 * line — so an empty or smaller answer never hides them, and the first load takes them in.
 */
export function storedMonth(
  history: BigQueryHistory,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  month: CalendarMonth,
  cells: CellCalendar,
  currency: string,
  toRead: (counts: readonly StoredCount[]) => StoredCount[],
  deadlineAt: number,
): StoredMonth {
  const { counts } = history;
  if (!counts.length) {
    const block = readDataSheet(spreadsheet, month, cells).values;
    const rows = storedRowsOf(block, month, null, cells).map((s) => s.usage);
    return { counts: countsOf(rows, currency), rows };
  }
  const read = toRead(counts);
  if (!read.length) return { counts, rows: [] };
  const days = [...new Set(read.map((c) => c.day))];
  const lines = [...new Set(read.map((c) => c.line ?? ''))];
  const sql = storedMetaRowsSql(history.dataset, `${monthKey(month)}-01`, { days, lines });
  const answer = nothingImported(() =>
    query(history.session, sql.query, sql.queryParameters, { deadlineAt, runId: history.runId }),
  );
  history.bytesProcessed += answer.bytesProcessed;
  const rows = answer.rows.map((r) => metaRowOf(r, currency));
  return { counts, rows: rowsOfCounts(rows, read, currency) };
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
