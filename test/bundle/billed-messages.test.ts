/**
 * BILLED_CONVERSATIONS and BILLED_BREAKDOWN through the built bundle. Each scenario is a small
 * message log whose charged and free units are worked out by hand from the rules:
 * conversation-based pricing before 2025-07-01 (local midnight), per-message pricing from then on.
 */
import { BilledSheet, ZONES, expectSheetTable, type Zone } from './billed-sheet';

/** When (local wall time, or a fixed instant as a Date), whose, and what kind of message. */
type Message = readonly [when: string | Date, contact: unknown, kind: string];
/** An expected BILLED_BREAKDOWN row, with the local day as "YYYY-MM-DD". */
type Units = readonly [
  day: string,
  model: 'conversation' | 'message',
  category: string,
  charged: number,
  free: number,
];

/** One contact's messages: [when, kind]. */
function oneContact(contact: string, messages: readonly (readonly [string, string])[]): Message[] {
  return messages.map(([when, kind]) => [when, contact, kind]);
}

interface Scenario {
  readonly name: string;
  readonly log: readonly Message[];
  readonly breakdown: readonly Units[];
}

const HEADER = {
  en: ['Date', 'Pricing model', 'Category', 'Charged units', 'Free units'],
  es: ['Fecha', 'Modelo de precio', 'Categoría', 'Unidades cobradas', 'Unidades gratuitas'],
};

/** 1,001 contacts each opening a service conversation on 2024-05-02, a minute apart, and one in June. */
const SERVICE_ALLOWANCE_LOG: Message[] = [
  ...Array.from({ length: 1001 }, (_, i): Message => {
    const time = `${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    return [`2024-05-02 ${time}`, `+1 555 01${String(i).padStart(4, '0')}`, 'service'];
  }),
  ['2024-06-01 09:00', '+1 555 019999', 'service'],
];

const SCENARIOS: readonly Scenario[] = [
  {
    name: "the issue's example: utility in the service window free, marketing charged",
    // one contact written three ways; kinds in any case
    log: [
      ['2025-09-10 10:00', '+57 300 123 4567', 'User'],
      ['2025-09-10 11:00', 573001234567, 'UTILITY'],
      ['2025-09-10 11:30', '0057 (300) 123-4567', 'Marketing'],
    ],
    breakdown: [
      ['2025-09-10', 'message', 'marketing', 1, 0],
      ['2025-09-10', 'message', 'utility', 0, 1],
    ],
  },
  {
    name: 'the switch at local midnight: one marketing conversation, then every marketing message',
    log: oneContact('+57 311 000 0002', [
      ['2025-06-30 23:00', 'marketing'],
      ['2025-06-30 23:30', 'marketing'], // inside the open marketing conversation
      ['2025-07-01 00:30', 'marketing'],
      ['2025-07-01 01:00', 'marketing'],
    ]),
    breakdown: [
      ['2025-06-30', 'conversation', 'marketing', 1, 0],
      ['2025-07-01', 'message', 'marketing', 2, 0],
    ],
  },
  {
    name: 'a utility conversation opened before the switch keeps later utility templates free until it ends',
    log: oneContact('+57 311 000 0003', [
      ['2025-06-30 20:00', 'utility'], // open until 2025-07-01 20:00
      ['2025-07-01 10:00', 'utility'],
      ['2025-07-01 21:00', 'utility'],
    ]),
    breakdown: [
      ['2025-06-30', 'conversation', 'utility', 1, 0],
      ['2025-07-01', 'message', 'utility', 1, 1],
    ],
  },
  {
    name: 'a free entry point (per-message pricing): 72 h from the first reply to an ad, everything free',
    log: oneContact('+57 311 000 0004', [
      ['2025-09-15 09:00', 'user_ad'],
      ['2025-09-15 09:05', 'service'], // opens the window until 09-18 09:05
      ['2025-09-16 09:00', 'marketing'],
      ['2025-09-18 10:00', 'marketing'],
    ]),
    breakdown: [
      ['2025-09-15', 'message', 'service', 0, 1],
      ['2025-09-16', 'message', 'marketing', 0, 1],
      ['2025-09-18', 'message', 'marketing', 1, 0],
    ],
  },
  {
    name: 'conversation-based pricing in 2025: one conversation per open category, service free',
    log: oneContact('+57 311 000 0005', [
      ['2025-03-03 10:00', 'user'],
      ['2025-03-03 10:05', 'service'], // service conversation, free since 2024-11
      ['2025-03-03 12:00', 'marketing'],
      ['2025-03-03 13:00', 'utility'],
      ['2025-03-04 09:00', 'service'], // conversations still open: none opens
      ['2025-03-04 14:00', 'authentication'],
    ]),
    breakdown: [
      ['2025-03-03', 'conversation', 'marketing', 1, 0],
      ['2025-03-03', 'conversation', 'utility', 1, 0],
      ['2025-03-03', 'conversation', 'service', 0, 1],
      ['2025-03-04', 'conversation', 'authentication', 1, 0],
    ],
  },
  {
    name: 'a free-entry-point conversation: free, and nothing opens for 72 h',
    log: oneContact('+57 311 000 0006', [
      ['2025-04-01 10:00', 'user_ad'],
      ['2025-04-01 10:30', 'marketing'], // opens it, until 04-04 10:30
      ['2025-04-02 10:00', 'utility'],
      ['2025-04-04 11:00', 'marketing'],
    ]),
    breakdown: [
      ['2025-04-01', 'conversation', 'free_entry_point', 0, 1],
      ['2025-04-04', 'conversation', 'marketing', 1, 0],
    ],
  },
  {
    name: 'authentication templates are charged per message, inside the service window too',
    log: oneContact('+57 311 000 0007', [
      ['2025-08-01 09:00', 'user'],
      ['2025-08-01 09:01', 'authentication_international'],
      ['2025-08-01 09:02', 'authentication'],
    ]),
    breakdown: [
      ['2025-08-01', 'message', 'authentication', 1, 0],
      ['2025-08-01', 'message', 'authentication_international', 1, 0],
    ],
  },
  {
    name: 'May 2024: the first 1,000 service conversations of the month free, the 1,001st charged',
    log: SERVICE_ALLOWANCE_LOG,
    breakdown: [
      ['2024-05-02', 'conversation', 'service', 1, 1000],
      ['2024-06-01', 'conversation', 'service', 0, 1],
    ],
  },
];

const ALL_MESSAGES = SCENARIOS.flatMap((s) => s.log);
/** Charged units of ALL_MESSAGES per category, added up from the scenarios above. */
const CHARGED_BY_CATEGORY = {
  marketing: 1 + 1 + 2 + 1 + 1 + 1,
  utility: 1 + 1 + 1,
  authentication: 1 + 1,
  authentication_international: 1,
  service: 1,
};
const CHARGED_IN_ALL = 14;

function seedLog(sheet: BilledSheet, log: readonly Message[], asText = false): unknown[][] {
  const when = log.map(([w]) => (typeof w === 'string' && !asText ? sheet.at(w) : w));
  return [when, log.map(([, contact]) => contact), log.map(([, , kind]) => kind)];
}

function expectedBreakdown(sheet: BilledSheet, units: readonly Units[], header = HEADER.en): unknown[][] {
  return [header, ...units.map(([day, ...rest]) => [sheet.day(day), ...rest])];
}

const chargedColumnSum = (table: unknown[][]) =>
  table.slice(1).reduce((sum, row) => sum + (row[3] as number), 0);

describe.each(ZONES)('BILLED_CONVERSATIONS and BILLED_BREAKDOWN in a %s spreadsheet', (timeZone) => {
  describe.each(SCENARIOS)('$name', ({ log, breakdown }) => {
    const charged = breakdown.reduce((sum, [, , , n]) => sum + n, 0);

    it(`charges ${charged} and breaks it down by day, model and category`, () => {
      const sheet = new BilledSheet(timeZone);
      const ranges = seedLog(sheet, log);
      expect(sheet.call('BILLED_CONVERSATIONS', ranges)).toBe(charged);
      const table = expectSheetTable(sheet.call('BILLED_BREAKDOWN', ranges));
      expect(table).toEqual(expectedBreakdown(sheet, breakdown));
    });
  });

  it('counts the same from ISO text timestamps, read as local times', () => {
    const sheet = new BilledSheet(timeZone);
    const switchLogs = SCENARIOS.slice(1, 3).flatMap((s) => s.log);
    expect(sheet.call('BILLED_CONVERSATIONS', seedLog(sheet, switchLogs, true))).toBe(3 + 2);
  });

  it('adds up over a whole log in any row order, and by category', () => {
    const sheet = new BilledSheet(timeZone);
    expect(sheet.call('BILLED_CONVERSATIONS', seedLog(sheet, ALL_MESSAGES))).toBe(CHARGED_IN_ALL);
    const reversed = seedLog(sheet, [...ALL_MESSAGES].reverse());
    expect(sheet.call('BILLED_CONVERSATIONS', reversed)).toBe(CHARGED_IN_ALL);
    for (const [category, n] of Object.entries(CHARGED_BY_CATEGORY)) {
      expect([category, sheet.call('BILLED_CONVERSATIONS', reversed, category)]).toEqual([category, n]);
    }
    const table = expectSheetTable(sheet.call('BILLED_BREAKDOWN', reversed));
    expect(chargedColumnSum(table)).toBe(CHARGED_IN_ALL);
  });

  it('heads the breakdown in Spanish for an es_* locale, columns in the same order', () => {
    const sheet = new BilledSheet(timeZone, 'es_CO');
    const table = sheet.call('BILLED_BREAKDOWN', seedLog(sheet, SCENARIOS[0].log));
    expect(table).toEqual(expectedBreakdown(sheet, SCENARIOS[0].breakdown, HEADER.es));
  });

  it('reads ranges laid out as rows', () => {
    const sheet = new BilledSheet(timeZone);
    const ranges = seedLog(sheet, SCENARIOS[0].log);
    expect(sheet.callAcross('BILLED_CONVERSATIONS', ranges)).toBe(1);
    expect(sheet.callAcross('BILLED_BREAKDOWN', ranges)).toEqual(
      expectedBreakdown(sheet, SCENARIOS[0].breakdown),
    );
  });

  it('returns only the header, and 0, when nothing is billable', () => {
    const sheet = new BilledSheet(timeZone);
    const ranges = seedLog(sheet, [['2025-10-01 09:00', '+57 300 123 4567', 'user']]);
    expect(sheet.call('BILLED_CONVERSATIONS', ranges)).toBe(0);
    expect(sheet.call('BILLED_BREAKDOWN', ranges)).toEqual([HEADER.en]);
  });
});

/**
 * Cases whose answer depends on the zone. Fixed instants: 2025-07-01T03:30Z/04:30Z is 05:30/06:30
 * on July 1 in Madrid (per-message: two charged) but 22:30/23:30 on June 30 in Bogotá (one marketing
 * conversation); 2025-09-10T03:00Z is Sep 10 in Madrid, Sep 9 in Bogotá. Local wall times across
 * Madrid's clock changes, where 24 h is elapsed time: 03-29 12:00 → 03-30 12:30 is 23.5 h in Madrid
 * (spring forward: one conversation) but 24.5 h in Bogotá (two); 10-25 12:00 → 10-26 11:30 is 24.5 h
 * in Madrid (fall back: the service window has closed, the utility is charged) but 23.5 h in Bogotá (free).
 */
const ZONE_DEPENDENT: Message[] = [
  [new Date('2025-07-01T03:30:00Z'), '+34 600 000 001', 'marketing'],
  [new Date('2025-07-01T04:30:00Z'), '+34 600 000 001', 'marketing'],
  [new Date('2025-09-10T03:00:00Z'), '+34 600 000 002', 'utility'],
  ['2025-03-29 12:00', '+34 600 000 003', 'marketing'],
  ['2025-03-30 12:30', '+34 600 000 003', 'marketing'],
  ['2025-10-25 12:00', '+34 600 000 004', 'user'],
  ['2025-10-26 11:30', '+34 600 000 004', 'utility'],
];

describe.each<[Zone, number, Units[]]>([
  [
    'Europe/Madrid',
    5,
    [
      ['2025-03-29', 'conversation', 'marketing', 1, 0],
      ['2025-07-01', 'message', 'marketing', 2, 0],
      ['2025-09-10', 'message', 'utility', 1, 0],
      ['2025-10-26', 'message', 'utility', 1, 0],
    ],
  ],
  [
    'America/Bogota',
    4,
    [
      ['2025-03-29', 'conversation', 'marketing', 1, 0],
      ['2025-03-30', 'conversation', 'marketing', 1, 0],
      ['2025-06-30', 'conversation', 'marketing', 1, 0],
      ['2025-09-09', 'message', 'utility', 1, 0],
      ['2025-10-26', 'message', 'utility', 0, 1],
    ],
  ],
])(
  'BILLED_CONVERSATIONS across midnight and clock changes in a %s spreadsheet',
  (timeZone, charged, breakdown) => {
    it('applies the pricing model, the day and the elapsed hours of the spreadsheet’s zone', () => {
      const sheet = new BilledSheet(timeZone);
      const ranges = seedLog(sheet, ZONE_DEPENDENT);
      expect(sheet.call('BILLED_CONVERSATIONS', ranges)).toBe(charged);
      expect(sheet.call('BILLED_BREAKDOWN', ranges)).toEqual(expectedBreakdown(sheet, breakdown));
    });
  },
);
