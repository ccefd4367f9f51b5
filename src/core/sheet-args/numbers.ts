import { cellError, scalarError, type ArgRef } from './arg-errors';
import { isBlank } from './cells';

/** A numeric cell's value (blank counts as 0), or undefined when the cell is not a finite number. */
function cellNumber(value: unknown): number | undefined {
  if (isBlank(value)) return 0;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Numbers of a numeric range; text, booleans and dates are errors. */
export function readNumbers(arg: ArgRef, cells: readonly unknown[]): number[] {
  return cells.map((value, i) => {
    const n = cellNumber(value);
    if (n === undefined) throw cellError(arg, i + 1, 'is not a number', value);
    return n;
  });
}

/** Like readNumbers, and every value must be ≥ 0. */
export function readNonNegativeNumbers(arg: ArgRef, cells: readonly unknown[]): number[] {
  const numbers = readNumbers(arg, cells);
  numbers.forEach((n, i) => {
    if (n < 0) throw cellError(arg, i + 1, 'is negative', n);
  });
  return numbers;
}

/** A single-cell non-negative number. */
export function readNonNegativeNumber(arg: ArgRef, value: unknown): number {
  const n = cellNumber(value);
  if (n === undefined) throw scalarError(arg, 'is not a number', value);
  if (n < 0) throw scalarError(arg, 'is negative', n);
  return n;
}

/** A single-cell whole number in [min, max]. */
export function readIntegerInRange(arg: ArgRef, value: unknown, min: number, max: number): number {
  const n = cellNumber(value);
  if (n === undefined || !Number.isInteger(n) || n < min || n > max) {
    throw scalarError(arg, `must be a whole number from ${min} to ${max}`, value);
  }
  return n;
}
