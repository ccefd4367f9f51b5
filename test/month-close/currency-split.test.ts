import { splitByCurrency } from '../../src/month-close/currency-split';
import type { MetaUsageRow } from '../../src/month-close/figures';
import { metaRow } from '../support/meta-rows';

const row = (cost: number | null, currency?: string): MetaUsageRow => metaRow({ cost, currency });

describe('splitByCurrency: money is never added across currencies', () => {
  it('the account’s rows (untagged or tagged with its currency) apart; every other currency summed exactly', () => {
    const rows = [row(0.1), row(0.2, 'BRL'), row(0.1, 'USD'), row(0.2, 'USD'), row(3, 'CLP')];
    const split = splitByCurrency(rows, 'BRL');
    expect(split.main).toEqual([rows[0], rows[1]]);
    expect(split.others).toEqual([
      { currency: 'CLP', cost: 3 },
      { currency: 'USD', cost: 0.3 },
    ]);
  });

  it('one currency: no others, and a currency without cost stays null (never a partial sum)', () => {
    expect(splitByCurrency([row(1)], 'BRL').others).toEqual([]);
    expect(splitByCurrency([], 'BRL')).toEqual({ main: [], others: [] });
    expect(splitByCurrency([row(1, 'USD'), row(null, 'USD')], 'BRL').others).toEqual([
      { currency: 'USD', cost: null },
    ]);
  });
});
