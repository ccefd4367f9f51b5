/**
 * Meta's billing analytics, planned and normalised.
 *
 * Two APIs: `conversation_analytics` for conversation-based pricing (days before 2025-07-01) and
 * `pricing_analytics` for per-message pricing (from 2025-07-01). The switch instant is midnight 2025-07-01 in the
 * WABA's time zone: Meta defines billing days, free tiers and rate changes at 12am in the WABA's zone, and its
 * DAILY/MONTHLY buckets start at that midnight (inferred from its examples — see the reference notes).
 *
 * Chunks: one request per calendar month of the WABA's zone (and so, since 2025-07-01 is a month start, never
 * across the switch). Months keep each MONTHLY bucket inside one request, keep responses well below UrlFetch's
 * size limit even with every dimension requested, and let a year go out as ~12 requests in one fetchAll.
 */

import { MESSAGE_PRICING_FROM } from '../core/pricing/rules';
import { sumCosts } from '../core/exact/cost-sum';
import { zoneCalendar } from '../core/zone-calendar';
import { addDays, dayKeyOf, dayKeyToIso, type DayKey, splitDayKey, startOfDay } from '../core/time';
import { MetaCostUnavailableError, MetaResponseError } from './errors';
import { isObject } from './graph-errors';
import { fieldExpansion } from './graph-url';
import type { ZoneChoice } from './timezones';

/** Meta's analytics follow its pricing: conversation_analytics before this day, pricing_analytics from it. */
const PRICING_SWITCH_DAY: DayKey = MESSAGE_PRICING_FROM;

export type AnalyticsApi = 'conversation_analytics' | 'pricing_analytics';
export type PricingModel = 'conversation' | 'message';
export type Granularity = 'DAILY' | 'MONTHLY';
export type Dimension = 'line' | 'country' | 'category' | 'type' | 'tier';

const ALL_DIMENSIONS: readonly Dimension[] = ['line', 'country', 'category', 'type', 'tier'];

/** Categories conversation_analytics accepts as a filter (Meta's doc list; PMP-only ones are dropped for it). */
const CONVERSATION_CATEGORIES: ReadonlySet<string> = new Set([
  'AUTHENTICATION',
  'MARKETING',
  'SERVICE',
  'UTILITY',
]);

export interface AnalyticsQuery {
  /** First calendar day, inclusive, in `zone`. */
  fromDay: DayKey;
  /** Last calendar day, inclusive, in `zone`. */
  toDay: DayKey;
  zone: ZoneChoice;
  granularity?: Granularity;
  /** Breakdowns to ask Meta for; `type` is always added so billable units can be told apart. Default: all. */
  dimensions?: readonly Dimension[];
  /** Phone numbers (any formatting; digits are sent). Empty = every line on the WABA. */
  lines?: readonly string[];
  /** ISO-2 country codes. Empty = all. */
  countries?: readonly string[];
  /** Meta category names (e.g. MARKETING). Empty = all. */
  categories?: readonly string[];
}

export interface AnalyticsRow {
  /** Bucket start and end, epoch seconds, as Meta sent them. */
  start: number;
  end: number;
  /** yyyy-MM-dd: the bucket's calendar day (start instant) in the chosen zone. */
  day: string;
  line: string | null;
  country: string | null;
  pricingModel: PricingModel;
  category: string | null;
  /** REGULAR (billable), FREE_TIER, FREE_ENTRY_POINT, FREE_CUSTOMER_SERVICE, … */
  type: string | null;
  tier: string | null;
  /** Conversations (conversation model) or delivered messages (message model). */
  volume: number;
  /** Approximate, in the WABA's currency; null where Meta gives none (partner credit line). */
  cost: number | null;
}

export interface AnalyticsChunk {
  api: AnalyticsApi;
  fromDay: DayKey;
  toDay: DayKey;
  /** Epoch seconds: midnight starting fromDay, midnight after toDay, in the zone. */
  start: number;
  end: number;
}

/** Splits fromDay..toDay at the pricing switch and at every month start of the zone. */
export function planAnalyticsChunks(fromDay: DayKey, toDay: DayKey, timeZone: string): AnalyticsChunk[] {
  if (fromDay > toDay) throw new RangeError(`fromDay ${fromDay} is after toDay ${toDay}`);
  const chunks: AnalyticsChunk[] = [];
  let day = fromDay;
  while (day <= toDay) {
    const { year, month } = splitDayKey(day);
    const nextMonth = month === 12 ? dayKeyOf(year + 1, 1, 1) : dayKeyOf(year, month + 1, 1);
    let last = Math.min(toDay, addDays(nextMonth, -1));
    if (day < PRICING_SWITCH_DAY && last >= PRICING_SWITCH_DAY) last = addDays(PRICING_SWITCH_DAY, -1);
    chunks.push({
      api: day < PRICING_SWITCH_DAY ? 'conversation_analytics' : 'pricing_analytics',
      fromDay: day,
      toDay: last,
      start: startOfDay(day, timeZone) / 1000,
      end: startOfDay(addDays(last, 1), timeZone) / 1000,
    });
    day = addDays(last, 1);
  }
  return chunks;
}

const DIMENSION_NAMES: Record<AnalyticsApi, Record<Dimension, string | null>> = {
  conversation_analytics: {
    line: 'PHONE',
    country: 'COUNTRY',
    category: 'CONVERSATION_CATEGORY',
    type: 'CONVERSATION_TYPE',
    tier: null, // conversation-based pricing had no volume tiers
  },
  pricing_analytics: {
    line: 'PHONE',
    country: 'COUNTRY',
    category: 'PRICING_CATEGORY',
    type: 'PRICING_TYPE',
    tier: 'TIER',
  },
};

/**
 * The field expansion for one chunk, or null when the filters exclude it entirely (only PMP-era categories asked
 * for a conversation-era month). CONVERSATION_DIRECTION is never requested: Meta reports direction rows apart from
 * category rows, so asking for both would count every conversation twice.
 */
export function analyticsFieldExpansion(chunk: AnalyticsChunk, query: AnalyticsQuery): string | null {
  const conversation = chunk.api === 'conversation_analytics';
  let categories = query.categories ?? [];
  if (conversation && categories.length) {
    categories = categories.filter((c) => CONVERSATION_CATEGORIES.has(c));
    if (!categories.length) return null;
  }
  const wanted = new Set<Dimension>([...(query.dimensions ?? ALL_DIMENSIONS), 'type']);
  if (wanted.has('tier') && !conversation) {
    // Meta only reports tiers broken down by market and category.
    wanted.add('country');
    wanted.add('category');
  }
  const dimensions = ALL_DIMENSIONS.filter((d) => wanted.has(d))
    .map((d) => DIMENSION_NAMES[chunk.api][d])
    .filter((name): name is string => name !== null);
  return fieldExpansion(chunk.api, {
    start: chunk.start,
    end: chunk.end,
    granularity: query.granularity ?? 'DAILY',
    metric_types: conversation ? ['COST', 'CONVERSATION'] : ['COST', 'VOLUME'],
    dimensions,
    phone_numbers: (query.lines ?? []).map((l) => l.replace(/\D/g, '')),
    country_codes: query.countries ?? [],
    [conversation ? 'conversation_categories' : 'pricing_categories']: categories,
  });
}

/**
 * Data points from one page in either form: field form `{"pricing_analytics":{"data":[{"data_points":[…]}]}}` or
 * edge form `{"data":[{"data_points":[…]}]}`. A page without either shape is an error, not "no data".
 */
export function dataPointsOf(body: unknown, api: AnalyticsApi): unknown[] {
  const container = isObject(body) && isObject(body[api]) ? body[api] : body;
  if (!isObject(container) || !Array.isArray(container.data)) {
    // A field expansion with no activity at all can come back as just {"id": …}.
    if (isObject(body) && Object.keys(body).every((k) => k === 'id')) return [];
    throw new MetaResponseError(`Meta's ${api} answer has an unexpected shape — nothing was used`);
  }
  const points: unknown[] = [];
  for (const entry of container.data) {
    if (!isObject(entry) || !Array.isArray(entry.data_points)) {
      throw new MetaResponseError(`Meta's ${api} answer has an unexpected shape — nothing was used`);
    }
    points.push(...entry.data_points);
  }
  return points;
}

const OLD_TYPE_NAMES: Record<string, string> = { FREE_ENTRY: 'FREE_ENTRY_POINT' };

export function normaliseDataPoint(point: unknown, api: AnalyticsApi, timeZone: string): AnalyticsRow {
  const conversation = api === 'conversation_analytics';
  if (!isObject(point)) throw new MetaResponseError(`Meta's ${api} answer has a malformed data point`);
  const start = point.start;
  const end = point.end;
  const volume = conversation ? point.conversation : point.volume;
  if (typeof start !== 'number' || typeof end !== 'number' || typeof volume !== 'number') {
    throw new MetaResponseError(`Meta's ${api} answer has a data point without start, end or volume`);
  }
  const type = text(conversation ? point.conversation_type : point.pricing_type);
  return {
    start,
    end,
    day: dayKeyToIso(zoneCalendar(timeZone).dayKeyAt(start * 1000)),
    line: text(point.phone_number),
    country: text(point.country),
    pricingModel: conversation ? 'conversation' : 'message',
    category: text(conversation ? point.conversation_category : point.pricing_category),
    type: type === null ? null : (OLD_TYPE_NAMES[type] ?? type),
    tier: text(point.tier),
    volume,
    cost: typeof point.cost === 'number' ? point.cost : null,
  };
}

function text(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : v === undefined || v === null ? null : String(v);
}

/** Stable order: by bucket, then line, country, category, type, tier. */
export function compareRows(a: AnalyticsRow, b: AnalyticsRow): number {
  if (a.start !== b.start) return a.start - b.start;
  const keys = ['line', 'country', 'category', 'type', 'tier'] as const;
  for (const k of keys) {
    const x = a[k] ?? '';
    const y = b[k] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Billable units: the volume of REGULAR rows (Meta's pricing_type / conversation_type for charged traffic). */
export function billableUnits(rows: readonly AnalyticsRow[]): number {
  return rows.reduce((sum, r) => (r.type === 'REGULAR' ? sum + r.volume : sum), 0);
}

/** The exact cost of all rows (src/core/exact/cost-sum); throws when Meta gave no cost (partner credit line) for any of them. */
export function approximateCost(rows: readonly AnalyticsRow[]): number {
  const sum = sumCosts(rows.map((r) => r.cost));
  if (sum === null) throw new MetaCostUnavailableError();
  return sum;
}
