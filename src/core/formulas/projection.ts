/**
 * BILLED_PROJECTION(dates, daily_billed, [as_of], [method]): projected month-end total for the
 * calendar month of as_of (default: the latest date), from the days of that month up to as_of.
 */
import { toCommonScale } from '../exact/decimal';
import { PROJECTION_METHODS, projectMonthEnd, type ProjectionMethod } from '../projection/month-end';
import { argError, argRef, scalarError } from '../sheet-args/arg-errors';
import { isBlank } from '../sheet-args/cells';
import { readEpochDay, readInstants } from '../sheet-args/date-times';
import { readNumbers } from '../sheet-args/numbers';
import { readOptionalCell, readRange, requireSameSize } from '../sheet-args/range';
import { daysInMonth, epochDayToDayKey, splitDayKey } from '../time';
import { ZoneCalendar } from '../zone-calendar';
import type { SheetContext } from './sheet-context';

const FN = 'BILLED_PROJECTION';
const DATES = argRef(FN, 'dates');
const DAILY = argRef(FN, 'daily_billed');
const AS_OF = argRef(FN, 'as_of');
const METHOD = argRef(FN, 'method');

export function billedProjection(
  args: { dates: unknown; dailyBilled: unknown; asOf?: unknown; method?: unknown },
  sheet: SheetContext,
): number {
  const calendar = new ZoneCalendar(sheet.timeZone);
  const dateCells = readRange(DATES, args.dates);
  const valueCells = readRange(DAILY, args.dailyBilled);
  requireSameSize(DATES, dateCells, DAILY, valueCells);
  const skipped = (i: number): boolean => isBlank(dateCells[i]) && isBlank(valueCells[i]);
  const instants = readInstants(DATES, dateCells, calendar, skipped);
  const values = readNumbers(DAILY, valueCells);
  const method = readMethod(readOptionalCell(METHOD, args.method));
  const days = Array.from(instants, (ms) => (Number.isNaN(ms) ? NaN : calendar.epochDayAt(ms)));
  const asOfCell = readOptionalCell(AS_OF, args.asOf);
  const asOf = asOfCell === undefined ? latest(days) : readEpochDay(AS_OF, asOfCell, calendar);
  const { year, month, day: asOfDay } = splitDayKey(epochDayToDayKey(asOf));
  const firstDay = asOf - asOfDay + 1;
  const counted = days.map((d) => d >= firstDay && d <= asOf);
  const { units, scale } = toCommonScale(values.filter((_, i) => counted[i]));
  const amounts = new Array<bigint>(asOfDay).fill(0n);
  days.filter((_, i) => counted[i]).forEach((d, k) => (amounts[d - firstDay] += units[k]));
  const projected = projectMonthEnd({ amounts, scale, daysInMonth: daysInMonth(year, month) }, method);
  if (!Number.isFinite(projected))
    throw argError(DAILY, 'projects a total beyond the largest number a cell holds');
  return projected;
}

function latest(days: readonly number[]): number {
  const dated = days.filter((d) => !Number.isNaN(d));
  if (dated.length === 0) throw argError(DATES, 'has no dates (and as_of is not given)');
  return dated.reduce((a, b) => Math.max(a, b));
}

function readMethod(value: unknown): ProjectionMethod {
  if (value === undefined) return 'linear';
  const method = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const known = PROJECTION_METHODS.find((m) => m === method);
  if (!known)
    throw scalarError(METHOD, `is not a projection method; use ${PROJECTION_METHODS.join(', ')}`, value);
  return known;
}
