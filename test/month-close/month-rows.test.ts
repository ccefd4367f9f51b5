/** The month's rows after an import when the history is in BigQuery (src/month-close/month-rows.ts). */
import type { MetaUsageRow } from '../../src/month-close/figures';
import { monthRowsAfterImport } from '../../src/month-close/month-rows';
import type { DataRow } from '../../src/month-close/meta-data-sheet';
import { decideHistory, storedRowsFrom } from '../../src/month-close/stored-history';

const OCT = { year: 2025, month: 10 };
const CO = '+57 300 1234567';
const MX = '+52 55 1234 5678';

const stored = (day: string, line: string, volume: number, currency?: string): MetaUsageRow => ({
  day,
  line,
  country: 'CO',
  pricingModel: 'message',
  category: 'MARKETING',
  type: 'REGULAR',
  tier: null,
  volume,
  cost: volume / 100,
  ...(currency && { currency }),
});

const fresh = (day: string, line: string, volume: number): DataRow => ({
  day,
  line,
  country: 'CO',
  pricingModel: 'message',
  category: 'MARKETING',
  type: 'REGULAR',
  tier: '',
  volume,
  cost: volume / 100,
  currency: 'BRL',
});

describe('monthRowsAfterImport', () => {
  const rows = [stored('2025-10-02', MX, 5), stored('2025-10-01', CO, 1), stored('2025-10-02', CO, 2)];

  it("one line imported: the other line stays as stored, the imported one is Meta's answer; sorted, blanks as nulls", () => {
    const lineDigits = new Set(['573001234567']);
    const history = decideHistory(
      OCT,
      [stored('2025-10-02', CO, 9)],
      storedRowsFrom(rows, lineDigits, 'BRL'),
      '2025-01-01',
      'BRL',
    );
    const after = monthRowsAfterImport(rows, lineDigits, history.kept, [fresh('2025-10-02', CO, 9)]);
    expect(after.map((r) => [r.day, r.line, r.volume, r.tier, r.currency])).toEqual([
      ['2025-10-02', MX, 5, null, undefined],
      ['2025-10-02', CO, 9, null, 'BRL'],
    ]);
  });

  it('an empty answer keeps every stored row (with its currency), in the same order whatever the input order', () => {
    const history = decideHistory(OCT, [], storedRowsFrom(rows, null, 'BRL'), '2025-01-01', 'BRL');
    const after = monthRowsAfterImport(rows, null, history.kept, []);
    expect(after.map((r) => [r.day, r.line, r.volume, r.currency])).toEqual([
      ['2025-10-01', CO, 1, 'BRL'],
      ['2025-10-02', MX, 5, 'BRL'],
      ['2025-10-02', CO, 2, 'BRL'],
    ]);
    const reversed = decideHistory(
      OCT,
      [],
      storedRowsFrom([...rows].reverse(), null, 'BRL'),
      '2025-01-01',
      'BRL',
    );
    expect(monthRowsAfterImport([...rows].reverse(), null, reversed.kept, [])).toEqual(after);
  });

  it("days past the lookback keep their stored rows beside the answer; another currency's rows stay", () => {
    const usd = stored('2025-10-03', CO, 4, 'USD');
    const all = [...rows, usd];
    const history = decideHistory(
      OCT,
      [stored('2025-10-02', CO, 9)],
      storedRowsFrom(all, null, 'BRL'),
      '2025-10-02',
      'BRL',
    );
    const after = monthRowsAfterImport(all, null, history.kept, [fresh('2025-10-02', CO, 9)]);
    expect(after.map((r) => [r.day, r.line, r.volume, r.currency])).toEqual([
      ['2025-10-01', CO, 1, 'BRL'], // before the lookback, not answered: kept
      ['2025-10-02', CO, 9, 'BRL'],
      ['2025-10-03', CO, 4, 'USD'],
    ]);
  });
});
