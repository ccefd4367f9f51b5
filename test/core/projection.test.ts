import { billedProjection } from '../../src/core/formulas/projection';
import { BOGOTA, MADRID, bogota, column } from './helpers';

// October 2025 has 31 days; 2025-10-01 is a Wednesday.
const dates = column('2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04');
const daily = column(10, 20, 30, 40);

describe('BILLED_PROJECTION', () => {
  it('linear (default): to_date ÷ day-of-month × days in month', () => {
    // 100 / 4 × 31 = 775
    expect(billedProjection({ dates, dailyBilled: daily }, BOGOTA)).toBe(775);
    expect(billedProjection({ dates, dailyBilled: daily, method: 'Linear' }, BOGOTA)).toBe(775);
  });

  it('trailing7 with fewer than 7 days so far: mean of the month so far × days remaining', () => {
    // 100 + 25 × 27 = 775
    expect(billedProjection({ dates, dailyBilled: daily, method: 'trailing7' }, BOGOTA)).toBe(775);
  });

  it('trailing7 uses the last 7 days ending at as_of, missing days as 0', () => {
    // Days 1..10 with day d = d, except day 9 missing (0). to_date = 55 - 9 = 46.
    // Last 7 days: 4..10 = 4+5+6+7+8+0+10 = 40 → mean 40/7; remaining 21 days → 46 + 120 = 166.
    const ds = [1, 2, 3, 4, 5, 6, 7, 8, 10].map((d) => `2025-10-${String(d).padStart(2, '0')}`);
    const vs = [1, 2, 3, 4, 5, 6, 7, 8, 10];
    expect(
      billedProjection({ dates: column(...ds), dailyBilled: column(...vs), method: 'trailing7' }, BOGOTA),
    ).toBe(166);
  });

  it('weekday: each remaining day takes the mean of its weekday so far, or the linear mean', () => {
    // as_of 2025-10-04 (Sat). Remaining days 5..31 (27 days). Weekdays seen: Wed(1)=10, Thu(2)=20, Fri(3)=30, Sat(4)=40.
    // Remaining Wed: 8,15,22,29 (4) → 40; Thu: 9,16,23,30 (4) → 80; Fri: 10,17,24,31 (4) → 120;
    // Sat: 11,18,25 (3) → 120; Sun/Mon/Tue: 5,12,19,26 / 6,13,20,27 / 7,14,21,28 (12) × linear mean 25 → 300.
    // 100 + 40 + 80 + 120 + 120 + 300 = 760
    expect(billedProjection({ dates, dailyBilled: daily, method: 'weekday' }, BOGOTA)).toBe(760);
  });

  it('adds rows of the same day, ignores later days and other months, counts missing days as 0', () => {
    const ds = column('2025-10-02', '2025-10-02', '2025-09-30', '2025-10-06', '2025-11-01');
    const vs = column(5, 5, 1000, 1000, 1000);
    // as_of 2025-10-05: to_date 10 over 5 days → 10 / 5 × 31 = 62
    expect(billedProjection({ dates: ds, dailyBilled: vs, asOf: '2025-10-05' }, BOGOTA)).toBe(62);
  });

  it('returns exactly to_date when as_of is the last day of the month, for every method', () => {
    const ds = column('2025-02-01', '2025-02-28');
    const vs = column(0.1, 0.2);
    for (const method of ['linear', 'trailing7', 'weekday']) {
      expect(billedProjection({ dates: ds, dailyBilled: vs, method }, BOGOTA)).toBe(0.3);
    }
  });

  it('reads Date cells as calendar days in the sheet zone', () => {
    // 2025-10-31 23:00 in Bogota is already 1 November in Madrid.
    const ds = column(bogota(2025, 10, 1), bogota(2025, 10, 31, 23));
    const vs = column(31, 31);
    expect(billedProjection({ dates: ds, dailyBilled: vs }, BOGOTA)).toBe(62);
    // In Madrid the latest date is 2025-11-01: only that day counts → 31 / 1 × 30 = 930.
    expect(billedProjection({ dates: ds, dailyBilled: vs }, MADRID)).toBe(930);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'an unknown method',
      { method: 'magic' },
      'BILLED_PROJECTION: method is not a projection method; use linear, trailing7, weekday ("magic")',
    ],
    [
      'a non-date',
      { dates: column('2025-10-01', 'x', '2025-10-03', '2025-10-04') },
      'BILLED_PROJECTION: dates row 2 is not a date ("x")',
    ],
    [
      'mismatched sizes',
      { dailyBilled: column(1, 2) },
      'BILLED_PROJECTION: daily_billed has 2 cells but dates has 4; they must be the same size',
    ],
    [
      'text in daily_billed',
      { dailyBilled: column(1, 2, 'n/a', 4) },
      'BILLED_PROJECTION: daily_billed row 3 is not a number ("n/a")',
    ],
    ['a bad as_of', { asOf: 'tomorrow' }, 'BILLED_PROJECTION: as_of is not a date ("tomorrow")'],
    [
      'a projection beyond the largest number (never Infinity)',
      { dailyBilled: column(1e308, 1e308, 0, 0) },
      'BILLED_PROJECTION: daily_billed projects a total beyond the largest number a cell holds',
    ],
    [
      'a time-only cell (Sheets stores it on 1899-12-30)',
      { dates: column(bogota(1899, 12, 30, 14, 30), '2025-10-02', '2025-10-03', '2025-10-04') },
      'BILLED_PROJECTION: dates row 1 is not a date (1899-12-30T19:30:00.000Z)',
    ],
    [
      'no dates at all',
      { dates: column('', ''), dailyBilled: column('', '') },
      'BILLED_PROJECTION: dates has no dates (and as_of is not given)',
    ],
  ])('rejects %s', (_what, change, message) => {
    expect(() => billedProjection({ dates, dailyBilled: daily, ...change }, BOGOTA)).toThrow(message);
  });
});
