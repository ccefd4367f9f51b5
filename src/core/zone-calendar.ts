/**
 * Fast calendar-day arithmetic in one IANA zone for code that handles many instants (a message log
 * of a million rows). Intl is slow (microseconds per call), so the zone offset is looked up once
 * per UTC hour and reused; an hour in which the offset changes (a DST switch, possibly at a
 * half-hour) is marked and handled exactly, instant by instant.
 */
import { isValidTimeZone, zonedTimeToEpoch, zoneOffsetMs, type DayKey, epochDayToDayKey } from './time';

const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export class ZoneCalendar {
  /** UTC hour index → offset in ms, or NaN when the offset changes inside that hour. */
  private readonly hourOffsets = new Map<number, number>();
  // One-entry cache in front of the map: consecutive instants are usually in the same hour.
  private lastHour = NaN;
  private lastOffset = 0;

  constructor(readonly timeZone: string) {
    if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}"`);
  }

  /** Offset of the zone from UTC at `epochMs`, in ms. */
  offsetAt(epochMs: number): number {
    const hour = Math.floor(epochMs / HOUR_MS);
    if (hour === this.lastHour) return this.lastOffset;
    let offset = this.hourOffsets.get(hour);
    if (offset === undefined) {
      const atStart = zoneOffsetMs(hour * HOUR_MS, this.timeZone);
      const atEnd = zoneOffsetMs(hour * HOUR_MS + HOUR_MS - 1, this.timeZone);
      offset = atStart === atEnd ? atStart : NaN;
      this.hourOffsets.set(hour, offset);
    }
    if (Number.isNaN(offset)) return zoneOffsetMs(epochMs, this.timeZone);
    this.lastHour = hour;
    this.lastOffset = offset;
    return offset;
  }

  /** Local calendar day of `epochMs`, as days since 1970-01-01. */
  epochDayAt(epochMs: number): number {
    return Math.floor((epochMs + this.offsetAt(epochMs)) / DAY_MS);
  }

  dayKeyAt(epochMs: number): DayKey {
    return epochDayToDayKey(this.epochDayAt(epochMs));
  }

  /**
   * The instant at which the local wall clock reads the given time. Same answer as
   * `zonedTimeToEpoch` (which it falls back to near a DST switch), without its Intl calls.
   */
  instantOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    const guess = this.offsetAt(wall);
    const offset = this.offsetAt(wall - guess);
    if (guess === offset) return wall - offset;
    return zonedTimeToEpoch(year, month, day, this.timeZone, hour, minute, second);
  }

  /** Local midnight starting the day `epochDay` days after 1970-01-01. */
  startOfEpochDay(epochDay: number): number {
    const d = new Date(epochDay * DAY_MS);
    return this.instantOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
}

const shared = new Map<string, ZoneCalendar>();

/** One ZoneCalendar per zone for code that converts many instants (its hour cache is then reused). */
export function zoneCalendar(timeZone: string): ZoneCalendar {
  let calendar = shared.get(timeZone);
  if (!calendar) shared.set(timeZone, (calendar = new ZoneCalendar(timeZone)));
  return calendar;
}
