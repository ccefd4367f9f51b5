/**
 * META_BILLED, META_COST and META_ANALYTICS: arguments read as Sheets passes them, the document's Meta connection,
 * results cached per query in the document cache, errors prefixed with the function name.
 *
 * Cache keys are a digest of the query and the account (WABA id, Graph address and version) — never the token.
 * Entries for days of closed months last 6 h (Meta's figures for them no longer move); a range touching the
 * current month (in the WABA's zone) lasts 10 minutes.
 */
import { UserFacingError } from '../../core/errors';
import type { Table } from '../../core/formulas/sheet-context';
import { dayKeyAt } from '../../core/time';
import {
  analyticsTable,
  approximateCost,
  billableUnits,
  createGraphClient,
  CUSTOM_FUNCTION_BUDGET_MS,
  decodeRows,
  dimensionsFor,
  encodeRows,
  MetaError,
  MetaFormulaError,
  MetaNotConnectedError,
  readCategories,
  readDayRange,
  readGranularity,
  readLines,
  readTableColumns,
  redact,
  resolveWabaTimeZone,
  roundCost,
  type AnalyticsQuery,
  type AnalyticsRow,
  type MetaFunctionName,
  type TableColumn,
} from '../../meta';
import { activeSheetContext } from '../spreadsheet-context';
import { readConnection, type StoredConnection } from './connection-store';
import { appsScriptGraphPorts } from './graph-ports';
import { cacheKey, readCachedText, SIX_HOURS_S, TEN_MINUTES_S, writeCachedText } from './result-cache';

const CACHE_PREFIX = 'atomBilling.meta.rows.';
/** Bump when the cached row layout changes. */
const CACHE_FORMAT = 1;

export interface UnitsArgs {
  start: unknown;
  end: unknown;
  lines?: unknown;
  category?: unknown;
}

export interface AnalyticsArgs {
  start: unknown;
  end: unknown;
  granularity?: unknown;
  dimensions?: unknown;
  lines?: unknown;
}

export function metaBilled(args: UnitsArgs): number {
  return asFormula('META_BILLED', (connection) =>
    billableUnits(fetchUnitsRows('META_BILLED', args, connection)),
  );
}

export function metaCost(args: UnitsArgs): number {
  return asFormula('META_COST', (connection) =>
    roundCost(approximateCost(fetchUnitsRows('META_COST', args, connection))),
  );
}

export function metaAnalytics(args: AnalyticsArgs): Table {
  const fn = 'META_ANALYTICS';
  return asFormula(fn, (connection) => {
    const sheet = activeSheetContext();
    const columns: TableColumn[] = readTableColumns(fn, args.dimensions);
    const query: AnalyticsQuery = {
      ...readDayRange(fn, args.start, args.end, sheet.timeZone),
      zone: resolveWabaTimeZone(connection.timezoneId, sheet.timeZone),
      granularity: readGranularity(fn, args.granularity),
      dimensions: dimensionsFor(columns),
      lines: readLines(fn, args.lines, lineNumbers(connection)),
    };
    const labels = new Map(
      connection.lines.map((l) => [l.displayPhoneNumber.replace(/\D/g, ''), l.displayPhoneNumber]),
    );
    return analyticsTable(fetchRows(connection, query), columns, sheet, labels);
  });
}

/** META_BILLED and META_COST ask the same question (so they share one cache entry): no breakdown but type. */
function fetchUnitsRows(fn: MetaFunctionName, args: UnitsArgs, connection: StoredConnection): AnalyticsRow[] {
  const sheet = activeSheetContext();
  return fetchRows(connection, {
    ...readDayRange(fn, args.start, args.end, sheet.timeZone),
    zone: resolveWabaTimeZone(connection.timezoneId, sheet.timeZone),
    granularity: 'DAILY',
    dimensions: [],
    lines: readLines(fn, args.lines, lineNumbers(connection)),
    categories: readCategories(fn, args.category),
  });
}

function lineNumbers(connection: StoredConnection): string[] {
  return connection.lines.map((l) => l.displayPhoneNumber);
}

function fetchRows(connection: StoredConnection, query: AnalyticsQuery): AnalyticsRow[] {
  const key = cacheKey(
    CACHE_PREFIX,
    JSON.stringify([
      CACHE_FORMAT,
      connection.graphBaseUrl,
      connection.apiVersion,
      connection.wabaId,
      query.fromDay,
      query.toDay,
      query.zone.timeZone,
      query.granularity,
      [...(query.dimensions ?? [])].sort(),
      [...(query.lines ?? [])].sort(),
      [...(query.categories ?? [])].sort(),
    ]),
  );
  const cached = readCachedText(key);
  const rows = cached === null ? null : decodeRows(cached);
  if (rows) return rows;
  const client = createGraphClient(connection, appsScriptGraphPorts());
  const result = client.fetchAnalytics(query, { deadlineAt: Date.now() + CUSTOM_FUNCTION_BUDGET_MS });
  const currentMonth = Math.floor(dayKeyAt(Date.now(), query.zone.timeZone) / 100);
  const closed = Math.floor(query.toDay / 100) < currentMonth;
  writeCachedText(key, encodeRows(result.rows), closed ? SIX_HOURS_S : TEN_MINUTES_S);
  return result.rows;
}

/**
 * Runs a formula body with the connection, turning every failure into "FN: message". Unexpected errors are
 * passed on with the token removed, in case some service echoed a request back.
 */
function asFormula<T>(fn: MetaFunctionName, body: (connection: StoredConnection) => T): T {
  let connection: StoredConnection | null = null;
  try {
    connection = readConnection();
    if (!connection) throw new MetaNotConnectedError();
    return body(connection);
  } catch (e) {
    if (e instanceof UserFacingError && e.message.startsWith(`${fn}: `)) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new MetaFormulaError(
      fn,
      redact(message, connection?.token ?? ''),
      e instanceof MetaError ? e.graphCode : null,
    );
  }
}
