/**
 * How Sheets types what a script writes, and how a stored cell reads back. Sheets stores a date-time as a
 * serial number (days since 1899-12-30, wall time in the spreadsheet's zone) and lets the cell's number
 * format decide whether it is a date (https://developers.google.com/sheets/api/guides/formats#about_date_time_values),
 * so the model stores numbers, and `getValue` turns a number under a date format into a Date.
 * Typed-input parsing uses numfmt's parser (the same grammar Excel and Sheets accept); the exact set Sheets
 * recognises per locale is UNCONFIRMED beyond the reference's examples ('1,000,000', '$2.99', '2.000').
 */
import { getFormatFromId, isDateFormat, isTextFormat, parseValue } from 'numfmt';
import { zoneCalendar } from '../../src/core/zone-calendar';
import { AppsScriptException } from './exception';
import { isDate } from './realm';

/** What a cell holds: Dates are stored as serials under a date format, as Sheets stores them. */
export type StoredValue = string | number | boolean;

export interface Cell {
  value: StoredValue;
  formula?: string;
  numberFormat?: string;
}

/** getNumberFormat() of a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = 'General';

/**
 * Quotas page: "50,000 characters per cell"; the observed message of a larger write
 * (https://developers.google.com/apps-script/guides/services/quotas; wording observed, not documented).
 */
export const MAX_CELL_CHARACTERS = 50_000;
const TOO_LONG = `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`;

/** 10 million cells per spreadsheet (https://support.google.com/drive/answer/37603); message observed. */
export const MAX_SPREADSHEET_CELLS = 10_000_000;
export function tooManyCells(): AppsScriptException {
  return new AppsScriptException(
    `This action would increase the number of cells in the workbook above the limit of ${MAX_SPREADSHEET_CELLS} cells.`,
  );
}

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** numfmt takes BCP 47 tags ("es-CO"); Apps Script locales are "es_CO". */
export function bcp47(locale: string): string {
  return locale.replace('_', '-');
}

/** The serial Sheets stores for an instant: its wall time in `timeZone`, in days since 1899-12-30. */
export function dateToSerial(instant: Date, timeZone: string): number {
  const ms = instant.getTime();
  return (ms + zoneCalendar(timeZone).offsetAt(ms) - SERIAL_EPOCH_MS) / DAY_MS;
}

/** The instant at which the wall clock in `timeZone` shows the serial's date and time (rounded to ms). */
export function serialToDate(serial: number, timeZone: string): Date {
  const wall = new Date(SERIAL_EPOCH_MS + Math.round(serial * DAY_MS));
  const ms = wall.getUTCMilliseconds();
  return new Date(
    zoneCalendar(timeZone).instantOf(
      wall.getUTCFullYear(),
      wall.getUTCMonth() + 1,
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
    ) + ms,
  );
}

export function isDateNumberFormat(format: string | undefined): boolean {
  return format !== undefined && format !== DEFAULT_NUMBER_FORMAT && isDateFormat(format);
}

export function isPlainTextFormat(format: string | undefined): boolean {
  return format !== undefined && isTextFormat(format);
}

/**
 * The format Sheets gives a cell when a Date is written to it. Observed: the locale's date plus
 * `H:mm:ss` (en_US "M/d/yyyy H:mm:ss"); the exact pattern per locale is UNCONFIRMED.
 */
function dateTimeFormat(locale: string): string {
  return `${getFormatFromId(14, bcp47(locale))} h:mm:ss`;
}

/** The format typed text implies: ISO dates keep their shape (UNCONFIRMED); others follow numfmt's id. */
function impliedFormat(text: string, formatId: number | undefined, locale: string): string | undefined {
  if (formatId === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'yyyy-mm-dd';
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}$/.test(text)) return 'yyyy-mm-dd h:mm';
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}:\d{2}$/.test(text)) return 'yyyy-mm-dd h:mm:ss';
  return getFormatFromId(formatId, bcp47(locale));
}

export interface TypingContext {
  locale: string;
  timeZone: string;
  /** The cell's current number format (it survives a value write, as in Sheets). */
  numberFormat?: string;
}

/**
 * The cell Sheets stores for a value written by setValue(s) — user-entered input, not RAW
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)):
 * - "=…" is a formula; a leading "'" forces text and is not part of the value;
 * - under a plain-text format ("@") text is kept as typed, "00123" stays "00123" (as the Sheets UI does;
 *   that it also keeps "=…" as text through Apps Script is UNCONFIRMED);
 * - other text is parsed as typed input (numbers with the locale's separators, %, currency, dates, TRUE);
 *   a parsed date, percent or currency gives the cell that format when it has none;
 * - a Date is stored as a serial and, unless the cell has a date format already, gets a date-time format.
 */
export function typedCell(input: unknown, ctx: TypingContext): Cell {
  const keepFormat = (cell: Cell): Cell =>
    ctx.numberFormat === undefined ? cell : { ...cell, numberFormat: ctx.numberFormat };
  if (input === null || input === undefined) return keepFormat({ value: '' });
  if (typeof input === 'number' || typeof input === 'boolean') return keepFormat({ value: input });
  if (isDate(input)) {
    const value = dateToSerial(input, ctx.timeZone);
    const numberFormat = isDateNumberFormat(ctx.numberFormat) ? ctx.numberFormat : dateTimeFormat(ctx.locale);
    return { value, numberFormat };
  }
  const text = String(input);
  if (text.length > MAX_CELL_CHARACTERS) throw new AppsScriptException(TOO_LONG);
  if (isPlainTextFormat(ctx.numberFormat)) return keepFormat({ value: text });
  if (text.startsWith('=') && text.length > 1) return keepFormat({ value: '', formula: text });
  if (text.startsWith("'")) return keepFormat({ value: text.slice(1) });
  const parsed = text.trim() === '' ? undefined : parseValue(text, { locale: bcp47(ctx.locale) });
  if (!parsed || parsed.value === null) return keepFormat({ value: text });
  const implied = impliedFormat(text.trim(), parsed.formatId, ctx.locale);
  if (ctx.numberFormat === undefined && implied !== undefined)
    return { value: parsed.value, numberFormat: implied };
  return keepFormat({ value: parsed.value });
}

/** A stored value as getValue() returns it: a number under a date format becomes a Date. */
export function readValue(
  value: StoredValue,
  numberFormat: string | undefined,
  timeZone: string,
): StoredValue | Date {
  if (typeof value === 'number' && isDateNumberFormat(numberFormat)) return serialToDate(value, timeZone);
  return value;
}
