/**
 * A proportional split of amounts over parties by exact non-negative weights: exact shares, exact
 * (unrounded) amounts, and rounded amounts that add up exactly to their rounded total.
 */
import { type ExactDecimal, pow10, toMinorUnits } from '../exact/decimal';
import { nearestDouble } from '../exact/nearest-double';
import { largestRemainder } from './largest-remainder';

export class WeightedSplit {
  readonly weightSum: bigint;

  /** weights[i] / 10^scale is party i's weight. */
  constructor(
    readonly weights: readonly bigint[],
    readonly scale: number,
  ) {
    this.weightSum = weights.reduce((s, w) => s + w, 0n);
  }

  get isEmpty(): boolean {
    return this.weightSum === 0n;
  }

  /** Party i's weight as the nearest double. */
  weight(i: number): number {
    return nearestDouble(this.weights[i], pow10(this.scale));
  }

  totalWeight(): number {
    return nearestDouble(this.weightSum, pow10(this.scale));
  }

  /** Nearest doubles to w_i / W (0 everywhere when every weight is zero). */
  shares(): number[] {
    return this.weights.map((w) => (this.isEmpty ? 0 : nearestDouble(w, this.weightSum)));
  }

  /** Nearest doubles to amount · w_i / W. */
  exactParts(amount: ExactDecimal): number[] {
    const denominator = this.weightSum * pow10(amount.scale);
    return this.weights.map((w) => (this.isEmpty ? 0 : nearestDouble(amount.units * w, denominator)));
  }

  /** Whole units by largest remainder; they add up to `total`. */
  wholeParts(total: bigint): bigint[] {
    return largestRemainder(total, this.weights);
  }

  /**
   * The amount rounded to `decimals` places (half away from zero), split in minor units by largest
   * remainder, so the parts add up exactly to the rounded amount. Returned as minor units.
   */
  roundedParts(amount: ExactDecimal, decimals: number): { parts: bigint[]; total: bigint } {
    const total = toMinorUnits(amount, decimals);
    return { parts: largestRemainder(total, this.weights), total };
  }
}
