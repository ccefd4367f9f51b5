/**
 * BILLED_BREAKDOWN(timestamps, contacts, kinds, [lines]): the BILLED_CONVERSATIONS computation as a
 * table, one row per (day, pricing model, category) with charged and free units; with `lines`, one
 * per (day, line, pricing model, category), the line as "+digits" in a column after the date
 * (without it the columns stay as they were). The date column holds
 * a Date at local midnight of the day in the spreadsheet's zone (made by sheet.makeDate), which
 * Sheets shows and sorts as a date, unlike "yyyy-MM-dd" text.
 */
import { priceMessages } from '../pricing/engine';
import { ZoneCalendar } from '../zone-calendar';
import { readMessageLog, type MessageLogArgs } from './message-log-args';
import { makeDate, type SheetContext, type Table } from './sheet-context';
import { tableText } from './table-text';

const FN = 'BILLED_BREAKDOWN';

export function billedBreakdown(args: MessageLogArgs, sheet: SheetContext): Table {
  const calendar = new ZoneCalendar(sheet.timeZone);
  const log = readMessageLog(FN, args, calendar);
  const rows = priceMessages(log, calendar).rows();
  const text = tableText(sheet);
  const withLines = log.lines !== undefined;
  const [dateHeader, ...otherHeaders] = text.breakdown;
  return [
    withLines ? [dateHeader, text.line, ...otherHeaders] : [...text.breakdown],
    ...rows.map((r) => {
      const date = makeDate(sheet, calendar.startOfEpochDay(r.epochDay));
      const units = [r.model, r.category, r.charged, r.free];
      return withLines ? [date, `+${r.line}`, ...units] : [date, ...units];
    }),
  ];
}
