/**
 * GoogleSQL → DuckDB, for the fake BigQuery. The add-on sends GoogleSQL; DuckDB runs it. Where the dialects
 * differ, only the constructs LISTED here are rewritten, each to a DuckDB form with the same result (each has a
 * unit test in test/dev/fake-bigquery-translate.test.ts); every other construct that could mean something
 * different is refused with UnsupportedSqlError, never run differently.
 *
 *   GoogleSQL                             DuckDB
 *   `project.dataset.table`               "project.dataset"."table" (one schema per dataset)
 *   `column`                              "column"
 *   @name (query parameter of type T)     CAST($name AS T')     (T' below)
 *   DATE(ts, zone)                        CAST(timezone(zone, ts) AS DATE)        (ts must be a TIMESTAMP)
 *   UNIX_MILLIS(ts)                       epoch_ms(ts)                             (ts must be a TIMESTAMP)
 *   DATE_TRUNC(d, DAY|MONTH|YEAR)         CAST(date_trunc('part', d) AS DATE)     (d must be a DATE)
 *   COUNTIF(c)                            COUNT(CASE WHEN c THEN 1 END)
 *   CAST(x AS T), TIMESTAMP 'literal'     T' = INT64→BIGINT, FLOAT64→DOUBLE, STRING→VARCHAR, BOOL→BOOLEAN,
 *                                         DATE→DATE, TIMESTAMP→TIMESTAMPTZ, NUMERIC→DECIMAL(38,9)
 *   comments                              dropped (DuckDB has no # comments)
 *
 * Refused here (the AST check in engine.ts refuses unknown functions and statements): `/` (GoogleSQL raises
 * on division by zero, DuckDB answers NULL), double-quoted strings and backslash escapes (DuckDB reads "x" as
 * a name and keeps backslashes), backtick names of two parts or more than three.
 * Session settings that make DuckDB behave like BigQuery are in engine.ts (UTC, NULLs first when ascending).
 * GoogleSQL reference: https://cloud.google.com/bigquery/docs/reference/standard-sql/functions-and-operators
 */
import { tokenize, type Token } from './sql-tokens';

export class UnsupportedSqlError extends Error {
  constructor(message: string) {
    super(
      `Fake BigQuery: ${message} is not in the fake's list of GoogleSQL constructs (dev/fake-bigquery/translate.ts)`,
    );
  }
}

/** GoogleSQL scalar types the fake knows, with their DuckDB equivalents. */
export const DUCK_TYPES: Readonly<Record<string, string>> = {
  INT64: 'BIGINT',
  FLOAT64: 'DOUBLE',
  STRING: 'VARCHAR',
  BOOL: 'BOOLEAN',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMPTZ',
  // BigQuery's NUMERIC: 38 digits, 9 after the point (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-types#decimal_types).
  NUMERIC: 'DECIMAL(38,9)',
};

export type ParameterTypes = ReadonlyMap<string, string>;

/** A DuckDB expression that raises unless `expr` has DuckDB type `duckType` (typeof is constant-folded). */
function typed(expr: string, duckType: string, fn: string, body: string): string {
  return `(CASE WHEN typeof(${expr}) <> '${duckType}' THEN error('Fake BigQuery: ${fn} is translated for ${duckType} arguments only') ELSE ${body} END)`;
}

const TRUNC_PARTS = new Set(['DAY', 'MONTH', 'YEAR']);

/** Function calls rewritten, by upper-case name: the translated arguments in, DuckDB text out. */
type CallRewrite = (args: string[], raw: Token[][], translate: (tokens: Token[]) => string) => string;

const CALLS: Readonly<Record<string, CallRewrite>> = {
  DATE: (args) => {
    if (args.length !== 2) throw new UnsupportedSqlError(`DATE with ${args.length} argument(s)`);
    const [ts, zone] = args;
    return typed(
      ts,
      'TIMESTAMP WITH TIME ZONE',
      'DATE(timestamp, zone)',
      `CAST(timezone(${zone}, ${ts}) AS DATE)`,
    );
  },
  UNIX_MILLIS: (args) => {
    if (args.length !== 1) throw new UnsupportedSqlError('UNIX_MILLIS without exactly one argument');
    return typed(args[0], 'TIMESTAMP WITH TIME ZONE', 'UNIX_MILLIS', `epoch_ms(${args[0]})`);
  },
  DATE_TRUNC: (args, raw) => {
    const part = raw[1]?.filter((t) => t.kind !== 'space' && t.kind !== 'comment') ?? [];
    const name = part.length === 1 && part[0].kind === 'word' ? part[0].text.toUpperCase() : '';
    if (args.length !== 2 || !TRUNC_PARTS.has(name))
      throw new UnsupportedSqlError(`DATE_TRUNC(…, ${raw[1]?.map((t) => t.text).join('') ?? ''})`);
    return typed(
      args[0],
      'DATE',
      'DATE_TRUNC',
      `CAST(date_trunc('${name.toLowerCase()}', ${args[0]}) AS DATE)`,
    );
  },
  COUNTIF: (args) => {
    if (args.length !== 1) throw new UnsupportedSqlError('COUNTIF without exactly one argument');
    return `COUNT(CASE WHEN ${args[0]} THEN 1 END)`;
  },
  CAST: (_args, raw, translate) => {
    const tokens = raw.length === 1 ? raw[0] : [];
    const as = tokens.map((t) => t.text.toUpperCase()).lastIndexOf('AS');
    const type = tokens.slice(as + 1).filter((t) => t.kind !== 'space');
    const duck = as > 0 && type.length === 1 ? DUCK_TYPES[type[0].text.toUpperCase()] : undefined;
    if (!duck) throw new UnsupportedSqlError(`CAST(${tokens.map((t) => t.text).join('')})`);
    return `CAST(${translate(tokens.slice(0, as))} AS ${duck})`;
  },
};

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A backtick name: `project.dataset.table` or one `name`. */
function translateBacktick(text: string): string {
  const inner = text.slice(1, -1);
  if (inner.includes('\\')) throw new UnsupportedSqlError(`the escaped name ${text}`);
  const parts = inner.split('.');
  if (parts.length === 1) return quoteName(inner);
  if (parts.length !== 3) throw new UnsupportedSqlError(`the name ${text} (use \`project.dataset.table\`)`);
  return `${quoteName(`${parts[0]}.${parts[1]}`)}.${quoteName(parts[2])}`;
}

/** The argument token lists of the call whose '(' is at tokens[open]; and the index of its ')'. */
function callArgs(tokens: Token[], open: number): { args: Token[][]; close: number } {
  const args: Token[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'punct' && (t.text === '(' || t.text === '[')) depth++;
    if (t.kind === 'punct' && (t.text === ')' || t.text === ']')) {
      if (depth === 0) return { args: args.length === 1 && args[0].every(isBlank) ? [] : args, close: i };
      depth--;
    }
    if (depth === 0 && t.kind === 'punct' && t.text === ',') args.push([]);
    else args[args.length - 1].push(t);
  }
  throw new UnsupportedSqlError('an unclosed parenthesis');
}

const isBlank = (t: Token) => t.kind === 'space' || t.kind === 'comment';

function nextSolid(tokens: Token[], from: number): number {
  let i = from;
  while (i < tokens.length && isBlank(tokens[i])) i++;
  return i;
}

function translateTokens(tokens: Token[], params: ParameterTypes): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.kind) {
      case 'comment':
        out += ' ';
        break;
      case 'backtick':
        out += translateBacktick(t.text);
        break;
      case 'param': {
        const name = t.text.slice(1);
        const type = params.get(name);
        if (!type) throw new QueryParameterError(name);
        out += `CAST($${name} AS ${DUCK_TYPES[type]})`;
        break;
      }
      case 'string':
        if (t.text.startsWith('"') || t.text.includes('\\'))
          throw new UnsupportedSqlError(`the string ${t.text} (single quotes, no backslash escapes)`);
        out += t.text;
        break;
      case 'punct':
        if (t.text === '/') throw new UnsupportedSqlError('division with /');
        out += t.text;
        break;
      case 'word': {
        const upper = t.text.toUpperCase();
        const open = nextSolid(tokens, i + 1);
        const call = CALLS[upper];
        if (call && tokens[open]?.text === '(') {
          const { args, close } = callArgs(tokens, open);
          const translate = (a: Token[]) => translateTokens(a, params);
          out += call(args.map(translate), args, translate);
          i = close;
        } else if (upper === 'TIMESTAMP' && tokens[open]?.kind === 'string') out += 'TIMESTAMPTZ';
        else out += t.text;
        break;
      }
      default:
        out += t.text;
    }
  }
  return out;
}

/** GoogleSQL's error when a statement names a parameter the request did not define. */
export class QueryParameterError extends Error {
  constructor(name: string) {
    super(`Query parameter '${name}' not found`);
  }
}

/** One GoogleSQL statement (already parsed and checked by the engine) as DuckDB SQL. */
export function translateStatement(sql: string, params: ParameterTypes): string {
  return translateTokens(tokenize(sql), params).trim();
}
