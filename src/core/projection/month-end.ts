/**
 * Month-end projections of a daily billed series, computed exactly (integer amounts over a common
 * power of ten, rational means) and rounded once, to the nearest double, at the end.
 */
import { nearestDouble } from '../exact/nearest-double';
import { pow10 } from '../exact/decimal';

export const PROJECTION_METHODS = ['linear', 'trailing7', 'weekday'] as const;
export type ProjectionMethod = (typeof PROJECTION_METHODS)[number];

export interface MonthToDate {
  /** amounts[d - 1] is day d's total (units / 10^scale), for days 1..asOfDay; missing days are 0. */
  readonly amounts: readonly bigint[];
  readonly scale: number;
  readonly daysInMonth: number;
  /** Divides the projection, exactly (a share's total weight); default 1. */
  readonly per?: bigint;
}

/** A fraction with a positive denominator. */
interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

const add = (a: Ratio, b: Ratio): Ratio => ({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
const sum = (values: readonly bigint[]): bigint => values.reduce((s, v) => s + v, 0n);

export function projectMonthEnd(month: MonthToDate, method: ProjectionMethod): number {
  const asOfDay = month.amounts.length;
  const toDate = sum(month.amounts);
  const remaining = month.daysInMonth - asOfDay;
  const linearDaily: Ratio = { num: toDate, den: BigInt(asOfDay) };
  let rest: Ratio;
  if (method === 'linear') {
    rest = { num: linearDaily.num * BigInt(remaining), den: linearDaily.den };
  } else if (method === 'trailing7') {
    const last = month.amounts.slice(Math.max(0, asOfDay - 7));
    rest = { num: sum(last) * BigInt(remaining), den: BigInt(last.length) };
  } else {
    rest = { num: 0n, den: 1n };
    for (let day = asOfDay + 1; day <= month.daysInMonth; day++) {
      // Days 7 apart share a weekday; one with no day yet this month takes the linear daily mean.
      const sameWeekday = month.amounts.filter((_, i) => (i + 1) % 7 === day % 7);
      rest = add(
        rest,
        sameWeekday.length ? { num: sum(sameWeekday), den: BigInt(sameWeekday.length) } : linearDaily,
      );
    }
  }
  const total = add({ num: toDate, den: 1n }, rest);
  return nearestDouble(total.num, total.den * pow10(month.scale) * (month.per ?? 1n));
}
