/**
 * Counts in exports: "1234", "1.234" or "1.234,5" (decimal comma, common in Latin America) and "1,234.5".
 * Which separator is the decimal one is decided for the whole column, so "1.234" is never read as 1234
 * in one row and 1.234 in another.
 */
import { cellText, type RawCell } from './raw-table';

const COMMA_DECIMAL = /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const DOT_DECIMAL = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** True when the column's numbers use a decimal comma; ambiguous columns follow the delimiter (";" files use commas). */
export function usesDecimalComma(cells: readonly RawCell[], delimiter: string): boolean {
  let comma = false;
  let dot = false;
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    const t = cell.trim();
    // "12,5", "1.234,5", "0,125" can only be decimal-comma; "12.5", "1,234.5", "0.125" only decimal-dot.
    if (/,\d{1,2}$|,\d{4,}$|^-?0,\d+$|\.\d{3},\d+$/.test(t)) comma = true;
    if (/\.\d{1,2}$|\.\d{4,}$|^-?0\.\d+$|,\d{3}\.\d+$/.test(t)) dot = true;
  }
  if (comma !== dot) return comma;
  return delimiter === ';';
}

/** The number in a cell, or undefined when it is not one under the column's convention. */
export function parseNumber(cell: RawCell, decimalComma: boolean): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  const t = cellText(cell).replace(/\s/g, '');
  if (decimalComma) {
    return COMMA_DECIMAL.test(t) ? Number(t.replace(/\./g, '').replace(',', '.')) : undefined;
  }
  return DOT_DECIMAL.test(t) ? Number(t.replace(/,/g, '')) : undefined;
}
