import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRateCard, RateCardFileError } from '../../src/rates';

const FIXTURES = join(__dirname, '../fixtures/rate-cards');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

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
    const card = parseRateCard(text, 'brl-2025-07-01.csv');
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
    const card = parseRateCard(fixture('brl-2025-10-01.csv'), 'brl-2025-10-01.csv');
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
    const card = parseRateCard(text, 'usd.csv');
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
    const card = parseRateCard(text, 'idr.csv');
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
    const e = thrownBy(() => parseRateCard(text, 'rates.csv'));
    expect(e.message).toMatch(
      /^rates\.csv: the file does not say its currency .* give the currency of this card$/,
    );
    expect(e.missing).toEqual(['currency']);
    const noDate = thrownBy(() => parseRateCard(text, 'rates.csv', { currency: 'brl' }));
    expect(noDate.message).toMatch(/^rates\.csv: the file does not say from when it applies/);
    expect(noDate.missing).toEqual(['effectiveFrom']);
    const card = parseRateCard(text, 'rates.csv', { currency: 'brl', effectiveFrom: '2025-10-01' });
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
    expect(() => parseRateCard(text, 'rates.csv')).toThrow(message);
  });

  it('a market listed twice, a file that is not a rate card, a cut-off quote, a bad date, a model that contradicts the date', () => {
    const title = 'Cost per message in BRL on the WhatsApp Business Platform, effective July 1, 2025';
    expect(() =>
      parseRateCard(`${title}\r\n${header}\r\nBrazil,BRL,1,1,1,1,1\r\nbrazil,BRL,1,1,1,1,1\r\n`, 'a.csv'),
    ).toThrow('a.csv: row 4: market brazil is listed twice (rows 3 and 4)');
    expect(() => parseRateCard('Name,Amount\r\nAna,3\r\n', 'b.csv')).toThrow(
      /^b\.csv: no header row with Market and the categories/,
    );
    expect(() => parseRateCard(`${title}\r\n${header}\r\n"Brazil,BRL,1,1,1,1,1\r\n`, 'c.csv')).toThrow(
      'c.csv: row 3 has a quote that is never closed — the file looks cut off or edited',
    );
    expect(() =>
      parseRateCard(
        `Cost per message in BRL, effective Julember 1, 2025\r\n${header}\r\nBrazil,BRL,1,1,1,1,1\r\n`,
        'd.csv',
      ),
    ).toThrow('d.csv: the title\'s effective date "Julember 1, 2025" is not a date');
    expect(() =>
      parseRateCard(
        `Cost per conversation in BRL, effective October 1, 2025\r\n${header}\r\nBrazil,BRL,1,1,1,1,1\r\n`,
        'e.csv',
      ),
    ).toThrow('e.csv: the title prices per conversation, but WhatsApp was priced per message on 2025-10-01');
    expect(() => parseRateCard(`${title}\r\n${header}\r\n`, 'f.csv')).toThrow(
      'f.csv: no market rows under the header (row 2)',
    );
  });
});
