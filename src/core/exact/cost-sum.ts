/**
 * The one way Meta's money is added up: Meta sends costs as decimals (0.0085) that arrive as the doubles nearest
 * them, so each is taken as the decimal it shows and the sum is kept exact (DecimalSum) — never a float sum
 * rounded afterwards, which drifts by cents over a large month.
 */
import { DecimalSum, decimalOf, exactToNumber, type ExactDecimal } from './decimal';

/** The exact sum of the costs; null when any cost is null (nothing priced that row). */
export function exactCostSum(costs: Iterable<number | null>): ExactDecimal | null {
  const sum = new DecimalSum();
  for (const cost of costs) {
    if (cost === null) return null;
    sum.add(decimalOf(cost));
  }
  return sum.value;
}

/** The exact sum as the double nearest it (what a cell shows); null when any cost is null. */
export function sumCosts(costs: Iterable<number | null>): number | null {
  const exact = exactCostSum(costs);
  return exact === null ? null : exactToNumber(exact);
}

/** current − previous, exactly; null when either is null. */
export function costDifference(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : sumCosts([current, -previous]);
}
