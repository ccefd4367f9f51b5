/**
 * The Atom import with the history in BigQuery (issue 19): each sidebar batch is appended to `atom_staging` by load
 * jobs named after the import and the batch (a retried batch finds its loads); the commit is one transaction
 * (src/bigquery/atom-import-sql.ts) named after the import, so a run that stopped while it ran picks the same job
 * up instead of running it twice; the month blocks' figures come from aggregate queries, and the day-by-day
 * reconciliation comes from bigquery-reconciliation.ts. No raw row is read back.
 */
import type { ClosedConversationsCount, MonthCounts } from '../../atom';
import {
  commitScript,
  dropStagedSql,
  monthCounts,
  monthCountsSql,
  stagedSummarySql,
  stagingRecord,
  type StagedImport,
} from '../../bigquery/atom-import-sql';
import { appendRows, ensureTables, query, type BigQuerySession } from '../../bigquery/client';
import { historyTable, type DatasetRef } from '../../bigquery/schema';
import type { AtomRow } from '../../atom';
import { SIDEBAR_BUDGET_MS } from '../../meta';
import { readHistoryStore } from '../bigquery/history-store';
import { bigQuerySession } from '../bigquery/session';

export interface AtomHistory {
  session: BigQuerySession;
  dataset: DatasetRef;
  /** Names this run's read-only queries: a retry of the import is a new run, never an old job's answer. */
  runId: string;
  deadlineAt: number;
}

const uuid = () => Utilities.getUuid().replace(/-/g, '');

/** The BigQuery history when the setting says so; null: the rows stay in "Atom conversations". */
export function atomHistory(): AtomHistory | null {
  const store = readHistoryStore();
  if (store.kind !== 'bigquery') return null;
  return {
    session: bigQuerySession(store),
    dataset: { projectId: store.project, datasetId: store.dataset },
    runId: uuid(),
    deadlineAt: Date.now() + SIDEBAR_BUDGET_MS,
  };
}

/** A new import's id: its staging rows' tag and the root of its jobs' ids. */
export const newImportId = uuid;

type Sql = { query: string; queryParameters: Parameters<typeof query>[2] };

const run = (h: AtomHistory, sql: Sql, runId = h.runId) =>
  query(h.session, sql.query, sql.queryParameters, { deadlineAt: h.deadlineAt, runId });

/**
 * Appends one batch to `atom_staging` (the table is made on the first batch if the dataset predates it); `seq`:
 * the number of rows staged before it. Job ids `atom_stage_<import>_<batch>_<part>`.
 */
export function stageAtomBatch(
  h: AtomHistory,
  staged: { importId: string; index: number; seq: number },
  rows: readonly AtomRow[],
  months: readonly string[],
  file: { fileName: string; timeZone: string },
): void {
  const options = { deadlineAt: h.deadlineAt };
  if (staged.index === 0) ensureTables(h.session, [historyTable(h.dataset, 'atom_staging')], options);
  const records = rows.map((r, i) =>
    stagingRecord(staged.importId, staged.seq + i, months[i], r, file.fileName, file.timeZone),
  );
  appendRows(h.session, 'atom_staging', records, `atom_stage_${staged.importId}_${staged.index}`, options);
}

/** What the commit will do: rows replaced, rows added, rows staged; and the bytes the query processed. */
export function stagedSummary(h: AtomHistory, staged: StagedImport) {
  const result = run(h, stagedSummarySql(h.dataset, staged));
  const row = result.rows[0] ?? {};
  return {
    added: Number(row.added ?? 0),
    staged: Number(row.staged ?? 0),
    replaced: Number(row.replaced ?? 0),
    bytesProcessed: result.bytesProcessed,
  };
}

/** Each month's counts for its block: as the import will leave them (`staged`), or as stored (null). */
export function atomMonthCounts(
  h: AtomHistory,
  months: readonly string[],
  timeZone: string,
  closedCount: ClosedConversationsCount,
  staged: StagedImport | null,
): { counts: Map<string, MonthCounts>; bytesProcessed: number } {
  const counts = new Map<string, MonthCounts>();
  let bytesProcessed = 0;
  for (const month of months) {
    const result = run(h, monthCountsSql(h.dataset, month, timeZone, closedCount, staged));
    bytesProcessed += result.bytesProcessed;
    counts.set(month, monthCounts(result.rows));
  }
  return { counts, bytesProcessed };
}

/**
 * The transaction, its job named after the import alone: a second call for the same import (this run's retry, or
 * the next run after a deadline) finds the job BigQuery has and waits for it, never runs it again.
 */
export function commitStaged(h: AtomHistory, staged: StagedImport): { bytesProcessed: number } {
  return {
    bytesProcessed: run(h, commitScript(h.dataset, staged), `commit_${staged.importId}`).bytesProcessed,
  };
}

/** Drops an abandoned import's staged rows; a failure leaves them (tagged, never read by another import). */
export function dropStagedRows(h: AtomHistory, importId: string): void {
  try {
    run(h, dropStagedSql(h.dataset, importId));
  } catch {
    // The import's own error is the one to report.
  }
}
