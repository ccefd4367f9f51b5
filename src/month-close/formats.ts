/**
 * Number formats of the month-close sheets (Sheets patterns: https://developers.google.com/sheets/api/guides/formats).
 * A format changes only what is shown; every value keeps its full precision.
 */
import { minorUnits } from './currency';

export const COUNT_FORMAT = '#,##0';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
/** At least two decimals, up to ten more: a non-zero share never shows as 0 %. */
export const SHARE_FORMAT = '0.00##########%';
/**
 * Exact quotients (billed exact, cost exact) keep up to ten decimals visible. One decimal is always shown: with only
 * optional ones (`#,##0.##`) Sheets leaves a trailing separator on whole numbers (`270,166.`, `270.166,`).
 */
export const EXACT_FORMAT = '#,##0.0#########';
export const GENERAL_FORMAT = 'General';

/** The currency's minor units, e.g. `#,##0.00` for BRL, `#,##0` for CLP. */
export function moneyFormat(currency: string): string {
  const decimals = minorUnits(currency);
  return decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}
