/**
 * BILLED_COST(timestamps, contacts, kinds, countries, [lines], [currency]): what an Atom message log costs under Meta's
 * rules in force on each day (the BILLED_CONVERSATIONS engine) and the imported rate cards — charged units by day,
 * recipient country and category, each at the rate of the card in force that day (12 am in the spreadsheet's
 * zone), summed exactly and rounded once to the currency's minor units.
 *
 * A message's market is its recipient's: `countries` gives it per row (ISO code or name), or a blank cell takes it
 * from the contact's calling code. A contact has one country; two different ones for the same contact are an error.
 */
import { FormulaInputError, UserFacingError } from '../core/errors';
import { readMessageLog, type MessageLogArgs } from '../core/formulas/message-log-args';
import type { SheetContext } from '../core/formulas/sheet-context';
import { priceMessages } from '../core/pricing/engine';
import { argError, argRef, cellError, type ArgRef } from '../core/sheet-args/arg-errors';
import { isBlank } from '../core/sheet-args/cells';
import { readRange, requireSameSize } from '../core/sheet-args/range';
import { epochDayToDayKey } from '../core/time';
import { ZoneCalendar } from '../core/zone-calendar';
import { countryOfPhone } from './calling-codes';
import { rateCategoryOf } from './categories';
import { readCurrency } from './formula-args';
import { countryCodeOf } from './markets';
import { RateCardCost } from './pricing';
import type { RateBook } from './rate-book';

const FN = 'BILLED_COST';
const TIMESTAMPS = argRef(FN, 'timestamps');
const COUNTRIES = argRef(FN, 'countries');
const CURRENCY = argRef(FN, 'currency');

export interface BilledCostArgs extends MessageLogArgs {
  countries: unknown;
  currency?: unknown;
}

export function billedCost(
  args: BilledCostArgs,
  sheet: SheetContext,
  book: RateBook,
  accountCurrency: string | null,
): number {
  const calendar = new ZoneCalendar(sheet.timeZone);
  const log = readMessageLog(FN, args, calendar);
  const timeCells = readRange(TIMESTAMPS, args.timestamps);
  const countryCells = readRange(COUNTRIES, args.countries);
  requireSameSize(TIMESTAMPS, timeCells, COUNTRIES, countryCells);
  const currency = readCurrency(CURRENCY, args.currency, book, accountCurrency);
  const { countries, groups } = recipientCountries(COUNTRIES, countryCells, log.rows, log.contacts);
  const tally = priceMessages({ ...log, groups }, calendar);
  const cost = new RateCardCost(book, currency);
  try {
    for (const row of tally.rows()) {
      if (row.charged === 0) continue;
      cost.add({
        day: epochDayToDayKey(row.epochDay),
        country: countries[row.group],
        category: rateCategoryOf(row.category)!, // every charged category has a rate-card column
        model: row.model,
        units: row.charged,
      });
    }
  } catch (e) {
    if (e instanceof FormulaInputError || !(e instanceof UserFacingError)) throw e;
    throw new FormulaInputError(FN, e.message);
  }
  return cost.rounded();
}

/**
 * The distinct countries, sorted (so which unit of several at one instant is the first beyond a free allowance never
 * depends on row order), and, per message, the index of its contact's country.
 */
function recipientCountries(
  arg: ArgRef,
  cells: readonly unknown[],
  rows: readonly number[],
  contacts: ArrayLike<string>,
): { countries: string[]; groups: Int32Array } {
  const byContact = new Map<string, { country: string; row: number }>();
  const countryOfRow = rows.map((row, i) => {
    const cell = cells[row - 1];
    const contact = contacts[i];
    let country: string | undefined;
    if (isBlank(cell)) {
      country = countryOfPhone(contact);
      if (!country) {
        throw argError(
          arg,
          `row ${row} is blank and +${contact} has no calling code the add-on knows — give the country`,
        );
      }
    } else {
      country = typeof cell === 'string' ? countryCodeOf(cell) : undefined;
      if (!country) throw cellError(arg, row, 'is not a country (an ISO code such as CO, or its name)', cell);
    }
    const seen = byContact.get(contact);
    if (seen && seen.country !== country) {
      throw cellError(
        arg,
        row,
        `gives ${country} but row ${seen.row} gave ${seen.country} for the same contact`,
        cell,
      );
    }
    if (!seen) byContact.set(contact, { country, row });
    return country;
  });
  const countries = [...new Set(countryOfRow)].sort();
  const indexOf = new Map(countries.map((c, i) => [c, i]));
  return { countries, groups: Int32Array.from(countryOfRow, (c) => indexOf.get(c) as number) };
}
