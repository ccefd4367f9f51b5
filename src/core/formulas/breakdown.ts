/**
 * BILLED_BREAKDOWN(timestamps, contacts, kinds): the BILLED_CONVERSATIONS computation as a table,
 * one row per (day, pricing model, category) with charged and free units. The date column holds
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
  const rows = priceMessages(readMessageLog(FN, args, calendar), calendar).rows();
  return [
    [...tableText(sheet).breakdown],
    ...rows.map((r) => [
      makeDate(sheet, calendar.startOfEpochDay(r.epochDay)),
      r.model,
      r.category,
      r.charged,
      r.free,
    ]),
  ];
}
