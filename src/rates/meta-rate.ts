/**
 * META_RATE(market_or_country, category, [date], [currency]): the rate in force, as a number — Meta's rate for
 * one delivered message (or, on a conversation-era card, one conversation) of that category in that market.
 */
import { contactDigits } from '../core/contacts/phone-number';
import { exactToNumber } from '../core/exact/decimal';
import { FormulaInputError, UserFacingError } from '../core/errors';
import type { SheetContext } from '../core/formulas/sheet-context';
import { argRef, scalarError } from '../core/sheet-args/arg-errors';
import { readEpochDay } from '../core/sheet-args/date-times';
import { readOptionalCell, readRequiredCell } from '../core/sheet-args/range';
import { epochDayToDayKey } from '../core/time';
import { ZoneCalendar } from '../core/zone-calendar';
import { countryOfPhone } from './calling-codes';
import { RATE_CATEGORIES, rateCategoryOf, type RateCategory } from './categories';
import { readCurrency } from './formula-args';
import { countryCodeOf, marketKey, marketOfCountry } from './markets';
import { rateOn, type RateBook } from './rate-book';

const FN = 'META_RATE';
const WHERE = argRef(FN, 'market_or_country');
const CATEGORY = argRef(FN, 'category');
const DATE = argRef(FN, 'date');
const CURRENCY = argRef(FN, 'currency');

export interface MetaRateArgs {
  marketOrCountry: unknown;
  category: unknown;
  date?: unknown;
  currency?: unknown;
}

export function metaRate(
  args: MetaRateArgs,
  sheet: SheetContext,
  book: RateBook,
  context: { nowMs: number; accountCurrency: string | null },
): number {
  try {
    const calendar = new ZoneCalendar(sheet.timeZone);
    const where = readRequiredCell(WHERE, args.marketOrCountry);
    const category = readCategory(readRequiredCell(CATEGORY, args.category));
    const dateCell = readOptionalCell(DATE, args.date);
    const day = epochDayToDayKey(
      dateCell === undefined ? calendar.epochDayAt(context.nowMs) : readEpochDay(DATE, dateCell, calendar),
    );
    const currency = readCurrency(CURRENCY, args.currency, book, context.accountCurrency);
    const card = book.requireCardAt(currency, day);
    const country = countryOf(where);
    const market =
      country === undefined ? String(where).trim() : marketOfCountry(country, card.effectiveFrom);
    if (country === undefined && !card.markets.has(marketKey(market))) {
      throw scalarError(
        WHERE,
        'is neither a country (ISO code such as CO, or its name) nor a market of the card',
        where,
      );
    }
    return exactToNumber(rateOn(card, market, category));
  } catch (e) {
    if (e instanceof FormulaInputError || !(e instanceof UserFacingError)) throw e;
    throw new FormulaInputError(FN, e.message);
  }
}

/** A country code or name, or a phone number ("+1 809 …", 18095551234) by its calling code. */
function countryOf(value: unknown): string | undefined {
  if (typeof value === 'number' || (typeof value === 'string' && value.trim().startsWith('+'))) {
    const digits = contactDigits(value);
    const country = digits ? countryOfPhone(digits) : undefined;
    if (!country)
      throw scalarError(WHERE, 'is a phone number without a calling code the add-on knows', value);
    return country;
  }
  return typeof value === 'string' ? countryCodeOf(value) : undefined;
}

function readCategory(value: unknown): RateCategory {
  const category = typeof value === 'string' ? rateCategoryOf(value) : undefined;
  if (!category) throw scalarError(CATEGORY, `must be one of ${RATE_CATEGORIES.join(', ')}`, value);
  return category;
}
