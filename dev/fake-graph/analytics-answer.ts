/**
 * How the fake answers conversation_analytics / pricing_analytics: validates parameters the way Meta does (error
 * 100 naming the parameter), picks the calendar days whose midnight (in the WABA zone) falls in [start, end), and
 * sums the generator's daily records into DAILY or MONTHLY buckets by the requested dimensions.
 *
 * Assumptions where Meta is silent: conversation_analytics has no data from 2025-07-01 and pricing_analytics none
 * before; a MONTHLY bucket is the calendar month clipped to [start, end); zero-volume rows are not sent.
 */

import { addDays, dayKeyAt, type DayKey, splitDayKey, startOfDay, dayKeyOf } from '../../src/core/time';
import { dailyRecords, type FakeDataset, type FakeModel, matchesFilter } from './generator';
import { parseList } from './field-syntax';

export type AnalyticsEdge = 'conversation_analytics' | 'pricing_analytics';

export class GraphParamError extends Error {}

const DIMENSIONS: Record<AnalyticsEdge, Record<string, string>> = {
  conversation_analytics: {
    PHONE: 'phone_number',
    COUNTRY: 'country',
    CONVERSATION_CATEGORY: 'conversation_category',
    CONVERSATION_TYPE: 'conversation_type',
    CONVERSATION_DIRECTION: 'conversation_direction',
  },
  pricing_analytics: {
    PHONE: 'phone_number',
    COUNTRY: 'country',
    PRICING_CATEGORY: 'pricing_category',
    PRICING_TYPE: 'pricing_type',
    TIER: 'tier',
  },
};

export interface DataPoint {
  [key: string]: string | number;
}

/** All data points for one analytics request; throws GraphParamError for what Meta would reject with code 100. */
export function analyticsDataPoints(
  ds: FakeDataset,
  edge: AnalyticsEdge,
  params: Record<string, string | undefined>,
  withCost: boolean,
): DataPoint[] {
  const start = requiredTimestamp(params, 'start');
  const end = requiredTimestamp(params, 'end');
  const granularity = params.granularity;
  if (granularity !== 'DAILY' && granularity !== 'MONTHLY') {
    // HALF_HOUR is valid for Meta but this fake does not produce it.
    throw new GraphParamError('(#100) Param granularity must be one of {DAILY, MONTHLY} in this fake');
  }
  if (end <= start) throw new GraphParamError('(#100) Param end must be after start');
  const conversation = edge === 'conversation_analytics';
  const dimensions = parseList(params.dimensions).map((d) => d.toUpperCase());
  dimensions.forEach((d, i) => {
    if (!DIMENSIONS[edge][d]) {
      throw new GraphParamError(
        `(#100) Param dimensions[${i}] must be one of {${Object.keys(DIMENSIONS[edge]).join(', ')}}`,
      );
    }
  });
  if (
    dimensions.includes('TIER') &&
    !(dimensions.includes('PRICING_CATEGORY') && dimensions.includes('COUNTRY'))
  ) {
    throw new GraphParamError(
      '(#100) Param dimensions must include PRICING_CATEGORY and COUNTRY when TIER is requested',
    );
  }
  const metrics = parseList(params.metric_types).map((m) => m.toUpperCase());
  const volumeKey = conversation ? 'conversation' : 'volume';
  const wantVolume = !metrics.length || metrics.includes(conversation ? 'CONVERSATION' : 'VOLUME');
  const wantCost = !metrics.length || metrics.includes('COST');
  const model: FakeModel = conversation ? 'conversation' : 'message';
  const filter = {
    model,
    lines: parseList(params.phone_numbers).map((p) => p.replace(/\D/g, '')),
    countries: parseList(params.country_codes),
    categories: parseList(conversation ? params.conversation_categories : params.pricing_categories),
    types: parseList(conversation ? params.conversation_types : params.pricing_types),
  };
  const tz = ds.waba.timeZone;
  const buckets = new Map<string, { point: DataPoint; volume: number; costMicros: number }>();
  for (let day = dayKeyAt(start * 1000, tz); startOfDay(day, tz) < end * 1000; day = addDays(day, 1)) {
    const dayStart = startOfDay(day, tz) / 1000;
    if (dayStart < start) continue;
    const [bStart, bEnd] =
      granularity === 'DAILY'
        ? [dayStart, startOfDay(addDays(day, 1), tz) / 1000]
        : monthBucket(day, tz, start, end);
    for (const r of dailyRecords(ds, day)) {
      if (!matchesFilter(r, filter)) continue;
      const point: DataPoint = { start: bStart, end: bEnd };
      for (const d of dimensions) {
        const value = dimensionValue(d, r);
        if (value !== null) point[DIMENSIONS[edge][d]] = value;
      }
      const key = JSON.stringify(point);
      const bucket = buckets.get(key) ?? { point, volume: 0, costMicros: 0 };
      bucket.volume += r.volume;
      bucket.costMicros += r.costMicros;
      buckets.set(key, bucket);
    }
  }
  const points: DataPoint[] = [];
  for (const b of buckets.values()) {
    if (b.volume === 0) continue;
    const point = { ...b.point };
    if (wantVolume) point[volumeKey] = b.volume;
    if (wantCost && withCost) point.cost = b.costMicros / 1e6;
    points.push(point);
  }
  return points.sort((a, b) => Number(a.start) - Number(b.start));
}

function dimensionValue(d: string, r: ReturnType<typeof dailyRecords>[number]): string | null {
  switch (d) {
    case 'PHONE':
      return r.line.digits;
    case 'COUNTRY':
      return r.country;
    case 'CONVERSATION_CATEGORY':
    case 'PRICING_CATEGORY':
      return r.category;
    case 'CONVERSATION_TYPE':
    case 'PRICING_TYPE':
      return r.type;
    case 'CONVERSATION_DIRECTION':
      return 'UNKNOWN'; // since June 2023 Meta reports UNKNOWN direction on category rows
    default:
      return r.tier; // TIER: omitted on free rows
  }
}

function monthBucket(day: DayKey, tz: string, start: number, end: number): [number, number] {
  const { year, month } = splitDayKey(day);
  const first = startOfDay(dayKeyOf(year, month, 1), tz) / 1000;
  const next = startOfDay(month === 12 ? dayKeyOf(year + 1, 1, 1) : dayKeyOf(year, month + 1, 1), tz) / 1000;
  return [Math.max(first, start), Math.min(next, end)];
}

function requiredTimestamp(params: Record<string, string | undefined>, name: string): number {
  const raw = params[name];
  if (raw === undefined || raw === '') throw new GraphParamError(`(#100) The parameter ${name} is required`);
  if (!/^\d+$/.test(raw)) throw new GraphParamError(`(#100) Param ${name} must be a valid unix timestamp`);
  return Number(raw);
}
