/**
 * Largest-remainder (Hamilton) apportionment on exact integers: each party gets the floor of its
 * quota total·w/W, and the units left over go one each to the largest remainders. Ties: larger
 * weight first, then earlier party. Remainders share the denominator W, so comparing the integer
 * remainders (total·w mod W) compares the fractional parts exactly.
 */
export function largestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  const weightSum = weights.reduce((s, w) => s + w, 0n);
  if (weightSum === 0n) {
    if (total !== 0n) throw new RangeError('Cannot split a non-zero total over zero weights');
    return weights.map(() => 0n);
  }
  const maxWeight = weights.reduce((m, w) => (w > m ? w : m), 0n);
  const { parts, remainders } =
    total * maxWeight + weightSum <= SAFE_PRODUCT
      ? quotasInDoubles(Number(total), weights.map(Number), Number(weightSum))
      : quotasInBigInts(total, weights, weightSum);
  let leftover = Number(total - parts.reduce((s, p) => s + p, 0n));
  if (leftover === 0) return parts;
  const order = weights.map((_, i) => i);
  // Plain comparisons (no subtraction): BigInt arithmetic would allocate on every comparison.
  order.sort((a, b) => {
    if (remainders[a] !== remainders[b]) return remainders[a] > remainders[b] ? -1 : 1;
    if (weights[a] !== weights[b]) return weights[a] > weights[b] ? -1 : 1;
    return a - b;
  });
  for (const i of order) {
    if (leftover === 0) break;
    parts[i] += 1n;
    leftover--;
  }
  return parts;
}

/** Below this every product total·w and every q·W stays an exact double integer. */
const SAFE_PRODUCT = 2n ** 53n;

interface Quotas {
  parts: bigint[];
  remainders: ArrayLike<number> | readonly bigint[];
}

/** Fast path when total·w fits a double exactly; the division is corrected to the exact floor. */
function quotasInDoubles(total: number, weights: readonly number[], weightSum: number): Quotas {
  const remainders = new Float64Array(weights.length);
  const parts = weights.map((w, i) => {
    const product = total * w;
    let q = Math.floor(product / weightSum);
    let r = product - q * weightSum;
    if (r < 0) {
      q -= 1;
      r += weightSum;
    } else if (r >= weightSum) {
      q += 1;
      r -= weightSum;
    }
    remainders[i] = r;
    return BigInt(q);
  });
  return { parts, remainders };
}

function quotasInBigInts(total: bigint, weights: readonly bigint[], weightSum: bigint): Quotas {
  return {
    parts: weights.map((w) => (total * w) / weightSum),
    remainders: weights.map((w) => (total * w) % weightSum),
  };
}
