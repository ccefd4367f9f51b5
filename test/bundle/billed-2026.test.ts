/**
 * The 2026-10-01 rule through the built bundle, in a Bogotá and a Madrid spreadsheet: the issue's
 * worked examples (a), (b) and (c), worked out by hand from the rule, with and without `lines`.
 */
import { BilledSheet, ZONES, expectSheetTable } from './billed-sheet';

const LINE_1 = '+57 601 765 4321';
const LINE_2 = '0057 (601) 765-4322';

/** [local wall time, contact, kind] */
type Message = readonly [string, string, string];

function columns(sheet: BilledSheet, log: readonly Message[]): unknown[][] {
  return [log.map(([w]) => sheet.at(w)), log.map(([, c]) => c), log.map(([, , k]) => k)];
}

/** 1,003 service messages to 1,003 contacts in October 2026, spread over the month. */
const OCTOBER_SERVICE: Message[] = Array.from({ length: 1003 }, (_, i): Message => [
  `2026-10-${String(1 + (i % 31)).padStart(2, '0')} ${String(8 + (i % 10)).padStart(2, '0')}:00`,
  `+57 300 ${String(1_000_000 + i)}`,
  'service',
]);

describe.each(ZONES)('the 2026-10-01 rule in a %s spreadsheet', (timeZone) => {
  it('(a) service reply inside the allowance, utility and marketing charged → 2', () => {
    const sheet = new BilledSheet(timeZone);
    const log: Message[] = [
      ['2026-10-15 10:00', '+57 300 123 4567', 'user'],
      ['2026-10-15 10:05', '+57 300 123 4567', 'service'],
      ['2026-10-15 11:00', '+57 300 123 4567', 'utility'],
      ['2026-10-15 11:30', '+57 300 123 4567', 'marketing'],
    ];
    const ranges = columns(sheet, log);
    expect(sheet.call('BILLED_CONVERSATIONS', ranges)).toBe(2);
    expect(sheet.call('BILLED_CONVERSATIONS', ranges, 'utility')).toBe(1);
    expect(expectSheetTable(sheet.call('BILLED_BREAKDOWN', ranges))).toEqual([
      ['Date', 'Pricing model', 'Category', 'Charged units', 'Free units'],
      [sheet.day('2026-10-15'), 'message', 'marketing', 1, 0],
      [sheet.day('2026-10-15'), 'message', 'utility', 1, 0],
      [sheet.day('2026-10-15'), 'message', 'service', 0, 1],
    ]);
  });

  it('(b) 1,003 service messages from one line → 3 charged; split 600 / 403 across two lines → 0', () => {
    const sheet = new BilledSheet(timeZone);
    const ranges = columns(sheet, OCTOBER_SERVICE);
    expect(sheet.call('BILLED_CONVERSATIONS', ranges)).toBe(3); // no lines: one line
    const oneLine = OCTOBER_SERVICE.map(() => LINE_1);
    const twoLines = OCTOBER_SERVICE.map((_, i) => (i < 600 ? LINE_1 : LINE_2));
    const [ts, contacts, kinds, lines] = sheet.seed([...ranges, oneLine]);
    expect(sheet.rt.runCustomFunction('BILLED_CONVERSATIONS', ts, contacts, kinds, '', lines)).toBe(3);
    expect(sheet.rt.runCustomFunction('BILLED_CONVERSATIONS', ts, contacts, kinds, 'service', lines)).toBe(3);
    const split = sheet.seed([...ranges, twoLines]);
    expect(
      sheet.rt.runCustomFunction('BILLED_CONVERSATIONS', split[0], split[1], split[2], '', split[3]),
    ).toBe(0);
    const table = expectSheetTable(sheet.call('BILLED_BREAKDOWN', [...ranges, twoLines]));
    expect(table[0]).toEqual(['Date', 'Line', 'Pricing model', 'Category', 'Charged units', 'Free units']);
    const perLine = new Map<unknown, number>();
    for (const row of table.slice(1)) {
      expect(row.slice(2, 5)).toEqual(['message', 'service', 0]);
      perLine.set(row[1], (perLine.get(row[1]) ?? 0) + (row[5] as number));
    }
    expect(Object.fromEntries(perLine)).toEqual({ '+576017654321': 600, '+576017654322': 403 });
  });

  it('(b) on one line the three charged are the last three of the month', () => {
    const sheet = new BilledSheet(timeZone, 'es_CO');
    const ranges = [...columns(sheet, OCTOBER_SERVICE), OCTOBER_SERVICE.map(() => LINE_1)];
    const table = expectSheetTable(sheet.call('BILLED_BREAKDOWN', ranges));
    expect(table[0]).toEqual([
      'Fecha',
      'Línea',
      'Modelo de precio',
      'Categoría',
      'Unidades cobradas',
      'Unidades gratuitas',
    ]);
    // Each of the 31 days holds 32 or 33 messages; the latest three are on 31 October.
    expect(table.filter((row) => row[4] !== 0 && row !== table[0])).toEqual([
      [sheet.day('2026-10-31'), '+576017654321', 'message', 'service', 3, 29],
    ]);
  });

  it('(c) a utility template in an open window: free at 23:30 on 2026-09-30, charged at 00:30 on 2026-10-01', () => {
    const sheet = new BilledSheet(timeZone);
    const log: Message[] = [
      ['2026-09-30 23:00', '+57 300 000 0001', 'user'],
      ['2026-09-30 23:30', '+57 300 000 0001', 'utility'],
      ['2026-09-30 23:50', '+57 300 000 0002', 'user'],
      ['2026-10-01 00:30', '+57 300 000 0002', 'utility'],
    ];
    const ranges = columns(sheet, log);
    expect(sheet.call('BILLED_CONVERSATIONS', ranges)).toBe(1);
    expect(sheet.call('BILLED_BREAKDOWN', ranges)).toEqual([
      ['Date', 'Pricing model', 'Category', 'Charged units', 'Free units'],
      [sheet.day('2026-09-30'), 'message', 'utility', 0, 1],
      [sheet.day('2026-10-01'), 'message', 'utility', 1, 0],
    ]);
  });
});

it('(c) the switch is at midnight of the spreadsheet: one instant, charged in Madrid, free in Bogotá', () => {
  // 2026-09-30 22:30 UTC is 00:30 on 1 October in Madrid (UTC+2) but 17:30 on 30 September in Bogotá.
  const log = [new Date('2026-09-30T22:00:00Z'), new Date('2026-09-30T22:30:00Z')];
  const charged = (timeZone: string) => {
    const sheet = new BilledSheet(timeZone);
    return sheet.call('BILLED_CONVERSATIONS', [
      log,
      ['+57 300 000 0003', '+57 300 000 0003'],
      ['user', 'utility'],
    ]);
  };
  expect(charged('Europe/Madrid')).toBe(1);
  expect(charged('America/Bogota')).toBe(0);
});
