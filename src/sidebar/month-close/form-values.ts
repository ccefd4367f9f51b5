/**
 * The Month close form's text fields read into the request: ranges as typed (`'Atom groups'!A1:B20`, the way
 * Sheets writes them) and the cost to allocate. Pure, so jest checks every shape; errors are the user's words.
 */
import type { SheetRangeRef } from '../../rpc/contract';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: 'range' | 'cost' };

/** `Sheet!A1:B9` with the sheet quoted when Sheets would quote it (anything but letters, digits, _). */
export function rangeText(ref: SheetRangeRef): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_]*$/.test(ref.sheet) ? ref.sheet : `'${ref.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${ref.range}`;
}

const A1_RANGE = /^\$?[A-Za-z]{1,3}\$?\d*(?::\$?[A-Za-z]{1,3}\$?\d*)?$/;

/** Reads a typed range; blank is "not given" (null). The A1 part must be columns with optional rows. */
export function readRange(text: string): Parsed<SheetRangeRef | null> {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, value: null };
  const bang = trimmed.lastIndexOf('!');
  if (bang <= 0) return { ok: false, problem: 'range' };
  let sheet = trimmed.slice(0, bang).trim();
  const range = trimmed
    .slice(bang + 1)
    .trim()
    .replace(/\$/g, '')
    .toUpperCase();
  if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  else if (sheet.includes("'")) return { ok: false, problem: 'range' };
  if (!sheet || !A1_RANGE.test(range)) return { ok: false, problem: 'range' };
  return { ok: true, value: { sheet, range } };
}

/**
 * Reads the cost to allocate; blank = Meta's cost (null). A single point or comma is the decimal separator
 * (finance in Latin America types either); thousands separators ("1.234,56", "1,234.56") are refused rather
 * than guessed.
 */
export function readCost(text: string): Parsed<number | null> {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, value: null };
  if (!/^\d+(?:[.,]\d+)?$/.test(trimmed)) return { ok: false, problem: 'cost' };
  return { ok: true, value: Number(trimmed.replace(',', '.')) };
}
