/**
 * Monthly budgets of the Meta account, or of one of its lines, against Meta's cost: the spend so far, the month-end
 * projection (the month close's own projection, projectMonthEnd, over the daily cost) and the day the spend — or,
 * after the last imported day, the projected cumulative — reaches the budget. Exact: costs and budgets are
 * decimals at a common scale; only the projection is rounded, once.
 */
import {
  decimalOf,
  exactToNumber,
  parseDecimal,
  pow10,
  toCommonScale,
  type ExactDecimal,
} from '../core/exact/decimal';
import { projectMonthEnd, type ProjectionMethod } from '../core/projection/month-end';
import { dayKeyToIso, daysInMonth, type DayKey } from '../core/time';
import type { MetaUsageRow } from './figures';
import { digitsOf } from './meta-data-sheet';
import { firstDay, type CalendarMonth } from './month';

/** A budget for the whole account (`line` empty) or one line (its display number). */
export interface Budget {
  line: string;
  /** The amount as exact decimal text, in the account's currency. */
  amount: string;
}

export interface BudgetStatus {
  budget: Budget;
  spend: number;
  /** Month-end spend projected; null for a closed month. */
  projection: number | null;
  /** yyyy-MM-dd the spend (or its projection) reaches the budget; null when it does not this month. */
  crossesOn: string | null;
}

/** The key an alert is remembered by: a changed amount is another budget. */
export function budgetKey(month: string, budget: Budget): string {
  return `${month}|${digitsOf(budget.line)}|${budget.amount}`;
}

/** The budget's exact amount (the store keeps only amounts that parse). */
export const budgetAmount = (budget: Budget): ExactDecimal =>
  parseDecimal(budget.amount) ?? { units: 0n, scale: 0 };

const scaled = (d: ExactDecimal, scale: number): bigint => d.units * pow10(scale - d.scale);

/**
 * The status of each budget the import covers: the account's only when every line was imported (`lineDigits`
 * null), a line's when it was. None when Meta gave no cost for a row (partner credit line).
 */
export function budgetStatuses(
  month: CalendarMonth,
  rows: readonly MetaUsageRow[],
  budgets: readonly Budget[],
  asOfDay: DayKey | null,
  method: ProjectionMethod,
  lineDigits: ReadonlySet<string> | null,
): BudgetStatus[] {
  const days = daysInMonth(month.year, month.month);
  const start = firstDay(month);
  const prefix = dayKeyToIso(start).slice(0, 8);
  const monthRows = rows.filter((r) => r.day.startsWith(prefix));
  if (monthRows.some((r) => r.cost === null)) return [];
  const asOf = asOfDay === null ? days : Math.min(days, Math.max(1, asOfDay - start + 1));
  const statuses: BudgetStatus[] = [];
  for (const budget of budgets) {
    const line = digitsOf(budget.line);
    if (line ? lineDigits !== null && !lineDigits.has(line) : lineDigits !== null) continue;
    const own = monthRows.filter((r) => !line || digitsOf(r.line ?? '') === line);
    const amount = budgetAmount(budget);
    const costs = toCommonScale(own.map((r) => r.cost as number));
    const scale = Math.max(costs.scale, amount.scale);
    const daily = new Array<bigint>(days).fill(0n);
    own.forEach(
      (r, i) =>
        (daily[Number(r.day.slice(8, 10)) - 1] += scaled(
          { units: costs.units[i], scale: costs.scale },
          scale,
        )),
    );
    const toDate = daily.slice(0, asOf);
    const projection =
      asOfDay === null ? null : projectMonthEnd({ amounts: toDate, scale, daysInMonth: days }, method);
    statuses.push({
      budget,
      spend: exactToNumber({ units: toDate.reduce((s, v) => s + v, 0n), scale }),
      projection,
      crossesOn: crossing(daily, asOf, projection, amount, scale, start),
    });
  }
  return statuses;
}

/** The first day the cumulative spend, then (as the daily table draws it) the projected cumulative, reaches the budget. */
function crossing(
  daily: readonly bigint[],
  asOf: number,
  projection: number | null,
  amount: ExactDecimal,
  scale: number,
  start: DayKey,
): string | null {
  const budget = scaled(amount, scale);
  let cumulative = 0n;
  for (let i = 0; i < asOf; i++) {
    cumulative += daily[i];
    if (cumulative >= budget) return dayKeyToIso(start + i);
  }
  if (projection === null) return null;
  // Projected cumulative after k of the r remaining days: c + (P − c)·k/r ≥ B  ⇔  c·r + (P − c)·k ≥ B·r.
  const p = decimalOf(projection);
  const s = Math.max(scale, p.scale);
  const [c, b, end] = [
    scaled({ units: cumulative, scale }, s),
    scaled({ units: budget, scale }, s),
    scaled(p, s),
  ];
  const r = BigInt(daily.length - asOf);
  for (let k = 1n; k <= r; k++) {
    if (c * r + (end - c) * k >= b * r) return dayKeyToIso(start + asOf - 1 + Number(k));
  }
  return null;
}
