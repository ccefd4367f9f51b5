import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRateCard, RateCardFileError, type CardFacts } from '../../src/rates';
import { RATE_CARD_LIMITS } from '../../src/rates/card-csv';
import { rateCardRows } from '../../src/rates/card-rows';

const FIXTURES = join(__dirname, '../fixtures/rate-cards');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** The file as the sidebar sends it (split by rateCardRows), read as the server does. */
const readCard = (text: string, fileName: string, facts?: CardFacts) =>
  parseRateCard(rateCardRows(text, fileName), fileName, facts);

function thrownBy(fn: () => unknown): RateCardFileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RateCardFileError) return e;
    throw e;
  }
  throw new Error('expected a RateCardFileError');
}

describe("parseRateCard on Meta's published layout", () => {
  it('reads the title, the header with a line break inside quotes, CRLF rows and n/a', () => {
    const text = fixture('brl-2025-07-01.csv');
    expect(text).toContain('"Authentication-\nInternational"');
    expect(text).toContain('\r\n');
    const card = readCard(text, 'brl-2025-07-01.csv');
    expect(card.currency).toBe('BRL');
    expect(card.effectiveFrom).toBe('2025-07-01');
    expect(card.pricingModel).toBe('message');
    expect(card.rates).toHaveLength(9 * 5);
    expect(card.rates.slice(5, 10)).toEqual([
      { market: 'Brazil', category: 'MARKETING', rate: '0.3125' },
      { market: 'Brazil', category: 'UTILITY', rate: '0.0400' },
      { market: 'Brazil', category: 'AUTHENTICATION', rate: '0.0340' },
      { market: 'Brazil', category: 'AUTHENTICATION_INTERNATIONAL', rate: '0.1500' },
      { market: 'Brazil', category: 'SERVICE', rate: null },
    ]);
  });

  it('reads the second effective date of the same currency', () => {
    const card = readCard(fixture('brl-2025-10-01.csv'), 'brl-2025-10-01.csv');
    expect(card.effectiveFrom).toBe('2025-10-01');
    expect(card.rates.find((r) => r.market === 'Colombia' && r.category === 'UTILITY')?.rate).toBe('0.0095');
  });

  it('accepts a conversation-era card with note rows, other spellings and no Currency column', () => {
    const text = [
      'Cost per conversation in USD, effective June 1, 2023,,,,,',
      'Rates are in USD. Rates may change.,,,,,',
      '',
      'market ,Marketing (USD),UTILITY,authentication,Authentication International,Service',
      'Indonesia,0.0411,0.0200,0.0300,0.1360,0.0190',
      'Rest of Central & Eastern Europe,.0860,0.0300,0.0300,N/A,0.0300',
      '* Authentication-international applies from February 1 2024,,,,,',
    ].join('\n');
    const card = readCard(text, 'usd.csv');
    expect(card).toMatchObject({
      currency: 'USD',
      effectiveFrom: '2023-06-01',
      pricingModel: 'conversation',
    });
    expect(card.rates.filter((r) => r.market === 'Rest of Central & Eastern Europe')).toEqual([
      { market: 'Rest of Central & Eastern Europe', category: 'MARKETING', rate: '0.0860' },
      { market: 'Rest of Central & Eastern Europe', category: 'UTILITY', rate: '0.0300' },
      { market: 'Rest of Central & Eastern Europe', category: 'AUTHENTICATION', rate: '0.0300' },
      { market: 'Rest of Central & Eastern Europe', category: 'AUTHENTICATION_INTERNATIONAL', rate: null },
      { market: 'Rest of Central & Eastern Europe', category: 'SERVICE', rate: '0.0300' },
    ]);
  });

  it('keeps every digit as written (never through a float)', () => {
    const text =
      'Cost per message in IDR on the WhatsApp Business Platform, effective 1 April 2026\r\n' +
      'Market,Currency,Marketing,Utility,Authentication,Service\r\n' +
      'Indonesia,IDR,"1,234.567890123456789",0.10000000000000000001,356.00,n/a\r\n';
    const card = readCard(text, 'idr.csv');
    expect(card.effectiveFrom).toBe('2026-04-01');
    expect(card.rates.map((r) => r.rate)).toEqual([
      '1234.567890123456789',
      '0.10000000000000000001',
      '356.00',
      null,
    ]);
  });
});

describe('parseRateCard errors name the file and the row', () => {
  const header = 'Market,Currency,Marketing,Utility,Authentication,"Authentication-\nInternational",Service';

  it('asks for the currency and the date when the file has no title row', () => {
    const text = `${header}\r\nBrazil,,0.0625,0.0080,0.0068,0.0300,n/a\r\n`;
    const e = thrownBy(() => readCard(text, 'rates.csv'));
    expect(e.message).toMatch(
      /^rates\.csv: the file does not say its currency .* give the currency of this card$/,
    );
    expect(e.missing).toEqual(['currency']);
    const noDate = thrownBy(() => readCard(text, 'rates.csv', { currency: 'brl' }));
    expect(noDate.message).toMatch(/^rates\.csv: the file does not say from when it applies/);
    expect(noDate.missing).toEqual(['effectiveFrom']);
    const card = readCard(text, 'rates.csv', { currency: 'brl', effectiveFrom: '2025-10-01' });
    expect(card).toMatchObject({ currency: 'BRL', effectiveFrom: '2025-10-01', pricingModel: 'message' });
  });

  it.each([
    [
      'Brazil,BRL,0.0625,abc,0.0068,0.0300,n/a',
      'rates.csv: row 3 (Brazil): Utility "abc" is not a rate — expected a decimal such as 0.0625, or n/a',
    ],
    [
      'Brazil,BRL,0.0625,,0.0068,0.0300,n/a',
      'rates.csv: row 3 (Brazil): Utility is empty — expected a decimal such as 0.0625, or n/a',
    ],
    [
      'Brazil,BRL,-0.0625,0.1,0.0068,0.0300,n/a',
      'rates.csv: row 3 (Brazil): Marketing "-0.0625" is not a rate — expected a decimal such as 0.0625, or n/a',
    ],
    [',BRL,0.0625,0.1,0.0068,0.0300,n/a', 'rates.csv: row 3 has rates but no market'],
    [
      'Brazil,USD,0.0625,0.1,0.0068,0.0300,n/a',
      'rates.csv: the file mixes currencies (BRL, USD) — Meta publishes one file per currency',
    ],
  ])('%s', (row, message) => {
    const text = `Cost per message in BRL on the WhatsApp Business Platform, effective July 1, 2025\r\n${header}\r\n${row}\r\n`;
    expect(() => readCard(text, 'rates.csv')).toThrow(message);
  });

  it('a market listed twice, a file that is not a rate card, a bad date, a model that contradicts the date', () => {
    const title = 'Cost per message in BRL on the WhatsApp Business Platform, effective July 1, 2025';
    expect(() =>
      readCard(`${title}\r\n${header}\r\nBrazil,BRL,1,1,1,1,1\r\nbrazil,BRL,1,1,1,1,1\r\n`, 'a.csv'),
    ).toThrow('a.csv: row 4: market brazil is listed twice (rows 3 and 4)');
    expect(() => readCard('Name,Amount\r\nAna,3\r\n', 'b.csv')).toThrow(
      /^b\.csv: no header row with Market and the categories/,
    );
    expect(() =>
      readCard(
        `Cost per message in BRL, effective Julember 1, 2025\r\n${header}\r\nBrazil,BRL,1,1,1,1,1\r\n`,
        'd.csv',
      ),
    ).toThrow('d.csv: the title\'s effective date "Julember 1, 2025" is not a date');
    expect(() =>
      readCard(
        `Cost per conversation in BRL, effective October 1, 2025\r\n${header}\r\nBrazil,BRL,1,1,1,1,1\r\n`,
        'e.csv',
      ),
    ).toThrow('e.csv: the title prices per conversation, but WhatsApp was priced per message on 2025-10-01');
    expect(() => readCard(`${title}\r\n${header}\r\n`, 'f.csv')).toThrow(
      'f.csv: no market rows under the header (row 2)',
    );
  });
});

describe('rateCardRows (in the sidebar) splits the file as a spreadsheet shows it', () => {
  it('a quoted line break stays in its cell; CRLF, a bare LF and a byte-order mark read alike', () => {
    const rows = rateCardRows(
      '\uFEFFTitle,,\r\nMarket,"Authentication-\r\nInternational",Service\nBrazil,"0,1",n/a\r\n',
      'a.csv',
    );
    expect(rows).toEqual([
      ['Title', '', ''],
      ['Market', 'Authentication-\nInternational', 'Service'],
      ['Brazil', '0,1', 'n/a'],
      [''],
    ]);
  });

  it('a quote that is never closed is an error naming the file and the row', () => {
    const header =
      'Market,Currency,Marketing,Utility,Authentication,"Authentication-\nInternational",Service';
    const title = 'Cost per message in BRL on the WhatsApp Business Platform, effective July 1, 2025';
    expect(() => rateCardRows(`${title}\r\n${header}\r\n"Brazil,BRL,1,1,1,1,1\r\n`, 'c.csv')).toThrow(
      new RateCardFileError(
        'c.csv',
        'row 3 has a quote that is never closed — the file looks cut off or edited',
      ),
    );
  });
});

describe('parseRateCard checks the rows it receives from the sidebar', () => {
  const card = rateCardRows(fixture('brl-2025-07-01.csv'), 'brl.csv');
  const asRows = (value: unknown) => value as string[][];

  it.each([
    ['nothing', undefined, 'x.csv: the file did not arrive as rows of cells — import it again'],
    ['text', 'Market,Marketing', 'x.csv: the file did not arrive as rows of cells — import it again'],
    [
      'a row that is text',
      [...card, 'Peru,1'],
      `x.csv: row ${card.length + 1} did not arrive as a list of cells — import the file again`,
    ],
    [
      'a number cell',
      [card[0], ['Brazil', 0.1]],
      'x.csv: row 2, cell 2 did not arrive as text — import the file again',
    ],
    ['no rows', [], 'x.csv: the file is empty'],
    ['blank rows', [[''], ['  ', '']], 'x.csv: the file is empty'],
  ])('%s', (_, value, message) => {
    expect(() => parseRateCard(asRows(value), 'x.csv')).toThrow(message);
  });

  it('refuses more rows, cells or text than a rate card can have', () => {
    const { rows, cellsPerRow, chars } = RATE_CARD_LIMITS;
    const tooLong = [...card, ...Array.from({ length: rows }, () => [''])];
    expect(() => parseRateCard(tooLong, 'x.csv')).toThrow(
      `x.csv: the file has ${tooLong.length} rows, more than a rate card can have (${rows})`,
    );
    const wide = [...card.slice(0, 3), Array(cellsPerRow + 1).fill('1')];
    expect(() => parseRateCard(wide, 'x.csv')).toThrow(
      `x.csv: row 4 has ${cellsPerRow + 1} cells, more than a rate card can have (${cellsPerRow})`,
    );
    const big = [...card, ['note', 'x'.repeat(chars)]];
    expect(() => parseRateCard(big, 'x.csv')).toThrow('x.csv: the file is too large to be a rate card');
    expect(parseRateCard(card.slice(0, rows), 'brl.csv').rates).toHaveLength(9 * 5);
  });
});
