/**
 * Date and date-time cells. A Date cell is an instant (Sheets makes it from the wall time shown in
 * the spreadsheet's zone), so its calendar day is read in that zone. ISO text "2025-10-01" or
 * "2025-10-01 14:30[:05]" is a wall time in the spreadsheet's zone.
 */
import type { ZoneCalendar } from '../zone-calendar';
import { daysInMonth } from '../time';
import { blankCellError, cellError, scalarError, type ArgRef } from './arg-errors';
import { isBlank, isDateCell } from './cells';

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** The instant a date/date-time cell stands for, or undefined when it is not one. */
export function cellInstant(value: unknown, calendar: ZoneCalendar): number | undefined {
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
