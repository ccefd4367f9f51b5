/**
 * Arguments shared by the rate-card formulas (META_RATE, BILLED_COST and the META_COST fallback), read with the
 * shared sheet-argument readers so messages match the other formulas.
 */
import { argError, scalarError, type ArgRef } from '../core/sheet-args/arg-errors';
import { readOptionalCell } from '../core/sheet-args/range';
import { IMPORT_HINT, type RateBook } from './rate-book';

/**
 * The currency to price in: the one given, else the connected WhatsApp account's, else the only currency of the
 * imported cards. Never a guess between several.
 */
export function readCurrency(
  arg: ArgRef,
  value: unknown,
  book: RateBook,
  accountCurrency: string | null,
): string {
  const cell = readOptionalCell(arg, value);
  if (cell !== undefined) {
    const code = typeof cell === 'string' ? cell.trim().toUpperCase() : '';
    if (!/^[A-Z]{3}$/.test(code))
      throw scalarError(arg, 'must be a 3-letter currency code such as USD', cell);
    return code;
  }
  if (accountCurrency) return accountCurrency;
  const { currencies } = book;
  if (currencies.length === 1) return currencies[0];
  if (currencies.length === 0)
    throw argError(arg, `cannot be chosen: no rate card is imported — ${IMPORT_HINT}`);
  throw argError(arg, `is needed: rate cards in ${currencies.join(', ')} are imported`);
}
