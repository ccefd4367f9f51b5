/**
 * BILLED_BY_GROUP and BILLED_BY_CAMPAIGN through the built bundle. Expected figures are worked out
 * from the issue's rules: share = weight ÷ total weight; exact = share × amount (written as the
 * fraction it is, which a single division rounds to the nearest double); whole/rounded = floors of
 * the quotas plus one unit each to the largest remainders (ties: larger weight, then earlier row).
 */
import { BilledSheet, ZONES, expectSheetTable } from './billed-sheet';

const GROUP_HEADER = {
  en: [
    'Group',
    'Closed conversations',
    'Share',
    'Billed exact',
    'Billed whole',
    'Cost exact',
    'Cost rounded',
  ],
  es: [
    'Grupo',
    'Conversaciones cerradas',
    'Participación',
    'Facturado exacto',
    'Facturado entero',
    'Costo exacto',
    'Costo redondeado',
  ],
};
const CAMPAIGN_HEADER = {
  en: ['Campaign', 'Conversations', 'Share', 'Cost exact', 'Cost rounded'],
  es: ['Campaña', 'Conversaciones', 'Participación', 'Costo exacto', 'Costo redondeado'],
};

/** The issue's example: 2 / 3 / 5 closed conversations, billed 7, cost 10.01. */
const ISSUE_GROUPS = ['Ventas', 'Soporte', 'Cobranza'];
const ISSUE_CLOSED = [2, 3, 5];
const ISSUE_TABLE_ROWS = [
  // quotas 1.4 / 2.1 / 3.5 → floors 1/2/3, the spare unit to .5; cents 200.2 / 300.3 / 500.5 → +1 to .5
  ['Ventas', 2, 0.2, 1.4, 1, 2.002, 2],
  ['Soporte', 3, 0.3, 2.1, 2, 3.003, 3],
  ['Cobranza', 5, 0.5, 3.5, 4, 5.005, 5.01],
  ['Total', 10, 1, 7, 7, 10.01, 10.01],
];

describe.each(ZONES)('BILLED_BY_GROUP in a %s spreadsheet', (timeZone) => {
  const byGroup = (locale: string, groups: unknown[], closed: unknown[], ...rest: unknown[]) =>
    expectSheetTable(new BilledSheet(timeZone, locale).call('BILLED_BY_GROUP', [groups, closed], ...rest));

  it("splits the issue's example into whole units 1/2/4 and cents 2.00/3.00/5.01", () => {
    expect(byGroup('en_US', ISSUE_GROUPS, ISSUE_CLOSED, 7, 10.01)).toEqual([
      GROUP_HEADER.en,
      ...ISSUE_TABLE_ROWS,
    ]);
  });

  it('returns five columns when no cost is given, and reads a row range like a column', () => {
    const sheet = new BilledSheet(timeZone);
    const expected = [GROUP_HEADER.en.slice(0, 5), ...ISSUE_TABLE_ROWS.map((r) => r.slice(0, 5))];
    expect(sheet.call('BILLED_BY_GROUP', [ISSUE_GROUPS, ISSUE_CLOSED], 7)).toEqual(expected);
    expect(sheet.callAcross('BILLED_BY_GROUP', [ISSUE_GROUPS, ISSUE_CLOSED], 7)).toEqual(expected);
  });

  it.each([
    ['es_ES', GROUP_HEADER.es, '(sin grupo)'],
    ['es_CO', GROUP_HEADER.es, '(sin grupo)'],
    ['en_US', GROUP_HEADER.en, '(no group)'],
    ['pt_BR', GROUP_HEADER.en, '(no group)'],
  ])('in %s: headers and the blank group label, columns in the same order', (locale, header, blank) => {
    // Ventas 2+0 and Soporte 2+0 (an empty weight cell is 0), blank 1; the last row, blank in both
    // ranges, is skipped. Total 5, billed 2: quotas 0.8 / 0.4 / 0.8 → floors 0, the two spare
    // units to the two .8 remainders; cost 1 = 100 cents: 40 / 20 / 40 exactly.
    const groups = ['Ventas', '', 'Soporte', 'Ventas', 'Soporte', ''];
    const table = byGroup(locale, groups, [2, 1, 2, '', '', ''], 2, 1);
    expect(table).toEqual([
      header,
      ['Ventas', 2, 2 / 5, 4 / 5, 1, 2 / 5, 0.4],
      [blank, 1, 1 / 5, 2 / 5, 0, 1 / 5, 0.2],
      ['Soporte', 2, 2 / 5, 4 / 5, 1, 2 / 5, 0.4],
      ['Total', 5, 1, 2, 2, 1, 1],
    ]);
  });

  it.each([
    // weights 1 / 3, billed 2: quotas 0.5 / 1.5, equal remainders → the larger weight gets the unit
    { groups: ['A', 'B'], closed: [1, 3], billed: 2, whole: [0, 2] },
    // equal weights, billed 2: quotas 2/3 each → the two earliest rows get the units
    { groups: ['A', 'B', 'C'], closed: [1, 1, 1], billed: 2, whole: [1, 1, 0] },
  ])('breaks largest-remainder ties by weight, then by order: $closed of $billed', (c) => {
    const table = byGroup('en_US', c.groups, c.closed, c.billed);
    expect(table.slice(1, -1).map((row) => row[4])).toEqual(c.whole);
    expect(table.at(-1)?.[4]).toBe(c.billed);
  });

  it.each([
    // cost 10 over equal thirds: 333.33… units of 1/100 or 3.33… of 1 → spare units to the earliest rows
    { decimals: 0, rounded: [4, 3, 3], total: 10 },
    { decimals: 2, rounded: [3.34, 3.33, 3.33], total: 10 },
    { decimals: 4, rounded: [3.3334, 3.3333, 3.3333], total: 10 },
  ])('rounds the cost to $decimals decimals on minor units, summing to the total', (c) => {
    const table = byGroup('en_US', ['A', 'B', 'C'], [1, 1, 1], 3, 10, c.decimals);
    expect(table.slice(1, -1).map((row) => row[5])).toEqual([10 / 3, 10 / 3, 10 / 3]);
    expect(table.slice(1).map((row) => row[6])).toEqual([...c.rounded, c.total]);
  });

  it('keeps whole units exact up to 2^53 − 1, and decimal weights exact', () => {
    const billed = Number.MAX_SAFE_INTEGER; // 9007199254740991 = 3 × 3002399751580330 + 1
    const table = byGroup('en_US', ['A', 'B', 'C'], [0.1, 0.1, 0.1], billed, 0.3);
    expect(table.slice(1).map((row) => row.slice(1, 3))).toEqual([
      [0.1, 1 / 3],
      [0.1, 1 / 3],
      [0.1, 1 / 3],
      [0.3, 1],
    ]);
    const q = 3002399751580330;
    expect(table.slice(1).map((row) => row[4])).toEqual([q + 1, q, q, billed]);
    // cost 0.30 = 30 cents: 10 each, exactly
    expect(table.slice(1).map((row) => row[6])).toEqual([0.1, 0.1, 0.1, 0.3]);
  });

  it('allows all-zero weights only when there is nothing to split', () => {
    expect(byGroup('en_US', ['A', 'B'], [0, 0], 0)).toEqual([
      GROUP_HEADER.en.slice(0, 5),
      ['A', 0, 0, 0, 0],
      ['B', 0, 0, 0, 0],
      ['Total', 0, 0, 0, 0],
    ]);
  });
});

describe.each(ZONES)('BILLED_BY_CAMPAIGN in a %s spreadsheet', (timeZone) => {
  // Black Friday 120+30, Welcome 50, Reactivation 100 → 150 / 50 / 100 of 300; cost 1250.50 = 125050 cents:
  // quotas 62525 / 20841.67 / 41683.33 → floors sum to 125049, the spare cent to Welcome (.67).
  const campaigns = ['Black Friday', 'Welcome', 'Black Friday', 'Reactivation'];
  const conversations = [120, 50, 30, 100];

  it.each([
    ['en_US', CAMPAIGN_HEADER.en],
    ['es_CO', CAMPAIGN_HEADER.es],
  ])('in %s: aggregates repeated campaigns and splits the cost to the cent', (locale, header) => {
    const sheet = new BilledSheet(timeZone, locale);
    const table = expectSheetTable(sheet.call('BILLED_BY_CAMPAIGN', [campaigns, conversations], 1250.5));
    expect(table).toEqual([
      header,
      ['Black Friday', 150, 1 / 2, 1250.5 / 2, 625.25],
      ['Welcome', 50, 1 / 6, 1250.5 / 6, 208.42],
      ['Reactivation', 100, 1 / 3, 1250.5 / 3, 416.83],
      ['Total', 300, 1, 1250.5, 1250.5],
    ]);
  });

  it('takes the cost from a cell and a currency without decimals', () => {
    const sheet = new BilledSheet(timeZone);
    sheet.rt.spreadsheet.setValues('Data!Z1', [[1001]]);
    // 1001 over 150/50/100: quotas 500.5 / 166.83 / 333.67 → floors 999, spares to .83 and .67
    const table = expectSheetTable(
      sheet.call('BILLED_BY_CAMPAIGN', [campaigns, conversations], sheet.rt.range('Data!Z1'), 0),
    );
    expect(table.slice(1).map((row) => row[4])).toEqual([500, 167, 334, 1001]);
  });
});
