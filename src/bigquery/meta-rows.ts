/**
 * Meta's daily rows of one month in the `meta_rows` table (schema.ts) and back: what the month close will load
 * (NEWLINE_DELIMITED_JSON, one month's partition replaced at once) and read as the stored history of a month.
 * Each row keeps its currency (a month may be billed in two, never summed) and its cost as the exact decimal
 * Meta wrote (NUMERIC).
 */
import type { MetaUsageRow } from '../month-close/figures';
import type { QueryParameter, SqlQuery } from './billing-sql';
import { PARTITION_COLUMN, qualifiedName, type DatasetRef } from './schema';
import type { BigQueryRow } from './rows';

/** yyyy-MM-01: the partition of a yyyy-MM-dd day. */
const monthOf = (day: string) => `${day.slice(0, 8)}01`;

/** The month's rows as `meta_rows` records for a load job into `meta_rows$YYYYMM`; a row of another month is a bug. */
export function metaRowRecords(
  month: string,
  rows: readonly MetaUsageRow[],
  accountCurrency: string,
): Record<string, unknown>[] {
  return rows.map((r) => {
    if (monthOf(r.day) !== month) throw new RangeError(`Meta row of ${r.day} outside the month ${month}`);
    return {
      [PARTITION_COLUMN]: month,
      day: r.day,
      line: r.line,
      country: r.country,
      pricing_model: r.pricingModel,
      category: r.category,
      type: r.type,
      tier: r.tier,
      volume: r.volume,
      // As text: JSON numbers are read as floats on the way in; NUMERIC takes the decimal text exactly.
      cost: r.cost === null ? null : String(r.cost),
      currency: r.currency ?? accountCurrency,
    };
  });
}

/** The same records as one NEWLINE_DELIMITED_JSON body. */
export function metaRowsNdjson(
  month: string,
  rows: readonly MetaUsageRow[],
  accountCurrency: string,
): string {
  return metaRowRecords(month, rows, accountCurrency)
    .map((r) => JSON.stringify(r))
    .join('\n');
}

const date = (name: string, value: string): QueryParameter => ({
  name,
  parameterType: { type: 'DATE' },
  parameterValue: { value },
});

const COLUMNS = 'day, line, country, pricing_model, category, type, tier, volume, cost, currency';

/** The month's stored rows counted per day, line and currency (what the history rule decides on): one partition. */
export function storedMetaCountsSql(dataset: DatasetRef, month: string): SqlQuery {
  return {
    query:
      'SELECT day, line, currency, COUNT(*) AS n ' +
      `FROM ${qualifiedName(dataset, 'meta_rows')} WHERE ${PARTITION_COLUMN} = @month ` +
      'GROUP BY day, line, currency ORDER BY day, line, currency',
    queryParameters: [date('month', month)],
  };
}

/**
 * A month's stored rows, in a stable order (one partition read); with `only`, those of its days and lines alone
 * (a superset of those (day, line) pairs: the caller keeps the pairs it asked for).
 */
export function storedMetaRowsSql(
  dataset: DatasetRef,
  month: string,
  only?: { days: readonly string[]; lines: readonly string[] },
): SqlQuery {
  const params = [date('month', month)];
  const list = (prefix: string, type: 'DATE' | 'STRING', values: readonly string[]) =>
    values
      .map((value, i) => {
        params.push({ name: `${prefix}${i}`, parameterType: { type }, parameterValue: { value } });
        return `@${prefix}${i}`;
      })
      .join(', ');
  const filter = only
    ? ` AND day IN (${list('d', 'DATE', only.days)}) AND COALESCE(line, '') IN (${list('l', 'STRING', only.lines)})`
    : '';
  return {
    query:
      `SELECT ${COLUMNS} FROM ${qualifiedName(dataset, 'meta_rows')} WHERE ${PARTITION_COLUMN} = @month${filter} ` +
      'ORDER BY day, line, country, pricing_model, category, type, tier',
    queryParameters: params,
  };
}

const text = (v: BigQueryRow[string]): string | null => (v === null ? null : String(v));

/** A stored row as the month close reads it; `currency` only when it is not the connected account's. */
export function metaRowOf(row: BigQueryRow, accountCurrency: string): MetaUsageRow {
  const currency = String(row.currency);
  return {
    day: String(row.day),
    line: text(row.line),
    country: text(row.country),
    pricingModel: row.pricing_model === 'conversation' ? 'conversation' : 'message',
    category: text(row.category),
    type: text(row.type),
    tier: text(row.tier),
    volume: Number(row.volume),
    cost: row.cost === null ? null : Number(row.cost),
    ...(currency !== accountCurrency && { currency }),
  };
}
