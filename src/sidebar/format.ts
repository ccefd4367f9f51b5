/** Numbers, money, months and instants as the sidebar shows them, in the user's language. */
import { minorUnits } from '../month-close/currency';
import type { SidebarLanguage } from '../rpc/contract';

const locales: Record<SidebarLanguage, string> = { en: 'en-US', es: 'es-CO' };

export function formatCount(language: SidebarLanguage, value: number): string {
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits: 0 }).format(value);
}

/** A short count for chart axes ("270K", "1.2M"). */
export function formatCompact(language: SidebarLanguage, value: number): string {
  return new Intl.NumberFormat(locales[language], { notation: 'compact', maximumFractionDigits: 1 }).format(
    value,
  );
}

/** A signed difference ("+3", "−1.50"), for drift. */
export function formatDelta(language: SidebarLanguage, value: number, decimals = 0): string {
  return new Intl.NumberFormat(locales[language], {
    signDisplay: 'exceptZero',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** An amount with the currency's minor units (the sheets keep the full precision). */
export function formatMoney(language: SidebarLanguage, value: number, currency: string): string {
  const decimals = minorUnits(currency);
  const amount = new Intl.NumberFormat(locales[language], {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
  return currency ? `${amount} ${currency}` : amount;
}

/** "2025-10" → "October 2025" / "octubre de 2025". */
export function formatMonth(language: SidebarLanguage, month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locales[language], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, monthNumber - 1, 1));
}

/** An ISO instant as "2025-11-03 14:05" in the spreadsheet's time zone. */
export function formatInstant(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString('sv-SE', { timeZone }).slice(0, 16);
}
