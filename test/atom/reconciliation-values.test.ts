/**
 * The reconciliation as values (history in BigQuery): Meta's billed units per day from the month's rows, the block
 * with both unit columns as values and the difference still a formula, and where the day table's header is.
 */
import { monthBlock } from '../../src/atom/month-block';
import { monthTables, type MonthConversation } from '../../src/atom/month-tables';
import { metaDailyUnits, reconciliationHeaderRow } from '../../src/atom/reconciliation-values';
import { atomSheetLabels } from '../../src/atom/sheet-labels';
import { metaRow } from '../support/meta-rows';

const message: MonthConversation = {
  day: '2025-10-01',
  id: 'C-1',
  message: true,
  contact: '573001234567',
  group: 'Ventas',
  closingType: 'manual',
  origin: 'Inbound',
  campaign: '',
  conversations: 1,
};

describe('the reconciliation as values', () => {
  it('sums REGULAR volume by day, every line and currency, as the block\'s SUMIFS over "Meta data"', () => {
    const units = metaDailyUnits([
      metaRow({ day: '2025-10-01', line: '5730001', type: 'REGULAR', volume: 7 }),
      metaRow({ day: '2025-10-01', line: '5730002', type: 'REGULAR', volume: 5, currency: 'USD' }),
      metaRow({ day: '2025-10-01', type: 'FREE_ENTRY_POINT', volume: 100 }),
      metaRow({ day: '2025-10-02', type: 'REGULAR', volume: 0 }),
      metaRow({ day: '2025-10-03', type: null, volume: 3 }),
    ]);
    expect([...units]).toEqual([
      ['2025-10-01', 12],
      ['2025-10-02', 0],
    ]);
  });

  it('a block given both columns as values keeps the difference and the share as formulas', () => {
    const t = monthTables('2025-10', [message], { groups: [], campaigns: [] }, 'all');
    const block = monthBlock(
      t,
      atomSheetLabels('en_US'),
      undefined,
      new Map([['2025-10-01', 4]]),
      new Map([['2025-10-02', 9]]),
    );
    const { shareRow } = block.reconciliation!;
    expect(block.cells.slice(shareRow + 2, shareRow + 4)).toEqual([
      [{ day: '2025-10-01' }, 4, 0, { formula: `=X${shareRow + 3}-Y${shareRow + 3}` }],
      [{ day: '2025-10-02' }, 0, 9, { formula: `=X${shareRow + 4}-Y${shareRow + 4}` }],
    ]);
    expect(block.cells[shareRow][1]).toEqual({ formula: expect.stringContaining('COUNTIF') });
    // The day table's header is found in the block's values, in either language, not the daily table's "Day".
    const values = block.cells.map((row) => row.map((c) => (typeof c === 'string' ? c : null)));
    expect(reconciliationHeaderRow(values)).toBe(shareRow + 1);
    const es = monthBlock(t, atomSheetLabels('es_CO'));
    const esValues = es.cells.map((row) => row.map((c) => (typeof c === 'string' ? c : null)));
    expect(reconciliationHeaderRow(esValues)).toBe(es.reconciliation!.shareRow + 1);
    expect(reconciliationHeaderRow(values.slice(0, shareRow))).toBeNull();
  });
});
