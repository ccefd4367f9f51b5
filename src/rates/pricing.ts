/**
 * Units priced from the rate cards: the card of the currency in force on the unit's day, the market of the
 * recipient's country on that card's date, the category's exact rate × the units. Sums stay exact (DecimalSum)
 * and are rounded once, at the end, to the currency's minor units.
 */
import { DecimalSum, pow10, toMinorUnits, type ExactDecimal } from '../core/exact/decimal';
import { nearestDouble } from '../core/exact/nearest-double';
import { dayKeyToIso, type DayKey } from '../core/time';
import type { CardPricingModel } from './card-csv';
import type { RateCategory } from './categories';
import { currencyDecimals } from './currencies';
import { RateLookupError } from './errors';
import { countryLabel, marketOfCountry } from './markets';
import { cardLabel, rateOn, type BookCard, type RateBook } from './rate-book';

export interface PricedUnits {
  /** Calendar day of the units (Meta's billing day, or the spreadsheet's day for an Atom log). */
  day: DayKey;
  /** ISO alpha-2 of the recipient. */
  country: string;
  category: RateCategory;
  model: CardPricingModel;
  units: number;
}

/** The cards used and the exact cost of everything added. */
export class RateCardCost {
  private readonly sum = new DecimalSum();
  private readonly used = new Map<string, BookCard>();

  constructor(
    private readonly book: RateBook,
    readonly currency: string,
  ) {}

  /** Adds the units; returns their exact cost and the card that priced them. */
  add(item: PricedUnits): { cost: ExactDecimal; card: BookCard } {
    const card = this.book.requireCardAt(this.currency, item.day);
    if (card.pricingModel !== item.model) {
      throw new RateLookupError(
        `the ${cardLabel(card)} prices per ${card.pricingModel}, but ${dayKeyToIso(item.day)} is billed per ` +
          `${item.model} — import the ${this.currency} card that applies on ${dayKeyToIso(item.day)}`,
      );
    }
    const market = marketOfCountry(item.country, card.effectiveFrom);
    let rate: ExactDecimal;
    try {
      rate = rateOn(card, market, item.category);
    } catch (e) {
      if (!(e instanceof RateLookupError)) throw e;
      throw new RateLookupError(`${e.message} (the market of ${countryLabel(item.country)})`);
    }
    this.used.set(`${card.currency} ${card.effectiveFrom}`, card);
    const units = BigInt(item.units);
    this.sum.addProduct(rate, units);
    return { cost: { units: rate.units * units, scale: rate.scale }, card };
  }

  get exact(): ExactDecimal {
    return this.sum.value;
  }

  /** The total rounded once to the currency's minor units (half away from zero), as the nearest double. */
  rounded(): number {
    return roundedToCurrency(this.sum.value, this.currency);
  }

  /** "rate card BRL 2025-10-01", or "rate cards BRL 2025-07-01, 2025-10-01". */
  source(): string {
    return costSourceText([...this.used.values()]);
  }
}

/** "rate card BRL 2025-10-01", or "rate cards BRL 2025-07-01, 2025-10-01" for the cards used (one currency). */
export function costSourceText(cards: readonly Pick<BookCard, 'currency' | 'effectiveFrom'>[]): string {
  const days = [...new Set(cards.map((c) => c.effectiveFrom))].sort((a, b) => a - b);
  return `rate card${days.length > 1 ? 's' : ''} ${cards[0]?.currency ?? ''} ${days.map(dayKeyToIso).join(', ')}`;
}

/** An exact amount rounded once to the currency's minor units (half away from zero), as the nearest double. */
export function roundedToCurrency(value: ExactDecimal, currency: string): number {
  const decimals = currencyDecimals(currency);
  return nearestDouble(toMinorUnits(value, decimals), pow10(decimals));
}
