/**
 * Start dates of Atom's exports → local wall time "yyyy-MM-dd HH:mm:ss" (the server reads it in the
 * spreadsheet's zone). Text comes as dd/mm/yyyy (Latin America), mm/dd/yyyy (US English), yyyy-mm-dd or
 * d/m/yy, with an optional 24-hour or a.m./p.m. time; XLSX dates are serial day numbers.
 */
import { cellText, type RawCell } from './raw-table';

export type DateOrder = 'dayFirst' | 'monthFirst';

/** How ambiguous day/month dates were read, for the result: from the column's own data, the option, or the default. */
export interface DateReading {
  order: DateOrder;
  /** 'unambiguous': no dd/mm-or-mm/dd text in the column (ISO text or serials only). */
  decidedBy: 'data' | 'option' | 'default' | 'unambiguous';
  /** The column holds both a first part above 12 and a second part above 12: some rows cannot be read. */
  conflicting: boolean;
}

interface Clock {
  hour: number;
  minute: number;
  second: number;
}

type Token =
  | { kind: 'serial'; serial: number }
  | { kind: 'ymd'; year: number; month: number; day: number; clock: Clock }
  | { kind: 'pair'; first: number; second: number; year: number; clock: Clock }
  | { kind: 'blank' }
  | { kind: 'bad'; reason: string };

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:([ap])\.?\s*m\.?)?`;
const YMD = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s,]+${TIME})?$`, 'i');
const PAIR = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[\s,]+${TIME})?$`, 'i');

function clockOf(m: RegExpMatchArray, at: number): Clock | string {
  if (m[at] === undefined) return { hour: 0, minute: 0, second: 0 };
  let hour = Number(m[at]);
  const minute = Number(m[at + 1]);
  const second = m[at + 2] === undefined ? 0 : Number(m[at + 2]);
  const meridiem = m[at + 3]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return `hour ${hour} does not exist with a.m./p.m.`;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return 'the time does not exist';
  return { hour, minute, second };
}

function tokenize(cell: RawCell): Token {
  if (typeof cell === 'number') return { kind: 'serial', serial: cell };
  const text = cellText(cell);
  if (text === '') return { kind: 'blank' };
  const ymd = YMD.exec(text);
  if (ymd) {
    const clock = clockOf(ymd, 4);
    if (typeof clock === 'string') return { kind: 'bad', reason: `${clock} in "${text}"` };
    return { kind: 'ymd', year: Number(ymd[1]), month: Number(ymd[2]), day: Number(ymd[3]), clock };
  }
  const pair = PAIR.exec(text);
  if (pair) {
    const clock = clockOf(pair, 4);
    if (typeof clock === 'string') return { kind: 'bad', reason: `${clock} in "${text}"` };
    // One rule for two-digit years (README, Atom): yy is 20yy; 31/12/99 → 2099, then refused as implausible.
    const year = pair[3].length === 2 ? 2000 + Number(pair[3]) : Number(pair[3]);
    return { kind: 'pair', first: Number(pair[1]), second: Number(pair[2]), year, clock };
  }
  return { kind: 'bad', reason: `"${text}" is not a date` };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function wallTime(year: number, month: number, day: number, c: Clock): string | { reason: string } {
  const probe = new Date(Date.UTC(2000, month - 1, day));
  probe.setUTCFullYear(year);
  if (month < 1 || month > 12 || day < 1 || probe.getUTCDate() !== day) {
    return { reason: `${pad(year, 4)}-${pad(month)}-${pad(day)} is not a calendar day` };
  }
  return `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;
}

const DAY_S = 86_400;

/**
 * An Excel serial date as wall time. In the 1900 system day 1 is 1900-01-01 and day 60 is the
 * 1900-02-29 that Lotus 1-2-3 invented and Excel kept, so serials from 61 on are one day ahead of a
 * plain count from 1899-12-31. In the 1904 system day 0 is 1904-01-01.
 */
export function serialToWallTime(serial: number, date1904: boolean): string | { reason: string } {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2_958_466) {
    return { reason: `${serial} is not a date serial number` };
  }
  const seconds = Math.round(serial * DAY_S);
  const days = Math.floor(seconds / DAY_S);
  const inDay = seconds - days * DAY_S;
  if (!date1904 && days === 60) return { reason: 'serial 60 is 1900-02-29, a day that does not exist' };
  const epochDay = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days < 60 ? 31 : 30);
  const d = new Date(epochDay + days * DAY_S * 1000);
  const clock = { hour: Math.floor(inDay / 3600), minute: Math.floor(inDay / 60) % 60, second: inDay % 60 };
  return wallTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), clock);
}

/**
 * Atom's exports start in 2014; a start after the end of next year is a placeholder or a typo (01/01/0001,
 * 31/12/9999) that would otherwise create sheets such as "Billing 0001-01". `now` is the import's clock.
 */
export function plausibleRange(now: Date): { first: string; last: string } {
  return { first: '2014-01-01', last: `${now.getUTCFullYear() + 1}-12-31` };
}

function plausible(value: string | { reason: string }, range: { first: string; last: string }) {
  if (typeof value !== 'string') return value;
  const day = value.slice(0, 10);
  if (day < range.first) return { reason: `${day} is before ${range.first}, the earliest plausible start` };
  if (day > range.last) return { reason: `${day} is after ${range.last}, the latest plausible start` };
  return value;
}

/**
 * A start that crossed google.script.run is checked again on the server (the sidebar's reading is not trusted):
 * why it is not a plausible start, or null.
 */
export function implausibleStart(start: string, now: Date): string | null {
  if (start === '') return null;
  const v = plausible(start, plausibleRange(now));
  return typeof v === 'string' ? null : v.reason;
}

export interface StartColumn {
  /** Per cell: the wall time, '' for a blank cell, or why it is not a date. */
  values: (string | { reason: string })[];
  reading: DateReading;
}

/**
 * Reads a whole column, deciding day-first or month-first for it as a whole: a first part above 12
 * settles day-first, a second part above 12 month-first; otherwise `dayFirst` (default true).
 */
export function readStartColumn(
  cells: readonly RawCell[],
  dayFirst: boolean | undefined,
  date1904: boolean,
  now: Date,
): StartColumn {
  const range = plausibleRange(now);
  const tokens = cells.map(tokenize);
  let firstAbove12 = false;
  let secondAbove12 = false;
  let pairs = 0;
  for (const t of tokens) {
    if (t.kind !== 'pair') continue;
    pairs++;
    if (t.first > 12) firstAbove12 = true;
    if (t.second > 12) secondAbove12 = true;
  }
  const fallback: DateOrder = dayFirst === false ? 'monthFirst' : 'dayFirst';
  const fallbackBy = pairs === 0 ? 'unambiguous' : dayFirst === undefined ? 'default' : 'option';
  const reading: DateReading =
    firstAbove12 !== secondAbove12
      ? { order: firstAbove12 ? 'dayFirst' : 'monthFirst', decidedBy: 'data', conflicting: false }
      : { order: fallback, decidedBy: fallbackBy, conflicting: firstAbove12 && secondAbove12 };
  const values = tokens.map((t) => {
    if (t.kind === 'blank') return '';
    return plausible(valueOf(t), range);
  });
  return { values, reading };

  function valueOf(t: Exclude<Token, { kind: 'blank' }>): string | { reason: string } {
    switch (t.kind) {
      case 'bad':
        return { reason: t.reason };
      case 'serial':
        return serialToWallTime(t.serial, date1904);
      case 'ymd':
        return wallTime(t.year, t.month, t.day, t.clock);
      case 'pair':
        return reading.order === 'dayFirst'
          ? wallTime(t.year, t.second, t.first, t.clock)
          : wallTime(t.year, t.first, t.second, t.clock);
    }
  }
}
