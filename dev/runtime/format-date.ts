/**
 * Utilities.formatDate: Java SimpleDateFormat patterns in an explicit time zone
 * (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String),
 * https://docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html). English names, as Apps Script uses.
 */
import { zoneOffsetMs, zonedParts } from '../../src/core/time';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0');

function offsetText(offsetMs: number, style: 'Z' | 'X' | 'XXX'): string {
  if (offsetMs === 0 && style !== 'Z') return 'Z';
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMs) / 60000;
  const hh = pad(Math.floor(minutes / 60), 2);
  const mm = pad(minutes % 60, 2);
  if (style === 'X') return `${sign}${hh}${mm === '00' ? '' : mm}`;
  return style === 'XXX' ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

function zoneName(epochMs: number, timeZone: string, long: boolean): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: long ? 'long' : 'short' })
    .formatToParts(new Date(epochMs))
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ?? timeZone;
}

function dayOfYear(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86400000 + 1;
}

/** Formats the instant `epochMs` as wall time in `timeZone` using a SimpleDateFormat pattern. */
export function formatDate(epochMs: number, timeZone: string, pattern: string): string {
  const p = zonedParts(epochMs, timeZone);
  const millis = ((epochMs % 1000) + 1000) % 1000;
  const field = (letter: string, n: number): string => {
    switch (letter) {
      case 'G':
        return p.year > 0 ? 'AD' : 'BC';
      case 'y':
      case 'Y':
        return n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
      case 'M':
      case 'L':
        return n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
      case 'd':
        return pad(p.day, n);
      case 'D':
        return pad(dayOfYear(p.year, p.month, p.day), n);
      case 'E':
        return n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
      case 'u':
        return pad(p.weekday === 0 ? 7 : p.weekday, n);
      case 'a':
        return p.hour < 12 ? 'AM' : 'PM';
      case 'H':
        return pad(p.hour, n);
      case 'k':
        return pad(p.hour === 0 ? 24 : p.hour, n);
      case 'K':
        return pad(p.hour % 12, n);
      case 'h':
        return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
      case 'm':
        return pad(p.minute, n);
      case 's':
        return pad(p.second, n);
      case 'S':
        return pad(millis, n);
      case 'z':
        return zoneName(epochMs, timeZone, n >= 4);
      case 'Z':
        return offsetText(zoneOffsetMs(epochMs, timeZone), 'Z');
      case 'X':
        return offsetText(zoneOffsetMs(epochMs, timeZone), n >= 3 ? 'XXX' : 'X');
      default:
        throw new Error(`Illegal pattern character '${letter}'`);
    }
  };
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      const close = pattern.indexOf("'", i + 1);
      if (close === i + 1) {
        out += "'"; // '' is a literal quote
        i += 2;
        continue;
      }
      const end = close < 0 ? pattern.length : close;
      out += pattern.slice(i + 1, end).replace(/''/g, "'");
      i = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let n = 1;
      while (pattern[i + n] === ch) n++;
      out += field(ch, n);
      i += n;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
