/**
 * Numbers, money and instants as the sidebar shows them: in the spreadsheet's locale, like the sheet beside it
 * (an es_CO spreadsheet shows 7.017,50 BRL to every user); month names are words, in the user's language.
 */
import { minorUnits } from '../month-close/currency';
import type { SidebarLanguage } from '../rpc/contract';

const languageTags: Record<SidebarLanguage, string> = { en: 'en-US', es: 'es-CO' };

/** The BCP 47 tag of a spreadsheet locale ("es_CO" → "es-CO"); en-US for one the browser does not know. */
export function figureLocale(spreadsheetLocale: string): string {
  try {
    return Intl.getCanonicalLocales(spreadsheetLocale.replace(/_/g, '-'))[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

export function formatCount(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A short count for chart axes ("270K", "1.2M"). */
export function formatCompact(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A signed difference ("+3", "−1.50"), for drift. */
export function formatDelta(locale: string, value: number, decimals = 0): string {
  return new Intl.NumberFormat(locale, {
    signDisplay: 'exceptZero',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** An amount with the currency's minor units (the sheets keep the full precision). */
export function formatMoney(locale: string, value: number, currency: string): string {
  const decimals = minorUnits(currency);
  const amount = new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
  return currency ? `${amount} ${currency}` : amount;
}

/** "2025-10" → "October 2025" / "octubre de 2025", in the user's language. */
export function formatMonth(language: SidebarLanguage, month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(languageTags[language], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, monthNumber - 1, 1));
}

/** An ISO instant in the spreadsheet's time zone and locale: "3/11/2025, 14:05" (es-CO), "11/3/2025, 14:05" (en-US). */
export function formatInstant(locale: string, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
}
