/**
 * Shapes of custom-function arguments: Sheets passes a range as a row-major 2-D array (even 1×N or
 * N×1), a single cell as a bare value, an omitted optional argument as undefined.
 */
import { argError, type ArgRef } from './arg-errors';
import { isBlank } from './cells';

/** The cells of a range that is one column or one row, in reading order. */
export function readRange(arg: ArgRef, value: unknown): unknown[] {
  if (value === undefined) throw argError(arg, 'is required');
  if (!Array.isArray(value)) return [value];
  if (!value.some(Array.isArray)) return value;
  if (!value.every(Array.isArray)) throw argError(arg, 'must be a range of cells');
  const rows = value as unknown[][];
  const width = rows[0].length;
  if (rows.some((r) => r.length !== width)) throw argError(arg, 'must be a rectangular range');
  if (rows.length > 1 && width > 1) {
    throw argError(
      arg,
      `must be a single column or a single row (got ${rows.length} rows × ${width} columns)`,
    );
  }
  return rows.length === 1 ? rows[0] : rows.map((r) => r[0]);
}

/** Like readRange, but an omitted argument gives undefined. */
export function readOptionalRange(arg: ArgRef, value: unknown): unknown[] | undefined {
  return value === undefined ? undefined : readRange(arg, value);
}

/**
 * The value of a single-cell argument; undefined when omitted or blank (a reference to an empty
 * cell means "not given", like an omitted argument).
 */
export function readOptionalCell(arg: ArgRef, value: unknown): unknown {
  const cells = Array.isArray(value) ? readRange(arg, value) : [value];
  if (cells.length !== 1) throw argError(arg, `must be a single cell (got ${cells.length} cells)`);
  return isBlank(cells[0]) ? undefined : cells[0];
}

/** Like readOptionalCell, but the argument must be given and not blank. */
export function readRequiredCell(arg: ArgRef, value: unknown): unknown {
  const cell = readOptionalCell(arg, value);
  if (cell === undefined) throw argError(arg, 'is required');
  return cell;
}

/** Paired ranges must hold the same number of cells. */
export function requireSameSize(
  first: ArgRef,
  firstCells: readonly unknown[],
  other: ArgRef,
  otherCells: readonly unknown[],
): void {
  if (firstCells.length !== otherCells.length) {
    throw argError(
      other,
      `has ${otherCells.length} cells but ${first.name} has ${firstCells.length}; they must be the same size`,
    );
  }
}
