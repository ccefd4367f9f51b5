/**
 * BILLED_UNIQUE_CONTACTS(contacts, [dates], [start], [end]): how many distinct contacts, optionally
 * only those with a row dated within [start, end] (calendar days in the spreadsheet's zone).
 */
import { argError, argRef } from '../sheet-args/arg-errors';
import { readContacts } from '../sheet-args/contacts';
import { readEpochDay, readInstants } from '../sheet-args/date-times';
import { readOptionalCell, readOptionalRange, readRange, requireSameSize } from '../sheet-args/range';
import { ZoneCalendar } from '../zone-calendar';
import { dayKeyToIso, epochDayToDayKey } from '../time';
import type { SheetContext } from './sheet-context';

const FN = 'BILLED_UNIQUE_CONTACTS';
const CONTACTS = argRef(FN, 'contacts');
const DATES = argRef(FN, 'dates');
const START = argRef(FN, 'start');
const END = argRef(FN, 'end');

export function billedUniqueContacts(
  args: { contacts: unknown; dates?: unknown; start?: unknown; end?: unknown },
  sheet: SheetContext,
): number {
  const contacts = readContacts(CONTACTS, readRange(CONTACTS, args.contacts));
  const dateCells = readOptionalRange(DATES, args.dates);
  const calendar = new ZoneCalendar(sheet.timeZone);
  const startCell = readOptionalCell(START, args.start);
  const endCell = readOptionalCell(END, args.end);
  if (!dateCells) {
    if (startCell !== undefined || endCell !== undefined)
      throw argError(DATES, 'is required when start or end is given');
    return new Set(contacts.filter((c) => c !== '')).size;
  }
  requireSameSize(CONTACTS, contacts, DATES, dateCells);
  const first = startCell === undefined ? -Infinity : readEpochDay(START, startCell, calendar);
  const last = endCell === undefined ? Infinity : readEpochDay(END, endCell, calendar);
  if (first > last) {
    throw argError(
      START,
      `(${dayKeyToIso(epochDayToDayKey(first))}) is after end (${dayKeyToIso(epochDayToDayKey(last))})`,
    );
  }
  // A row without a contact is ignored whatever its date; a contact without a date cannot be placed.
  const instants = readInstants(DATES, dateCells, calendar, (i) => contacts[i] === '');
  const seen = new Set<string>();
  contacts.forEach((contact, i) => {
    if (contact === '') return;
    const day = calendar.epochDayAt(instants[i]);
    if (day >= first && day <= last) seen.add(contact);
  });
  return seen.size;
}
