/**
 * The month-close import through the built bundle in the offline runtime, against the fake Graph server: what one
 * import writes (issue 9 point 2), the keyed upsert, formulas, named ranges, charts, the ledger and its drift.
 */
import { expectedTotals } from '../../dev/fake-graph/generator';
import { formatA1 } from '../../dev/runtime/a1';
import type { MonthCloseResult } from '../../src/rpc/contract';
import { writeCalls } from '../../dev/runtime/testing/write-calls';
import {
  connect,
  connectedRuntime,
  DATASET,
  fetches,
  useGraph,
  withOtherGraph,
  TOKEN,
  WABA_ID,
} from './meta-helpers';
import {
  CAMPAIGNS_SHEET,
  GROUPS_SHEET,
  runImport,
  seedAtomSheets,
  stableSnapshot,
  WITH_ATOM,
} from './month-close-helpers';

// Each import runs real HTTP (a child process per fetchAll) and the formula engine: minutes, not seconds, under load.
jest.setTimeout(180_000);

const server = useGraph();

const OCT = expectedTotals(DATASET, { fromDay: 20251001, toDay: 20251031 });
const OCT_COST = Math.round(OCT.costMicros) / 1e6;
const BR_LINE = DATASET.lines[0];

function imported(options: Parameters<typeof connectedRuntime>[1] = {}) {
  const m = connectedRuntime(server(), options);
  seedAtomSheets(m.rt);
  return m;
}

describe('a closed month: what one import writes', () => {
  let m: ReturnType<typeof imported>;
  let result: MonthCloseResult;
  beforeAll(() => {
    m = imported();
    result = runImport(m.rt, { month: '2025-10', ...WITH_ATOM });
  });

  it('returns the month’s figures, status and the sheets written', () => {
    expect(result).toMatchObject({
      month: '2025-10',
      status: 'closed',
      pricingModel: 'message',
      billedUnits: OCT.billable,
      cost: OCT_COST,
      currency: 'BRL',
      costToAllocate: OCT_COST,
      costToAllocateSource: 'meta',
      projection: null,
      projectionMethod: 'linear',
      rowsWritten: OCT.records,
      previous: null,
      notes: [],
    });
    expect(result.sheets.data?.name).toBe('Meta data');
    expect(result.sheets.summary.name).toBe('Billing 2025-10');
    expect(result.sheets.ledger.name).toBe('Imports');
    expect(result.daily).toHaveLength(31);
    expect(result.daily[30].cumulative).toBe(OCT.billable);
  });

  it('asks Meta once, in one fetchAll', () => {
    // Counted from the connected state: the import is the only thing that fetched.
    expect(m.rt.counters['UrlFetchApp.fetchAll']).toBe(1);
    expect(fetches(m.rt)).toBe(1);
  });

  it('"Meta data": a frozen header, one row per key, sorted, dates as dates formatted yyyy-mm-dd', () => {
    const sheet = m.rt.spreadsheet.getSheet('Meta data')!;
    expect(sheet.frozenRows).toBe(1);
    const values = m.rt.spreadsheet.getValues(`'Meta data'!A1:K${OCT.records + 1}`);
    expect(values[0]).toEqual([
      'Day',
      'Line',
      'Country',
      'Pricing model',
      'Category',
      'Type',
      'Tier',
      'Volume',
      'Cost',
      'Currency',
      'Imported at',
    ]);
    const rows = values.slice(1);
    expect(rows).toHaveLength(OCT.records);
    expect(sheet.lastRow).toBe(OCT.records + 1);
    const display = m.rt.spreadsheet.getDisplayValues(`'Meta data'!A2:K${OCT.records + 1}`);
    expect(new Set(display.map((r) => JSON.stringify(r.slice(0, 7)))).size).toBe(OCT.records);
    const sortKeys = display.map((r) => r.slice(0, 7).join('\u0000'));
    expect([...sortKeys].sort()).toEqual(sortKeys);
    expect(display[0][0]).toBe('2025-10-01');
    expect(display[display.length - 1][0]).toBe('2025-10-31');
    expect(Object.prototype.toString.call(rows[0][0])).toBe('[object Date]');
    expect(rows.reduce((s, r) => s + (r[5] === 'REGULAR' ? (r[7] as number) : 0), 0)).toBe(OCT.billable);
    expect(rows[0][1]).toMatch(/^\+\d/);
    expect(m.rt.spreadsheet.getNumberFormats("'Meta data'!A2:K2")[0]).toEqual([
      'yyyy-mm-dd',
      'General',
      'General',
      'General',
      'General',
      'General',
      'General',
      '#,##0',
      '#,##0.00',
      'General',
      'yyyy-mm-dd hh:mm:ss',
    ]);
  });

  it('"Billing 2025-10": the KPI block, named after the month', () => {
    const kpi = m.rt.spreadsheet.getDisplayValues("'Billing 2025-10'!A3:B13");
    expect(kpi).toEqual([
      ['Billed units', OCT.billable.toLocaleString('en-US')],
      ['Billed as', 'delivered template messages'],
      ['Meta cost', OCT_COST.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })],
      ['Currency', 'BRL'],
      [
        'Cost to allocate',
        OCT_COST.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      ],
      ['Projected month end', ''],
      ['Projection method', 'none (closed month)'],
      ['Status', 'Closed'],
      ['Last import', '2025-11-15 10:00:00'],
      ['Lines', 'All lines'],
      ['WhatsApp Business Account', `${DATASET.waba.name} (${WABA_ID})`],
    ]);
    for (const [name, a1] of [
      ['BILLED_UNITS_2025_10', 'B3'],
      ['META_COST_2025_10', 'B5'],
      ['COST_TO_ALLOCATE_2025_10', 'B7'],
      ['PROJECTION_2025_10', 'B8'],
    ]) {
      const named = m.rt.spreadsheet.namedRange(name);
      expect(named && { sheet: named.sheet.name, a1: formatA1(named.box) }).toEqual({
        sheet: 'Billing 2025-10',
        a1,
      });
    }
  });

  it('the daily table and the origin table', () => {
    const daily = m.rt.spreadsheet.getValues("'Billing 2025-10'!P4:R34");
    expect(daily.map((r) => r[0] as number).reduce((s, v) => s + v, 0)).toBe(OCT.billable);
    expect(daily[30][1]).toBe(OCT.billable);
    expect(daily.every((r) => r[2] === '')).toBe(true);
    const origin = m.rt.spreadsheet.getValues("'Billing 2025-10'!E3:I6");
    expect(origin[0]).toEqual(['Origin', 'Volume', 'Billed units', 'Share of volume', 'Share of billed']);
    expect(origin[3][1]).toBe(OCT.volume);
    expect(origin[3][2]).toBe(OCT.billable);
    expect((origin[1][3] as number) + (origin[2][3] as number)).toBeCloseTo(1, 12);
    const shares = m.rt.spreadsheet.getDisplayValues("'Billing 2025-10'!H4:I6");
    expect(shares[2]).toEqual(['100.00%', '100.00%']);
    expect(shares[0][1]).toBe('0.00%'); // inbound is free since July 2025: an exact zero
  });

  it('the group and campaign split are live formulas, computed, adding up exactly', () => {
    const formulas = m.rt.spreadsheet.getFormulas("'Billing 2025-10'!A17:I17")[0];
    expect(formulas[0]).toBe(
      `=BILLED_BY_GROUP('${GROUPS_SHEET}'!A2:A4, '${GROUPS_SHEET}'!B2:B4, BILLED_UNITS_2025_10, COST_TO_ALLOCATE_2025_10, 2)`,
    );
    expect(formulas[8]).toBe(
      `=BILLED_BY_CAMPAIGN('${CAMPAIGNS_SHEET}'!A2:A, '${CAMPAIGNS_SHEET}'!B2:B, COST_TO_ALLOCATE_2025_10, 2)`,
    );
    const groups = m.rt.spreadsheet.getValues("'Billing 2025-10'!A17:G21");
    expect(groups[0]).toEqual([
      'Group',
      'Closed conversations',
      'Share',
      'Billed exact',
      'Billed whole',
      'Cost exact',
      'Cost rounded',
    ]);
    expect(groups.slice(1, 4).map((r) => r[0])).toEqual(['Ventas', 'Soporte', 'Cobranza']);
    expect(groups[4][0]).toBe('Total');
    expect(groups.slice(1, 4).reduce((s, r) => s + (r[4] as number), 0)).toBe(OCT.billable);
    expect(groups[4][6]).toBe(Math.round(OCT_COST * 100) / 100);
    expect(m.rt.spreadsheet.getDisplayValues("'Billing 2025-10'!C18:C20").map((r) => r[0])).toEqual([
      '20.00%',
      '30.00%',
      '50.00%',
    ]);
    const campaigns = m.rt.spreadsheet.getValues("'Billing 2025-10'!I17:M21");
    expect(campaigns[4][0]).toBe('Total');
    expect(campaigns[4][4]).toBe(Math.round(OCT_COST * 100) / 100);
    expect(m.rt.spreadsheet.getDisplayValues("'Billing 2025-10'!K19")[0][0]).toBe('18.518518518519%');
  });

  it('two native charts: the cumulative line with the projection, the origin pie', () => {
    const charts = m.rt.spreadsheet.charts().filter((c) => c.sheet === 'Billing 2025-10');
    expect(charts.map((c) => [c.type, c.ranges])).toEqual([
      ['LINE', ["'Billing 2025-10'!O3:O34", "'Billing 2025-10'!Q3:R34"]],
      ['PIE', ["'Billing 2025-10'!E4:F5"]],
    ]);
    expect(charts[0].options).toMatchObject({ title: 'Billed units, cumulative' });
  });

  it('"Imports": one ledger row', () => {
    const ledger = m.rt.spreadsheet.getDisplayValues("'Imports'!A1:Q2");
    expect(ledger[0]).toEqual([
      'Imported at',
      'User',
      'Month',
      'WABA',
      'Lines',
      'Rows written',
      'Billed units',
      'Cost',
      'Currency',
      'Status',
      'Δ units',
      'Δ cost',
      'Run',
      'Cost source',
      'Notes',
      'Cost to allocate',
      'Cost to allocate from',
    ]);
    expect(ledger[1]).toEqual([
      '2025-11-15 10:00:00',
      'ana@example.com',
      '2025-10',
      WABA_ID,
      'All lines',
      OCT.records.toLocaleString('en-US'),
      OCT.billable.toLocaleString('en-US'),
      OCT_COST.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      'BRL',
      'Closed',
      '',
      '',
      'manual',
      'Meta',
      '',
      OCT_COST.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      'Meta’s cost',
    ]);
    // The rows below already carry the entry formats, so the next import appends with one setValues.
    expect(m.rt.spreadsheet.getNumberFormats("'Imports'!A3:Q3")).toEqual(
      m.rt.spreadsheet.getNumberFormats("'Imports'!A2:Q2"),
    );
  });
});

describe('keyed upsert and idempotence', () => {
  it('re-importing one line replaces exactly that month’s rows of that line; every other row stays identical', () => {
    const { rt } = imported();
    runImport(rt, { month: '2025-10' });
    runImport(rt, { month: '2025-09' });
    runImport(rt, { month: '2025-11' });
    const before = rt.spreadsheet.getValues("'Meta data'!A1:K");
    const formatsBefore = rt.spreadsheet.getNumberFormats("'Meta data'!A1:K");
    const result = runImport(rt, { month: '2025-10', lines: [BR_LINE.displayPhoneNumber] });
    const after = rt.spreadsheet.getValues("'Meta data'!A1:K");
    expect(after).toHaveLength(before.length);
    const isBrOctober = (r: unknown[]) =>
      r[1] === BR_LINE.displayPhoneNumber &&
      Object.prototype.toString.call(r[0]) === '[object Date]' &&
      (r[0] as Date).getTime() >= rt.sheetDate('2025-10-01').getTime() &&
      (r[0] as Date).getTime() <= rt.sheetDate('2025-10-31').getTime();
    const replaced = after.filter(isBrOctober);
    expect(replaced).toHaveLength(result.rowsWritten);
    expect(result.rowsWritten).toBe(
      expectedTotals(DATASET, { fromDay: 20251001, toDay: 20251031, lines: [BR_LINE.digits] }).records,
    );
    // Apart from the import time of the replaced rows, the sheet is the same cell for cell.
    const mask = (rows: unknown[][]) => rows.map((r) => (isBrOctober(r) ? [...r.slice(0, 10), '<time>'] : r));
    expect(mask(after)).toEqual(mask(before));
    expect(rt.spreadsheet.getNumberFormats("'Meta data'!A1:K")).toEqual(formatsBefore);
  });

  it('five identical imports leave identical sheets (apart from import times and the ledger)', () => {
    const { rt } = imported();
    runImport(rt, { month: '2025-10', ...WITH_ATOM });
    const first = stableSnapshot(rt);
    for (let i = 0; i < 4; i++) runImport(rt, { month: '2025-10', ...WITH_ATOM });
    expect(stableSnapshot(rt)).toEqual(first);
    expect(rt.spreadsheet.getSheet('Imports')!.lastRow).toBe(6);
    expect(rt.spreadsheet.getValues("'Imports'!K3:L6")).toEqual(new Array(4).fill([0, 0]));
  });

  it('a re-import writes in a few batched calls, whatever the size', () => {
    const { rt } = imported();
    runImport(rt, { month: '2025-10', ...WITH_ATOM });
    rt.resetCounters();
    runImport(rt, { month: '2025-10', ...WITH_ATOM });
    expect(writeCalls(rt.counters)).toBeLessThanOrEqual(12);
    expect(rt.counters['Range.setValue'] ?? 0).toBe(0);
  });
});

describe('the cost to allocate', () => {
  it('a value finance typed is kept on re-import, split across groups, and the result says so', () => {
    const { rt } = imported();
    runImport(rt, { month: '2025-10', ...WITH_ATOM });
    rt.spreadsheet.setValues("'Billing 2025-10'!B7", [[1190.5]]);
    const again = runImport(rt, { month: '2025-10', ...WITH_ATOM });
    expect(again).toMatchObject({ costToAllocate: 1190.5, costToAllocateSource: 'kept' });
    expect(again.notes).toEqual([{ code: 'costKept', cell: 'Billing 2025-10!B7' }]);
    expect(rt.spreadsheet.getValues("'Billing 2025-10'!B7")).toEqual([[1190.5]]);
    expect(rt.spreadsheet.getValues("'Billing 2025-10'!G21")).toEqual([[1190.5]]);
  });

  it('a request overrides it', () => {
    const { rt } = imported();
    const result = runImport(rt, { month: '2025-10', ...WITH_ATOM, costToAllocate: 2000 });
    expect(result).toMatchObject({ costToAllocate: 2000, costToAllocateSource: 'request' });
    expect(rt.spreadsheet.getValues("'Billing 2025-10'!M21")).toEqual([[2000]]);
  });

  // Issue 16 point 6: the ledger's two last columns, P (amount) and Q (where it came from).
  const allocated = (rt: ReturnType<typeof imported>['rt']) =>
    rt.spreadsheet.getValues(`'Imports'!P2:Q${rt.spreadsheet.getSheet('Imports')!.lastRow}`);

  it('the field cleared after a sidebar amount returns the cell to Meta’s cost; the ledger records each amount and its source', () => {
    const { rt } = imported();
    const typed = runImport(rt, { month: '2025-10', ...WITH_ATOM, costToAllocate: 7500.25 });
    expect(typed).toMatchObject({ costToAllocate: 7500.25, costToAllocateSource: 'request', notes: [] });
    // The daily refresh gives no amount: the sidebar's stays, still the sidebar's.
    const refreshed = runImport(rt, { month: '2025-10', ...WITH_ATOM });
    expect(refreshed).toMatchObject({ costToAllocate: 7500.25, costToAllocateSource: 'request', notes: [] });
    expect(rt.spreadsheet.getValues("'Billing 2025-10'!B7")).toEqual([[7500.25]]);
    // The sidebar's field cleared (null): not "typed in the sheet, kept" — Meta's cost, live again.
    const cleared = runImport(rt, { month: '2025-10', ...WITH_ATOM, costToAllocate: null });
    expect(cleared).toMatchObject({ costToAllocate: OCT_COST, costToAllocateSource: 'meta', notes: [] });
    expect(rt.spreadsheet.getFormulas("'Billing 2025-10'!B7")).toEqual([['=B5']]);
    expect(allocated(rt)).toEqual([
      [7500.25, 'typed in the sidebar'],
      [7500.25, 'typed in the sidebar'],
      [OCT_COST, 'Meta’s cost'],
    ]);
    expect(rt.spreadsheet.getDisplayValues("'Imports'!P2:Q2")).toEqual([
      ['7,500.25', 'typed in the sidebar'],
    ]);
    const setup = rt.runFromSidebar('getMonthCloseSetup') as { lastImports: unknown[] };
    expect(setup.lastImports[0]).toMatchObject({ costToAllocate: OCT_COST, costToAllocateSource: 'meta' });
  });

  it('an amount typed in the sheet stays when the field is blank, and the ledger says it was typed in the sheet', () => {
    const { rt } = imported();
    runImport(rt, { month: '2025-10', ...WITH_ATOM, costToAllocate: 7500.25 });
    rt.spreadsheet.setValues("'Billing 2025-10'!B7", [[8100.1]]);
    const again = runImport(rt, { month: '2025-10', ...WITH_ATOM, costToAllocate: null });
    expect(again).toMatchObject({ costToAllocate: 8100.1, costToAllocateSource: 'kept' });
    expect(allocated(rt)).toEqual([
      [7500.25, 'typed in the sidebar'],
      [8100.1, 'typed in the sheet'],
    ]);
    const setup = rt.runFromSidebar('getMonthCloseSetup') as { lastImports: unknown[] };
    expect(setup.lastImports[0]).toMatchObject({ costToAllocate: 8100.1, costToAllocateSource: 'kept' });
  });
});

describe('literal text', () => {
  const EVIL_GROUP = '=HYPERLINK("x","y")';
  const EVIL_CAMPAIGN = '<img src=x onerror=alert(1)>';

  it('group, campaign and account names from outside stay text everywhere they are written', async () => {
    await withOtherGraph({ token: TOKEN, seed: 42, name: '+cmd|calc' }, (other) => {
      const { rt } = connectedRuntime(other);
      seedAtomSheets(
        rt,
        [
          ['Group', 'Closed'],
          [EVIL_GROUP, 1],
          ['-1+1', 1],
        ],
        [
          ['Campaign', 'Conversations'],
          [EVIL_CAMPAIGN, 1],
        ],
      );
      runImport(rt, {
        month: '2025-10',
        groups: { sheet: GROUPS_SHEET, range: 'A1:B3' },
        campaigns: WITH_ATOM.campaigns,
      });
      expect(rt.spreadsheet.getValues("'Billing 2025-10'!A18:A19")).toEqual([[EVIL_GROUP], ['-1+1']]);
      expect(rt.spreadsheet.getFormulas("'Billing 2025-10'!A18:A19")).toEqual([[''], ['']]);
      expect(rt.spreadsheet.getDisplayValues("'Billing 2025-10'!I18")).toEqual([[EVIL_CAMPAIGN]]);
      expect(rt.spreadsheet.getValues("'Billing 2025-10'!B13")).toEqual([[`+cmd|calc (${WABA_ID})`]]);
      expect(rt.spreadsheet.getFormulas("'Billing 2025-10'!B13")).toEqual([['']]);
    });
  });
});

describe('drift', () => {
  it('a closed month imported again after Meta changed its figures shows Δ units and Δ cost', async () => {
    const { rt } = imported();
    const first = runImport(rt, { month: '2025-10' });
    await withOtherGraph({ token: TOKEN, seed: 7 }, (other) => {
      connect(rt, other);
      const second = runImport(rt, { month: '2025-10' });
      const seven = expectedTotals({ ...DATASET, seed: 7 }, { fromDay: 20251001, toDay: 20251031 });
      expect(second.previous).toEqual({ billedUnits: first.billedUnits, cost: first.cost });
      expect(second.billedUnits).toBe(seven.billable);
      const ledger = rt.spreadsheet.getValues("'Imports'!K3:L3")[0];
      expect(ledger[0]).toBe(seven.billable - OCT.billable);
      expect(ledger[1]).toBeCloseTo(seven.costMicros / 1e6 - OCT_COST, 6);
      expect(second.rowsWritten).toBe(seven.records);
    });
  });
});
