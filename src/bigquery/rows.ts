/**
 * Query result rows as the REST API sends them (`rows: [{ f: [{ v }] }]`, every value a string or null,
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/getQueryResults) converted by the result schema:
 * INT64 → number when exact (else an error: never a silently wrong count), FLOAT64 → number, NUMERIC and
 * BIGNUMERIC → the exact decimal text, BOOL → boolean, DATE → yyyy-MM-dd, TIMESTAMP (seconds since the epoch)
 * → epoch milliseconds, STRING and the other scalar types → text.
 */
import { BigQueryError } from './errors';

export type BigQueryValue = string | number | boolean | null;
export type BigQueryRow = Record<string, BigQueryValue>;

export interface ResultField {
  name: string;
  type: string;
  mode?: string;
}

const TEXT_TYPES = new Set(['STRING', 'BYTES', 'DATETIME', 'TIME', 'GEOGRAPHY', 'JSON']);

export function convertRows(fields: readonly ResultField[], rows: unknown, firstRow: number): BigQueryRow[] {
  for (const f of fields)
    if (f.mode === 'REPEATED' || f.type === 'RECORD' || f.type === 'STRUCT')
      throw new BigQueryError(
        `BigQuery answered column ${f.name} as ${f.mode ?? f.type}, which the add-on does not read`,
      );
  return (Array.isArray(rows) ? rows : []).map((row: { f?: { v?: unknown }[] }, i) => {
    const cells = row?.f ?? [];
    if (cells.length !== fields.length)
      throw new BigQueryError(
        `BigQuery answered row ${firstRow + i + 1} with ${cells.length} of ${fields.length} columns`,
      );
    const out: BigQueryRow = {};
    fields.forEach((field, c) => {
      out[field.name] = convertValue(field, cells[c]?.v ?? null, firstRow + i + 1);
    });
    return out;
  });
}

function convertValue(field: ResultField, v: unknown, row: number): BigQueryValue {
  if (v === null) return null;
  const text = String(v);
  const bad = (what: string) =>
    new BigQueryError(
      `BigQuery answered ${what} in column ${field.name}, row ${row}: "${text.slice(0, 40)}"`,
    );
  switch (field.type) {
    case 'INTEGER':
    case 'INT64': {
      const n = Number(text);
      if (!/^-?\d+$/.test(text)) throw bad('a malformed INT64');
      if (!Number.isSafeInteger(n)) throw bad('an INT64 too large to read exactly');
      return n;
    }
    case 'FLOAT':
    case 'FLOAT64': {
      const n = Number(text);
      if (text.trim() === '' || (Number.isNaN(n) && text !== 'NaN')) throw bad('a malformed FLOAT64');
      return n;
    }
    case 'NUMERIC':
    case 'BIGNUMERIC':
      if (!/^-?\d+(\.\d+)?$/.test(text)) throw bad('a malformed NUMERIC');
      return text;
    case 'BOOL':
    case 'BOOLEAN':
      if (text !== 'true' && text !== 'false') throw bad('a malformed BOOL');
      return text === 'true';
    case 'DATE':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw bad('a malformed DATE');
      return text;
    case 'TIMESTAMP': {
      const seconds = Number(text);
      if (text.trim() === '' || !Number.isFinite(seconds)) throw bad('a malformed TIMESTAMP');
      return Math.round(seconds * 1000);
    }
    default:
      if (TEXT_TYPES.has(field.type)) return text;
      throw bad(`an unknown type ${field.type}`);
  }
}
