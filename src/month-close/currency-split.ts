/**
 * Money in different currencies is never added up. A month's Meta rows carry two currencies when the account was
 * migrated to a new currency mid-month (Meta makes a new WABA; the earlier days stay on the old one) or a number
 * bills through a second Messaging Account (meta-2026.md §2, §6): units add up across them, costs only within one
 * currency — the connected account's is the month's cost, each other currency is shown beside it.
 */
import { sumCosts } from '../core/exact/cost-sum';
import type { MetaUsageRow } from './figures';

export interface CurrencyCost {
  currency: string;
  /** null when a row of that currency came without cost (partner credit line). */
  cost: number | null;
}

/** The rows in the account's currency (`main`), and the cost of every other currency, alphabetically. */
export function splitByCurrency(
  rows: readonly MetaUsageRow[],
  main: string,
): { main: MetaUsageRow[]; others: CurrencyCost[] } {
  const byCurrency = new Map<string, MetaUsageRow[]>([[main, []]]);
  for (const row of rows) {
    const currency = row.currency || main;
    const group = byCurrency.get(currency);
    if (group) group.push(row);
    else byCurrency.set(currency, [row]);
  }
  const others = [...byCurrency]
    .filter(([currency]) => currency !== main)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, group]) => ({ currency, cost: sumCosts(group.map((r) => r.cost)) }));
  return { main: byCurrency.get(main)!, others };
}
