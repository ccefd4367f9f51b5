/**
 * BILLED_COST through the built bundle on a hand-computed Atom log (Bogotá spreadsheet), priced from the fixture
 * BRL cards of July and October 2025.
 */
import { BilledSheet } from './billed-sheet';
import { BRL_JULY, BRL_OCTOBER, importCard, importFixture } from './rate-helpers';

function sheetWithCards(): BilledSheet {
  const sheet = new BilledSheet('America/Bogota');
  importFixture(sheet.rt, BRL_JULY);
  importFixture(sheet.rt, BRL_OCTOBER);
  return sheet;
}

const CO = '+57 300 123 4567';
const DO = '+1 809 555 1234';
const MX = '+52 55 1234 5678';
const US = '+1 212 555 0100';
const BR = '+55 11 94002 8922';

/**
 * [timestamp, contact, kind, country, what it costs (BRL, from the fixture cards)]
 * Total 1.0785 → 1.08 (rounded once, half away from zero).
 */
const LOG: [string, string, string, string, string][] = [
  ['2025-09-30 10:00', CO, 'user', '', 'opens the service window'],
  ['2025-09-30 11:00', CO, 'utility', '', 'free: inside the window'],
  ['2025-09-30 11:30', CO, 'marketing', '', 'Colombia marketing, July card: 0.0625'],
  ['2025-10-01 12:00', CO, 'utility', '', 'window closed at 10:00: Colombia utility, October card: 0.0095'],
  ['2025-10-01 12:00', DO, 'marketing', '', '+1 809 → Dominican Republic → Rest of Latin America: 0.3700'],
  ['2025-10-02 08:00', DO, 'authentication', 'DO', 'Rest of Latin America authentication: 0.0565'],
  ['2025-10-02 09:00', MX, 'marketing', 'MX', 'Mexico marketing, October card: 0.2050'],
  ['2025-10-02 09:05', MX, 'marketing', 'Mexico', 'each message charged: 0.2050'],
  ['2025-10-03 10:00', MX, 'service', 'mx', 'free: service messages before October 2026'],
  ['2025-10-03 10:00', US, 'utility', '', '+1 212 → North America utility: 0.0200'],
  [
    '2025-10-04 10:00',
    BR,
    'authentication_international',
    'BR',
    'Brazil authentication-international: 0.1500',
  ],
];

function args(sheet: BilledSheet, log = LOG) {
  return [
    log.map((r) => sheet.at(r[0])),
    log.map((r) => r[1]),
    log.map((r) => r[2]),
    log.map((r) => r[3]),
  ] as const;
}

describe('BILLED_COST', () => {
  it('prices a hand-computed log: 1.0785 BRL → 1.08, one read of the Rate cards sheet', () => {
    const sheet = sheetWithCards();
    sheet.rt.resetCounters();
    expect(sheet.call('BILLED_COST', args(sheet))).toBe(1.08);
    expect(sheet.rt.counters['Range.getValues']).toBe(1);
  });

  it('the same log without its charged messages costs 0; in a currency without a card it says which to import', () => {
    const sheet = sheetWithCards();
    const free = LOG.filter((r) => /^(free|opens)/.test(r[4]));
    expect(sheet.call('BILLED_COST', args(sheet, free))).toBe(0);
    expect(() => sheet.call('BILLED_COST', args(sheet), undefined, 'USD')).toThrow(
      /^BILLED_COST: no USD rate card covers 2025-09-30 — import Meta's rate card in the sidebar/,
    );
  });

  it('names the row for a bad or contradictory country, and an unknown calling code', () => {
    const sheet = sheetWithCards();
    const bad = LOG.map((r, i): typeof r => (i === 6 ? [r[0], r[1], r[2], 'Mexicó City', r[4]] : r));
    expect(() => sheet.call('BILLED_COST', args(sheet, bad))).toThrow(
      'BILLED_COST: countries row 7 is not a country (an ISO code such as CO, or its name) ("Mexicó City")',
    );
    const clash = LOG.map((r, i): typeof r => (i === 7 ? [r[0], r[1], r[2], 'CO', r[4]] : r));
    expect(() => sheet.call('BILLED_COST', args(sheet, clash))).toThrow(
      'BILLED_COST: countries row 8 gives CO but row 7 gave MX for the same contact ("CO")',
    );
    const unknown: typeof LOG = [['2025-10-01 10:00', '+999 123 4567', 'marketing', '', '']];
    expect(() => sheet.call('BILLED_COST', args(sheet, unknown))).toThrow(
      'BILLED_COST: countries row 1 is blank and +9991234567 has no calling code the add-on knows — give the country',
    );
  });

  it('a charged market the card has no rate for is an error naming card, market and country', () => {
    const sheet = sheetWithCards();
    const service: typeof LOG = [['2025-10-01 10:00', US, 'authentication_international', '', '']];
    expect(() => sheet.call('BILLED_COST', args(sheet, service))).toThrow(
      'BILLED_COST: the BRL card effective 2025-10-01 has no authentication-international rate for North America (n/a) (the market of United States (US))',
    );
  });
});

describe('BILLED_COST under the 2026-10-01 rule, with lines', () => {
  const OCT_2026 =
    'Cost per message in BRL on the WhatsApp Business Platform, effective October 1, 2026\r\n' +
    'Market,Currency,Marketing,Utility,Authentication,"Authentication-\nInternational",Service\r\n' +
    'Colombia,BRL,0.0625,0.0100,0.0090,0.0300,0.0100\r\n';

  it('in-window utility is charged, and service beyond 1,000 a month per line, at the card’s service rate', () => {
    const sheet = new BilledSheet('America/Bogota');
    importCard(sheet.rt, 'brl-2026-10.csv', OCT_2026);
    const lineA = '+57 601 000 0001';
    const lineB = '+57 601 000 0002';
    const rows: [string, string, string, string, string][] = [
      ['2026-10-05 10:00', CO, 'user', '', lineA],
      ['2026-10-05 10:30', CO, 'utility', '', lineA], // inside the window, charged since 2026-10-01: 0.0100
    ];
    // 1,002 service messages on line A (2 beyond its 1,000 free: 2 × 0.0100), 5 on line B (all free).
    for (let i = 0; i < 1002; i++)
      rows.push([`2026-10-${String(6 + (i % 20)).padStart(2, '0')} 09:00`, CO, 'service', 'CO', lineA]);
    for (let i = 0; i < 5; i++) rows.push(['2026-10-07 09:00', '+57 300 999 0000', 'service', '', lineB]);
    const ranges = [
      rows.map((r) => sheet.at(r[0])),
      rows.map((r) => r[1]),
      rows.map((r) => r[2]),
      rows.map((r) => r[3]),
      rows.map((r) => r[4]),
    ];
    expect(sheet.call('BILLED_COST', ranges)).toBe(0.03);
    // Without lines the whole log is one line: 1,007 service messages, 7 charged.
    expect(sheet.call('BILLED_COST', ranges.slice(0, 4))).toBe(0.08);
  });
});

describe('the README example', () => {
  it('returns 0.58', () => {
    const sheet = sheetWithCards();
    const rows = [
      ['2025-10-01 12:00', '+57 300 123 4567', 'utility', ''],
      ['2025-10-01 12:00', '+1 809 555 1234', 'marketing', ''],
      ['2025-10-02 09:00', '+52 55 1234 5678', 'marketing', 'MX'],
    ];
    expect(
      sheet.call('BILLED_COST', [
        rows.map((r) => sheet.at(r[0])),
        ...[1, 2, 3].map((k) => rows.map((r) => r[k])),
      ]),
    ).toBe(0.58);
  });
});

describe('BILLED_COST does not depend on row order', () => {
  it('two countries tie at the unit beyond the free allowance: the same cost either way round', () => {
    const sheet = new BilledSheet('America/Bogota');
    importCard(
      sheet.rt,
      'brl-2026-10.csv',
      'Cost per message in BRL on the WhatsApp Business Platform, effective October 1, 2026\r\n' +
        'Market,Currency,Marketing,Utility,Authentication,Service\r\n' +
        'Colombia,BRL,0.0625,0.0100,0.0090,0.0100\r\nMexico,BRL,0.2050,0.0300,0.0200,0.0300\r\n',
    );
    const rows: string[][] = [];
    for (let i = 0; i < 999; i++) rows.push([`2026-10-0${1 + (i % 5)} 09:00`, CO, 'service']);
    // The 1,000th (free) and 1,001st (charged) service messages of the month, at one instant.
    rows.push(['2026-10-20 09:00', MX, 'service'], ['2026-10-20 09:00', '+57 300 000 0002', 'service']);
    const call = (log: string[][]) =>
      sheet.call('BILLED_COST', [
        log.map((r) => sheet.at(r[0])),
        log.map((r) => r[1]),
        log.map((r) => r[2]),
        log.map(() => ''),
      ]);
    const cost = call(rows);
    expect(cost).toBe(call([...rows].reverse()));
    expect(cost).toBe(0.03); // countries in code order: CO takes the free unit, MX's is charged
  });
});
