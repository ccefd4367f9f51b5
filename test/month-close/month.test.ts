import {
  assertStarted,
  checkedGraceDays,
  defaultMonth,
  monthKey,
  monthNameSuffix,
  monthStatus,
  parseMonth,
} from '../../src/month-close/month';

const BOGOTA = 'America/Bogota';
/** Wall time in Bogota (UTC-5, no DST) as an instant. */
const at = (y: number, m: number, d: number, h = 12) => Date.UTC(y, m - 1, d, h + 5);

describe('parseMonth', () => {
  it('reads YYYY-MM', () => {
    expect(parseMonth('2025-10')).toEqual({ year: 2025, month: 10 });
    expect(monthKey(parseMonth(' 2026-01 '))).toBe('2026-01');
    expect(monthNameSuffix(parseMonth('2025-10'))).toBe('2025_10');
  });
  it.each(['2025-13', '2025-00', '2025-1', '10/2025', '', 202510, null])('refuses %p', (bad) => {
    expect(() => parseMonth(bad)).toThrow(/The month must be written YYYY-MM/);
  });
});

describe('defaultMonth: the previous month during the first 5 days, in the spreadsheet zone', () => {
  it.each([
    [at(2025, 11, 1, 0), '2025-10'],
    [at(2025, 11, 5, 23), '2025-10'],
    [at(2025, 11, 6, 0), '2025-11'],
    [at(2026, 1, 3), '2025-12'],
    [at(2025, 11, 30), '2025-11'],
  ])('%p → %s', (now, month) => {
    expect(monthKey(defaultMonth(now, BOGOTA))).toBe(month);
  });
  it('uses the zone, not UTC: 6 Nov 02:00 UTC is still 5 Nov in Bogota', () => {
    const now = Date.UTC(2025, 10, 6, 2);
    expect(monthKey(defaultMonth(now, BOGOTA))).toBe('2025-10');
    expect(monthKey(defaultMonth(now, 'Europe/Madrid'))).toBe('2025-11');
  });
});

describe('monthStatus: estimate until the month has ended plus the grace', () => {
  const oct = parseMonth('2025-10');
  it.each([
    [at(2025, 10, 15), 5, 'estimate'],
    [at(2025, 11, 5, 23), 5, 'estimate'],
    [at(2025, 11, 6, 0), 5, 'closed'],
    [at(2025, 11, 1, 0), 0, 'closed'],
    [at(2025, 10, 31, 23), 0, 'estimate'],
    [at(2025, 11, 10), 10, 'estimate'],
    [at(2025, 11, 11), 10, 'closed'],
  ])('at %p with %p grace days → %s', (now, grace, status) => {
    expect(monthStatus(oct, now, BOGOTA, grace)).toBe(status);
  });
});

it('a month not started yet is refused', () => {
  expect(() => assertStarted(parseMonth('2025-12'), at(2025, 11, 30), BOGOTA)).toThrow(
    '2025-12 has not started yet — choose this month or an earlier one',
  );
  expect(() => assertStarted(parseMonth('2025-11'), at(2025, 11, 1, 0), BOGOTA)).not.toThrow();
});

it('grace days: whole numbers 0–31', () => {
  expect(checkedGraceDays(0)).toBe(0);
  expect(checkedGraceDays(31)).toBe(31);
  for (const bad of [-1, 32, 2.5, '5', null]) expect(() => checkedGraceDays(bad)).toThrow(/0 to 31/);
});
