/**
 * Rate cards through the built bundle: importRateCard from the sidebar writes the "Rate cards" sheet (keyed upsert,
 * exact decimal text, every external string literal), and META_RATE reads it in a custom function.
 */
import { loadBundle } from '../../dev/runtime/testing/bundle';
import { thrown } from '../meta/helpers';
import { BRL_JULY, BRL_OCTOBER, fixtureText, importCard, importFixture } from './rate-helpers';

const SHEET = 'Rate cards';

function spreadsheet(locale = 'en_US') {
  return loadBundle({ spreadsheet: { timeZone: 'America/Sao_Paulo', locale } });
}

describe('importRateCard', () => {
  it('writes one row per (effective date, currency, market, category, rate), digits as published', () => {
    const rt = spreadsheet();
    expect(importFixture(rt, BRL_JULY)).toEqual({
      currency: 'BRL',
      effectiveFrom: '2025-07-01',
      markets: 9,
      replaced: false,
    });
    const values = rt.spreadsheet.getValues(`'${SHEET}'!A1:H46`);
    expect(values[0]).toEqual([
      'Effective from',
      'Currency',
      'Pricing model',
      'Market',
      'Category',
      'Rate',
      'File',
      'Imported',
    ]);
    expect(values.slice(6, 11).map((r) => r.slice(1, 7))).toEqual([
      ['BRL', 'message', 'Brazil', 'MARKETING', '0.3125', BRL_JULY],
      ['BRL', 'message', 'Brazil', 'UTILITY', '0.0400', BRL_JULY],
      ['BRL', 'message', 'Brazil', 'AUTHENTICATION', '0.0340', BRL_JULY],
      ['BRL', 'message', 'Brazil', 'AUTHENTICATION_INTERNATIONAL', '0.1500', BRL_JULY],
      ['BRL', 'message', 'Brazil', 'SERVICE', 'n/a', BRL_JULY],
    ]);
    const day = values[1][0] as Date;
    expect(day.getTime()).toBe(rt.sheetDate('2025-07-01').getTime());
    expect(rt.spreadsheet.getNumberFormats(`'${SHEET}'!A2:A2`)).toEqual([['yyyy-mm-dd']]);
    expect(rt.spreadsheet.getValues(`'${SHEET}'!A47:H47`)[0].every((v) => v === '')).toBe(true);
    expect(rt.spreadsheet.sheet(SHEET).maxColumns).toBe(8);
  });

  it('keyed upsert: a second date adds its rows, the same card again replaces exactly its own, nothing else moves', () => {
    const rt = spreadsheet();
    importFixture(rt, BRL_OCTOBER);
    importFixture(rt, BRL_JULY);
    const before = rt.spreadsheet.getValues(`'${SHEET}'!A1:H91`);
    expect(before.slice(1).map((r) => (r[0] as Date).getTime())).toEqual([
      ...Array(45).fill(rt.sheetDate('2025-07-01').getTime()),
      ...Array(45).fill(rt.sheetDate('2025-10-01').getTime()),
    ]);
    // The October card again, edited: one rate changed and a market dropped.
    const edited = fixtureText(BRL_OCTOBER)
      .replace('Colombia,BRL,0.0625,0.0095', 'Colombia,BRL,0.0625,0.0099')
      .replace(/Other,BRL[^\r]*\r\n/, '');
    rt.resetCounters();
    expect(importCard(rt, 'brl-oct-v2.csv', edited)).toEqual({
      currency: 'BRL',
      effectiveFrom: '2025-10-01',
      markets: 8,
      replaced: true,
    });
    const after = rt.spreadsheet.getValues(`'${SHEET}'!A1:H91`);
    expect(after.slice(0, 46)).toEqual(before.slice(0, 46)); // the July card, byte for byte
    expect(after.slice(46, 86).map((r) => r[6])).toEqual(Array(40).fill('brl-oct-v2.csv'));
    expect(
      after.find((r) => r[3] === 'Colombia' && r[4] === 'UTILITY' && r[6] === 'brl-oct-v2.csv')?.[5],
    ).toBe('0.0099');
    expect(after.slice(86).every((r) => r.every((v) => v === ''))).toBe(true);
    expect(rt.counters['Range.getValues']).toBe(1);
  });

  it('external text is never evaluated: a market "=HYPERLINK(…)" and a file name "+1-1" stay text', () => {
    const rt = spreadsheet();
    const text =
      'Cost per message in USD on the WhatsApp Business Platform, effective April 1, 2026\r\n' +
      'Market,Currency,Marketing,Utility,Authentication,"Authentication-\nInternational",Service\r\n' +
      '"=HYPERLINK(""http://x"",""y"")",USD,0.0250,0.0040,0.0040,n/a,n/a\r\n';
    importCard(rt, '+1-1', text);
    const [row] = rt.spreadsheet.getValues(`'${SHEET}'!A2:H2`);
    expect(row.slice(1, 7)).toEqual([
      'USD',
      'message',
      '=HYPERLINK("http://x","y")',
      'MARKETING',
      '0.0250',
      '+1-1',
    ]);
    expect(rt.spreadsheet.getFormulas(`'${SHEET}'!A2:H2`)[0].every((f) => f === '')).toBe(true);
  });

  it('a bad file changes nothing and says what is wrong; a file without its title asks for currency and date', () => {
    const rt = spreadsheet();
    importFixture(rt, BRL_JULY);
    const before = rt.spreadsheet.getValues(`'${SHEET}'!A1:H50`);
    const broken = fixtureText(BRL_JULY).replace('0.0400', 'O.0400');
    expect(thrown(() => importCard(rt, 'x.csv', broken)).message).toBe(
      'x.csv: row 4 (Brazil): Utility "O.0400" is not a rate — expected a decimal such as 0.0625, or n/a',
    );
    // The rows come from the browser: anything but rows of text cells is refused, naming the file.
    expect(
      thrown(() => rt.runFromSidebar('importRateCard', { fileName: 'z.csv', text: fixtureText(BRL_JULY) }))
        .message,
    ).toBe('z.csv: the file did not arrive as rows of cells — import it again');
    expect(
      thrown(() => rt.runFromSidebar('importRateCard', { fileName: 'z.csv', rows: [['Market', 1]] })).message,
    ).toBe('z.csv: row 1, cell 2 did not arrive as text — import the file again');
    expect(thrown(() => rt.runFromSidebar('importRateCard', null)).message).toBe(
      'rate card: the file did not arrive as rows of cells — import it again',
    );
    const untitled = fixtureText(BRL_JULY).replace(/^[^\r]*\r\n/, '');
    expect(thrown(() => importCard(rt, 'y.csv', untitled)).message).toMatch(
      /^y\.csv: the file does not say from when it applies/,
    );
    expect(rt.spreadsheet.getValues(`'${SHEET}'!A1:H50`)).toEqual(before);
    expect(importCard(rt, 'y.csv', untitled, { effectiveFrom: '2025-08-01' })).toMatchObject({
      currency: 'BRL',
      effectiveFrom: '2025-08-01',
    });
  });
});

describe('META_RATE', () => {
  const rt = spreadsheet();
  importFixture(rt, BRL_JULY);
  importFixture(rt, BRL_OCTOBER);

  it.each([
    ['CO', 'utility', '2025-09-30', 0.008],
    ['CO', 'utility', '2025-10-01', 0.0095],
    ['Colombia', 'UTILITY', '2025-10-15', 0.0095],
    ['+1 809 555 1234', 'marketing', '2025-10-15', 0.37],
    ['JM', 'authentication', '2025-10-15', 0.0565],
    ['Rest of Latin America', 'utility', '2025-10-15', 0.0565],
    ['US', 'marketing', '2025-10-15', 0.125],
    ['TT', 'marketing', '2025-10-15', 0.302],
    ['BR', 'authentication international', '2025-07-01', 0.15],
  ])('META_RATE(%s, %s, %s) = %s', (where, category, day, rate) => {
    expect(rt.runCustomFunction('META_RATE', where, category, day)).toBe(rate);
  });

  it('reads the sheet once per call, read-only', () => {
    rt.resetCounters();
    rt.runCustomFunction('META_RATE', 'MX', 'MARKETING', rt.sheetDate('2025-11-02'));
    expect(rt.counters['Range.getValues']).toBe(1);
  });

  it.each([
    [
      ['BR', 'SERVICE', '2025-10-15'],
      'META_RATE: the BRL card effective 2025-10-01 has no service rate for Brazil (n/a)',
    ],
    [
      ['BR', 'MARKETING', '2025-06-30'],
      /^META_RATE: no BRL rate card covers 2025-06-30 \(the earliest BRL card imported is effective 2025-07-01\) — import Meta's rate card in the sidebar/,
    ],
    [
      ['Atlantis', 'MARKETING', '2025-10-15'],
      'META_RATE: market_or_country is neither a country (ISO code such as CO, or its name) nor a market of the card ("Atlantis")',
    ],
    [
      ['BR', 'promo', '2025-10-15'],
      'META_RATE: category must be one of MARKETING, UTILITY, AUTHENTICATION, AUTHENTICATION_INTERNATIONAL, SERVICE ("promo")',
    ],
    [['BR', 'MARKETING', '2025-10-15', 'USD'], /^META_RATE: no USD rate card covers 2025-10-15 — /],
  ])('%j → %s', (args, message) => {
    expect(() => rt.runCustomFunction('META_RATE', ...args)).toThrow(message);
  });
});
