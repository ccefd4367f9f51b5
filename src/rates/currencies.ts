/**
 * Minor units (decimals) of the currencies Meta bills WhatsApp in (16 as of 2026-07: USD AUD EUR GBP IDR INR MXN
 * ARS CLP COP MYR PEN SAR SGD AED BRL — shared/reference/meta-2026.md §2), from ISO 4217. A currency not listed
 * gets 2, the ISO default.
 */
const ZERO_DECIMALS = new Set(['CLP', 'JPY', 'KRW', 'PYG', 'VND', 'ISK', 'UGX', 'XAF', 'XOF']);
const THREE_DECIMALS = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

export function currencyDecimals(currency: string): number {
  if (ZERO_DECIMALS.has(currency)) return 0;
  return THREE_DECIMALS.has(currency) ? 3 : 2;
}
