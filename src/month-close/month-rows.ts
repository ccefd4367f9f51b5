/**
 * The month's Meta rows after an import, every line, when the history is kept outside the spreadsheet (BigQuery's
 * `meta_rows`, one month's partition replaced at once): what "Meta data"'s block holds after the same import —
 * the other lines' stored rows, the stored rows the history rule keeps (stored-history.ts) and Meta's fresh rows —
 * sorted, so the same month gives the same rows.
 */
import type { MetaUsageRow } from './figures';
import { digitsOf, type DataRow } from './meta-data-sheet';
import type { StoredRow } from './stored-history';

export function monthRowsAfterImport(
  stored: readonly MetaUsageRow[],
  lineDigits: ReadonlySet<string> | null,
  kept: readonly StoredRow[],
  fresh: readonly DataRow[],
): MetaUsageRow[] {
  const otherLines = lineDigits ? stored.filter((r) => !lineDigits.has(digitsOf(r.line ?? ''))) : [];
  const blank = (v: string) => v || null;
  const rows: MetaUsageRow[] = [
    ...otherLines,
    ...kept.map((s) => s.usage),
    ...fresh.map((r) => ({
      day: r.day,
      line: blank(r.line),
      country: blank(r.country),
      pricingModel: r.pricingModel === 'message' ? ('message' as const) : ('conversation' as const),
      category: blank(r.category),
      type: blank(r.type),
      tier: blank(r.tier),
      volume: r.volume,
      cost: r.cost,
      currency: r.currency,
    })),
  ];
  const key = (r: MetaUsageRow) =>
    [r.day, r.line, r.country, r.pricingModel, r.category, r.type, r.tier, r.currency].map((v) => v ?? '');
  return rows
    .map((r) => ({ r, k: key(r) }))
    .sort((a, b) => {
      const i = a.k.findIndex((v, j) => v !== b.k[j]);
      return i < 0 ? 0 : a.k[i] < b.k[i] ? -1 : 1;
    })
    .map((e) => e.r);
}
