/**
 * Monthly budgets of the Meta account, or of one of its lines, against Meta's cost: the spend so far, the month-end
 * projection (the month close's own projection, projectMonthEnd, over the daily cost) and the day the spend — or,
 * after the last imported day, the projected cumulative — reaches the budget. Exact: costs and budgets are
 * decimals at a common scale; only the projection is rounded, once.
 */
import type { Parties } from '../core/formulas/allocation-table';
import { nearestDouble } from '../core/exact/nearest-double';
import { decimalOf, parseDecimal, pow10, toCommonScale, type ExactDecimal } from '../core/exact/decimal';
import { projectMonthEnd, type ProjectionMethod } from '../core/projection/month-end';
import { dayKeyToIso, daysInMonth, type DayKey } from '../core/time';
import type { MetaUsageRow } from './figures';
import { digitsOf } from './meta-data-sheet';
import { firstDay, type CalendarMonth } from './month';

export type BudgetScope = 'account' | 'line' | 'group' | 'campaign';

/** A monthly budget in the account's currency. */
export interface Budget {
  scope: BudgetScope;
  /** '' for the account; a line's display number; a group's or campaign's label in Atom's table. */
  name: string;
  /** The amount as exact decimal text. */
  amount: string;
}

/** Atom's groups and campaigns with their weights, as the month sheet's split reads them. */
export type BudgetShares = Partial<Record<'group' | 'campaign', Parties>>;

export interface BudgetStatus {
  budget: Budget;
  spend: number;
  /** Month-end spend projected; null for a closed month. */
  projection: number | null;
  /** yyyy-MM-dd the spend (or its projection) reaches the budget; null when it does not this month. */
  crossesOn: string | null;
}

/** The key an alert is remembered by: a changed amount is another budget. */
export function budgetKey(month: string, b: Budget): string {
  return `${month}|${b.scope}:${b.scope === 'line' ? digitsOf(b.name) : b.name}|${b.amount}`;
}

/** How messages name a budget: "the whole account", "+55 11 4000 0001", "group Ventas". */
export function budgetName(b: Budget): string {
  return b.scope === 'account' ? 'the whole account' : b.scope === 'line' ? b.name : `${b.scope} ${b.name}`;
}

/** The budget's exact amount (the store keeps only amounts that parse). */
export const budgetAmount = (budget: Budget): ExactDecimal =>
  parseDecimal(budget.amount) ?? { units: 0n, scale: 0 };

const scaled = (d: ExactDecimal, scale: number): bigint => d.units * pow10(scale - d.scale);

/**
 * The status of each budget the import covers: a line's when it was imported; the account's, a group's or a
 * campaign's only when every line was (`lineDigits` null) — a group or campaign getting its share of Meta's cost
 * by Atom's weights, as the month sheet splits it, when it is in the month's table. None when Meta gave no cost
 * for a row (partner credit line).
 */
export function budgetStatuses(
  month: CalendarMonth,
  rows: readonly MetaUsageRow[],
  budgets: readonly Budget[],
  asOfDay: DayKey | null,
  method: ProjectionMethod,
  lineDigits: ReadonlySet<string> | null,
  shares: BudgetShares,
): BudgetStatus[] {
  const days = daysInMonth(month.year, month.month);
  const start = firstDay(month);
  const prefix = dayKeyToIso(start).slice(0, 8);
  const monthRows = rows.filter((r) => r.day.startsWith(prefix));
  if (monthRows.some((r) => r.cost === null)) return [];
  const asOf = asOfDay === null ? days : Math.min(days, Math.max(1, asOfDay - start + 1));
  const statuses: BudgetStatus[] = [];
  for (const budget of budgets) {
    const line = budget.scope === 'line' ? digitsOf(budget.name) : '';
    if (line ? lineDigits !== null && !lineDigits.has(line) : lineDigits !== null) continue;
    // The budget's part of the cost: all of it, or a group's (campaign's) weight over the table's total.
    let [part, whole] = [1n, 1n];
    if (budget.scope === 'group' || budget.scope === 'campaign') {
      const parties = shares[budget.scope];
      const i = parties ? parties.labels.indexOf(budget.name) : -1;
      if (!parties || i < 0 || parties.split.isEmpty) continue;
      [part, whole] = [parties.split.weights[i], parties.split.weightSum];
    }
    const own = monthRows.filter((r) => !line || digitsOf(r.line ?? '') === line);
    const amount = budgetAmount(budget);
    const costs = toCommonScale(own.map((r) => r.cost as number));
    const scale = Math.max(costs.scale, amount.scale);
    // Daily costs × part against the budget × whole: exact, whatever the share.
    const daily = new Array<bigint>(days).fill(0n);
    own.forEach((r, i) => {
      daily[Number(r.day.slice(8, 10)) - 1] +=
        scaled({ units: costs.units[i], scale: costs.scale }, scale) * part;
    });
    const toDate = daily.slice(0, asOf);
    const series = { amounts: toDate, scale, daysInMonth: days };
    // The crossing compares in units × whole (exact); the share's projection is divided by it exactly.
    const projected = asOfDay === null ? null : projectMonthEnd(series, method);
    statuses.push({
      budget,
      spend: nearestDouble(
        toDate.reduce((s, v) => s + v, 0n),
        pow10(scale) * whole,
      ),
      projection: projected === null ? null : projectMonthEnd({ ...series, per: whole }, method),
      crossesOn: crossing(daily, asOf, projected, scaled(amount, scale) * whole, scale, start),
    });
  }
  return statuses;
}

/** The first day the cumulative spend, then (as the daily table draws it) the projected cumulative, reaches the budget. */
function crossing(
  daily: readonly bigint[],
  asOf: number,
  projection: number | null,
  budget: bigint,
  scale: number,
  start: DayKey,
): string | null {
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
