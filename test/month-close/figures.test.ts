import { monthFigures, type MetaUsageRow } from '../../src/month-close/figures';
import { parseMonth } from '../../src/month-close/month';

const row = (
  day: string,
  category: string,
  type: string,
  volume: number,
  cost: number | null = 0,
): MetaUsageRow => ({
  day,
  line: '551140028922',
  country: 'BR',
  pricingModel: day < '2025-07-01' ? 'conversation' : 'message',
  category,
  type,
  tier: null,
  volume,
  cost,
});

const NOV = parseMonth('2025-11');
const rows = [
  row('2025-11-01', 'MARKETING', 'REGULAR', 30, 1.875),
  row('2025-11-01', 'SERVICE', 'FREE_CUSTOMER_SERVICE', 50),
  row('2025-11-01', 'UTILITY', 'FREE_CUSTOMER_SERVICE', 7),
  row('2025-11-03', 'UTILITY', 'REGULAR', 6, 0.048),
  row('2025-11-03', 'MARKETING', 'FREE_ENTRY_POINT', 2),
  row('2025-10-31', 'MARKETING', 'REGULAR', 1000, 62.5),
];

describe('monthFigures', () => {
  it('billed units are REGULAR volume of the month only; cost summed without float noise', () => {
    const f = monthFigures(NOV, rows, 20251103, 'linear');
    expect(f.billedUnits).toBe(36);
    expect(f.cost).toBe(1.923);
    expect(f.pricingModel).toBe('message');
  });

  it('an open month: linear projection as BILLED_PROJECTION (36 ÷ 3 days × 30)', () => {
    const f = monthFigures(NOV, rows, 20251103, 'linear');
    expect(f.projection).toBe(360);
    expect(f.daily).toHaveLength(30);
    expect(f.daily.slice(0, 4)).toEqual([
      { day: '2025-11-01', billedUnits: 30, cumulative: 30, projectedCumulative: null },
      { day: '2025-11-02', billedUnits: 0, cumulative: 30, projectedCumulative: null },
      { day: '2025-11-03', billedUnits: 6, cumulative: 36, projectedCumulative: 36 },
      { day: '2025-11-04', billedUnits: null, cumulative: null, projectedCumulative: 36 + 324 / 27 },
    ]);
    expect(f.daily[29].projectedCumulative).toBe(360);
  });

  it('other methods are passed through', () => {
    expect(monthFigures(NOV, rows, 20251103, 'weekday').projection).toBe(366);
  });

  it('a closed month: no projection, every day filled', () => {
    const f = monthFigures(NOV, rows, null, 'linear');
    expect(f.projection).toBeNull();
    expect(f.daily.every((d) => d.projectedCumulative === null && d.cumulative !== null)).toBe(true);
    expect(f.daily[29].cumulative).toBe(36);
  });

  it('origin: inbound = service and free customer-service rows; outbound = template categories', () => {
    const f = monthFigures(NOV, rows, null, 'linear');
    expect(f.origin).toEqual({
      inbound: { volume: 57, billedUnits: 0 },
      outbound: { volume: 38, billedUnits: 36 },
    });
  });

  it('a row without cost (partner credit line) makes the cost null, never a partial sum', () => {
    const f = monthFigures(
      NOV,
      [...rows, row('2025-11-02', 'MARKETING', 'REGULAR', 1, null)],
      null,
      'linear',
    );
    expect(f.cost).toBeNull();
    expect(f.billedUnits).toBe(37);
  });

  it('pricing model: conversation before July 2025, by date when the month has no rows', () => {
    const june = parseMonth('2025-06');
    expect(
      monthFigures(june, [row('2025-06-02', 'SERVICE', 'REGULAR', 3)], null, 'linear').pricingModel,
    ).toBe('conversation');
    expect(monthFigures(june, [], null, 'linear').pricingModel).toBe('conversation');
    expect(monthFigures(NOV, [], null, 'linear')).toMatchObject({
      pricingModel: 'message',
      billedUnits: 0,
      cost: 0,
    });
  });

  it('an ended month in its grace is projected to exactly its total', () => {
    const f = monthFigures(NOV, rows, 20251130, 'trailing7');
    expect(f.projection).toBe(36);
    expect(f.daily[29]).toEqual({
      day: '2025-11-30',
      billedUnits: 0,
      cumulative: 36,
      projectedCumulative: 36,
    });
  });
});
