/**
 * The double nearest to an exact fraction p/q (round half to even, as IEEE division would if it
 * could see the exact operands). Used for every "exact" column: the cell shows the best double of
 * the exact value rather than the result of a chain of rounded operations.
 */

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

const MANTISSA_BITS = 53;
const MAX_EXACT = 2n ** 53n;
/** 2^-1074 is the smallest subnormal: no double has bits below it. */
const MIN_EXPONENT = 1074;

export function nearestDouble(p: bigint, q: bigint): number {
  if (q === 0n) throw new RangeError('Division by zero');
  if (q < 0n) return nearestDouble(-p, -q);
  if (p < 0n) return -nearestDouble(-p, q);
  if (p === 0n) return 0;
  // Both exact as doubles: one IEEE division is already correctly rounded.
  if (p <= MAX_EXACT && q <= MAX_EXACT) return Number(p) / Number(q);
  // Pick s so that m = floor(p·2^s / q) has exactly 53 bits (fewer only when subnormal).
  let s = Math.min(MANTISSA_BITS - (bitLength(p) - bitLength(q)), MIN_EXPONENT);
  const quotient = (shift: number): [bigint, bigint] => {
    const num = shift >= 0 ? p << BigInt(shift) : p;
    const den = shift >= 0 ? q : q << BigInt(-shift);
    return [num / den, den];
  };
  let [m, den] = quotient(s);
  while (bitLength(m) > MANTISSA_BITS) [m, den] = quotient(--s);
  while (bitLength(m) < MANTISSA_BITS && s < MIN_EXPONENT) [m, den] = quotient(++s);
  const num = s >= 0 ? p << BigInt(s) : p;
  const twiceRest = 2n * (num - m * den);
  if (twiceRest > den || (twiceRest === den && (m & 1n) === 1n)) m += 1n;
  // m ≤ 2^53 converts exactly; scaling by a power of two is exact while the result is representable.
  return Number(m) * 2 ** -s;
}
