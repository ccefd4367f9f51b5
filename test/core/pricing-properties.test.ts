import fc from 'fast-check';
import { billedBreakdown } from '../../src/core/formulas/breakdown';
import { billedConversations } from '../../src/core/formulas/conversations';
import { KIND_NAMES } from '../../src/core/pricing/message-kinds';
import { BOGOTA, MADRID, foreignDate } from './helpers';
import { logArgs, type Row } from './pricing-helpers';

// Instants around every rule boundary, so logs straddle them.
const ANCHORS = [
  Date.UTC(2023, 4, 31, 12),
  Date.UTC(2024, 2, 31, 20),
  Date.UTC(2024, 9, 31, 20),
  Date.UTC(2025, 5, 30, 20),
  Date.UTC(2025, 8, 10, 10),
];

const rowArb: fc.Arbitrary<Row> = fc
  .tuple(
    fc.constantFrom(...ANCHORS),
    fc.integer({ min: 0, max: 5 * 24 * 60 }),
    fc.constantFrom('+57 300 1', '573001', '0034 600', '34600', '1 555 0100'),
    fc.constantFrom(...KIND_NAMES),
  )
  .map(([anchor, minutes, contact, kind]) => [foreignDate(anchor + minutes * 60_000), contact, kind]);

const logArb = fc.array(rowArb, { minLength: 0, maxLength: 60 });

describe('BILLED_CONVERSATIONS properties', () => {
  it('never changes with the order of the rows', () => {
    fc.assert(
      fc.property(
        logArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          expect(billedConversations(logArgs(shuffled), BOGOTA)).toBe(
            billedConversations(logArgs(rows), BOGOTA),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals the sum of BILLED_BREAKDOWN charged units and of its per-category counts', () => {
    fc.assert(
      fc.property(logArb, (rows) => {
        const total = billedConversations(logArgs(rows), MADRID);
        const table = billedBreakdown(logArgs(rows), MADRID);
        expect(table.slice(1).reduce((s, r) => s + (r[3] as number), 0)).toBe(total);
        const categories = [
          'marketing',
          'utility',
          'authentication',
          'authentication_international',
          'service',
        ];
        const byCategory = categories.map((category) =>
          billedConversations({ ...logArgs(rows), category }, MADRID),
        );
        expect(byCategory.reduce((s, n) => s + n, 0)).toBe(total);
        for (const row of table)
          expect(row.every((cell) => cell !== undefined && !Number.isNaN(cell))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('lists breakdown rows by day, then model, then the fixed category order, one row per key', () => {
    const order = [
      'marketing',
      'utility',
      'authentication',
      'authentication_international',
      'service',
      'free_entry_point',
    ];
    fc.assert(
      fc.property(logArb, (rows) => {
        const keys = billedBreakdown(logArgs(rows), BOGOTA)
          .slice(1)
          .map((r) => [
            (r[0] as Date).getTime(),
            r[1] === 'conversation' ? 0 : 1,
            order.indexOf(r[2] as string),
          ]);
        for (let i = 1; i < keys.length; i++) {
          const [a, b] = [keys[i - 1], keys[i]];
          const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
          expect(cmp).toBeLessThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
