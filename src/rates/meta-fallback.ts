/**
 * Where Meta's analytics carry no cost (accounts billed through a partner's credit line), the volumes are priced
 * from the imported rate cards: REGULAR rows (the charged ones) at the rate of their day, market and category in
 * the account's currency; free rows cost nothing. Meta's own cost is kept wherever it gave one.
 */
import { DecimalSum } from '../core/exact/decimal';
import type { AnalyticsRow } from '../meta/analytics';
import { FREE_COST_SOURCE, withMetaCosts, type CostedRow } from '../meta/analytics-table';
import { rateCategoryOf } from './categories';
import { RateLookupError } from './errors';
import { costSourceText, RateCardCost, roundedToCurrency } from './pricing';
import type { RateBook } from './rate-book';

/**
 * Prices every row without a cost. `onError: 'throw'` (META_COST) fails on the first row the cards cannot price;
 * `'note'` (META_ANALYTICS) leaves that row's cost blank and says why in its source.
 */
export function priceMissingCosts(
  rows: readonly CostedRow[],
  book: RateBook,
  currency: string,
  onError: 'throw' | 'note',
): { rows: CostedRow[]; source: string } {
  const pricing = new RateCardCost(book, currency);
  const priced = rows.map((row) => {
    if (row.exactCost !== null) return row;
    if (row.type !== 'REGULAR')
      return { ...row, exactCost: { units: 0n, scale: 0 }, costSource: FREE_COST_SOURCE };
    try {
      const category = row.category === null ? undefined : rateCategoryOf(row.category);
      if (!category)
        throw new RateLookupError(`Meta's category ${row.category ?? '(none)'} has no rate-card column`);
      if (!row.country) throw new RateLookupError('Meta gave no country for these messages');
      const { cost, card } = pricing.add({
        day: Number(row.day.replace(/-/g, '')),
        country: row.country,
        category,
        model: row.pricingModel,
        units: row.volume,
      });
      return { ...row, exactCost: cost, costSource: costSourceText([card]) };
    } catch (e) {
      if (onError === 'throw' || !(e instanceof RateLookupError)) throw e;
      return { ...row, costSource: `no cost: ${e.message}` };
    }
  });
  return { rows: priced, source: pricing.source() };
}

/**
 * A month's cost where Meta gave none for some rows: Meta's costs plus the rate-card prices, exact, rounded once;
 * its source names the cards used. Throws RateLookupError when the cards cannot price a charged row.
 */
export function rateCardMonthCost(
  rows: readonly AnalyticsRow[],
  book: RateBook,
  currency: string,
): { cost: number; source: string } {
  const priced = priceMissingCosts(withMetaCosts(rows), book, currency, 'throw');
  return { cost: costedTotal(priced.rows, currency), source: priced.source };
}

/** The exact total of costed rows (every one has a cost), rounded once to the currency's minor units. */
export function costedTotal(rows: readonly CostedRow[], currency: string): number {
  const sum = new DecimalSum();
  for (const row of rows) if (row.exactCost !== null) sum.add(row.exactCost);
  return roundedToCurrency(sum.value, currency);
}
