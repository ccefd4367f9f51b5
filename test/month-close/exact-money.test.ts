/**
 * Issue 17 point 2: a month's figures, the data sheet's rows, the ledger entry (cost and drift) and META_COST's pure
 * computation agree with an exact BigInt sum of Meta's decimal costs, over 10^5 random rows (10 runs × 10,000).
 */
import fc from 'fast-check';
import { approximateCost, type AnalyticsRow } from '../../src/meta/analytics';
import { monthFigures, type MetaUsageRow } from '../../src/month-close/figures';
import { drift } from '../../src/month-close/ledger';
import { dataRowsOf } from '../../src/month-close/meta-data-sheet';
import { parseMonth } from '../../src/month-close/month';
import { sumCosts } from '../../src/core/exact/cost-sum';
import { decimalOf, toMinorUnits } from '../../src/core/exact/decimal';

const SCALE = 6;
const NOV = parseMonth('2025-11');

/**
 * A cost as Meta sends it: a decimal of three to six places, at most 50,000 a row (so a 10,000-row month stays within
 * the 15 significant digits a double holds exactly), e.g. 0.0085 or 12.340.
 */
const costArb = fc
  .record({ units: fc.integer({ min: 0, max: 50_000_000 }), scale: fc.integer({ min: 3, max: SCALE }) })
  .map(({ units, scale }) => ({
    micro: BigInt(units) * 10n ** BigInt(SCALE - scale),
    value: Number(`${units}e-${scale}`),
  }));

const rowArb = fc.record({
  // Mostly November; some October 31st rows, which the month must leave out.
  day: fc
    .integer({ min: 0, max: 30 })
    .map((d) => (d === 0 ? '2025-10-31' : `2025-11-${String(d).padStart(2, '0')}`)),
  line: fc.constantFrom('551140028922', '5511999990000', null),
  country: fc.constantFrom('BR', 'MX', 'IN'),
  category: fc.constantFrom('MARKETING', 'UTILITY', 'AUTHENTICATION', 'SERVICE'),
  type: fc.constantFrom('REGULAR', 'FREE_CUSTOMER_SERVICE', 'FREE_ENTRY_POINT'),
  tier: fc.constantFrom(null, '0:25000'),
  volume: fc.integer({ min: 0, max: 10_000 }),
  cost: costArb,
});

type GeneratedRow = ReturnType<typeof rowArb.generate>['value'];

const usageRow = (r: GeneratedRow): MetaUsageRow => ({ ...r, pricingModel: 'message', cost: r.cost.value });
const analyticsRow = (r: GeneratedRow): AnalyticsRow => ({ ...usageRow(r), start: 0, end: 0 });

/** The exact micro-unit sum as the double nearest it (JS parses decimal text correctly rounded). */
const asNumber = (micro: bigint): number => {
  const sign = micro < 0n ? '-' : '';
  const abs = micro < 0n ? -micro : micro;
  return Number(`${sign}${abs}e-${SCALE}`);
};
/** Whole cents, half away from zero: of a cell's number (as the sheet shows it) and of the exact reference. */
const cents = (x: number): bigint => toMinorUnits(decimalOf(x), 2);
const exactCents = (micro: bigint): bigint => toMinorUnits({ units: micro, scale: SCALE }, 2);

describe('exact Meta money', () => {
  it('month figures, data rows, ledger cost and drift, and META_COST equal the exact BigInt sum (10^5 rows)', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 10_000, maxLength: 10_000 }),
        fc.nat({ max: 9_999 }),
        (generated, cut) => {
          const november = generated.filter((r) => r.day.startsWith('2025-11-'));
          const reference = november.reduce((s, r) => s + r.cost.micro, 0n);
          // The previous import saw only the rows before `cut`.
          const earlier = generated.slice(0, cut);
          const earlierReference = earlier
            .filter((r) => r.day.startsWith('2025-11-'))
            .reduce((s, r) => s + r.cost.micro, 0n);

          const figures = monthFigures(NOV, generated.map(usageRow), null, 'linear');
          expect(figures.cost).toBe(asNumber(reference));
          expect(cents(figures.cost!)).toBe(exactCents(reference));

          const sheetRows = dataRowsOf(november.map(usageRow), new Map(), 'BRL');
          expect(sumCosts(sheetRows.map((r) => r.cost))).toBe(asNumber(reference));

          // META_COST over the same month's rows.
          expect(approximateCost(november.map(analyticsRow))).toBe(asNumber(reference));

          // The ledger entry carries the figures' cost; its drift against the previous import is exact too.
          const previous = monthFigures(NOV, earlier.map(usageRow), null, 'linear');
          const { deltaCost } = drift(figures, previous);
          expect(deltaCost).toBe(asNumber(reference - earlierReference));
          expect(cents(deltaCost!)).toBe(exactCents(reference - earlierReference));
        },
      ),
      // Shrinking 10,000-row arrays takes far too long; the failing case is reported as found.
      { numRuns: 10, endOnFailure: true },
    );
  });

  it('a float sum rounded afterwards is what this replaces: it drifts where the exact sum does not', () => {
    const costs = Array.from({ length: 100_000 }, () => 0.0085);
    expect(sumCosts(costs)).toBe(850);
    expect(costs.reduce((s, c) => s + c, 0)).not.toBe(850);
  });

  it('no cost on any row means no sum, never a partial one', () => {
    expect(sumCosts([1.5, null, 2])).toBeNull();
  });
});
