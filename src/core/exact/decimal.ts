/**
 * Exact decimal values of spreadsheet numbers. A cell holding 0.1 holds the double nearest 0.1; the
 * number the user typed and sees is the shortest decimal that round-trips to that double, so that
 * is the value taken here (then 0.1 + 0.2 is exactly 0.3, as on paper).
 */

import { nearestDouble } from './nearest-double';

/** value = units / 10^scale, exactly. */
export interface ExactDecimal {
  readonly units: bigint;
  readonly scale: number;
}

const SHORTEST_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

const SMALL_POWERS = Array.from({ length: 32 }, (_, n) => 10n ** BigInt(n));

export function pow10(n: number): bigint {
  return n < SMALL_POWERS.length ? SMALL_POWERS[n] : 10n ** BigInt(n);
}

/** The decimal a finite double stands for (its shortest round-trip form). */
export function decimalOf(x: number): ExactDecimal {
  if (Number.isSafeInteger(x)) return { units: BigInt(x), scale: 0 };
  if (!Number.isFinite(x)) throw new RangeError(`Not a finite number: ${x}`);
  const m = SHORTEST_DECIMAL.exec(String(x));
  if (!m) throw new RangeError(`Unexpected number form: ${String(x)}`);
  const [, sign, whole, fraction = '', exponent = '0'] = m;
  let units = BigInt(whole + fraction);
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    units *= pow10(-scale);
    scale = 0;
  }
  return { units: sign ? -units : units, scale };
}

/** The numbers as integers over one common power of ten: values[i] = units[i] / 10^scale. */
export function toCommonScale(values: readonly number[]): { units: bigint[]; scale: number } {
  const decimals = values.map(decimalOf);
  const scale = decimals.reduce((s, d) => Math.max(s, d.scale), 0);
  return { units: decimals.map((d) => d.units * pow10(scale - d.scale)), scale };
}

/** Rounds to `decimals` places, half away from zero (as Sheets' ROUND does), as integer minor units. */
export function toMinorUnits(value: ExactDecimal, decimals: number): bigint {
  if (value.scale <= decimals) return value.units * pow10(decimals - value.scale);
  const divisor = pow10(value.scale - decimals);
  const magnitude = value.units < 0n ? -value.units : value.units;
  let q = magnitude / divisor;
  if (2n * (magnitude % divisor) >= divisor) q += 1n;
  return value.units < 0n ? -q : q;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * The exact value of plain decimal text as written ("0.0625", "-3", ".5", "12.") — no exponent, no
 * grouping; undefined for anything else. Digits are kept as they are: "0.0200" has scale 4.
 */
export function parseDecimal(text: string): ExactDecimal | undefined {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m) return undefined;
  const [, sign, whole, fraction = ''] = m;
  if (whole === '' && fraction === '') return undefined;
  const units = BigInt(`${whole}${fraction}` || '0');
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

/**
 * An exact running sum of decimal × whole-number products (rates × volumes): integer arithmetic at
 * the largest scale seen, so no partial sum is ever rounded.
 */
export class DecimalSum {
  private units = 0n;
  private scale = 0;

  addProduct(value: ExactDecimal, times: bigint): void {
    if (value.scale > this.scale) {
      this.units *= pow10(value.scale - this.scale);
      this.scale = value.scale;
    }
    this.units += value.units * times * pow10(this.scale - value.scale);
  }

  add(value: ExactDecimal): void {
    this.addProduct(value, 1n);
  }

  get value(): ExactDecimal {
    return { units: this.units, scale: this.scale };
  }
}

/** The double nearest the exact value (what a cell shows at full precision). */
export function exactToNumber(value: ExactDecimal): number {
  return nearestDouble(value.units, pow10(value.scale));
}
