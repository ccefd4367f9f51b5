import { dataColumnRef, parseAtomRange, rangeA1 } from '../../src/month-close/atom-range';
import { costToAllocate } from '../../src/month-close/cost-to-allocate';
import { monthFigures, type MetaUsageRow } from '../../src/month-close/figures';
import { monthCloseLabels } from '../../src/month-close/labels';
import {
  drift,
  latestPerMonth,
  ledgerRow,
  ledgerRowFormats,
  previousImport,
  readLedger,
  type LedgerEntry,
} from '../../src/month-close/ledger';
import { parseMonth } from '../../src/month-close/month';
import { summaryPlan, type SummaryInput } from '../../src/month-close/summary-sheet';
import { ZoneCalendar } from '../../src/core/zone-calendar';

const EN = monthCloseLabels('en_US');
const ES = monthCloseLabels('es_CO');

describe('Atom ranges', () => {
  it('reads a two-column range with its header and refers to the rows under it', () => {
    const r = parseAtomRange('groups', 'Atom groups', 'a1:b20');
    expect(r).toEqual({ sheet: 'Atom groups', firstRow: 1, lastRow: 20, column: 1 });
    expect(dataColumnRef(r, 0)).toBe("'Atom groups'!A2:A20");
    expect(dataColumnRef(r, 1)).toBe("'Atom groups'!B2:B20");
    expect(rangeA1(r)).toBe('A1:B20');
  });
  it('open-ended columns, a sheet in the range, quotes in the sheet name', () => {
    const r = parseAtomRange('campaigns', '', "'Bob''s data'!C:D");
    expect(r).toEqual({ sheet: "Bob's data", firstRow: 1, lastRow: null, column: 3 });
    expect(dataColumnRef(r, 1)).toBe("'Bob''s data'!D2:D");
    expect(rangeA1(r)).toBe('C:D');
    expect(rangeA1(parseAtomRange('groups', 'S', 'A3:B'))).toBe('A3:B');
  });
  it.each([
    ['A1:C10', /must be exactly two columns/],
    ['A1:A10', /must be exactly two columns/],
    ['A5:B5', /header row and at least one row of data/],
    ['banana', /must be two columns in A1 notation/],
  ])('refuses %s', (range, message) => {
    expect(() => parseAtomRange('groups', 'S', range)).toThrow(message);
  });
  it('needs a sheet', () => {
    expect(() => parseAtomRange('groups', '', 'A1:B3')).toThrow('The groups range needs a sheet name');
  });
});

describe('cost to allocate', () => {
  const ours = { formula: '=B5', value: 12.5 };
  it('a request wins', () => {
    expect(costToAllocate(99, ours, 12.5, 'B7')).toEqual({ cell: 99, value: 99, source: 'request' });
  });
  it('Meta’s cost (live formula) by default, blank without a cost', () => {
    expect(costToAllocate(null, null, 12.5, 'B7')).toEqual({
      cell: { formula: '=B5' },
      value: 12.5,
      source: 'meta',
    });
    expect(costToAllocate(null, ours, 13, 'B7')).toEqual({
      cell: { formula: '=B5' },
      value: 13,
      source: 'meta',
    });
    expect(costToAllocate(null, { formula: '', value: '' }, null, 'B7')).toEqual({
      cell: '',
      value: null,
      source: 'meta',
    });
  });
  it('a typed number or formula is kept', () => {
    expect(costToAllocate(null, { formula: '', value: 1190 }, 1000, 'B7')).toEqual({
      cell: 1190,
      value: 1190,
      source: 'kept',
    });
    expect(costToAllocate(null, { formula: '=B5*1.19', value: 1190 }, 1000, 'B7')).toEqual({
      cell: { formula: '=B5*1.19' },
      value: 1190,
      source: 'kept',
    });
  });
  it('the sidebar’s own amount (the last import’s): a cleared field returns to Meta’s cost, not given it stays', () => {
    const cell = { formula: '', value: 7500.25 };
    const sidebar = { costToAllocate: 7500.25, costToAllocateSource: 'request' } as const;
    expect(costToAllocate(null, cell, 1000, 'B7', sidebar)).toEqual({
      cell: { formula: '=B5' },
      value: 1000,
      source: 'meta',
    });
    expect(costToAllocate(undefined, cell, 1000, 'B7', sidebar)).toEqual({
      cell: 7500.25,
      value: 7500.25,
      source: 'request',
    });
    // Changed in the sheet since, or typed there: a person's, kept either way.
    expect(costToAllocate(null, { formula: '', value: 8000 }, 1000, 'B7', sidebar).source).toBe('kept');
    expect(costToAllocate(null, cell, 1000, 'B7', { ...sidebar, costToAllocateSource: 'kept' }).source).toBe(
      'kept',
    );
    // Meta gives no cost and the rate cards priced the month.
    expect(costToAllocate(null, cell, 900, 'B7', sidebar, true)).toEqual({
      cell: { formula: '=B5' },
      value: 900,
      source: 'rateCard',
    });
  });
  it('typed text is an error naming the cell', () => {
    expect(() => costToAllocate(null, { formula: '', value: 'about 1000' }, 1000, 'B7')).toThrow(
      'The cost to allocate in B7 must be a number, not "about 1000"',
    );
  });
});

const meta = (day: string, category: string, type: string, volume: number): MetaUsageRow => ({
  day,
  line: '1',
  country: 'BR',
  pricingModel: 'message',
  category,
  type,
  tier: null,
  volume,
  cost: volume / 100,
});

function input(overrides: Partial<SummaryInput> = {}): SummaryInput {
  const month = parseMonth('2025-10');
  const calendar = new ZoneCalendar('America/Bogota');
  return {
    month,
    figures: monthFigures(
      month,
      [
        meta('2025-10-01', 'MARKETING', 'REGULAR', 70),
        meta('2025-10-01', 'SERVICE', 'FREE_CUSTOMER_SERVICE', 30),
      ],
      null,
      'linear',
    ),
    status: 'closed',
    currency: 'BRL',
    costToAllocateCell: { formula: '=B5' },
    rateCardSource: null,
    otherCosts: [],
    allocationCurrency: 'BRL',
    projectionMethod: 'linear',
    importedAt: new Date(Date.UTC(2025, 10, 15)),
    lineLabels: [],
    accountLines: ['+55 11 4002-8922'],
    wabaLabel: '=cmd|x (1)',
    groups: parseAtomRange('groups', 'Atom groups', 'A1:B4'),
    campaigns: null,
    atomContactsCell: 'X3',
    groupRows: 3,
    campaignRows: 0,
    historyNotes: [],
    budgets: [],
    makeDate: (ms) => new Date(ms),
    midnightOf: (iso) => {
      const [y, m, d] = iso.split('-').map(Number);
      return calendar.instantOf(y, m, d);
    },
    ...overrides,
  };
}

describe('summary layout', () => {
  const plan = summaryPlan(input(), EN, { rows: 0, columns: 0 });
  const at = (a1: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return {
      value: plan.values[Number(m[2]) - 1][column - 1],
      format: plan.formats[Number(m[2]) - 1][column - 1],
    };
  };

  it('KPI block with named cells', () => {
    expect(at('A3').value).toBe("'Billed units");
    expect(at('B3')).toEqual({ value: 70, format: '#,##0' });
    expect(at('B5')).toEqual({ value: 1, format: '#,##0.00' });
    expect(at('B7')).toEqual({ value: '=B5', format: '#,##0.00' });
    expect(at('B10').value).toBe("'Closed");
    expect(at('B13').value).toBe("'=cmd|x (1)");
    expect(at('A14').value).toBe("'Unique contacts");
    expect(at('B14')).toEqual({ value: '=IF(ISNUMBER(X3), X3, "")', format: '#,##0' });
    expect(at('C14').value).toBe(
      '=IF(ISNUMBER(X3), "", "Import an Atom export with contacts for this month to count them")',
    );
    expect(plan.namedCells).toEqual([
      { name: 'BILLED_UNITS_2025_10', a1: 'B3' },
      { name: 'META_COST_2025_10', a1: 'B5' },
      { name: 'COST_TO_ALLOCATE_2025_10', a1: 'B7' },
      { name: 'PROJECTION_2025_10', a1: 'B8' },
    ]);
  });

  it('daily table: one row per day of the month, dates formatted', () => {
    expect(at('O3').value).toBe("'Day");
    expect(at('O4').format).toBe('yyyy-mm-dd');
    expect(at('P4').value).toBe(70);
    expect(at('Q34').value).toBe(70);
    expect(at('R34').value).toBe('');
  });

  it('origin table with shares that never show a non-zero share as 0 %', () => {
    expect(at('E4').value).toBe("'Inbound (user-initiated)");
    expect(at('F4').value).toBe(30);
    expect(at('H4')).toEqual({ value: 0.3, format: '0.00##########%' });
    expect(at('I5')).toEqual({ value: 1, format: '0.00##########%' });
  });

  it('the group split is a live formula over the Atom range and the KPI names; formats cover its spill', () => {
    expect(at('A17').value).toBe(
      "=BILLED_BY_GROUP('Atom groups'!A2:A4, 'Atom groups'!B2:B4, BILLED_UNITS_2025_10, COST_TO_ALLOCATE_2025_10, 2)",
    );
    expect(at('C18').format).toBe('0.00##########%');
    expect(at('G21').format).toBe('#,##0.00');
    expect(at('I17').value).toBe("'" + EN.noCampaigns);
  });

  it('row 15 is blank in a one-currency month, and holds each other currency’s cost apart', () => {
    expect(plan.values[14].slice(0, 13).every((v) => v === '')).toBe(true); // the daily table is further right
    const two = summaryPlan(
      input({
        otherCosts: [
          { currency: 'CLP', cost: 1500 },
          { currency: 'USD', cost: 12.5 },
        ],
      }),
      EN,
      { rows: 0, columns: 0 },
    );
    expect(two.values[14].slice(0, 5)).toEqual([
      "'Meta cost, other currencies (never added)",
      1500,
      "'CLP",
      12.5,
      "'USD",
    ]);
    expect(two.formats[14].slice(1, 5)).toEqual(['#,##0', 'General', '#,##0.00', 'General']);
    // The month's own cost stays the account's currency's alone.
    expect(two.values[4][1]).toBe(plan.values[4][1]);
  });

  it('charts: cumulative line over the daily table, origin pie', () => {
    expect(plan.charts.map((c) => [c.kind, c.ranges])).toEqual([
      ['line', ['O3:O34', 'Q3:R34']],
      ['pie', ['E4:F5']],
    ]);
  });

  it('pads to what an earlier import wrote, so nothing stale is left', () => {
    const bigger = summaryPlan(input(), EN, { rows: 200, columns: 30 });
    expect(bigger.values).toHaveLength(200);
    expect(bigger.values[199]).toHaveLength(30);
    expect(bigger.values[199].every((v) => v === '')).toBe(true);
  });

  it('Spanish headers in the same columns', () => {
    const es = summaryPlan(input(), ES, { rows: 0, columns: 0 });
    expect(es.values[2][0]).toBe("'Unidades facturadas");
    expect(es.values[2].length).toBe(plan.values[2].length);
    expect(es.values[8][9]).toBe(plan.values[8][9]);
  });
});

describe('ledger', () => {
  const calendar = new ZoneCalendar('America/Bogota');
  const entry = (over: Partial<LedgerEntry>): LedgerEntry => ({
    importedAtMs: Date.UTC(2025, 10, 1),
    user: 'ana@example.com',
    month: '2025-10',
    wabaId: '1',
    lines: [],
    rowsWritten: 10,
    billedUnits: 100,
    cost: 5.5,
    costSource: 'Meta',
    currency: 'BRL',
    status: 'estimate',
    deltaUnits: null,
    deltaCost: null,
    scheduled: false,
    notes: '',
    costToAllocate: 5.5,
    costToAllocateSource: 'meta',
    ...over,
  });

  it('writes a row and reads it back (as Sheets returns it: without the apostrophes)', () => {
    const e = entry({ lines: ['+55 11 4002-8922'], scheduled: true, deltaUnits: 3, deltaCost: 0.25 });
    const row = ledgerRow(e, ES, (ms) => new Date(ms));
    expect(row.slice(1, 6)).toEqual(["'ana@example.com", "'2025-10", "'1", "'+55 11 4002-8922", 10]);
    expect(row[12]).toBe("'programada");
    expect(row[13]).toBe("'Meta");
    expect(row.slice(15)).toEqual([5.5, "'costo de Meta"]);
    expect(ledgerRowFormats('BRL')).toHaveLength(17);
    const readBack = row.map((c) => (typeof c === 'string' ? c.slice(1) : c));
    expect(readLedger([readBack], calendar)).toEqual([e]);
  });

  it('the amount allocated and where it came from, in either language; older rows have neither', () => {
    for (const [source, en, es] of [
      ['request', 'typed in the sidebar', 'escrito en la barra lateral'],
      ['kept', 'typed in the sheet', 'escrito en la hoja'],
      ['rateCard', 'rate card', 'tarifario'],
    ] as const) {
      const e = entry({ costToAllocate: 7500.25, costToAllocateSource: source });
      for (const [labels, text] of [
        [EN, en],
        [ES, es],
      ] as const) {
        const row = ledgerRow(e, labels, (ms) => new Date(ms));
        expect(row.slice(15)).toEqual([7500.25, `'${text}`]);
        expect(readLedger([row.map((c) => (typeof c === 'string' ? c.slice(1) : c))], calendar)).toEqual([e]);
      }
    }
    const old = ledgerRow(entry({}), EN, (ms) => new Date(ms)).slice(0, 15);
    expect(readLedger([old.map((c) => (typeof c === 'string' ? c.slice(1) : c))], calendar)[0]).toMatchObject(
      {
        costToAllocate: null,
        costToAllocateSource: null,
      },
    );
  });

  it('previous import: the last one of the same month, account and lines', () => {
    const entries = [
      entry({ billedUnits: 1 }),
      entry({ billedUnits: 2, lines: ['+55 11 4002-8922'] }),
      entry({ billedUnits: 3, month: '2025-11' }),
    ];
    expect(previousImport(entries, '2025-10', '1', [])?.billedUnits).toBe(1);
    expect(previousImport(entries, '2025-10', '1', ['55 11 4002 8922'])?.billedUnits).toBe(2);
    expect(previousImport(entries, '2025-10', '2', [])).toBeNull();
    expect(latestPerMonth(entries, 12).map((e) => [e.month, e.billedUnits])).toEqual([
      ['2025-11', 3],
      ['2025-10', 2],
    ]);
  });

  it('drift', () => {
    expect(drift({ billedUnits: 105, cost: 5.6 }, { billedUnits: 100, cost: 5.5 })).toEqual({
      deltaUnits: 5,
      deltaCost: 0.1,
    });
    expect(drift({ billedUnits: 105, cost: null }, { billedUnits: 100, cost: 5.5 })).toEqual({
      deltaUnits: 5,
      deltaCost: null,
    });
    expect(drift({ billedUnits: 1, cost: 1 }, null)).toEqual({ deltaUnits: null, deltaCost: null });
  });
});
