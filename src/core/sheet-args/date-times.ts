/**
 * Date and date-time cells. A Date cell is an instant (Sheets makes it from the wall time shown in
 * the spreadsheet's zone), so its calendar day is read in that zone. ISO text "2025-10-01" or
 * "2025-10-01 14:30[:05]" is a wall time in the spreadsheet's zone. Either must fall on a day from
 * 1900-01-01 to 9999-12-31 there: a time-only cell (which Sheets stores on 1899-12-30) is not a date,
 * and the message log packs instants in a way that is exact only for plausible years.
 */
import { DAY_MS, type ZoneCalendar } from '../zone-calendar';
import { daysInMonth } from '../time';
import { blankCellError, cellError, scalarError, type ArgRef } from './arg-errors';
import { isBlank, isDateCell } from './cells';

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const FIRST_EPOCH_DAY = Date.UTC(1900, 0, 1) / DAY_MS;
const END_EPOCH_DAY = Date.UTC(10000, 0, 1) / DAY_MS;

/** The instant a date/date-time cell stands for, or undefined when it is not one. */
export function cellInstant(value: unknown, calendar: ZoneCalendar): number | undefined {
  const ms = parseInstant(value, calendar);
  return ms !== undefined && isInDateRange(ms, calendar) ? ms : undefined;
}

function isInDateRange(ms: number, calendar: ZoneCalendar): boolean {
  // A zone is less than a day from UTC; the UTC check first also keeps Intl away from the ends
  // of the Date range, where it cannot read a zone's offset.
  const utcDay = Math.floor(ms / DAY_MS);
  if (utcDay < FIRST_EPOCH_DAY - 1 || utcDay > END_EPOCH_DAY) return false;
  const day = calendar.epochDayAt(ms);
  return day >= FIRST_EPOCH_DAY && day < END_EPOCH_DAY;
}

function parseInstant(value: unknown, calendar: ZoneCalendar): number | undefined {
  if (isDateCell(value)) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (typeof value !== 'string') return undefined;
  const m = ISO_LOCAL.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  // year ≥ 1900 here too: Date.UTC reads years 0–99 as 1900–1999.
  const valid =
    year >= 1900 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59;
  return valid ? calendar.instantOf(year, month, day, hour, minute, second) : undefined;
}

/** Instants of a date/date-time range; `isSkipped(i)` rows are left as NaN and not checked. */
export function readInstants(
  arg: ArgRef,
  cells: readonly unknown[],
  calendar: ZoneCalendar,
  isSkipped: (index: number) => boolean = () => false,
): Float64Array {
  const out = new Float64Array(cells.length).fill(NaN);
  for (let i = 0; i < cells.length; i++) {
    if (isSkipped(i)) continue;
    if (isBlank(cells[i])) throw blankCellError(arg, i + 1);
    const ms = cellInstant(cells[i], calendar);
    if (ms === undefined) throw cellError(arg, i + 1, 'is not a date', cells[i]);
    out[i] = ms;
  }
  return out;
}

/** The calendar day (in the calendar's zone, as days since 1970-01-01) of a single date cell. */
export function readEpochDay(arg: ArgRef, value: unknown, calendar: ZoneCalendar): number {
  const ms = cellInstant(value, calendar);
  if (ms === undefined) throw scalarError(arg, 'is not a date', value);
  return calendar.epochDayAt(ms);
}
