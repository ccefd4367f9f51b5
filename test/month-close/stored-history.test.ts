/** The stored-history rule of the month close (issue 15 point 1): what Meta's answer may replace. */
import { keepStoredHistory, parseMonth, type DataRow } from '../../src/month-close';
import type { MetaUsageRow } from '../../src/month-close/figures';

const OCT = parseMonth('2024-10');
const stored = (day: string, volume = 1): MetaUsageRow => ({
  day,
  line: '+55 11 4002-8922',
  country: 'BR',
  pricingModel: 'message',
  category: 'MARKETING',
  type: 'REGULAR',
  tier: null,
  volume,
  cost: 0.5,
});
const fresh = (day: string): DataRow => ({
  day,
  line: '+55 11 4002-8922',
  country: 'BR',
  pricingModel: 'message',
  category: 'MARKETING',
  type: 'REGULAR',
  tier: '',
  volume: 2,
  cost: 1,
  currency: 'BRL',
});
const history = [stored('2024-10-01'), stored('2024-10-01', 3), stored('2024-10-20'), stored('2024-10-31')];

describe('keepStoredHistory', () => {
  it('an empty answer keeps every stored row, and says how many', () => {
    const d = keepStoredHistory(OCT, history, [], '2024-10-15');
    expect(d.kept).toEqual(history);
    expect([...d.keptDays].sort()).toEqual(['2024-10-01', '2024-10-20', '2024-10-31']);
    expect(d.replaced).toBe(0);
    expect(d.note).toBe('Meta returned no data for 2024-10; the 4 stored rows were kept');
  });

  it('days before the lookback that Meta no longer returns keep their rows; the days it returns are replaced', () => {
    const d = keepStoredHistory(OCT, history, [fresh('2024-10-20'), fresh('2024-10-31')], '2024-10-15');
    expect(d.kept).toEqual(history.slice(0, 2));
    expect([...d.keptDays]).toEqual(['2024-10-01']);
    expect(d.replaced).toBe(2);
    expect(d.note).toBe(
      'Meta no longer returns 1 day of 2024-10 (past its one-year lookback); the 2 rows stored for them were kept',
    );
  });

  it('within the lookback Meta is the truth: a smaller answer replaces the stored rows, saying so', () => {
    const d = keepStoredHistory(OCT, history, [fresh('2024-10-20')], '2024-09-01');
    expect(d.kept).toEqual([]);
    expect(d.replaced).toBe(4);
    expect(d.note).toBe('Meta returned 1 row for 2024-10 where 4 were stored; they replace them');
  });

  it('an answer as large as what was stored replaces it without a note; nothing stored, nothing to say', () => {
    const answer = ['2024-10-01', '2024-10-02', '2024-10-20', '2024-10-31'].map(fresh);
    expect(keepStoredHistory(OCT, history, answer, '2024-09-01').note).toBeNull();
    expect(keepStoredHistory(OCT, [], [], '2024-09-01')).toEqual({
      keptDays: new Set(),
      kept: [],
      replaced: 0,
      note: null,
    });
  });
});
