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

/** Meta's answer as the plan hands it over (dataRowsOf): blanks as '', the currency always set. */
const fresh = (day: string, line: string, volume: number): DataRow => {
  const r = stored(day, line, volume);
  return { ...r, line, country: 'CO', category: 'MARKETING', type: 'REGULAR', tier: '', currency: 'BRL' };
};

/** The import of `answer` over `storedRows` as the plan does it: the history rule, then the month's rows. */
function after(
  storedRows: readonly MetaUsageRow[],
  lineDigits: ReadonlySet<string> | null,
  answer: readonly MetaUsageRow[],
  lookbackFrom = '2025-01-01',
): MetaUsageRow[] {
  const stored = storedRowsFrom(storedRows, lineDigits, 'BRL');
  const { kept } = decideHistory(OCT, answer, stored, lookbackFrom, 'BRL');
  const freshRows = answer.map((r) => fresh(r.day, r.line ?? '', r.volume));
  return monthRowsAfterImport(storedRows, lineDigits, kept, freshRows);
}

describe('monthRowsAfterImport', () => {
  const rows = [stored('2025-10-02', MX, 5), stored('2025-10-01', CO, 1), stored('2025-10-02', CO, 2)];

  it("one line imported: the other line stays as stored, the imported one is Meta's answer; sorted, blanks as nulls", () => {
    const one = after(rows, new Set(['573001234567']), [stored('2025-10-02', CO, 9)]);
    expect(one.map((r) => [r.day, r.line, r.volume, r.tier, r.currency])).toEqual([
      ['2025-10-02', MX, 5, null, undefined],
      ['2025-10-02', CO, 9, null, 'BRL'],
    ]);
  });

  it('an empty answer keeps every stored row (with its currency), in the same order whatever the input order', () => {
    const kept = after(rows, null, []);
    expect(kept.map((r) => [r.day, r.line, r.volume, r.currency])).toEqual([
      ['2025-10-01', CO, 1, 'BRL'],
      ['2025-10-02', MX, 5, 'BRL'],
      ['2025-10-02', CO, 2, 'BRL'],
    ]);
    expect(after([...rows].reverse(), null, [])).toEqual(kept);
  });

  it("days past the lookback keep their stored rows beside the answer; another currency's rows stay", () => {
    const usd = stored('2025-10-03', CO, 4, 'USD');
    const past = after([...rows, usd], null, [stored('2025-10-02', CO, 9)], '2025-10-02');
    expect(past.map((r) => [r.day, r.line, r.volume, r.currency])).toEqual([
      ['2025-10-01', CO, 1, 'BRL'], // before the lookback, not answered: kept
      ['2025-10-02', CO, 9, 'BRL'],
      ['2025-10-03', CO, 4, 'USD'],
    ]);
  });
});
