/**
 * The Atom import with the history in BigQuery (issue 19): the conversation and message rows of the months a file
 * touches are read back (one partition each), upserted as the sheet import upserts them, and each changed month's
 * partition replaced by one load (WRITE_TRUNCATE, atomic); the day-by-day reconciliation comes from
 * bigquery-reconciliation.ts. If a load or a query fails, the months already loaded are loaded back as they were
 * read (and the state they carry recomputed), so BigQuery keeps its months and the caller writes no sheet.
 */
import type { StoredRow } from '../../atom';
import { loadMonth, query, type BigQuerySession } from '../../bigquery/client';
import { BigQueryError } from '../../bigquery/errors';
import {
  ATOM_TABLES,
  atomMonthRecords,
  storedAtomRow,
  storedAtomRowsSql,
  type AtomTableId,
} from '../../bigquery/atom-store';
import type { DatasetRef } from '../../bigquery/schema';
import { SIDEBAR_BUDGET_MS } from '../../meta';
import { readHistoryStore } from '../bigquery/history-store';
import { bigQuerySession } from '../bigquery/session';
import { reconcileAtomMonths, restoreCarries, type ReconciledMonths } from './bigquery-reconciliation';

export interface AtomHistory {
  session: BigQuerySession;
  dataset: DatasetRef;
  /** Names this commit's jobs: a retry of the import is a new run, never an old job's answer. */
  runId: string;
  deadlineAt: number;
}

/** The BigQuery history when the setting says so; null: the rows stay in "Atom conversations". */
export function atomHistory(): AtomHistory | null {
  const store = readHistoryStore();
  if (store.kind !== 'bigquery') return null;
  return {
    session: bigQuerySession(store),
    dataset: { projectId: store.project, datasetId: store.dataset },
    runId: Utilities.getUuid().replace(/-/g, ''),
    deadlineAt: Date.now() + SIDEBAR_BUDGET_MS,
  };
}

const run = (h: AtomHistory, sql: { query: string; queryParameters: Parameters<typeof query>[2] }) =>
  query(h.session, sql.query, sql.queryParameters, { deadlineAt: h.deadlineAt, runId: h.runId });

/** The stored rows of `months` (`YYYY-MM`), both tables, and the bytes the queries processed. */
export function readAtomMonths(
  h: AtomHistory,
  months: readonly string[],
): { rows: StoredRow[]; bytesProcessed: number } {
  const rows: StoredRow[] = [];
  let bytesProcessed = 0;
  for (const month of months)
    for (const table of ATOM_TABLES) {
      const result = run(h, storedAtomRowsSql(h.dataset, table, month));
      bytesProcessed += result.bytesProcessed;
      rows.push(...result.rows.map((r) => storedAtomRow(table, month, r)));
    }
  return { rows, bytesProcessed };
}

/** Time to load back the months a failed import changed, past the import's own deadline. */
const RESTORE_MS = 60_000;

export type AtomMonthsWritten = ReconciledMonths;

const sortedJson = (rows: readonly Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();

/**
 * Replaces each of `months` whose rows changed from `before` (as read) to `after` (as upserted), then reconciles
 * the months with messages. A failure loads back what was loaded and throws as it was.
 */
export function writeAtomMonths(
  h: AtomHistory,
  months: readonly string[],
  before: readonly StoredRow[],
  after: readonly StoredRow[],
  timeZone: string,
): AtomMonthsWritten {
  const loads: {
    table: AtomTableId;
    month: string;
    rows: Record<string, unknown>[];
    was: Record<string, unknown>[];
  }[] = [];
  for (const month of months) {
    const was = atomMonthRecords(month, before);
    const now = atomMonthRecords(month, after);
    for (const table of ATOM_TABLES) {
      const [a, b] = [sortedJson(was[table]), sortedJson(now[table])];
      if (a.length === b.length && a.every((row, i) => row === b[i])) continue;
      // A load cannot empty a partition (the upsert keeps a month's own kind whenever the file has rows there).
      if (now[table].length === 0)
        throw new RangeError(`The Atom import would leave ${table} empty for ${month}; nothing was loaded`);
      loads.push({ table, month, rows: now[table], was: was[table] });
    }
  }
  // Loads BigQuery answered as done: loaded back on a failure. (One whose answer was lost — still running at the
  // deadline, or its polls failing — may still apply: resuming it by its job id is left to the wiring's next step.)
  const loaded: typeof loads = [];
  const jobId = (l: (typeof loads)[number], what: string) =>
    `${l.table}_${l.month.replace('-', '')}_${what}_${h.runId}`;
  try {
    for (const l of loads) {
      loadMonth(h.session, l.table, l.month, l.rows, jobId(l, 'load'), { deadlineAt: h.deadlineAt });
      loaded.push(l);
    }
    return reconcileAtomMonths(
      h,
      months.filter((month) => after.some((r) => r.message && r.month === month)),
      loaded.filter((l) => l.table === 'atom_messages').map((l) => l.month),
      timeZone,
    );
  } catch (e) {
    // A month that was empty before cannot be loaded back empty: it keeps the rows loaded (a failure after its load).
    for (const l of loaded) {
      if (l.was.length === 0) continue;
      try {
        loadMonth(h.session, l.table, l.month, l.was, jobId(l, 'restore'), {
          deadlineAt: Math.max(h.deadlineAt, Date.now()) + RESTORE_MS,
        });
      } catch {
        throw new BigQueryError(
          `${(e as Error).message}; loading ${l.table} for ${l.month} back as it was failed too, so it holds this file's rows — import the file again`,
        );
      }
    }
    // Their carries were recomputed from this file's rows: again from the rows loaded back.
    const restored = loaded
      .filter((l) => l.table === 'atom_messages' && l.was.length > 0)
      .map((l) => l.month);
    restoreCarries(h, restored, timeZone, Math.max(h.deadlineAt, Date.now()) + RESTORE_MS, e as Error);
    throw e;
  }
}
