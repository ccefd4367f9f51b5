/** Budgets against Meta's cost, pure: spend, projection and the crossing day, hand-computed; exact decimals. */
import { readParties } from '../../src/core/formulas/allocation-table';
import { argRef } from '../../src/core/sheet-args/arg-errors';
import { budgetStatuses, type Budget } from '../../src/month-close/budgets';
import type { MetaUsageRow } from '../../src/month-close/figures';
import { parseMonth } from '../../src/month-close/month';
import { metaRow } from '../support/meta-rows';

const NOVEMBER = parseMonth('2025-11');

const row = (day: number, cost: number | null, line = '+55 11 4000 0001'): MetaUsageRow =>
  metaRow({ day: `2025-11-${String(day).padStart(2, '0')}`, line, cost });

const account = (amount: string): Budget => ({ scope: 'account', name: '', amount });
/** Days 1-10 at 10.005 each: 100.05 spent by the 10th; linear projection 300.15 over 30 days. */
const TEN_DAYS = Array.from({ length: 10 }, (_, i) => row(i + 1, 10.005));

/** Atom's groups as the split reads them: Ventas 2, Soporte 3, Cobranza 5 closed conversations. */
const GROUPS = readParties(
  argRef('T', 'groups'),
  [['Ventas'], ['Soporte'], ['Cobranza']],
  argRef('T', 'closed'),
  [[2], [3], [5]],
  '',
  { timeZone: 'America/Bogota', locale: 'en' },
);

describe('budgetStatuses', () => {
  it('an open month: spend so far, the linear projection, and the day the projected cumulative reaches the budget', () => {
    const [status] = budgetStatuses(NOVEMBER, TEN_DAYS, [account('200')], 20251110, 'linear', null, {});
    // 100.05 + (300.15 − 100.05)·k/20 ≥ 200 from k = 10 (9.99 rounded up): the 20th.
    expect(status).toEqual({
      budget: account('200'),
      spend: 100.05,
      projection: 300.15,
      crossesOn: '2025-11-20',
    });
  });

  it('a budget the spend already reached is crossed on that day; one above the projection is not crossed', () => {
    const statuses = budgetStatuses(
      NOVEMBER,
      TEN_DAYS,
      [account('100.05'), account('300.16')],
      20251110,
      'linear',
      null,
      {},
    );
    expect(statuses.map((s) => s.crossesOn)).toEqual(['2025-11-10', null]);
  });

  it('adds costs exactly: 0.7 + 0.1 reaches a budget of 0.8 (a float sum stops at 0.7999…)', () => {
    expect(0.7 + 0.1).toBeLessThan(0.8);
    const [status] = budgetStatuses(
      NOVEMBER,
      [row(1, 0.7), row(2, 0.1)],
      [account('0.8')],
      null,
      'linear',
      null,
      {},
    );
    expect(status).toMatchObject({ spend: 0.8, projection: null, crossesOn: '2025-11-02' });
  });

  it("a line's budget counts that line's rows; the account's budget needs every line imported", () => {
    const rows = [row(1, 5), row(1, 7, '+52 55 5000 0002')];
    const line: Budget = { scope: 'line', name: '+52 55 5000 0002', amount: '7' };
    const all = budgetStatuses(NOVEMBER, rows, [account('12'), line], null, 'linear', null, {});
    expect(all.map((s) => [s.spend, s.crossesOn])).toEqual([
      [12, '2025-11-01'],
      [7, '2025-11-01'],
    ]);
    const some = budgetStatuses(
      NOVEMBER,
      rows,
      [account('12'), line],
      null,
      'linear',
      new Set(['525550000002']),
      {},
    );
    expect(some.map((s) => s.budget)).toEqual([line]);
  });

  it("a group's budget takes the group's share of the cost (2 of 10 closed conversations), exactly", () => {
    const ventas: Budget = { scope: 'group', name: 'Ventas', amount: '40' };
    const missing: Budget = { scope: 'group', name: 'Marketing', amount: '1' };
    const statuses = budgetStatuses(NOVEMBER, TEN_DAYS, [ventas, missing], 20251110, 'linear', null, {
      group: GROUPS,
    });
    // 100.05 · 2/10 = 20.01 so far, 60.03 projected; 20.01 + 40.02·k/20 ≥ 40 from k = 10: the 20th.
    expect(statuses).toEqual([{ budget: ventas, spend: 20.01, projection: 60.03, crossesOn: '2025-11-20' }]);
    // A campaign budget without the month's campaign table has no status.
    const campaign: Budget = { scope: 'campaign', name: 'Ventas', amount: '1' };
    expect(
      budgetStatuses(NOVEMBER, TEN_DAYS, [campaign], 20251110, 'linear', null, { group: GROUPS }),
    ).toEqual([]);
  });

  it('none when a row has no cost (partner credit line): never a partial spend', () => {
    expect(
      budgetStatuses(NOVEMBER, [row(1, 5), row(2, null)], [account('1')], null, 'linear', null, {}),
    ).toEqual([]);
  });
});
