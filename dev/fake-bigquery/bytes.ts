/**
 * totalBytesProcessed as BigQuery's on-demand pricing counts it, estimated per partition read: for each table a
 * statement reads, the columns it names × the rows of the partitions its filter on the partitioning column keeps
 * (https://cloud.google.com/bigquery/docs/partitioned-tables#partition_pruning). Column sizes are BigQuery's data
 * sizes (https://cloud.google.com/bigquery/pricing#data): INT64, FLOAT64, DATE, TIMESTAMP 8 bytes, NUMERIC 16, BOOL 1, STRING
 * 2 + its UTF-8 bytes. Billing: rounded up to a whole MB, at least 10 MB per table read.
 *
 * Pruning is recognised when the filter compares the partitioning column with =, <, <=, >, >= or BETWEEN to a DATE
 * literal, a DATE parameter or DATE_TRUNC(that, MONTH); a comparison under an OR, or any other form, reads every
 * partition (BigQuery prunes more cleverly; the fake never under-counts).
 */
import type { QueryParameter, StatementReads } from './engine';

const MB = 1024 * 1024;
const MIN_BILLED_PER_TABLE = 10 * MB;

export interface TableSizes {
  /** The table's columns; `month` partitions. */
  fields: { name: string; type: string }[];
  partitionColumn: string | null;
  /** Per partition ('yyyy-mm-dd' of its month, or '' unpartitioned): rows and STRING bytes per column. */
  partitions: Map<string, { rows: number; stringBytes: Map<string, number> }>;
}

interface Range {
  from: string;
  to: string;
}

type Node = Record<string, unknown>;

function columnName(node: Node): string | null {
  if (node?.type !== 'column_ref') return null;
  const column = node.column as { expr?: { value?: string } } | string;
  return typeof column === 'string' ? column : (column.expr?.value ?? null);
}

/** A DATE operand's value ('yyyy-mm-dd'), or null when the fake does not evaluate that form. */
function dateValue(node: Node, params: ReadonlyMap<string, QueryParameter>): string | null {
  if (node?.type === 'date') return String(node.value);
  if (node?.type === 'param') {
    const p = params.get(String(node.value));
    return p && p.type.toUpperCase() === 'DATE' ? p.value : null;
  }
  if (node?.type === 'function') {
    const name = JSON.stringify(node.name).toUpperCase();
    const args = (node.args as { value?: Node[] })?.value ?? [];
    const part = String(args[1]?.value ?? '').toUpperCase();
    if (name.includes('DATE_TRUNC') && part === 'MONTH') {
      const inner = dateValue(args[0], params);
      return inner ? `${inner.slice(0, 8)}01` : null;
    }
  }
  return null;
}

/** The partitions a statement's comparisons on `column` keep (null: no usable filter, every partition). */
function prunedRange(
  ast: unknown,
  column: string,
  params: ReadonlyMap<string, QueryParameter>,
): Range | null {
  let range: Range = { from: '0000-01-01', to: '9999-12-31' };
  let found = false;
  let unusable = false;
  const visit = (node: unknown, underOr: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, underOr));
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'binary_expr' && columnName(n.left as Node) === column) {
      const op = String(n.operator).toUpperCase();
      const right = n.right as Node;
      const values =
        op === 'BETWEEN'
          ? ((right.value as Node[]) ?? []).map((v) => dateValue(v, params))
          : [dateValue(right, params)];
      if (underOr || values.some((v) => v === null)) unusable = true;
      else {
        found = true;
        const [a, b] = values as string[];
        const month = (d: string) => `${d.slice(0, 8)}01`;
        if (op === '=' || op === 'BETWEEN' || op === '>=' || op === '>')
          range = { ...range, from: month(a) > range.from ? month(a) : range.from };
        if (op === '=' || op === '<=' || op === '<' || op === 'BETWEEN') {
          const to = op === 'BETWEEN' ? b : a;
          range = { ...range, to: to < range.to ? to : range.to };
        }
      }
    }
    const or = n.type === 'binary_expr' && String(n.operator).toUpperCase() === 'OR';
    Object.values(n).forEach((v) => visit(v, underOr || or));
  };
  visit(ast, false);
  return found && !unusable ? range : null;
}

const FIXED_SIZES: Record<string, number> = {
  INT64: 8,
  INTEGER: 8,
  FLOAT64: 8,
  FLOAT: 8,
  DATE: 8,
  TIMESTAMP: 8,
  BOOL: 1,
  BOOLEAN: 1,
  NUMERIC: 16,
};

export interface BytesEstimate {
  processed: number;
  billed: number;
}

/** Bytes a checked statement reads; `tables` maps `project.dataset.table` to its sizes. */
export function estimateBytes(
  reads: StatementReads,
  tables: ReadonlyMap<string, TableSizes>,
  parameters: readonly QueryParameter[],
): BytesEstimate {
  const params = new Map(parameters.map((p) => [p.name, p]));
  let processed = 0;
  let billed = 0;
  for (const name of new Set(reads.tables)) {
    const table = tables.get(name);
    if (!table) continue;
    const named = table.fields.filter((f) =>
      reads.columns.some((c) => c.toLowerCase() === f.name.toLowerCase()),
    );
    const columns = named.length > 0 && !reads.columns.includes('*') ? named : table.fields;
    const range = table.partitionColumn ? prunedRange(reads.ast, table.partitionColumn, params) : null;
    let bytes = 0;
    for (const [partition, sizes] of table.partitions) {
      if (range && (partition < range.from || partition > range.to)) continue;
      for (const f of columns) {
        const fixed = FIXED_SIZES[f.type.toUpperCase()];
        bytes +=
          fixed !== undefined ? fixed * sizes.rows : 2 * sizes.rows + (sizes.stringBytes.get(f.name) ?? 0);
      }
    }
    processed += bytes;
    billed += Math.max(MIN_BILLED_PER_TABLE, Math.ceil(bytes / MB) * MB);
  }
  return { processed, billed };
}
