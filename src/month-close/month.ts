/**
 * Calendar months of the month close (`YYYY-MM`), the month the sidebar proposes, and whether a month's figures
 * are still an estimate. Time zones and the clock are passed in.
 */
import { UserFacingError, type ErrorNote } from '../core/errors';
import { addDays, dayKeyAt, dayKeyOf, daysInMonth, type DayKey } from '../core/time';

export interface CalendarMonth {
  year: number;
  month: number; // 1-12
}

export type MonthStatus = 'estimate' | 'closed';

/** During the first days of a month finance is still closing the previous one. */
export const CLOSING_DAYS = 5;
/** Days after a month's end during which Meta may still consolidate late data. */
export const DEFAULT_GRACE_DAYS = 5;
export const MAX_GRACE_DAYS = 31;

export class MonthCloseInputError extends UserFacingError {
  constructor(message: string, note?: ErrorNote) {
    super(message, note);
    this.name = 'MonthCloseInputError';
  }
}

export function parseMonth(text: unknown): CalendarMonth {
  const m = typeof text === 'string' ? /^(\d{4})-(\d{2})$/.exec(text.trim()) : null;
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) {
    throw new MonthCloseInputError(
      `The month must be written YYYY-MM (e.g. 2025-10), not "${String(text).slice(0, 40)}"`,
    );
  }
  return { year: Number(m[1]), month };
}

export function monthKey(m: CalendarMonth): string {
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
}

/** `2025_10`: the suffix of the month's named ranges. */
export function monthNameSuffix(m: CalendarMonth): string {
  return monthKey(m).replace('-', '_');
}

export function firstDay(m: CalendarMonth): DayKey {
  return dayKeyOf(m.year, m.month, 1);
}

export function lastDay(m: CalendarMonth): DayKey {
  return dayKeyOf(m.year, m.month, daysInMonth(m.year, m.month));
}

export function monthOfDay(day: DayKey): CalendarMonth {
  return { year: Math.floor(day / 10000), month: Math.floor(day / 100) % 100 };
}

export function previousMonth(m: CalendarMonth): CalendarMonth {
  return m.month === 1 ? { year: m.year - 1, month: 12 } : { year: m.year, month: m.month - 1 };
}

export function compareMonths(a: CalendarMonth, b: CalendarMonth): number {
  return a.year * 12 + a.month - (b.year * 12 + b.month);
}

/** The previous month during the first CLOSING_DAYS days of a month (in `timeZone`), else the current one. */
export function defaultMonth(nowMs: number, timeZone: string): CalendarMonth {
  const today = dayKeyAt(nowMs, timeZone);
  const current = monthOfDay(today);
  return today % 100 <= CLOSING_DAYS ? previousMonth(current) : current;
}

/** Closed once `graceDays` whole days have passed after the month's last day (in `timeZone`). */
export function monthStatus(
  m: CalendarMonth,
  nowMs: number,
  timeZone: string,
  graceDays: number,
): MonthStatus {
  return dayKeyAt(nowMs, timeZone) > addDays(lastDay(m), graceDays) ? 'closed' : 'estimate';
}

/** A month that has not started yet has nothing to import. */
export function assertStarted(m: CalendarMonth, nowMs: number, timeZone: string): void {
  if (compareMonths(m, monthOfDay(dayKeyAt(nowMs, timeZone))) > 0) {
    throw new MonthCloseInputError(
      `${monthKey(m)} has not started yet — choose this month or an earlier one`,
    );
  }
}

export function checkedGraceDays(days: unknown): number {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > MAX_GRACE_DAYS) {
    throw new MonthCloseInputError(
      `The consolidation grace must be a whole number of days from 0 to ${MAX_GRACE_DAYS}`,
    );
  }
  return days;
}
