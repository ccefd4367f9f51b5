/**
 * Meta's WABA `timezone_id` is a number (typed string by Meta's SDK, e.g. "94") from the same enumeration as the ad
 * account's timezone_id (https://developers.facebook.com/docs/marketing-api/reference/ad-account/timezone-ids).
 * The table is data (timezone-ids.ts) with the confidence of each range of ids: 1–141 confirmed, 142–475 from one
 * transcription only. For 0 (TZ_UNKNOWN), an id not in the table (476–592 have no known names), or a zone this
 * runtime's Intl rejects, the spreadsheet's zone is used and the result says `zoneSource: 'spreadsheet'`, so the UI
 * can warn that daily buckets may be attributed to the neighbouring day near midnight.
 */

import { isValidTimeZone } from '../core/time';
import { TIMEZONE_ID_SOURCES, timezoneIds, type TimezoneConfidence } from './timezone-ids';

export type ZoneSource = 'waba' | 'spreadsheet';
/** How sure the billing zone is: a confirmed or unconfirmed id of Meta's, or the spreadsheet's zone instead. */
export type ZoneConfidence = TimezoneConfidence | 'fallback';

/** The zone that defines calendar days for Meta's buckets, and where it came from. */
export interface ZoneChoice {
  timeZone: string;
  zoneSource: ZoneSource;
}

/** A resolved WABA zone, with how sure it is. */
export interface WabaZone extends ZoneChoice {
  zoneConfidence: ZoneConfidence;
}

/**
 * The IANA zone and confidence for a Meta timezone_id ("94" or 94), or null when it cannot be mapped here (`table`
 * is there for tests: a zone Intl rejects must fall back too).
 */
export function metaTimezone(
  timezoneId: string | number | null | undefined,
  table: Readonly<Record<number, string>> = timezoneIds(),
): { zone: string; confidence: TimezoneConfidence } | null {
  const text = String(timezoneId ?? '').trim();
  if (!/^\d+$/.test(text)) return null;
  const id = Number(text);
  const zone = Object.prototype.hasOwnProperty.call(table, id) ? table[id] : undefined;
  const range = TIMEZONE_ID_SOURCES.find((r) => id >= r.from && id <= r.to);
  if (!zone || !range || !isValidTimeZone(zone)) return null;
  return { zone, confidence: range.confidence };
}

/** The IANA zone for a Meta timezone_id, or null when it cannot be mapped here. */
export function ianaZoneForMetaTimezoneId(timezoneId: string | number | null | undefined): string | null {
  return metaTimezone(timezoneId)?.zone ?? null;
}

/** The WABA's zone when its id maps, otherwise the spreadsheet's (flagged as such). */
export function resolveWabaTimeZone(
  timezoneId: string | number | null | undefined,
  spreadsheetTimeZone: string,
): WabaZone {
  const mapped = metaTimezone(timezoneId);
  return mapped
    ? { timeZone: mapped.zone, zoneSource: 'waba', zoneConfidence: mapped.confidence }
    : { timeZone: spreadsheetTimeZone, zoneSource: 'spreadsheet', zoneConfidence: 'fallback' };
}
