/**
 * The fake BigQuery's SQL engine: GoogleSQL scripts run on DuckDB (@duckdb/node-api). Every statement is first
 * parsed by node-sql-parser in its BigQuery dialect (what it cannot parse is refused), then checked against the
 * fake's lists (statement kinds; functions DuckDB has with GoogleSQL's meaning; functions translate.ts rewrites),
 * then translated (translate.ts) and run. Transaction control (BEGIN [TRANSACTION], COMMIT [TRANSACTION],
 * ROLLBACK [TRANSACTION]) is recognised before parsing: node-sql-parser does not parse it.
 * Datasets are DuckDB schemas named "project.dataset". Values come back as the BigQuery REST API writes them:
 * strings (https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/getQueryResults, rows[].f[].v).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBResultReader } from '@duckdb/node-api';
import parserPackage from 'node-sql-parser';
import { splitStatements } from './sql-tokens';
import { DUCK_TYPES, translateStatement, UnsupportedSqlError } from './translate';

const { Parser } = parserPackage as unknown as { Parser: new () => SqlParser };

interface SqlParser {
  parse(
    sql: string,
    options: { database: string },
  ): { ast: unknown; tableList: string[]; columnList: string[] };
}

/** GoogleSQL functions DuckDB runs with the same meaning, names compared upper-case. */
export const IDENTICAL_FUNCTIONS: ReadonlySet<string> = new Set([
  'COUNT',
  'SUM',
  'MIN',
  'MAX',
  'ROW_NUMBER',
  'COALESCE',
  'IF',
  // not a function: node-sql-parser reads the operator NOT before a parenthesis as a call
  'NOT',
]);
/** Functions translate.ts rewrites. */
export const TRANSLATED_FUNCTIONS: ReadonlySet<string> = new Set([
  'DATE',
  'UNIX_MILLIS',
  'DATE_TRUNC',
  'COUNTIF',
]);
const STATEMENTS = new Set(['select', 'insert', 'delete']);

/** A statement node-sql-parser cannot parse in the BigQuery dialect. */
export class SqlSyntaxError extends Error {}

export type StatementType =
  'SELECT' | 'INSERT' | 'DELETE' | 'BEGIN_TRANSACTION' | 'COMMIT_TRANSACTION' | 'ROLLBACK_TRANSACTION';

/** What a checked statement reads: `project.dataset.table` names and the column names it mentions. */
export interface StatementReads {
  tables: string[];
  columns: string[];
  /** node-sql-parser's AST (for the server's partition-pruning estimate). */
  ast: unknown;
}

export interface CheckedStatement {
  sql: string;
  type: StatementType;
  reads: StatementReads | null;
}

const parser = new Parser();

const TRANSACTION_CONTROL: [RegExp, StatementType][] = [
  [/^BEGIN(\s+TRANSACTION)?$/i, 'BEGIN_TRANSACTION'],
  [/^COMMIT(\s+TRANSACTION)?$/i, 'COMMIT_TRANSACTION'],
  [/^ROLLBACK(\s+TRANSACTION)?$/i, 'ROLLBACK_TRANSACTION'],
];

/** Every function name node-sql-parser found, upper-case; and every CAST target type. */
function functionsOf(node: unknown, names: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => functionsOf(n, names));
  else if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    if (n.type === 'aggr_func' && typeof n.name === 'string') names.add(n.name.toUpperCase());
    if (n.type === 'function') names.add(functionName(n.name).toUpperCase());
    Object.values(n).forEach((v) => functionsOf(v, names));
  }
  return names;
}

function functionName(name: unknown): string {
  const n = name as { name?: { value?: string }[]; schema?: { value?: string } };
  const parts = [n.schema?.value, ...(n.name ?? []).map((p) => p.value)].filter((p) => p !== undefined);
  return parts.join('.');
}

/** Checked statements by text: node-sql-parser takes ~0.5 s on a billing query, which clients send again and again. */
const checked = new Map<string, CheckedStatement>();
const CHECKED_KEPT = 200;

/** Parses one statement in the BigQuery dialect and checks it against the fake's lists. */
export function checkStatement(sql: string): CheckedStatement {
  let statement = checked.get(sql);
  if (!statement) {
    statement = checkUncached(sql);
    if (checked.size >= CHECKED_KEPT) checked.delete(checked.keys().next().value as string);
    checked.set(sql, statement);
  }
  return statement;
}

function checkUncached(sql: string): CheckedStatement {
  for (const [re, type] of TRANSACTION_CONTROL) if (re.test(sql)) return { sql, type, reads: null };
  let parsed: ReturnType<SqlParser['parse']>;
  try {
    parsed = parser.parse(sql, { database: 'bigquery' });
  } catch (e) {
    throw new SqlSyntaxError(`Syntax error: ${(e as Error).message} (node-sql-parser, BigQuery dialect)`);
  }
  const asts = Array.isArray(parsed.ast) ? parsed.ast : [parsed.ast];
  if (asts.length !== 1) throw new SqlSyntaxError('Syntax error: one statement expected');
  const ast = asts[0] as { type: string };
  if (!STATEMENTS.has(ast.type)) throw new UnsupportedSqlError(`the ${ast.type.toUpperCase()} statement`);
  for (const fn of functionsOf(ast, new Set())) {
    if (!IDENTICAL_FUNCTIONS.has(fn) && !TRANSLATED_FUNCTIONS.has(fn))
      throw new UnsupportedSqlError(`the function ${fn}`);
  }
  const tables = parsed.tableList.map((t) => t.split('::').slice(2).join('::'));
  // node-sql-parser reads `DELETE FROM \`p.d.t\`` as the table FROM aliased p.d.t
  if (ast.type === 'delete')
    for (const t of (ast as { table?: { table?: string; as?: string }[] }).table ?? [])
      tables.push(String(t.table === 'FROM' ? t.as : t.table));
  const qualified = [...new Set(tables.filter((t) => t.split('.').length === 3))];
  const columns = [...new Set(parsed.columnList.map((c) => c.split('::').slice(2).join('::')))];
  return { sql, type: ast.type.toUpperCase() as StatementType, reads: { tables: qualified, columns, ast } };
}

/** A script's statements, each checked (the whole script is refused if any statement is). */
export function checkScript(sql: string): CheckedStatement[] {
  const statements = splitStatements(sql).map(checkStatement);
  if (statements.length === 0) throw new SqlSyntaxError('Syntax error: Unexpected end of script');
  return statements;
}

export interface QueryParameter {
  name: string;
  /** A GoogleSQL scalar type name (INT64, FLOAT64, STRING, BOOL, DATE, TIMESTAMP). */
  type: string;
  value: string | null;
}

export interface Field {
  name: string;
  /** The REST API's legacy names: INTEGER, FLOAT, STRING, BOOLEAN, DATE, TIMESTAMP, NUMERIC. */
  type: string;
  mode?: 'NULLABLE' | 'REQUIRED';
}

export interface StatementResult {
  type: StatementType;
  fields: Field[];
  /** Values as the REST API writes them (strings; TIMESTAMP as seconds since the epoch). */
  rows: (string | null)[][];
  affectedRows: number | null;
}

export interface ScriptResult {
  statements: CheckedStatement[];
  /** The last statement's result (what jobs.getQueryResults returns for a script). */
  last: StatementResult;
}

/** A GoogleSQL error raised while running (GoogleSQL's own message where DuckDB's differs). */
export class SqlRuntimeError extends Error {}

const REST_TYPES: [RegExp, string][] = [
  [/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/, 'INTEGER'],
  [/^(FLOAT|DOUBLE)$/, 'FLOAT'],
  [/^DECIMAL/, 'NUMERIC'],
  [/^VARCHAR$/, 'STRING'],
  [/^BOOLEAN$/, 'BOOLEAN'],
  [/^DATE$/, 'DATE'],
  [/^TIMESTAMP WITH TIME ZONE$/, 'TIMESTAMP'],
];

function restType(duckType: string): string {
  const found = REST_TYPES.find(([re]) => re.test(duckType));
  if (!found) throw new UnsupportedSqlError(`a result column of DuckDB type ${duckType}`);
  return found[1];
}

function restValue(value: unknown, type: string): string | null {
  if (value === null || value === undefined) return null;
  if (type === 'TIMESTAMP') {
    const micros = (value as { micros: bigint }).micros;
    const negative = micros < 0n;
    const abs = negative ? -micros : micros;
    const fraction = String(abs % 1_000_000n)
      .padStart(6, '0')
      .replace(/0+$/, '');
    return `${negative ? '-' : ''}${abs / 1_000_000n}${fraction ? `.${fraction}` : ''}`;
  }
  // NUMERIC as BigQuery writes it: the exact decimal, without DuckDB's trailing zeros ("0.300000000" → "0.3").
  if (type === 'NUMERIC')
    return String(value)
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, '');
  return String(value);
}

/** A column of a table, in the REST API's TableFieldSchema terms (scalar types only). */
export interface TableField {
  name: string;
  type: string;
  mode?: 'NULLABLE' | 'REQUIRED';
}

/** REST (legacy or GoogleSQL) type names → DuckDB. */
const TABLE_TYPES: Readonly<Record<string, string>> = {
  ...DUCK_TYPES,
  INTEGER: 'BIGINT',
  FLOAT: 'DOUBLE',
  BOOLEAN: 'BOOLEAN',
};

export function duckColumnType(field: TableField): string {
  const type = TABLE_TYPES[field.type.toUpperCase()];
  if (!type) throw new UnsupportedSqlError(`the column type ${field.type}`);
  return type;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const tableName = (project: string, dataset: string, table: string) =>
  `${quote(`${project}.${dataset}`)}.${quote(table)}`;

export class SqlEngine {
  /** One script at a time: a script's transaction and statements must not interleave with another's. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly connection: DuckDBConnection) {}

  static async open(): Promise<SqlEngine> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    // BigQuery's defaults: UTC where no zone is named; NULLs first in ascending order, last in descending.
    await connection.run(`SET TimeZone = 'UTC'`);
    await connection.run(`SET default_null_order = 'nulls_first_on_asc_last_on_desc'`);
    return new SqlEngine(connection);
  }

  close(): void {
    this.connection.closeSync();
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  createDataset(project: string, dataset: string): Promise<void> {
    return this.exclusive(() => this.connection.run(`CREATE SCHEMA ${quote(`${project}.${dataset}`)}`)).then(
      () => undefined,
    );
  }

  createTable(project: string, dataset: string, table: string, fields: readonly TableField[]): Promise<void> {
    const columns = fields.map(
      (f) => `${quote(f.name)} ${duckColumnType(f)}${f.mode === 'REQUIRED' ? ' NOT NULL' : ''}`,
    );
    const sql = `CREATE TABLE ${tableName(project, dataset, table)} (${columns.join(', ')})`;
    return this.exclusive(() => this.connection.run(sql)).then(() => undefined);
  }

  /**
   * Appends newline-delimited JSON rows (a load job's data) to a table in one transaction: all rows or none.
   * Values use the table's column types (TIMESTAMP as RFC 3339 text). `replace`: the rows it deletes first, in
   * the same transaction (a load with WRITE_TRUNCATE: the whole table, or one month's partition).
   */
  loadNdjson(
    project: string,
    dataset: string,
    table: string,
    fields: readonly TableField[],
    ndjson: string,
    replace?: 'table' | { column: string; month: string },
  ): Promise<number> {
    return this.exclusive(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'fake-bq-load-'));
      try {
        const file = join(dir, 'rows.json');
        writeFileSync(file, ndjson);
        const columns = fields.map((f) => `${quote(f.name)}: '${duckColumnType(f)}'`).join(', ');
        const names = fields.map((f) => quote(f.name)).join(', ');
        const target = tableName(project, dataset, table);
        const source = `read_json('${file.replace(/'/g, "''")}', format = 'newline_delimited', columns = {${columns}})`;
        await this.connection.run('BEGIN TRANSACTION');
        try {
          if (replace === 'table') await this.connection.run(`DELETE FROM ${target}`);
          else if (replace) {
            const inMonth = `date_trunc('month', ${quote(replace.column)}) = DATE '${replace.month}'`;
            const outside = await this.connection.runAndReadAll(
              `SELECT COUNT(*) FROM ${source} WHERE ${quote(replace.column)} IS NULL OR NOT (${inMonth})`,
            );
            if (Number(outside.getRows()[0][0]) > 0)
              throw new Error(
                `Some rows belong to different partitions rather than destination partition ${replace.month.slice(0, 7).replace('-', '')}`,
              );
            await this.connection.run(`DELETE FROM ${target} WHERE ${inMonth}`);
          }
          const result = await this.connection.runAndReadAll(
            `INSERT INTO ${target} (${names}) SELECT ${names} FROM ${source}`,
          );
          await this.connection.run('COMMIT');
          return Number(result.getRows()[0]?.[0] ?? 0);
        } catch (e) {
          await this.connection.run('ROLLBACK');
          throw new SqlRuntimeError((e as Error).message);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  /**
   * Rows and STRING bytes per column of each monthly partition ('yyyy-mm-01'; '' for NULL or an
   * unpartitioned table), for the server's bytes estimate.
   */
  partitionSizes(
    project: string,
    dataset: string,
    table: string,
    fields: readonly TableField[],
    partitionColumn: string | null,
  ): Promise<Map<string, { rows: number; stringBytes: Map<string, number> }>> {
    const strings = fields.filter((f) => duckColumnType(f) === 'VARCHAR');
    const key = partitionColumn
      ? `COALESCE(CAST(CAST(date_trunc('month', ${quote(partitionColumn)}) AS DATE) AS VARCHAR), '')`
      : `''`;
    const sums = strings.map((f) => `, COALESCE(SUM(strlen(${quote(f.name)})), 0)`).join('');
    const sql = `SELECT ${key}, COUNT(*)${sums} FROM ${tableName(project, dataset, table)} GROUP BY 1`;
    return this.exclusive(async () => {
      const result = await this.connection.runAndReadAll(sql);
      return new Map(
        result
          .getRows()
          .map(([k, n, ...bytes]) => [
            String(k),
            { rows: Number(n), stringBytes: new Map(strings.map((f, i) => [f.name, Number(bytes[i])])) },
          ]),
      );
    });
  }

  /** Runs a checked script; a transaction left open by an error or by the script's end is rolled back. */
  run(
    statements: readonly CheckedStatement[],
    parameters: readonly QueryParameter[] = [],
    /** A test's fault: true makes the statement fail as it starts (see the router's statementError). */
    failing: (sql: string) => boolean = () => false,
  ): Promise<StatementResult> {
    const types = new Map(parameters.map((p) => [p.name, p.type.toUpperCase()]));
    for (const [name, type] of types)
      if (!DUCK_TYPES[type]) throw new UnsupportedSqlError(`the query parameter type ${type} (of @${name})`);
    const values = Object.fromEntries(parameters.map((p) => [p.name, p.value]));
    return this.exclusive(async () => {
      let open = false;
      let last: StatementResult | undefined;
      try {
        for (const statement of statements) {
          if (failing(statement.sql))
            throw new SqlRuntimeError(
              `Fake BigQuery fault: the statement failed: ${statement.sql.slice(0, 60)}`,
            );
          last = await this.runOne(statement, types, values, open);
          if (statement.type === 'BEGIN_TRANSACTION') open = true;
          if (statement.type === 'COMMIT_TRANSACTION' || statement.type === 'ROLLBACK_TRANSACTION')
            open = false;
        }
        if (open)
          throw new SqlRuntimeError('Transaction was not committed or rolled back at the end of the script');
        return last as StatementResult;
      } catch (e) {
        if (open) await this.connection.run('ROLLBACK');
        throw e;
      }
    });
  }

  private async runOne(
    statement: CheckedStatement,
    types: ReadonlyMap<string, string>,
    values: Record<string, string | null>,
    inTransaction: boolean,
  ): Promise<StatementResult> {
    const empty = { type: statement.type, fields: [], rows: [], affectedRows: null };
    switch (statement.type) {
      case 'BEGIN_TRANSACTION':
        if (inTransaction) throw new SqlRuntimeError('Nested transactions are not supported');
        await this.connection.run('BEGIN TRANSACTION');
        return empty;
      case 'COMMIT_TRANSACTION':
      case 'ROLLBACK_TRANSACTION':
        if (!inTransaction) throw new SqlRuntimeError('There is no active transaction');
        await this.connection.run(statement.type === 'COMMIT_TRANSACTION' ? 'COMMIT' : 'ROLLBACK');
        return empty;
    }
    const sql = translateStatement(statement.sql, types);
    const used = Object.fromEntries(
      Object.entries(values).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql)),
    );
    let result: DuckDBResultReader;
    try {
      result = await this.connection.runAndReadAll(sql, used);
    } catch (e) {
      throw new SqlRuntimeError((e as Error).message);
    }
    if (statement.type !== 'SELECT') {
      return { ...empty, affectedRows: Number(result.getRows()[0]?.[0] ?? 0) };
    }
    const fields = result.columnNames().map((name, i) => ({
      name,
      type: restType(String(result.columnType(i))),
      mode: 'NULLABLE' as const,
    }));
    const rows = result.getRows().map((row) => row.map((v, i) => restValue(v, fields[i].type)));
    return { type: statement.type, fields, rows, affectedRows: null };
  }
}
