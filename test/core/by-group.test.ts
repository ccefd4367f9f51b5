import fc from 'fast-check';
import { billedByGroup } from '../../src/core/formulas/by-group';
import { billedByCampaign } from '../../src/core/formulas/by-campaign';
import { BOGOTA, MADRID, column } from './helpers';

describe('BILLED_BY_GROUP', () => {
  it('splits the issue example: 2/3/5, billed 7, cost 10.01', () => {
    const table = billedByGroup(
      {
        groups: column('Ventas', 'Soporte', 'Cobros'),
        closedConversations: column(2, 3, 5),
        billedTotal: 7,
        costTotal: 10.01,
      },
      MADRID,
    );
    expect(table).toEqual([
      [
        'Group',
        'Closed conversations',
        'Share',
        'Billed exact',
        'Billed whole',
        'Cost exact',
        'Cost rounded',
      ],
      ['Ventas', 2, 0.2, 1.4, 1, 2.002, 2.0],
      ['Soporte', 3, 0.3, 2.1, 2, 3.003, 3.0],
      ['Cobros', 5, 0.5, 3.5, 4, 5.005, 5.01],
      ['Total', 10, 1, 7, 7, 10.01, 10.01],
    ]);
  });

  it('omits the cost columns without cost_total and writes Spanish headers for an "es" locale', () => {
    const table = billedByGroup(
      { groups: [['A', '', 'A']], closedConversations: [[1, 1, 2]], billedTotal: 3 },
      BOGOTA,
    );
    // "A" aggregates to 3 (first appearance first); the blank label is "(sin grupo)" with 1.
    expect(table).toEqual([
      ['Grupo', 'Conversaciones cerradas', 'Participación', 'Facturado exacto', 'Facturado entero'],
      ['A', 3, 0.75, 2.25, 2],
      ['(sin grupo)', 1, 0.25, 0.75, 1],
      ['Total', 4, 1, 3, 3],
    ]);
  });

  it('skips rows blank in both columns and reads blank weights as 0', () => {
    const table = billedByGroup(
      {
        groups: column('A', '', 'B', ''),
        closedConversations: column(1, '', '', ''),
        billedTotal: 2,
        costTotal: 0,
      },
      MADRID,
    );
    expect(table.map((r) => r[0])).toEqual(['Group', 'A', 'B', 'Total']);
    expect(table[2]).toEqual(['B', 0, 0, 0, 0, 0, 0]);
  });

  it('rounds cost to `decimals` minor units: 100 over three equal groups at 0 decimals → 34/33/33', () => {
    const table = billedByGroup(
      {
        groups: column('a', 'b', 'c'),
        closedConversations: column(1, 1, 1),
        billedTotal: 0,
        costTotal: 100,
        decimals: 0,
      },
      MADRID,
    );
    expect(table.slice(1).map((r) => r[6])).toEqual([34, 33, 33, 100]);
    expect(table.slice(1, 4).map((r) => r[5])).toEqual([100 / 3, 100 / 3, 100 / 3]);
  });

  it('rounds the cost total half away from zero before splitting (10.005 at 2 decimals → 10.01)', () => {
    const table = billedByGroup(
      { groups: column('a', 'b'), closedConversations: column(1, 1), billedTotal: 1, costTotal: 10.005 },
      MADRID,
    );
    // 1001 cents over 1/1: 500.5 each, tie on remainder and weight → the first.
    expect(table.slice(1).map((r) => r[6])).toEqual([5.01, 5.0, 10.01]);
    expect(table[3][5]).toBe(10.005);
  });

  it('keeps whole units exact up to 2^53', () => {
    const big = Number.MAX_SAFE_INTEGER; // 2^53 - 1
    const table = billedByGroup(
      { groups: column('a', 'b'), closedConversations: column(1, 1), billedTotal: big },
      MADRID,
    );
    expect(table[1][4]).toBe(2 ** 52);
    expect(table[2][4]).toBe(2 ** 52 - 1);
    expect(table[3][4]).toBe(big);
  });

  it('splits exactly over decimal weights of very different sizes, up to 2^53 - 1 units', () => {
    // Weights in units of 1e-7: 1,000,000 / 2,000,000 / 1 / 1,234,567,890,000; W = 1,234,570,890,001.
    // Billed 2^53 - 1 = 9,007,199,254,740,991: quotas 7,295,813,733.899 / 14,591,627,467.798 /
    // 7,295.814 / 9,007,177,367,292,493.490 (exact fractions); floors leave 3 units, which go to the
    // remainders .899, .814, .798 (a, c, b). Cost 10.005 → 1001 cents: d's quota 1000.9975 takes all.
    const table = billedByGroup(
      {
        groups: column('a', 'b', 'c', 'd'),
        closedConversations: column(0.1, 0.2, 1e-7, 123456.789),
        billedTotal: Number.MAX_SAFE_INTEGER,
        costTotal: 10.005,
      },
      MADRID,
    );
    expect(table.slice(1).map((r) => r[4])).toEqual([
      7295813734,
      14591627468,
      7296,
      9007177367292493,
      Number.MAX_SAFE_INTEGER,
    ]);
    expect(table.slice(1).map((r) => r[6])).toEqual([0, 0, 0, 10.01, 10.01]);
    expect(table[5].slice(1, 3)).toEqual([123457.0890001, 1]);
    expect(table[3][2]).toBe(1 / 1234570890001);
  });

  it('allows all-zero weights only when nothing is billed', () => {
    const table = billedByGroup(
      { groups: column('a'), closedConversations: column(0), billedTotal: 0 },
      MADRID,
    );
    expect(table[1]).toEqual(['a', 0, 0, 0, 0]);
    expect(() =>
      billedByGroup({ groups: column('a'), closedConversations: column(0), billedTotal: 5 }, MADRID),
    ).toThrow('BILLED_BY_GROUP: closed_conversations are all zero, so billed_total cannot be split');
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a negative weight',
      { closedConversations: column(2, 3, -5) },
      'BILLED_BY_GROUP: closed_conversations row 3 is negative (-5)',
    ],
    [
      'a text weight',
      { closedConversations: column(2, 'x', 5) },
      'BILLED_BY_GROUP: closed_conversations row 2 is not a number ("x")',
    ],
    [
      'a fractional billed_total',
      { billedTotal: 7.5 },
      'BILLED_BY_GROUP: billed_total must be a whole number of units (7.5)',
    ],
    ['a negative billed_total', { billedTotal: -7 }, 'BILLED_BY_GROUP: billed_total is negative (-7)'],
    ['a missing billed_total', { billedTotal: '' }, 'BILLED_BY_GROUP: billed_total is required'],
    [
      'mismatched sizes',
      { closedConversations: column(2, 3) },
      'BILLED_BY_GROUP: closed_conversations has 2 cells but groups has 3; they must be the same size',
    ],
    [
      'decimals out of range',
      { decimals: 5 },
      'BILLED_BY_GROUP: decimals must be a whole number from 0 to 4 (5)',
    ],
    ['a text cost_total', { costTotal: 'ten' }, 'BILLED_BY_GROUP: cost_total is not a number ("ten")'],
    [
      'a cost too large for minor units, showing the cost as given (not its minor units)',
      { costTotal: 1e15, decimals: 4 },
      'BILLED_BY_GROUP: cost_total is too large to split exactly in 4-decimal units (1000000000000000)',
    ],
    [
      'weights adding up beyond the largest number (the Total would be Infinity)',
      { closedConversations: column(1e308, 1e308, 0) },
      'BILLED_BY_GROUP: closed_conversations add up to more than the largest number a cell holds',
    ],
  ])('rejects %s', (_what, change, message) => {
    const args = {
      groups: column('a', 'b', 'c'),
      closedConversations: column(2, 3, 5),
      billedTotal: 7,
      ...change,
    };
    expect(() => billedByGroup(args, MADRID)).toThrow(message);
  });

  it('always has whole and rounded columns summing exactly to their totals, and shares to 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', ''), fc.integer({ min: 0, max: 1e6 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 4 }),
        (rows, billed, costCents, decimals) => {
          fc.pre(rows.some(([, w]) => w > 0));
          const table = billedByGroup(
            {
              groups: column(...rows.map(([g]) => g)),
              closedConversations: column(...rows.map(([, w]) => w)),
              billedTotal: billed,
              costTotal: costCents / 100,
              decimals,
            },
            MADRID,
          );
          const body = table.slice(1, -1);
          const total = table[table.length - 1];
          expect(total[2]).toBe(1);
          expect(body.reduce((s, r) => s + (r[4] as number), 0)).toBe(billed);
          const unit = 10 ** decimals;
          const minor = body.reduce((s, r) => s + Math.round((r[6] as number) * unit), 0);
          expect(minor).toBe(Math.round((total[6] as number) * unit));
          expect(Math.abs(body.reduce((s, r) => s + (r[2] as number), 0) - 1)).toBeLessThan(1e-12);
          for (const row of table) for (const cell of row) expect(Number.isNaN(cell)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('BILLED_BY_CAMPAIGN', () => {
  it('splits the cost by conversations with a Total row', () => {
    const table = billedByCampaign(
      { campaigns: [['Black Friday', 'Navidad', '']], conversations: [[1, 1, 1]], costTotal: 10 },
      MADRID,
    );
    expect(table).toEqual([
      ['Campaign', 'Conversations', 'Share', 'Cost exact', 'Cost rounded'],
      ['Black Friday', 1, 1 / 3, 10 / 3, 3.34],
      ['Navidad', 1, 1 / 3, 10 / 3, 3.33],
      ['(no campaign)', 1, 1 / 3, 10 / 3, 3.33],
      ['Total', 3, 1, 10, 10],
    ]);
  });

  it('writes Spanish headers and labels', () => {
    const table = billedByCampaign(
      { campaigns: column(''), conversations: column(4), costTotal: 1.5, decimals: 1 },
      BOGOTA,
    );
    expect(table).toEqual([
      ['Campaña', 'Conversaciones', 'Participación', 'Costo exacto', 'Costo redondeado'],
      ['(sin campaña)', 4, 1, 1.5, 1.5],
      ['Total', 4, 1, 1.5, 1.5],
    ]);
  });

  it('requires cost_total and rejects all-zero conversations with a cost', () => {
    expect(() =>
      billedByCampaign({ campaigns: column('a'), conversations: column(1), costTotal: undefined }, MADRID),
    ).toThrow('BILLED_BY_CAMPAIGN: cost_total is required');
    expect(() =>
      billedByCampaign({ campaigns: column('a'), conversations: column(0), costTotal: 3 }, MADRID),
    ).toThrow('BILLED_BY_CAMPAIGN: conversations are all zero, so cost_total cannot be split');
  });
});
