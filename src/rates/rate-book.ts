/**
 * The imported rate cards, looked up the way Meta applies them: a card of a currency is in force from 12 am of
 * its effective date until the next card of that currency; a market's rate for a category is the card's
 * exact decimal, or none (n/a).
 */
import type { ExactDecimal } from '../core/exact/decimal';
import { dayKeyToIso, type DayKey } from '../core/time';
import type { CardPricingModel } from './card-csv';
import type { RateCategory } from './categories';
import { RateLookupError } from './errors';
import { marketKey } from './markets';

export interface MarketRates {
  /** As written on the card. */
  market: string;
  rates: Map<RateCategory, ExactDecimal | null>;
}

export interface BookCard {
  currency: string;
  effectiveFrom: DayKey;
  pricingModel: CardPricingModel;
  /** By marketKey. */
  markets: Map<string, MarketRates>;
}

/** "BRL card effective 2025-10-01". */
export function cardLabel(card: Pick<BookCard, 'currency' | 'effectiveFrom'>): string {
  return `${card.currency} card effective ${dayKeyToIso(card.effectiveFrom)}`;
}

export const IMPORT_HINT =
  "import Meta's rate card in the sidebar (Extensions ▸ Atom Billing ▸ Open sidebar ▸ Rate cards)";

export class RateBook {
  private readonly byCurrency = new Map<string, BookCard[]>();

  constructor(cards: readonly BookCard[]) {
    for (const card of cards) {
      const list = this.byCurrency.get(card.currency) ?? [];
      list.push(card);
      this.byCurrency.set(card.currency, list);
    }
    for (const list of this.byCurrency.values()) list.sort((a, b) => a.effectiveFrom - b.effectiveFrom);
  }

  get currencies(): string[] {
    return [...this.byCurrency.keys()].sort();
  }

  /** The card in force on `day`, or undefined when none of that currency starts on or before it. */
  cardAt(currency: string, day: DayKey): BookCard | undefined {
    const list = this.byCurrency.get(currency) ?? [];
    let found: BookCard | undefined;
    for (const card of list) if (card.effectiveFrom <= day) found = card;
    return found;
  }

  /** Like cardAt, but a missing card is an error that says which card to import. */
  requireCardAt(currency: string, day: DayKey): BookCard {
    const card = this.cardAt(currency, day);
    if (card) return card;
    const first = this.byCurrency.get(currency)?.[0];
    throw new RateLookupError(
      `no ${currency} rate card covers ${dayKeyToIso(day)}` +
        (first
          ? ` (the earliest ${currency} card imported is effective ${dayKeyToIso(first.effectiveFrom)})`
          : '') +
        ` — ${IMPORT_HINT}: the ${currency} card effective on or before ${dayKeyToIso(day)}`,
      { code: 'noRateCard', currency, day: dayKeyToIso(day) },
    );
  }
}

/** The exact rate of a market and category on a card; an error names the card, market and category otherwise. */
export function rateOn(card: BookCard, market: string, category: RateCategory): ExactDecimal {
  const row = card.markets.get(marketKey(market));
  if (!row) throw new RateLookupError(`the ${cardLabel(card)} has no row for ${market}`);
  const rate = row.rates.get(category);
  if (rate === undefined) {
    throw new RateLookupError(`the ${cardLabel(card)} has no ${categoryText(category)} column`);
  }
  if (rate === null) {
    throw new RateLookupError(
      `the ${cardLabel(card)} has no ${categoryText(category)} rate for ${row.market} (n/a)`,
    );
  }
  return rate;
}

export function categoryText(category: RateCategory): string {
  return category.toLowerCase().replace(/_/g, '-');
}
