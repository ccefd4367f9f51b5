/**
 * The month's figures from Meta's daily rows: billed units (REGULAR volume), cost, pricing model, the daily series
 * with its cumulative and projection, and the inbound/outbound origin split.
 */
import { PROJECTION_METHODS, projectMonthEnd, type ProjectionMethod } from '../core/projection/month-end';
import { dayKeyToIso, daysInMonth, type DayKey } from '../core/time';
import { MESSAGE_PRICING_FROM } from '../core/pricing/rules';
import { sumCosts } from '../core/exact/cost-sum';
import { firstDay, MonthCloseInputError, type CalendarMonth } from './month';

/** One of Meta's daily buckets, normalised (src/meta's AnalyticsRow has this shape). */
export interface MetaUsageRow {
  /** yyyy-MM-dd in the WABA's zone. */
  day: string;
  line: string | null;
  country: string | null;
  pricingModel: 'conversation' | 'message';
  category: string | null;
  type: string | null;
  tier: string | null;
  volume: number;
  cost: number | null;
  /** Set on rows of another currency than the connected account's (an account it replaced, a stored row). */
  currency?: string;
}

export type MonthPricingModel = 'conversation' | 'message' | 'mixed';

export interface DailyPoint {
  day: string;
  /** null for days after the as-of day of an open month (they have not happened). */
  billedUnits: number | null;
  cumulative: number | null;
  /** Only for an open month, from the as-of day on. */
  projectedCumulative: number | null;
}

export interface OriginLine {
  volume: number;
  billedUnits: number;
}

export interface MonthFigures {
  billedUnits: number;
  /** null when any row came without cost (partner credit line): never a partial sum. */
  cost: number | null;
  pricingModel: MonthPricingModel;
  /** Month-end projection of billed units; null when not projected (closed month). */
  projection: number | null;
  daily: DailyPoint[];
  origin: { inbound: OriginLine; outbound: OriginLine };
}

export function checkedProjectionMethod(method: unknown): ProjectionMethod {
  if (method === undefined || method === null || method === '') return 'linear';
  if (typeof method === 'string' && (PROJECTION_METHODS as readonly string[]).includes(method)) {
    return method as ProjectionMethod;
  }
  throw new MonthCloseInputError(`The projection method must be one of ${PROJECTION_METHODS.join(', ')}`);
}

/**
 * Inbound = user-initiated: the service category and every free customer-service row (a utility template inside
 * the customer's window is an answer to them). Outbound = business-initiated: the template categories.
 */
export function isInbound(row: Pick<MetaUsageRow, 'category' | 'type'>): boolean {
  return row.category === 'SERVICE' || row.type === 'FREE_CUSTOMER_SERVICE';
}

/** The type of Meta's billed rows; every other type (free tiers, entry points, customer service) is free. */
export const BILLABLE_TYPE = 'REGULAR';

export function isBillable(row: Pick<MetaUsageRow, 'type'>): boolean {
  return row.type === BILLABLE_TYPE;
}

/**
 * `asOfDay`: the last day counted for an open month (today in the WABA's zone, or the month's last day once it has
 * ended); null for a closed month, which gets no projection.
 */
export function monthFigures(
  month: CalendarMonth,
  rows: readonly MetaUsageRow[],
  asOfDay: DayKey | null,
  method: ProjectionMethod,
): MonthFigures {
  const days = daysInMonth(month.year, month.month);
  const start = firstDay(month);
  const prefix = `${dayKeyToIso(start).slice(0, 7)}-`;
  const dailyUnits = new Array<number>(days).fill(0);
  const origin = { inbound: { volume: 0, billedUnits: 0 }, outbound: { volume: 0, billedUnits: 0 } };
  const models = new Set<string>();
  for (const row of rows) {
    if (!row.day.startsWith(prefix)) continue;
    const index = Number(row.day.slice(8, 10)) - 1;
    models.add(row.pricingModel);
    const billed = isBillable(row) ? row.volume : 0;
    dailyUnits[index] += billed;
    const side = isInbound(row) ? origin.inbound : origin.outbound;
    side.volume += row.volume;
    side.billedUnits += billed;
  }
  const monthRows = rows.filter((row) => row.day.startsWith(prefix));
  const billedUnits = dailyUnits.reduce((s, v) => s + v, 0);
  const asOfIndex = asOfDay === null ? null : Math.min(days, Math.max(1, asOfDay - start + 1));
  const projection =
    asOfIndex === null
      ? null
      : projectMonthEnd(
          { amounts: dailyUnits.slice(0, asOfIndex).map((v) => BigInt(v)), scale: 0, daysInMonth: days },
          method,
        );
  return {
    billedUnits,
    cost: sumCosts(monthRows.map((row) => row.cost)),
    pricingModel: pricingModelOf(models, start),
    projection,
    daily: dailySeries(month, dailyUnits, asOfIndex, projection),
    origin,
  };
}

function pricingModelOf(models: ReadonlySet<string>, start: DayKey): MonthPricingModel {
  if (models.size > 1) return 'mixed';
  if (models.size === 1) return models.has('message') ? 'message' : 'conversation';
  return start >= MESSAGE_PRICING_FROM ? 'message' : 'conversation';
}

/**
 * Cumulative up to the as-of day (blank after it: those days have not happened); the projected cumulative grows
 * linearly from the as-of day's cumulative to the projection at the month's end, so the chart's two lines meet.
 */
function dailySeries(
  month: CalendarMonth,
  dailyUnits: readonly number[],
  asOfIndex: number | null,
  projection: number | null,
): DailyPoint[] {
  const days = dailyUnits.length;
  const start = firstDay(month);
  const points: DailyPoint[] = [];
  let cumulative = 0;
  let atAsOf = 0;
  for (let i = 0; i < days; i++) {
    cumulative += dailyUnits[i];
    if (asOfIndex !== null && i + 1 === asOfIndex) atAsOf = cumulative;
    const happened = asOfIndex === null || i < asOfIndex;
    points.push({
      day: dayKeyToIso(start + i),
      billedUnits: happened ? dailyUnits[i] : null,
      cumulative: happened ? cumulative : null,
      projectedCumulative: null,
    });
  }
  if (asOfIndex === null || projection === null) return points;
  const remaining = days - asOfIndex;
  for (let i = asOfIndex - 1; i < days; i++) {
    const after = i + 1 - asOfIndex;
    points[i].projectedCumulative =
      remaining === 0 ? projection : atAsOf + ((projection - atAsOf) * after) / remaining;
  }
  return points;
}
