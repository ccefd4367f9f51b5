/**
 * Meta's free allowance of service messages per phone number and month (1,000 since 2026-10-01), as Meta counts it:
 * from 2026-10 its FREE_CUSTOMER_SERVICE rows are exactly the service messages inside the allowance and what is
 * beyond is REGULAR (meta-2026.md §6), so the used part is that volume — never re-derived from Atom's log. Days
 * are Meta's buckets, in the account's zone, as everywhere in the month close.
 */
import { PRICING_RULES } from '../core/pricing/rules';
import { dayKeyToIso } from '../core/time';
import type { MetaUsageRow } from './figures';
import { digitsOf } from './meta-data-sheet';
import { firstDay, type CalendarMonth } from './month';

/** Meta's type for service messages inside the allowance (from 2026-10). */
export const FREE_SERVICE_TYPE = 'FREE_CUSTOMER_SERVICE';

export interface LineAllowance {
  used: number;
  left: number;
  /** yyyy-MM-dd: the day the month's running total reached the allowance; null while it has not. */
  ranOutOn: string | null;
}

/**
 * Free service messages per line for the month, or null when no per-line allowance applied then (before 2026-10
 * service was free without limit, or counted per account under conversation pricing). From PRICING_RULES, so the
 * figure and its start live in one place.
 */
export function perLineAllowance(month: CalendarMonth): number | null {
  const start = firstDay(month);
  const rule = PRICING_RULES.filter((r) => r.enabled && r.from <= start).pop();
  return rule?.freeServiceScope === 'line' ? rule.freeServicePerMonth : null;
}

/** yyyy-MM-dd: the first day with a per-line allowance. */
export const ALLOWANCE_FROM = dayKeyToIso(
  PRICING_RULES.find((r) => r.enabled && r.freeServiceScope === 'line')!.from,
);

/** The line's allowance in the month, from Meta's rows (any lines and days: the others are skipped). */
export function lineAllowance(
  rows: readonly Pick<MetaUsageRow, 'day' | 'line' | 'type' | 'volume'>[],
  month: CalendarMonth,
  line: string,
  allowance: number,
): LineAllowance {
  const prefix = dayKeyToIso(firstDay(month)).slice(0, 8);
  const digits = digitsOf(line);
  const byDay = new Map<string, number>();
  for (const r of rows) {
    if (r.type !== FREE_SERVICE_TYPE || !r.day.startsWith(prefix) || digitsOf(r.line ?? '') !== digits)
      continue;
    byDay.set(r.day, (byDay.get(r.day) ?? 0) + r.volume);
  }
  let used = 0;
  let ranOutOn: string | null = null;
  for (const day of [...byDay.keys()].sort()) {
    used += byDay.get(day)!;
    if (ranOutOn === null && used >= allowance) ranOutOn = day;
  }
  return { used, left: Math.max(0, allowance - used), ranOutOn };
}
