/**
 * Meta's WABA `timezone_id` is a number (sent as a string, e.g. "25") from the same enumeration as the ad
 * account's timezone_id: YCloud's WABA model documents timezoneId by linking Meta's list
 * https://developers.facebook.com/docs/marketing-api/reference/ad-account/timezone-ids .
 *
 * Only ids 1–53 are in this table: those are the rows of Meta's own page we could read (TZ_AMERICA_LOS_ANGELES = 1
 * … TZ_AFRICA_CAIRO = 53). Higher ids (Mexico City, Lima, Montevideo, Caracas, Panama, …) appear only in a
 * third-party transcription, so they are NOT mapped: for them, and for anything else unknown, the spreadsheet's
 * zone is used and the result says `zoneSource: 'spreadsheet'` so the UI can warn that daily buckets may be
 * attributed to the neighbouring day near midnight.
 */

import { isValidTimeZone } from '../core/time';

const CONFIRMED_META_TIMEZONES: readonly string[] = [
  '', // 0 = TZ_UNKNOWN
  'America/Los_Angeles',
  'America/Denver',
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Phoenix',
  'America/Chicago',
  'America/New_York',
  'Asia/Dubai',
  'America/Argentina/San_Luis',
  'America/Argentina/Buenos_Aires', // 10
  'America/Argentina/Salta',
  'Europe/Vienna',
  'Australia/Perth',
  'Australia/Broken_Hill',
  'Australia/Sydney',
  'Europe/Sarajevo',
  'Asia/Dhaka',
  'Europe/Brussels',
  'Europe/Sofia',
  'Asia/Bahrain', // 20
  'America/La_Paz',
  'America/Noronha',
  'America/Campo_Grande',
  'America/Belem',
  'America/Sao_Paulo',
  'America/Nassau',
  'America/Dawson',
  'America/Vancouver',
  'America/Dawson_Creek',
  'America/Edmonton', // 30
  'America/Rainy_River',
  'America/Regina',
  'America/Atikokan',
  'America/Iqaluit',
  'America/Toronto',
  'America/Blanc-Sablon',
  'America/Halifax',
  'America/St_Johns',
  'Europe/Zurich',
  'Pacific/Easter', // 40
  'America/Santiago',
  'Asia/Shanghai',
  'America/Bogota',
  'America/Costa_Rica',
  'Asia/Nicosia',
  'Europe/Prague',
  'Europe/Berlin',
  'Europe/Copenhagen',
  'America/Santo_Domingo',
  'Pacific/Galapagos', // 50
  'America/Guayaquil',
  'Europe/Tallinn',
  'Africa/Cairo',
];

export type ZoneSource = 'waba' | 'spreadsheet';

/** The zone that defines calendar days for Meta's buckets, and where it came from. */
export interface ZoneChoice {
  timeZone: string;
  zoneSource: ZoneSource;
}

/** The IANA zone for a Meta timezone_id, or null when the id is not one we could confirm. */
export function ianaZoneForMetaTimezoneId(timezoneId: string | number | null | undefined): string | null {
  const text = String(timezoneId ?? '').trim();
  if (!/^\d+$/.test(text)) return null;
  const zone = CONFIRMED_META_TIMEZONES[Number(text)];
  return zone && isValidTimeZone(zone) ? zone : null;
}

/** The WABA's zone when its id is confirmed, otherwise the spreadsheet's (flagged as such). */
export function resolveWabaTimeZone(
  timezoneId: string | number | null | undefined,
  spreadsheetTimeZone: string,
): ZoneChoice {
  const zone = ianaZoneForMetaTimezoneId(timezoneId);
  return zone
    ? { timeZone: zone, zoneSource: 'waba' }
    : { timeZone: spreadsheetTimeZone, zoneSource: 'spreadsheet' };
}
