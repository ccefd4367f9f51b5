/**
 * The history tables the add-on keeps in the user's BigQuery dataset, as BigQuery REST Table resources
 * (https://cloud.google.com/bigquery/docs/reference/rest/v2/tables#Table): partitioned by month, so one month's
 * query reads one partition, and clustered by line and contact. `month` is the first day of the month in the
 * spreadsheet's zone (the month the row belongs to), which is what the billing queries prune on.
 */

export interface TableField {
  name: string;
  type: 'STRING' | 'INT64' | 'NUMERIC' | 'DATE' | 'TIMESTAMP';
  mode: 'REQUIRED' | 'NULLABLE';
}

export interface HistoryTable {
  tableReference: { projectId: string; datasetId: string; tableId: string };
  schema: { fields: TableField[] };
  timePartitioning: { type: 'MONTH'; field: 'month' };
  clustering: { fields: string[] };
}

/** The partitioning column of every history table. */
export const PARTITION_COLUMN = 'month';

const field = (
  name: string,
  type: TableField['type'],
  mode: TableField['mode'] = 'REQUIRED',
): TableField => ({
  name,
  type,
  mode,
});

/** The columns of a message the billing queries price (src/bigquery/billing-sql.ts). */
const priced = (): TableField[] => [
  field('month', 'DATE'),
  field('sent_at', 'TIMESTAMP'),
  field('line', 'STRING'),
  field('contact', 'STRING'),
  field('kind', 'STRING'),
];

/** The columns of one Atom conversation (an Audit export's row). */
const conversationFields = (): TableField[] => [
  field('month', 'DATE'),
  field('conversation_id', 'STRING', 'NULLABLE'),
  field('started_at', 'TIMESTAMP', 'NULLABLE'),
  field('line', 'STRING', 'NULLABLE'),
  field('contact', 'STRING', 'NULLABLE'),
  field('atom_group', 'STRING', 'NULLABLE'),
  field('agent', 'STRING', 'NULLABLE'),
  field('typification', 'STRING', 'NULLABLE'),
  field('closing_type', 'STRING', 'NULLABLE'),
  field('origin', 'STRING', 'NULLABLE'),
  field('campaign', 'STRING', 'NULLABLE'),
  field('conversations', 'INT64'),
  field('file_name', 'STRING', 'NULLABLE'),
];

/** Table ids, fields (in column order) and clustering of the history tables. */
export const HISTORY_TABLES = {
  /** Atom's per-message log: what the billing queries price. Kinds are KIND_NAMES (src/core/pricing). */
  atom_messages: {
    fields: [
      ...priced(),
      field('conversation_id', 'STRING', 'NULLABLE'),
      field('file_name', 'STRING', 'NULLABLE'),
    ],
    clustering: ['line', 'contact'],
  },
  /**
   * Messages from before a month that carry its billing state (open windows, conversations, free entry points, a
   * pending referral): written by each month's carriedStateSql for the next month, read with that month's
   * messages, so one month's billing reads one month's partitions.
   */
  billing_carry: {
    fields: priced(),
    clustering: ['line', 'contact'],
  },
  /** Atom's conversations (one row per conversation): groups, campaigns, origins, closures. */
  atom_conversations: {
    fields: conversationFields(),
    clustering: ['line', 'contact'],
  },
  /** Meta's daily rows (src/month-close MetaUsageRow); a REGULAR row's volume is billed units. */
  meta_rows: {
    fields: [
      field('month', 'DATE'),
      field('day', 'DATE'),
      field('line', 'STRING', 'NULLABLE'),
      field('country', 'STRING', 'NULLABLE'),
      field('pricing_model', 'STRING'),
      field('category', 'STRING', 'NULLABLE'),
      field('type', 'STRING', 'NULLABLE'),
      field('tier', 'STRING', 'NULLABLE'),
      field('volume', 'INT64'),
      // Exact money (Meta's cost is a decimal): NUMERIC, never a float summed with its rounding errors.
      field('cost', 'NUMERIC', 'NULLABLE'),
      // The row's own currency: a month may hold two (an account migrated to another currency), never summed.
      field('currency', 'STRING'),
    ],
    clustering: ['line', 'country'],
  },
  /**
   * An Atom import's batches while the file arrives (one load per sidebar batch), tagged with the import's id; the
   * commit's transaction moves them into atom_messages / atom_conversations and deletes them. A row is a message
   * when `kind` is set (`started_at`: its time), else a conversation row.
   */
  atom_staging: {
    fields: [
      ...conversationFields(),
      field('import_id', 'STRING'),
      field('seq', 'INT64'),
      field('kind', 'STRING', 'NULLABLE'),
    ],
    clustering: ['import_id'],
  },
  /** One row per import (the sheet "Imports" keeps its own copy of the month closes'): src/bigquery/ledger-rows.ts. */
  ledger: {
    fields: [
      field('month', 'DATE'),
      field('imported_at', 'TIMESTAMP'),
      field('source', 'STRING'),
      field('rows', 'INT64'),
      field('note', 'STRING', 'NULLABLE'),
      field('imported_by', 'STRING', 'NULLABLE'),
      field('account', 'STRING', 'NULLABLE'),
      field('lines', 'STRING', 'NULLABLE'),
      field('billed_units', 'NUMERIC', 'NULLABLE'),
      field('cost', 'NUMERIC', 'NULLABLE'),
      field('currency', 'STRING', 'NULLABLE'),
      field('status', 'STRING', 'NULLABLE'),
    ],
    clustering: ['source'],
  },
} as const satisfies Record<string, { fields: TableField[]; clustering: string[] }>;

export type HistoryTableId = keyof typeof HISTORY_TABLES;

/** A dataset the admin picked: project and dataset ids as BigQuery spells them. */
export interface DatasetRef {
  projectId: string;
  datasetId: string;
}

// BigQuery's naming rules (projects: 6–30 lower-case letters, digits, hyphens; datasets: letters, digits,
// underscores). Checked so a name can be written into SQL between backticks. Domain-scoped projects
// ("example.com:project") are not accepted.
const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const DATASET_ID = /^[A-Za-z0-9_]{1,1024}$/;

export function isValidDatasetRef(ref: DatasetRef): boolean {
  return PROJECT_ID.test(ref.projectId) && DATASET_ID.test(ref.datasetId);
}

/** The tables.insert body of one history table. */
export function historyTable(ref: DatasetRef, tableId: HistoryTableId): HistoryTable {
  const { fields, clustering } = HISTORY_TABLES[tableId];
  return {
    tableReference: { ...ref, tableId },
    schema: { fields: fields.map((f) => ({ ...f })) },
    timePartitioning: { type: 'MONTH', field: PARTITION_COLUMN },
    clustering: { fields: [...clustering] },
  };
}

/** `project.dataset.table` as GoogleSQL names it; refuses names that are not BigQuery's. */
export function qualifiedName(ref: DatasetRef, tableId: HistoryTableId): string {
  if (!isValidDatasetRef(ref))
    throw new RangeError(`Not a BigQuery dataset: ${ref.projectId}.${ref.datasetId}`);
  return `\`${ref.projectId}.${ref.datasetId}.${tableId}\``;
}
