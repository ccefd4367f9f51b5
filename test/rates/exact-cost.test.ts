/**
 * Rates × volumes are summed exactly and rounded once: checked against an independent integer computation
 * (every rate in micro-units) over 10⁵ random volumes, where summing doubles drifts.
 */
import fc from 'fast-check';
import { nearestDouble } from '../../src/core/exact/nearest-double';
import { RATE_CATEGORIES, type RateCard } from '../../src/rates';
import { cardsOfRows, rowsOfCard } from '../../src/rates/card-sheet';
import { RateCardCost } from '../../src/rates/pricing';
import { RateBook } from '../../src/rates/rate-book';

const COUNTRIES = ['AR', 'BR', 'CL', 'CO', 'MX', 'PE'] as const;
const MARKETS = ['Argentina', 'Brazil', 'Chile', 'Colombia', 'Mexico', 'Peru'];

/** A rate with up to 6 decimals, as Meta writes them, and its value in micro-units. */
const rateArb = fc.integer({ min: 1, max: 2_000_000 }).map((micros) => ({
  text: (micros / 1e6).toFixed(6),
  micros: BigInt(micros),
}));

function bookOf(rates: { text: string }[], currency: string): RateBook {
  const card: RateCard = {
    currency,
    effectiveFrom: '2025-10-01',
    pricingModel: 'message',
    rates: MARKETS.flatMap((market, m) =>
      RATE_CATEGORIES.map((category, c) => ({ market, category, rate: rates[m * 5 + c].text })),
    ),
  };
  return new RateBook(cardsOfRows(rowsOfCard(card, 'test.csv', 0)));
}

const itemArb = fc.record({
  market: fc.integer({ min: 0, max: 5 }),
  category: fc.integer({ min: 0, max: 4 }),
  volume: fc.integer({ min: 0, max: 5_000_000 }),
});

describe('rate-card cost is exact', () => {
  it('10⁵ random volumes: the exact sum equals integer micro-units, rounded once; doubles drift', () => {
    let drifted = 0;
    fc.assert(
      fc.property(
        fc.array(rateArb, { minLength: 30, maxLength: 30 }),
        fc.array(itemArb, { minLength: 100_000, maxLength: 100_000 }),
        (rates, items) => {
          const cost = new RateCardCost(bookOf(rates, 'BRL'), 'BRL');
          let micros = 0n;
          let floatSum = 0;
          for (const { market, category, volume } of items) {
            const rate = rates[market * 5 + category];
            cost.add({
              day: 20251015,
              country: COUNTRIES[market],
              category: RATE_CATEGORIES[category],
              model: 'message',
              units: volume,
            });
            micros += rate.micros * BigInt(volume);
            floatSum += Number(rate.text) * volume;
          }
          const exact = cost.exact;
          expect(exact.units * 10n ** BigInt(6 - exact.scale)).toBe(micros);
          // Half away from zero at the cent: micro-units → cents.
          const cents = (micros + 5_000n) / 10_000n;
          expect(cost.rounded()).toBe(Number(cents) / 100);
          if (floatSum !== nearestDouble(micros, 1_000_000n)) drifted++;
        },
      ),
      { numRuns: 3 },
    );
    expect(drifted).toBeGreaterThan(0);
  });

  it('rounds to the currency minor units: CLP has none', () => {
    fc.assert(
      fc.property(
        fc.array(rateArb, { minLength: 30, maxLength: 30 }),
        fc.array(itemArb, { maxLength: 200 }),
        (rates, items) => {
          const cost = new RateCardCost(bookOf(rates, 'CLP'), 'CLP');
          let micros = 0n;
          for (const { market, category, volume } of items) {
            cost.add({
              day: 20251001,
              country: COUNTRIES[market],
              category: RATE_CATEGORIES[category],
              model: 'message',
              units: volume,
            });
            micros += rates[market * 5 + category].micros * BigInt(volume);
          }
          expect(cost.rounded()).toBe(Number((micros + 500_000n) / 1_000_000n));
        },
      ),
    );
  });
});
