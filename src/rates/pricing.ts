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

  /** Adds the units and returns their exact cost. */
  add(item: PricedUnits): ExactDecimal {
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
    return { units: rate.units * units, scale: rate.scale };
  }

  get exact(): ExactDecimal {
    return this.sum.value;
  }

  /** The total rounded once to the currency's minor units (half away from zero), as the nearest double. */
  rounded(): number {
    const decimals = currencyDecimals(this.currency);
    return nearestDouble(toMinorUnits(this.sum.value, decimals), pow10(decimals));
  }

  /** "rate card BRL 2025-10-01", or "rate cards BRL 2025-07-01, 2025-10-01". */
  source(): string {
    const days = [...this.used.values()].map((c) => c.effectiveFrom).sort((a, b) => a - b);
    return `rate card${days.length > 1 ? 's' : ''} ${this.currency} ${days.map(dayKeyToIso).join(', ')}`;
  }
}

/** The exact value as the nearest double (for a table cell at full precision). */
export function exactNumber(value: ExactDecimal): number {
  return nearestDouble(value.units, pow10(value.scale));
}
