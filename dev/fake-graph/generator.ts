/**
 * Deterministic billing traffic for the fake Graph server. Every figure is a pure function of the seed and the
 * (line, country, category, type, day) it belongs to, so tests can compute expected values directly from here,
 * without going through the HTTP/router path.
 *
 * Shape: three lines (BR, MX, CO), six Latin-American markets, conversation-based pricing rows for days before
 * 2025-07-01 and per-message pricing rows from then on, every category and type, weekday seasonality and a slow
 * month-on-month growth. Costs are integer micro-units of the WABA currency, so DAILY and MONTHLY totals agree
 * exactly.
 */

import { addDays, type DayKey, splitDayKey } from '../../src/core/time';
import { ianaZoneForMetaTimezoneId } from '../../src/meta/timezones';

const SWITCH_DAY: DayKey = 20250701;

export type FakeModel = 'conversation' | 'message';

export interface FakeLine {
  id: string;
  displayPhoneNumber: string;
  verifiedName: string;
  /** What Meta puts in analytics' phone_number. */
  digits: string;
  home: string;
}

export interface FakeWaba {
  id: string;
  name: string;
  currency: string;
  /** The WABA's `country` field (ISO code; whose sold-to country Meta bills, e.g. BR must bill in BRL). */
  country: string;
  /** Meta's numeric id as sent on the wire. */
  timezoneId: string;
  /** The IANA zone the fake aligns buckets to (Meta's own notion of the WABA zone). */
  timeZone: string;
}

export interface DatasetOptions {
  seed?: number;
  wabaId?: string;
  name?: string;
  currency?: string;
  country?: string;
  timezoneId?: string;
  /** Required when timezoneId is not one src/meta can map (e.g. "94", Mexico City). */
  timeZone?: string;
  /** Data exists for firstDay..lastDay inclusive. */
  firstDay?: DayKey;
  lastDay?: DayKey;
  /**
   * Also send the per-message categories and types Meta added (MARKETING_LITE, GROUP_*, AI_BOT,
   * FREE_GROUP_CUSTOMER_SERVICE) and one no client knows yet (FUTURE_CATEGORY / FUTURE_TYPE). Default false.
   */
  newCategories?: boolean;
  /**
   * Lines on the account (default 3: BR, MX, CO). More add synthetic lines homed in the six markets in turn, so a
   * month can hold ~100,000 rows (each line gives about 35 rows a day) for the benchmarks.
   */
  lineCount?: number;
  /** A factor on every volume of each line, by position (default 1): e.g. a quiet line that keeps its allowance. */
  lineTraffic?: readonly number[];
}

export interface FakeDataset {
  seed: number;
  waba: FakeWaba;
  lines: FakeLine[];
  countries: string[];
  firstDay: DayKey;
  lastDay: DayKey;
  newCategories: boolean;
  lineTraffic: readonly number[];
}

export interface DailyRecord {
  line: FakeLine;
  country: string;
  model: FakeModel;
  category: string;
  type: string;
  /** Only on REGULAR per-message rows (Meta omits tier on free rows). */
  tier: string | null;
  volume: number;
  costMicros: number;
}

interface Pair {
  category: string;
  type: string;
  tier: string | null;
  /** Typical daily volume on a line's home market. */
  weight: number;
}

const PAIRS: Record<FakeModel, Pair[]> = {
  conversation: [
    { category: 'MARKETING', type: 'REGULAR', tier: null, weight: 300 },
    { category: 'UTILITY', type: 'REGULAR', tier: null, weight: 180 },
    { category: 'AUTHENTICATION', type: 'REGULAR', tier: null, weight: 120 },
    { category: 'SERVICE', type: 'REGULAR', tier: null, weight: 90 },
    { category: 'SERVICE', type: 'FREE_TIER', tier: null, weight: 60 },
    { category: 'MARKETING', type: 'FREE_ENTRY_POINT', tier: null, weight: 25 },
    { category: 'SERVICE', type: 'FREE_ENTRY_POINT', tier: null, weight: 15 },
  ],
  message: [
    { category: 'MARKETING', type: 'REGULAR', tier: '0:MAX', weight: 900 },
    { category: 'UTILITY', type: 'REGULAR', tier: '0:100000', weight: 500 },
    { category: 'AUTHENTICATION', type: 'REGULAR', tier: '0:750000', weight: 250 },
    { category: 'AUTHENTICATION_INTERNATIONAL', type: 'REGULAR', tier: '0:750000', weight: 20 },
    { category: 'UTILITY', type: 'FREE_CUSTOMER_SERVICE', tier: null, weight: 300 },
    { category: 'SERVICE', type: 'FREE_CUSTOMER_SERVICE', tier: null, weight: 700 },
    { category: 'MARKETING', type: 'FREE_ENTRY_POINT', tier: null, weight: 40 },
  ],
};

/** Per-message pairs of the categories and types Meta added (meta-2026.md §3), sent with `newCategories`. */
const NEW_PAIRS: Pair[] = [
  { category: 'MARKETING_LITE', type: 'REGULAR', tier: '0:MAX', weight: 120 },
  { category: 'MARKETING_LITE_DYNAMIC', type: 'REGULAR', tier: '0:MAX', weight: 30 },
  { category: 'GROUP_MARKETING', type: 'REGULAR', tier: '0:MAX', weight: 25 },
  { category: 'GROUP_MARKETING_LITE', type: 'REGULAR', tier: '0:MAX', weight: 15 },
  { category: 'GROUP_UTILITY', type: 'REGULAR', tier: '0:100000', weight: 20 },
  { category: 'GROUP_SERVICE', type: 'FREE_GROUP_CUSTOMER_SERVICE', tier: null, weight: 35 },
  { category: 'AI_BOT', type: 'REGULAR', tier: null, weight: 40 },
  { category: 'FUTURE_CATEGORY', type: 'FUTURE_TYPE', tier: null, weight: 10 },
];

/** Per-unit rates in micro-units of the WABA currency (free types cost 0). */
const CATEGORY_RATE_MICROS: Record<string, number> = {
  MARKETING: 62_500,
  UTILITY: 8_000,
  AUTHENTICATION: 6_800,
  AUTHENTICATION_INTERNATIONAL: 30_000,
  SERVICE: 30_000,
  MARKETING_LITE: 62_500,
  MARKETING_LITE_DYNAMIC: 62_500,
  GROUP_MARKETING: 62_500,
  GROUP_MARKETING_LITE: 62_500,
  GROUP_UTILITY: 8_000,
  AI_BOT: 2_000,
};
const COUNTRY_RATE_FACTOR: Record<string, number> = { BR: 1, MX: 0.7, CO: 0.2, AR: 1, CL: 1.4, PE: 1.2 };
/** Sunday … Saturday. */
const WEEKDAY_FACTOR = [0.45, 1.0, 1.1, 1.1, 1.05, 0.95, 0.6];

export function createDataset(options: DatasetOptions = {}): FakeDataset {
  const timezoneId = options.timezoneId ?? '25';
  const timeZone = options.timeZone ?? ianaZoneForMetaTimezoneId(timezoneId);
  if (!timeZone) throw new Error(`fake graph: give timeZone for unmapped timezone_id ${timezoneId}`);
  return {
    seed: options.seed ?? 42,
    waba: {
      id: options.wabaId ?? '102290129340398',
      name: options.name ?? 'Atom Demo LatAm',
      currency: options.currency ?? 'BRL',
      country: options.country ?? 'BR',
      timezoneId,
      timeZone,
    },
    lines: linesOf(options.lineCount ?? 3),
    countries: COUNTRIES,
    firstDay: options.firstDay ?? 20240701,
    lastDay: options.lastDay ?? 20261231,
    newCategories: options.newCategories ?? false,
    lineTraffic: options.lineTraffic ?? [],
  };
}

const COUNTRIES = ['BR', 'MX', 'CO', 'AR', 'CL', 'PE'];
const DIALING: Record<string, string> = { BR: '55', MX: '52', CO: '57', AR: '54', CL: '56', PE: '51' };

function linesOf(count: number): FakeLine[] {
  const named = [
    line('109876543210001', '+55 11 4002-8922', 'Atom Demo Brasil', 'BR'),
    line('109876543210002', '+52 55 1234 5678', 'Atom Demo México', 'MX'),
    line('109876543210003', '+57 601 765 4321', 'Atom Demo Colombia', 'CO'),
  ];
  const lines = named.slice(0, count);
  for (let i = lines.length; i < count; i++) {
    const home = COUNTRIES[i % COUNTRIES.length];
    const n = String(i).padStart(4, '0');
    lines.push(line(String(109876543220000 + i), `+${DIALING[home]} 900 000 ${n}`, `Atom Line ${n}`, home));
  }
  return lines;
}

function line(id: string, displayPhoneNumber: string, verifiedName: string, home: string): FakeLine {
  return { id, displayPhoneNumber, verifiedName, digits: displayPhoneNumber.replace(/\D/g, ''), home };
}

function modelOfDay(day: DayKey): FakeModel {
  return day < SWITCH_DAY ? 'conversation' : 'message';
}

/**
 * From 2026-10-01 Meta labels only the service messages inside each phone number's 1,000 a month as
 * FREE_CUSTOMER_SERVICE; the rest, and utility templates inside the customer-service window, are REGULAR
 * (shared/reference/meta-2026.md §6).
 */
const ALLOWANCE_DAY: DayKey = 20261001;
const FREE_SERVICE_PER_LINE = 1000;
const FREE_SERVICE = 'FREE_CUSTOMER_SERVICE';

/** Every non-zero record of one calendar day (in the WABA zone). */
export function dailyRecords(ds: FakeDataset, day: DayKey): DailyRecord[] {
  const records = trafficOf(ds, day);
  return day < ALLOWANCE_DAY ? records : chargedBeyondAllowance(ds, day, records);
}

/** Each line's service messages of a day, remembered: a month's days each look back at the days before them. */
const serviceOfDay = new WeakMap<FakeDataset, Map<DayKey, Map<string, number>>>();

/** Service messages of each line before `day` in its month: the allowance they already took. */
function serviceBefore(ds: FakeDataset, day: DayKey): Map<string, number> {
  let days = serviceOfDay.get(ds);
  if (!days) serviceOfDay.set(ds, (days = new Map()));
  const used = new Map<string, number>();
  for (let d = day - (day % 100) + 1; d < day; d++) {
    let byLine = days.get(d);
    if (!byLine) {
      byLine = new Map();
      for (const r of trafficOf(ds, d)) {
        if (r.category === 'SERVICE' && r.type === FREE_SERVICE) {
          byLine.set(r.line.id, (byLine.get(r.line.id) ?? 0) + r.volume);
        }
      }
      days.set(d, byLine);
    }
    for (const [line, n] of byLine) used.set(line, (used.get(line) ?? 0) + n);
  }
  return used;
}

function chargedBeyondAllowance(ds: FakeDataset, day: DayKey, records: DailyRecord[]): DailyRecord[] {
  const used = serviceBefore(ds, day);
  const out: DailyRecord[] = [];
  const charge = (r: DailyRecord, category: string, volume: number, tier: string | null) => {
    const rate = Math.round(CATEGORY_RATE_MICROS[category] * COUNTRY_RATE_FACTOR[r.country]);
    const same = out.find(
      (o) => o.line === r.line && o.country === r.country && o.category === category && o.type === 'REGULAR',
    );
    if (same) {
      same.volume += volume;
      same.costMicros += volume * rate;
    } else {
      out.push({ ...r, category, type: 'REGULAR', tier, volume, costMicros: volume * rate });
    }
  };
  for (const r of records) {
    if (r.type !== FREE_SERVICE) out.push({ ...r });
  }
  for (const r of records) {
    if (r.type !== FREE_SERVICE) continue;
    if (r.category === 'UTILITY') {
      charge(r, 'UTILITY', r.volume, '0:100000');
      continue;
    }
    const taken = used.get(r.line.id) ?? 0;
    const free = Math.min(r.volume, Math.max(0, FREE_SERVICE_PER_LINE - taken));
    used.set(r.line.id, taken + r.volume);
    if (free > 0) out.push({ ...r, volume: free });
    if (r.volume > free) charge(r, 'SERVICE', r.volume - free, null);
  }
  return out;
}

/** What the lines sent on one day, every service message and in-window utility template labelled free. */
function trafficOf(ds: FakeDataset, day: DayKey): DailyRecord[] {
  if (day < ds.firstDay || day > ds.lastDay) return [];
  const model = modelOfDay(day);
  const { year, month, day: dom } = splitDayKey(day);
  const weekday = new Date(Date.UTC(year, month - 1, dom)).getUTCDay();
  const growth = 1 + 0.02 * ((year - 2024) * 12 + month);
  const records: DailyRecord[] = [];
  const pairs = ds.newCategories && model === 'message' ? [...PAIRS.message, ...NEW_PAIRS] : PAIRS[model];
  ds.lines.forEach((l, i) => {
    for (const country of ds.countries) {
      pairs.forEach((pair, p) => {
        const key = `${l.id}|${country}|${model}|${p}`;
        const home = (country === l.home ? 1 : 0.08) * (ds.lineTraffic[i] ?? 1);
        const base = pair.weight * home * (0.5 + unit(ds.seed, key));
        const noise = 0.8 + 0.4 * unit(ds.seed, `${key}|${day}`);
        const volume = Math.floor(base * WEEKDAY_FACTOR[weekday] * growth * noise);
        if (volume <= 0) return;
        const rate =
          pair.type === 'REGULAR'
            ? Math.round(CATEGORY_RATE_MICROS[pair.category] * COUNTRY_RATE_FACTOR[country])
            : 0;
        records.push({
          line: l,
          country,
          model,
          category: pair.category,
          type: pair.type,
          tier: pair.tier,
          volume,
          costMicros: volume * rate,
        });
      });
    }
  });
  return records;
}

export interface RecordFilter {
  /** Inclusive calendar days in the WABA zone. */
  fromDay: DayKey;
  toDay: DayKey;
  model?: FakeModel;
  /** Phone digits. */
  lines?: readonly string[];
  countries?: readonly string[];
  categories?: readonly string[];
  types?: readonly string[];
}

export function matchesFilter(r: DailyRecord, f: Omit<RecordFilter, 'fromDay' | 'toDay'>): boolean {
  return (
    (!f.model || r.model === f.model) &&
    (!f.lines?.length || f.lines.includes(r.line.digits)) &&
    (!f.countries?.length || f.countries.includes(r.country)) &&
    (!f.categories?.length || f.categories.includes(r.category)) &&
    (!f.types?.length || f.types.includes(r.type))
  );
}

export interface ExpectedTotals {
  volume: number;
  /** Volume of REGULAR records. */
  billable: number;
  costMicros: number;
  /** Records counted (one per line × country × category × type × day). */
  records: number;
}

/** Totals straight from the generator, day by day: the reference for checking the client end to end. */
export function expectedTotals(ds: FakeDataset, f: RecordFilter): ExpectedTotals {
  const totals: ExpectedTotals = { volume: 0, billable: 0, costMicros: 0, records: 0 };
  for (let day = f.fromDay; day <= f.toDay; day = addDays(day, 1)) {
    for (const r of dailyRecords(ds, day)) {
      if (!matchesFilter(r, f)) continue;
      totals.volume += r.volume;
      totals.costMicros += r.costMicros;
      if (r.type === 'REGULAR') totals.billable += r.volume;
      totals.records++;
    }
  }
  return totals;
}

/** Shorthand for the default dataset of a seed. */
export function expectedVolume(seed: number, f: RecordFilter): number {
  return expectedTotals(createDataset({ seed }), f).volume;
}

/** FNV-1a over the seed and key, then a mulberry32 step: a stable uniform number in [0, 1). */
export function unit(seed: number, key: string): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  let t = (h + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
