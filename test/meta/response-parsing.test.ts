import {
  approximateCost,
  billableUnits,
  dataPointsOf,
  normaliseDataPoint,
  type AnalyticsRow,
} from '../../src/meta/analytics';
import { MetaCostUnavailableError, MetaResponseError } from '../../src/meta/errors';
import { thrown } from './helpers';

// Shapes from Meta's analytics doc (field form) and from the edge form seen in public clients.
const point = {
  start: 1749106800,
  end: 1749193200,
  country: 'IN',
  tier: '0:750000',
  pricing_type: 'REGULAR',
  pricing_category: 'AUTHENTICATION_INTERNATIONAL',
  volume: 2,
  cost: 4.6,
};

describe('analytics response forms', () => {
  test('field form {"pricing_analytics":{"data":[{"data_points":[…]}]}}', () => {
    const body = { pricing_analytics: { data: [{ data_points: [point] }] }, id: '1' };
    expect(dataPointsOf(body, 'pricing_analytics')).toEqual([point]);
  });

  test('edge form {"data":[{"data_points":[…]}]}', () => {
    expect(dataPointsOf({ data: [{ data_points: [point, point] }] }, 'pricing_analytics')).toHaveLength(2);
  });

  test('several data entries are concatenated', () => {
    const body = { data: [{ data_points: [point] }, { data_points: [point] }] };
    expect(dataPointsOf(body, 'pricing_analytics')).toHaveLength(2);
  });

  test('a field expansion with no activity may come back as just the id', () => {
    expect(dataPointsOf({ id: '102290129340398' }, 'conversation_analytics')).toEqual([]);
  });

  test('any other shape is an error, never "no data"', () => {
    expect(() => dataPointsOf({ something: [] }, 'pricing_analytics')).toThrow(MetaResponseError);
    expect(() => dataPointsOf({ data: [{ points: [] }] }, 'pricing_analytics')).toThrow(MetaResponseError);
    expect(() => dataPointsOf([], 'pricing_analytics')).toThrow(MetaResponseError);
  });
});

describe('normaliseDataPoint', () => {
  test('a per-message row; its day is the bucket start in the WABA zone', () => {
    // 1749106800 = 2025-06-05T07:00Z = midnight in Los Angeles (PDT).
    expect(normaliseDataPoint(point, 'pricing_analytics', 'America/Los_Angeles')).toEqual({
      start: 1749106800,
      end: 1749193200,
      day: '2025-06-05',
      line: null,
      country: 'IN',
      pricingModel: 'message',
      category: 'AUTHENTICATION_INTERNATIONAL',
      type: 'REGULAR',
      tier: '0:750000',
      volume: 2,
      cost: 4.6,
    });
  });

  test('the same instant is the previous day in a zone west of it', () => {
    // Honolulu is UTC-10: 2025-06-05T07:00Z is 21:00 on 2025-06-04 there.
    expect(normaliseDataPoint(point, 'pricing_analytics', 'Pacific/Honolulu').day).toBe('2025-06-04');
  });

  test('a conversation row: count from "conversation", FREE_ENTRY spelled as in the SDK enum', () => {
    const row = normaliseDataPoint(
      {
        start: 1685602800,
        end: 1688194800,
        conversation: 1558,
        phone_number: '15550458206',
        country: 'US',
        conversation_type: 'FREE_ENTRY',
        conversation_category: 'MARKETING',
      },
      'conversation_analytics',
      'America/Los_Angeles',
    );
    expect(row).toMatchObject({
      day: '2023-06-01',
      line: '15550458206',
      pricingModel: 'conversation',
      category: 'MARKETING',
      type: 'FREE_ENTRY_POINT',
      tier: null,
      volume: 1558,
      cost: null,
    });
  });

  test('a data point without a volume is rejected', () => {
    expect(() => normaliseDataPoint({ start: 1, end: 2, cost: 1 }, 'pricing_analytics', 'UTC')).toThrow(
      MetaResponseError,
    );
  });
});

describe('billable units and cost', () => {
  const row = (type: string, volume: number, cost: number | null): AnalyticsRow => ({
    start: 0,
    end: 86400,
    day: '1970-01-01',
    line: null,
    country: 'BR',
    pricingModel: 'message',
    category: 'UTILITY',
    type,
    tier: null,
    volume,
    cost,
  });

  test('billable units are the volume of REGULAR rows only', () => {
    expect(
      billableUnits([row('REGULAR', 10, 1), row('FREE_CUSTOMER_SERVICE', 7, 0), row('REGULAR', 5, 0.5)]),
    ).toBe(15);
  });

  test('cost sums every row', () => {
    expect(approximateCost([row('REGULAR', 10, 1.25), row('FREE_ENTRY_POINT', 7, 0)])).toBeCloseTo(1.25, 10);
  });

  test('a row without cost (partner credit line) makes cost unavailable, with a message saying so', () => {
    const e = thrown(() => approximateCost([row('REGULAR', 10, 1), row('REGULAR', 1, null)]));
    expect(e).toBeInstanceOf(MetaCostUnavailableError);
    expect(e.message).toMatch(/partner's credit line/);
  });
});
