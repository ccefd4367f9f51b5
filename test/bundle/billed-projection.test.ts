/**
 * BILLED_PROJECTION through the built bundle, with month-end figures worked out by hand from the
 * issue's three methods (linear, trailing7, weekday) over the days of as_of's month up to as_of.
 */
import { BilledSheet, ZONES, type Zone } from './billed-sheet';

/** A day (or local date-time) and its billed figure; "as text" rows are seeded as ISO text, not a date cell. */
type DailyRow = readonly [day: string, billed: number, seeded?: 'as text'];

/**
 * October 2025 (31 days; the 1st is a Wednesday), rows deliberately out of order: Oct 3 is missing
 * (counts 0), Oct 7 has two rows (5 + 5), Sep 30 is another month and Oct 11 lies after as_of = Oct 10.
 * Days 1–10: 10, 20, 0, 30, 10, 20, 10, 30, 10, 20 → to date 160; with Oct 11, 660.
 */
const OCTOBER: readonly DailyRow[] = [
  ['2025-10-11', 500],
  ['2025-10-01 08:15', 10],
  ['2025-09-30 23:59', 1000],
  ['2025-10-02', 20],
  ['2025-10-04', 30],
  ['2025-10-05', 10],
  ['2025-10-07 00:00', 5],
  ['2025-10-06', 20],
  ['2025-10-08', 30, 'as text'],
  ['2025-10-07 23:59', 5],
  ['2025-10-09', 10],
  ['2025-10-10', 20],
];

describe.each(ZONES)('BILLED_PROJECTION in a %s spreadsheet', (timeZone) => {
  function project(rows: readonly DailyRow[], ...rest: unknown[]): unknown {
    const sheet = new BilledSheet(timeZone);
    const dates = rows.map(([day, , seeded]) => (seeded ? day : sheet.at(day)));
    const values = rows.map(([, billed]) => billed);
    return sheet.call('BILLED_PROJECTION', [dates, values], ...rest);
  }
  const october = (...rest: unknown[]) => project(OCTOBER, ...rest);

  it.each([
    // 160 ÷ 10 × 31
    ['linear', 496],
    // mean of Oct 4–10 = 130 / 7, times the 21 days after as_of: 160 + 390
    ['trailing7', 550],
    // Oct 11–31 is three of every weekday; weekday means so far: Wed (10+30)/2 = 20, Thu (20+10)/2 = 15,
    // Fri (0+20)/2 = 10, Sat 30, Sun 10, Mon 20, Tue 10 → 160 + 3 × 115
    ['weekday', 505],
  ])('projects October as of the 10th, %s → %d', (method, expected) => {
    expect(october('2025-10-10', method)).toBe(expected);
  });

  it('defaults to linear as of the latest date given (Oct 11): 660 ÷ 11 × 31', () => {
    expect(october()).toBe(1860);
    expect(october('', '')).toBe(1860);
  });

  it.each(['linear', 'trailing7', 'weekday'])(
    'as of the month’s last day gives exactly the total to date (%s → 660)',
    (method) => {
      const lastDay = new BilledSheet(timeZone).at('2025-10-31 18:00'); // a date cell with a time
      expect(october(lastDay, method)).toBe(660);
      expect(october('2025-10-31', method)).toBe(660);
    },
  );

  it.each([
    // November 2025 has 30 days and starts on a Saturday: Sat 30, Sun 0, Mon 6 → 36 to date.
    ['linear', 360], // 36 ÷ 3 × 30
    ['trailing7', 360], // fewer than 7 days: mean 12 over the 27 days left
    // Nov 4–30 holds four of each weekday except three Mondays; Tue–Fri have no day yet → linear mean 12:
    // 36 + 4 × 12 × 4 + 4 × 30 + 4 × 0 + 3 × 6
    ['weekday', 366],
  ])('projects November as of the 3rd, %s → %d', (method, expected) => {
    const november: DailyRow[] = [
      ['2025-11-01', 30],
      ['2025-11-02', 0],
      ['2025-11-03', 6],
    ];
    expect(project(november, '2025-11-03', method)).toBe(expected);
  });

  it('keeps full precision on decimal figures: (0.1 + 0.2) ÷ 2 × 30 is 4.5, not 4.500000000000001', () => {
    const rows: DailyRow[] = [
      ['2025-11-01', 0.1],
      ['2025-11-02', 0.2],
    ];
    expect(project(rows)).toBe(4.5);
  });
});

/**
 * One instant, two calendars: 2025-11-01T03:00Z is Nov 1 04:00 in Madrid but Oct 31 22:00 in Bogotá,
 * so the month and the latest day follow the spreadsheet's zone.
 */
describe.each<[Zone, number, number]>([
  // latest day Nov 1: 100 ÷ 1 × 30; as of Oct 31 only the Oct 1 row counts
  ['Europe/Madrid', 3000, 31],
  // latest day Oct 31, the month's last day: 31 + 100 either way
  ['America/Bogota', 131, 131],
])('BILLED_PROJECTION near midnight in a %s spreadsheet', (timeZone, byLatest, asOfOct31) => {
  it('reads each date cell’s day in the spreadsheet’s zone', () => {
    const sheet = new BilledSheet(timeZone);
    const dates = [new Date('2025-10-01T12:00:00Z'), new Date('2025-11-01T03:00:00Z')];
    expect(sheet.call('BILLED_PROJECTION', [dates, [31, 100]])).toBe(byLatest);
    expect(sheet.call('BILLED_PROJECTION', [dates, [31, 100]], '2025-10-31')).toBe(asOfOct31);
  });
});
