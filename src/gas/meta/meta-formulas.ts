/**
 * META_BILLED, META_COST, META_ANALYTICS and META_ALLOWANCE: arguments read as Sheets passes them, the document's Meta connection,
 * results cached per query in the document cache, errors prefixed with the function name.
 *
 * Cache keys are a digest of the query and the account (WABA id, Graph address and version) — never the token.
 * Entries for days of closed months last 6 h (Meta's figures for them no longer move); a range touching the
 * current month (in the WABA's zone) lasts 10 minutes.
 */
import { UserFacingError } from '../../core/errors';
import type { Table } from '../../core/formulas/sheet-context';
import { dayKeyAt, dayKeyToIso } from '../../core/time';
import { ZoneCalendar } from '../../core/zone-calendar';
import { argError, argRef } from '../../core/sheet-args/arg-errors';
import { readRequiredCell } from '../../core/sheet-args/range';
import { makeDate } from '../../core/formulas/sheet-context';
import {
  ALLOWANCE_FROM,
  firstDay,
  lastDay,
  lineAllowance,
  monthKey,
  perLineAllowance,
} from '../../month-close';
import {
  type AnalyticsQuery,
  type AnalyticsRow,
  analyticsTable,
  approximateCost,
  billableUnits,
  type CostedRow,
  createGraphClient,
  CUSTOM_FUNCTION_BUDGET_MS,
  decodeRows,
  type Dimension,
  dimensionsFor,
  encodeRows,
  MetaError,
  MetaFormulaError,
  type MetaFunctionName,
  MetaNotConnectedError,
  midnightOf,
  readCategories,
  readDayRange,
  readGranularity,
  readLines,
  readMonth,
  readTableColumns,
  redact,
  resolveWabaTimeZone,
  type TableColumn,
  withMetaCosts,
} from '../../meta';
import { priceMissingCosts, rateCardMonthCost, RateLookupError } from '../../rates';
import { readRateBook } from '../rates/rate-card-sheet';
import { activeSheetContext } from '../shared/spreadsheet-context';
import { accountsOf, readConnection, type StoredConnection } from '../shared/connection-store';
import { isBlank } from '../../core/sheet-args/cells';
import { sumCosts } from '../../core/exact/cost-sum';
import { appsScriptGraphPorts } from './graph-ports';
import {
  cacheKey,
  readCachedText,
  SIX_HOURS_S,
  TEN_MINUTES_S,
  writeCachedText,
} from '../shared/result-cache';

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

/** Units add up across the accounts a currency migration chained (money does not: META_COST). */
export function metaBilled(args: UnitsArgs): number {
  return asFormula('META_BILLED', (connection) =>
    billableUnits(accountsOf(connection).flatMap((a) => fetchUnitsRows('META_BILLED', args, a))),
  );
}

export function metaCost(args: UnitsArgs & { currency?: unknown }): number {
  return asFormula('META_COST', (connection) => {
    const accounts = costAccounts(connection, args.currency, (a) => fetchUnitsRows('META_COST', args, a));
    return sumCosts(accounts.map((a) => accountCost(args, a)))!;
  });
}

/**
 * The accounts whose cost META_COST adds: the connection and those it replaced on the same numbers (a currency
 * migration), but never two currencies — with rows in more than one, the formula names them and asks which.
 */
function costAccounts(
  connection: StoredConnection,
  currencyArg: unknown,
  rowsOf: (account: StoredConnection) => AnalyticsRow[],
): StoredConnection[] {
  const accounts = accountsOf(connection);
  const all = [...new Set(accounts.map((a) => a.currency))].sort();
  if (!isBlank(currencyArg)) {
    const currency = String(currencyArg).trim().toUpperCase();
    const chosen = accounts.filter((a) => a.currency === currency);
    if (!chosen.length) {
      throw new MetaFormulaError(
        'META_COST',
        `no connected account bills in ${currency} (only ${all.join(', ')})`,
      );
    }
    return chosen;
  }
  if (all.length < 2) return accounts;
  const active = accounts.filter((a, i) => i === 0 || rowsOf(a).length);
  const used = [...new Set(active.map((a) => a.currency))].sort();
  if (used.length > 1) {
    throw new MetaFormulaError(
      'META_COST',
      `these days are billed in ${used.join(' and ')}, which are never added up — give the currency as the ` +
        `fifth argument, e.g. =META_COST(start, end, , , "${used[0]}")`,
    );
  }
  return active;
}

function accountCost(args: UnitsArgs, connection: StoredConnection): number {
  const rows = fetchUnitsRows('META_COST', args, connection);
  if (rows.every((r) => r.cost !== null)) return approximateCost(rows);
  // No cost from Meta (partner credit line): price the charged volumes by market and category from the rate cards.
  const currency = accountCurrencyOf(connection);
  const byMarket = fetchUnitsRows('META_COST', args, connection, PRICING_DIMENSIONS);
  try {
    return rateCardMonthCost(byMarket, readRateBook(), currency).cost;
  } catch (e) {
    if (!(e instanceof RateLookupError)) throw e;
    throw new RateLookupError(
      `Meta returns no cost for this WhatsApp Business Account (it is billed through a partner's credit line), ` +
        `and ${e.message}`,
    );
  }
}

/** What rate-card pricing needs to know of each row besides its day and type. */
const PRICING_DIMENSIONS: readonly Dimension[] = ['country', 'category'];

function accountCurrencyOf(connection: StoredConnection): string {
  if (!connection.currency) {
    throw new RateLookupError(
      "Meta did not say this account's currency — an admin can reconnect in the sidebar",
    );
  }
  return connection.currency;
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
    return analyticsTable(costedAnalyticsRows(connection, query), columns, sheet, labels);
  });
}

/** Free service messages used and left of the line's monthly allowance, and the day it ran out (blank if not). */
export function metaAllowance(args: { line: unknown; month?: unknown }): Table {
  const fn = 'META_ALLOWANCE';
  return asFormula(fn, (connection) => {
    const sheet = activeSheetContext();
    const month = readMonth(fn, args.month, sheet.timeZone, Date.now());
    const [line] = readLines(
      fn,
      readRequiredCell(argRef(fn, 'line'), args.line),
      lineNumbers(connection),
      'line',
    );
    const allowance = perLineAllowance(month);
    if (allowance === null) {
      throw argError(
        argRef(fn, 'month'),
        `${monthKey(month)} is before ${ALLOWANCE_FROM}, when Meta's free service messages per line began`,
      );
    }
    const rows = fetchRows(connection, {
      fromDay: firstDay(month),
      toDay: lastDay(month),
      zone: resolveWabaTimeZone(connection.timezoneId, sheet.timeZone),
      granularity: 'DAILY',
      dimensions: ['line'],
      lines: [line],
    });
    const { used, left, ranOutOn } = lineAllowance(rows, month, line, allowance);
    const calendar = new ZoneCalendar(sheet.timeZone);
    return [[used, left, ranOutOn ? makeDate(sheet, midnightOf(ranOutOn, calendar)) : '']];
  });
}

/**
 * Meta's rows with their cost; where Meta gives none, the same query by day, market and category priced from the
 * rate cards (by day even for MONTHLY, since a card may start within a month), each row's source saying which card.
 */
function costedAnalyticsRows(connection: StoredConnection, query: AnalyticsQuery): CostedRow[] {
  const rows = fetchRows(connection, query);
  if (rows.every((r) => r.cost !== null)) return withMetaCosts(rows);
  const daily = fetchRows(connection, {
    ...query,
    granularity: 'DAILY',
    dimensions: [...new Set([...(query.dimensions ?? []), ...PRICING_DIMENSIONS])],
  });
  const { rows: priced } = priceMissingCosts(
    withMetaCosts(daily),
    readRateBook(),
    accountCurrencyOf(connection),
    'note',
  );
  if (query.granularity !== 'MONTHLY') return priced;
  const firstDay = dayKeyToIso(query.fromDay);
  // Meta's MONTHLY bucket is dated on the first day of the range that falls in its month.
  return priced.map((r) => ({
    ...r,
    day: r.day.slice(0, 7) === firstDay.slice(0, 7) ? firstDay : `${r.day.slice(0, 7)}-01`,
  }));
}

/**
 * META_BILLED and META_COST ask the same question (so they share one cache entry): no breakdown but type —
 * unless rate-card pricing needs the market and category too.
 */
function fetchUnitsRows(
  fn: MetaFunctionName,
  args: UnitsArgs,
  connection: StoredConnection,
  dimensions: readonly Dimension[] = [],
): AnalyticsRow[] {
  const sheet = activeSheetContext();
  return fetchRows(connection, {
    ...readDayRange(fn, args.start, args.end, sheet.timeZone),
    zone: resolveWabaTimeZone(connection.timezoneId, sheet.timeZone),
    granularity: 'DAILY',
    dimensions,
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
