/**
 * Copying the spreadsheet's history into BigQuery when an admin switches the History setting (issue 19 point 1):
 * month by month, each (table, month) replaced by one load (WRITE_TRUNCATE of its partition, atomic), the months
 * done remembered so a copy that ran out of time goes on where it stopped. A partition that already holds the
 * sheet's number of rows counts as copied (a run that lost its progress); one that holds another number (a month
 * closed in BigQuery since: Meta's fresher rows) is kept as BigQuery has it and noted — an older sheet never
 * replaces it silently.
 */
import type { SqlQuery } from './billing-sql';
import { PARTITION_COLUMN, qualifiedName, type DatasetRef } from './schema';

export type CopyTableId = 'meta_rows' | 'atom_conversations' | 'atom_messages';
export const COPY_TABLES: readonly CopyTableId[] = ['meta_rows', 'atom_conversations', 'atom_messages'];

/** A partition kept as BigQuery held it (`month`: YYYY-MM). */
export interface SkippedPartition {
  table: CopyTableId;
  month: string;
  inBigQuery: number;
  inSheet: number;
}

export interface CopyProgress {
  /** The dataset (`project.dataset`) copied into: another dataset starts over. */
  target: string;
  /** Months (YYYY-MM) whose rows are in BigQuery (or kept there, noted in `skipped`). */
  copied: string[];
  skipped: SkippedPartition[];
}

/** The stored progress (missing, hand-edited or another dataset's: nothing copied). */
export function copyProgress(stored: unknown, target: string): CopyProgress {
  const v = stored as Partial<CopyProgress> | null;
  return v?.target === target && Array.isArray(v.copied) && Array.isArray(v.skipped)
    ? (v as CopyProgress)
    : { target, copied: [], skipped: [] };
}

/** What the copy does with one (table, month) whose sheet rows are `inSheet` and partition rows `inBigQuery`. */
export function partitionAction(inSheet: number, inBigQuery: number): 'load' | 'copied' | 'keep' {
  if (inBigQuery === 0) return 'load';
  return inBigQuery === inSheet ? 'copied' : 'keep';
}

/** Each month's row count of one table (reads the partitioning column only). */
export function partitionCountsSql(dataset: DatasetRef, table: CopyTableId): SqlQuery {
  return {
    query: `SELECT ${PARTITION_COLUMN}, COUNT(*) AS n FROM ${qualifiedName(dataset, table)} GROUP BY ${PARTITION_COLUMN}`,
    queryParameters: [],
  };
}
