/**
 * Analytics rows as compact, ASCII-only text for CacheService: arrays instead of objects (a year with every
 * breakdown is tens of thousands of rows), and non-ASCII escaped so a value's length in characters is its size in
 * bytes, which is what the cache's 100 KB limit counts.
 */

import type { AnalyticsRow, PricingModel } from './analytics';

type Encoded = [
  number,
  number,
  string,
  string | null,
  string | null,
  PricingModel,
  string | null,
  string | null,
  string | null,
  number,
  number | null,
];

export function encodeRows(rows: readonly AnalyticsRow[]): string {
  const encoded = rows.map((r): Encoded => [
    r.start,
    r.end,
    r.day,
    r.line,
    r.country,
    r.pricingModel,
    r.category,
    r.type,
    r.tier,
    r.volume,
    r.cost,
  ]);
  return JSON.stringify(encoded).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The rows, or null when the text is not what encodeRows wrote (a cache entry from an older version). */
export function decodeRows(text: string): AnalyticsRow[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || !parsed.every((e) => Array.isArray(e) && e.length === 11)) return null;
  return (parsed as Encoded[]).map(
    ([start, end, day, line, country, pricingModel, category, type, tier, volume, cost]) => ({
      start,
      end,
      day,
      line,
      country,
      pricingModel,
      category,
      type,
      tier,
      volume,
      cost,
    }),
  );
}
