import fc from 'fast-check';
import { largestRemainder } from '../../src/core/allocation/largest-remainder';
import { WeightedSplit } from '../../src/core/allocation/weighted-split';
import { decimalOf, toCommonScale, toMinorUnits } from '../../src/core/exact/decimal';
import { nearestDouble } from '../../src/core/exact/nearest-double';

describe('largestRemainder', () => {
  it('gives the issue example: 7 over 2/3/5 → quotas 1.4/2.1/3.5 → 1/2/4', () => {
    expect(largestRemainder(7n, [2n, 3n, 5n])).toEqual([1n, 2n, 4n]);
  });

  it('splits 1001 cents over 2/3/5 (quotas 200.2/300.3/500.5) as 200/300/501', () => {
    expect(largestRemainder(1001n, [2n, 3n, 5n])).toEqual([200n, 300n, 501n]);
  });

  it('breaks equal remainders by larger weight, then earlier position', () => {
    // 1 over 1/1/2: quotas 0.25/0.25/0.5 → the 0.5 wins.
    expect(largestRemainder(1n, [1n, 1n, 2n])).toEqual([0n, 0n, 1n]);
    // 2 over 1/1/1: quotas 0.667 each, equal weights → the first two.
    expect(largestRemainder(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]);
    // 3 over 1/3/1/3 (W=8): quotas 0.375/1.125/0.375/1.125 → floors 0/1/0/1, one left: remainders 3/1/3/1 of 8 → first 1.
    expect(largestRemainder(3n, [1n, 3n, 1n, 3n])).toEqual([1n, 1n, 0n, 1n]);
    // 2 over 1/3 (W=4): quotas 0.5/1.5, equal remainders → the larger weight gets the unit.
    expect(largestRemainder(2n, [1n, 3n])).toEqual([0n, 2n]);
    // 3 over 1/1/4/4 (W=10): quotas 0.3/0.3/1.2/1.2 → floors 0/0/1/1, the first 0.3 gets the last unit.
    expect(largestRemainder(3n, [1n, 1n, 4n, 4n])).toEqual([1n, 0n, 1n, 1n]);
  });

  it('can give 0 whole units to a small non-zero weight (largest remainder, not a display rule)', () => {
    expect(largestRemainder(1n, [1n, 99n])).toEqual([0n, 1n]);
  });

  it('stays exact past 2^53', () => {
    const total = 2n ** 60n + 1n;
    const parts = largestRemainder(total, [1n, 1n]);
    expect(parts).toEqual([2n ** 59n + 1n, 2n ** 59n]);
  });

  it.each([
    ['beyond doubles', 2n ** 53n, 10n ** 18n],
    ['within doubles', 10n ** 6n, 1000n],
  ])(
    'always sums exactly to the total and respects the quota rule (property, %s)',
    (_range, maxTotal, maxWeight) => {
      fc.assert(
        fc.property(
          fc.bigInt({ min: 0n, max: maxTotal }),
          fc.array(fc.bigInt({ min: 0n, max: maxWeight }), { minLength: 1, maxLength: 30 }),
          (total, weights) => {
            fc.pre(weights.some((w) => w > 0n));
            const parts = largestRemainder(total, weights);
            const W = weights.reduce((s, w) => s + w, 0n);
            expect(parts.reduce((s, p) => s + p, 0n)).toBe(total);
            parts.forEach((p, i) => {
              const floor = (total * weights[i]) / W;
              expect(p === floor || p === floor + 1n).toBe(true);
            });
          },
        ),
        { numRuns: 500 },
      );
    },
  );
});

describe('exact decimals', () => {
  it('reads a double as the decimal the user typed', () => {
    expect(decimalOf(0.1)).toEqual({ units: 1n, scale: 1 });
    expect(decimalOf(10.01)).toEqual({ units: 1001n, scale: 2 });
    expect(decimalOf(1e21)).toEqual({ units: 10n ** 21n, scale: 0 });
    expect(decimalOf(1.5e-7)).toEqual({ units: 15n, scale: 8 });
    expect(decimalOf(-2.5)).toEqual({ units: -25n, scale: 1 });
  });

  it('puts numbers over one power of ten', () => {
    expect(toCommonScale([0.1, 2, 0.25])).toEqual({ units: [10n, 200n, 25n], scale: 2 });
  });

  it('rounds to minor units half away from zero, like Sheets ROUND', () => {
    expect(toMinorUnits(decimalOf(10.005), 2)).toBe(1001n);
    expect(toMinorUnits(decimalOf(10.0049), 2)).toBe(1000n);
    expect(toMinorUnits(decimalOf(2.5), 0)).toBe(3n);
    expect(toMinorUnits(decimalOf(-2.5), 0)).toBe(-3n);
    expect(toMinorUnits(decimalOf(7), 3)).toBe(7000n);
  });
});

describe('nearestDouble', () => {
  it('matches correctly rounded division for integers below 2^53 (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (p, q) => {
        expect(nearestDouble(BigInt(p), BigInt(q))).toBe(p / q);
      }),
      { numRuns: 1000 },
    );
  });

  it('rounds exact fractions of huge integers and subnormals correctly', () => {
    expect(nearestDouble(10n ** 30n + 1n, 10n ** 30n)).toBe(1);
    expect(nearestDouble(1n, 3n)).toBe(1 / 3);
    expect(nearestDouble(1n, 2n ** 1074n)).toBe(Number.MIN_VALUE);
    expect(nearestDouble(1n, 2n ** 1075n)).toBe(0); // a tie rounds to even (0)
    expect(nearestDouble(3n, 2n ** 1076n)).toBe(Number.MIN_VALUE);
    expect(nearestDouble(-7n, 10n)).toBe(-0.7);
  });
});

describe('WeightedSplit', () => {
  it('gives each share as the nearest double to w/W (property; integer weights so w/W is one IEEE division)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 40 }), (ws) => {
        const split = new WeightedSplit(ws.map(BigInt), 0);
        const W = ws.reduce((s, w) => s + w, 0);
        fc.pre(W > 0 && W <= Number.MAX_SAFE_INTEGER);
        expect(split.shares()).toEqual(ws.map((w) => w / W));
      }),
      { numRuns: 300 },
    );
  });

  it('reads decimal weights as typed: 0.1/0.2/0.3 give shares 1/6, 1/3, 1/2', () => {
    const { units, scale } = toCommonScale([0.1, 0.2, 0.3]);
    const split = new WeightedSplit(units, scale);
    expect(split.shares()).toEqual([1 / 6, 1 / 3, 0.5]);
    expect(split.totalWeight()).toBe(0.6);
    expect(split.wholeParts(6n)).toEqual([1n, 2n, 3n]);
  });

  it('rounded parts always add up exactly to the rounded total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 4 }),
        (ws, cents, decimals) => {
          fc.pre(ws.some((w) => w > 0));
          const split = new WeightedSplit(ws.map(BigInt), 0);
          const amount = { units: BigInt(cents), scale: 2 };
          const { parts, total } = split.roundedParts(amount, decimals);
          expect(parts.reduce((s, p) => s + p, 0n)).toBe(total);
          expect(total).toBe(toMinorUnits(amount, decimals));
        },
      ),
      { numRuns: 500 },
    );
  });
});
