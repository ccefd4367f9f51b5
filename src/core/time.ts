/**
 * Calendar arithmetic in an explicit IANA time zone. Nothing here reads a global clock or zone:
 * callers pass the spreadsheet's (or the WABA's) zone in. Uses Intl, which both Node and the
 * Apps Script V8 runtime provide.
 */

/** A calendar day as a comparable integer yyyymmdd (e.g. 20250701). */
export type DayKey = number;

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timeZone` from UTC at the instant `epochMs`, in ms (positive east of Greenwich). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/** Wall-clock fields of the instant `epochMs` in `timeZone`. */
export function zonedParts(epochMs: number, timeZone: string): ZonedParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((x) => x.type === type)?.value ?? NaN);
  const year = get('year');
  const month = get('month');
  const day = get('day');
  return {
    year,
    month,
    day,
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/**
 * The instant at which the wall clock in `timeZone` reads the given local time. For a time skipped
 * by a DST jump the later offset is used; for a repeated hour, the first occurrence.
 */
export function zonedTimeToEpoch(
  year: number,
  month: number,
  day: number,
  timeZone: string,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Guess with the offset at the wall time, then correct once (offsets change at most once nearby).
  const o1 = zoneOffsetMs(wall, timeZone);
  const o2 = zoneOffsetMs(wall - o1, timeZone);
  if (o1 === o2) return wall - o1;
  const o3 = zoneOffsetMs(wall - o2, timeZone);
  if (o2 === o3) return wall - o2;
  // The wall time falls in a DST gap (e.g. America/Santiago skips midnight): take the instant after it.
  return wall - Math.min(o2, o3);
}

export function dayKeyOf(year: number, month: number, day: number): DayKey {
  return year * 10000 + month * 100 + day;
}

/** The calendar day (in `timeZone`) containing the instant `epochMs`. */
export function dayKeyAt(epochMs: number, timeZone: string): DayKey {
  const p = zonedParts(epochMs, timeZone);
  return dayKeyOf(p.year, p.month, p.day);
}

export function splitDayKey(key: DayKey): { year: number; month: number; day: number } {
  return { year: Math.floor(key / 10000), month: Math.floor(key / 100) % 100, day: key % 100 };
}

/** ISO text "yyyy-MM-dd" of a day key. */
export function dayKeyToIso(key: DayKey): string {
  const { year, month, day } = splitDayKey(key);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds `n` calendar days to a day key (pure calendar arithmetic, no time zone involved). */
export function addDays(key: DayKey, n: number): DayKey {
  const { year, month, day } = splitDayKey(key);
  const d = new Date(Date.UTC(year, month - 1, day + n));
  return dayKeyOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Midnight (in `timeZone`) that starts the given calendar day. */
export function startOfDay(key: DayKey, timeZone: string): number {
  const { year, month, day } = splitDayKey(key);
  return zonedTimeToEpoch(year, month, day, timeZone);
}

/** The calendar day that is `epochDay` days after 1970-01-01. */
export function epochDayToDayKey(epochDay: number): DayKey {
  const d = new Date(epochDay * 86_400_000);
  return dayKeyOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
