/**
 * Generated bad inputs: every one must give a FormulaInputError whose message starts with the
 * function's name and names the offending argument; never a number, a table, NaN or a blank.
 */
import fc from 'fast-check';
import { FormulaInputError } from '../../src/core/errors';
import { billedBreakdown } from '../../src/core/formulas/breakdown';
import { billedByCampaign } from '../../src/core/formulas/by-campaign';
import { billedByGroup } from '../../src/core/formulas/by-group';
import { billedConversations } from '../../src/core/formulas/conversations';
import { billedProjection } from '../../src/core/formulas/projection';
import { billedUniqueContacts } from '../../src/core/formulas/unique-contacts';
import type { SheetContext } from '../../src/core/formulas/sheet-context';
import { KIND_NAMES } from '../../src/core/pricing/message-kinds';
import { BOGOTA, MADRID, column, foreignDate } from './helpers';

type Args = Record<string, unknown>;
/** A bad call: the arguments and the snake_case name the error must mention. */
type BadCall = { args: Args; arg: string };

const RUNS = 250;

// ---- bad cell values ----
const text = fc.string({ minLength: 1, maxLength: 12 });
const notANumber = fc.oneof(
  text,
  fc.boolean(),
  fc.constant(foreignDate(0)),
  fc.constantFrom(NaN, Infinity, -Infinity),
);
const negative = fc.double({ min: -1e12, max: -1e-9, noNaN: true });
const notADate = fc.oneof(
  text.filter((s) => !/^\s*\d{4}-\d{2}-\d{2}/.test(s)),
  fc.constantFrom('2025-02-30', '2025-13-01', '2025-10-01 25:00', '10/01/2025', '1899-12-31'),
  fc.integer(),
  fc.boolean(),
  fc.constant(foreignDate(NaN)),
);
const notAPhone = fc.oneof(
  text.filter((s) => /[^\d\s+\-.()]/.test(s)),
  fc.integer({ max: 0 }),
  fc.double({ min: 0.01, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)),
  fc.boolean(),
  fc.constant(foreignDate(0)),
);
const notAKind = fc.oneof(
  text.filter(
    (s) => !(KIND_NAMES as readonly string[]).includes(s.trim().toLowerCase().replace(/-/g, '_')) && s !== '',
  ),
  fc.integer(),
  fc.boolean(),
);
/** A 2-D block (more than one row and column) of harmless cells. */
const block = fc
  .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 4 }))
  .map(([r, c]) => Array.from({ length: r }, () => Array.from({ length: c }, () => 1)));

/** Replaces cell `i mod length` of a column range. */
function withCell(range: unknown[][], i: number, value: unknown): unknown[][] {
  const copy = range.map((r) => [...r]);
  copy[i % copy.length] = [value];
  return copy;
}

function badCell(base: Args, key: string, arg: string, values: fc.Arbitrary<unknown>): fc.Arbitrary<BadCall> {
  return fc
    .tuple(fc.nat(), values)
    .map(([i, v]) => ({ args: { ...base, [key]: withCell(base[key] as unknown[][], i, v) }, arg }));
}
function badShape(base: Args, key: string, arg: string): fc.Arbitrary<BadCall> {
  return block.map((b) => ({ args: { ...base, [key]: b }, arg }));
}
function shortened(base: Args, key: string, arg: string): fc.Arbitrary<BadCall> {
  return fc.nat().map((n) => {
    const range = base[key] as unknown[][];
    return { args: { ...base, [key]: range.slice(0, n % range.length) }, arg };
  });
}
function badScalar(
  base: Args,
  key: string,
  arg: string,
  values: fc.Arbitrary<unknown>,
): fc.Arbitrary<BadCall> {
  return values.map((v) => ({ args: { ...base, [key]: v }, arg }));
}

function expectClearError(
  fn: string,
  call: (args: Args, sheet: SheetContext) => unknown,
  bad: BadCall,
  sheet: SheetContext,
) {
  let thrown: unknown;
  try {
    call(bad.args, sheet);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(FormulaInputError);
  const message = (thrown as Error).message;
  expect(message.startsWith(`${fn}: `)).toBe(true);
  expect(message).toContain(bad.arg);
  expect(message).not.toMatch(/\(NaN\)|\(undefined\)|\[object/);
}

function checkAll(
  fn: string,
  call: (args: Args, sheet: SheetContext) => unknown,
  calls: fc.Arbitrary<BadCall>,
) {
  it(`${fn}: ${RUNS} generated bad inputs each give a clear error`, () => {
    fc.assert(
      fc.property(calls, fc.constantFrom(BOGOTA, MADRID), (bad, sheet) =>
        expectClearError(fn, call, bad, sheet),
      ),
      { numRuns: RUNS },
    );
  });
}

describe('generated bad inputs', () => {
  const unique: Args = {
    contacts: column('+57 300 1', '573002', '34 600'),
    dates: column('2025-10-01', '2025-10-02', '2025-10-03'),
    start: '2025-10-01',
    end: '2025-10-31',
  };
  checkAll(
    'BILLED_UNIQUE_CONTACTS',
    (a, s) => billedUniqueContacts(a as { contacts: unknown }, s),
    fc.oneof(
      badCell(unique, 'contacts', 'contacts', notAPhone),
      badCell(unique, 'dates', 'dates', notADate),
      badShape(unique, 'contacts', 'contacts'),
      badShape(unique, 'dates', 'dates'),
      shortened(unique, 'dates', 'dates'),
      badScalar(unique, 'start', 'start', notADate),
      badScalar(unique, 'end', 'end', notADate),
      badScalar(unique, 'end', 'start', fc.constantFrom('2025-09-30', '2025-01-01')),
    ),
  );

  const group: Args = {
    groups: column('a', 'b', 'c'),
    closedConversations: column(2, 3, 5),
    billedTotal: 7,
    costTotal: 10.01,
    decimals: 2,
  };
  const groupCall = (a: Args, s: SheetContext) => billedByGroup(a as Parameters<typeof billedByGroup>[0], s);
  checkAll(
    'BILLED_BY_GROUP',
    groupCall,
    fc.oneof(
      badCell(group, 'closedConversations', 'closed_conversations', fc.oneof(notANumber, negative)),
      badShape(group, 'groups', 'groups'),
      badShape(group, 'closedConversations', 'closed_conversations'),
      shortened(group, 'closedConversations', 'closed_conversations'),
      badScalar(
        group,
        'billedTotal',
        'billed_total',
        fc.oneof(
          notANumber,
          negative,
          fc.double({ min: 0.001, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)),
          fc.constant(undefined),
        ),
      ),
      badScalar(group, 'costTotal', 'cost_total', fc.oneof(notANumber, negative)),
      badScalar(
        group,
        'decimals',
        'decimals',
        fc.oneof(fc.integer({ min: 5 }), fc.integer({ max: -1 }), fc.constant(1.5), text, fc.boolean()),
      ),
      badScalar(group, 'closedConversations', 'closed_conversations', fc.constant(column(0, 0, 0))),
    ),
  );

  const campaign: Args = { campaigns: column('x', 'y'), conversations: column(1, 4), costTotal: 99.5 };
  checkAll(
    'BILLED_BY_CAMPAIGN',
    (a, s) => billedByCampaign(a as Parameters<typeof billedByCampaign>[0], s),
    fc.oneof(
      badCell(campaign, 'conversations', 'conversations', fc.oneof(notANumber, negative)),
      badShape(campaign, 'campaigns', 'campaigns'),
      shortened(campaign, 'campaigns', 'conversations'),
      badScalar(
        campaign,
        'costTotal',
        'cost_total',
        fc.oneof(notANumber, negative, fc.constant(undefined), fc.constant(column(1, 2))),
      ),
      badScalar(campaign, 'decimals', 'decimals', fc.oneof(fc.integer({ min: 5 }), fc.constant(-1), text)),
    ),
  );

  const projection: Args = {
    dates: column('2025-10-01', '2025-10-02', '2025-10-03'),
    dailyBilled: column(1, 2, 3),
    asOf: '2025-10-03',
    method: 'weekday',
  };
  checkAll(
    'BILLED_PROJECTION',
    (a, s) => billedProjection(a as Parameters<typeof billedProjection>[0], s),
    fc.oneof(
      badCell(projection, 'dates', 'dates', notADate),
      badCell(projection, 'dailyBilled', 'daily_billed', notANumber),
      badShape(projection, 'dates', 'dates'),
      shortened(projection, 'dailyBilled', 'daily_billed'),
      badScalar(projection, 'asOf', 'as_of', notADate),
      badScalar(
        projection,
        'method',
        'method',
        fc.oneof(
          text.filter((s) => !['linear', 'trailing7', 'weekday'].includes(s.trim().toLowerCase())),
          fc.integer(),
          fc.boolean(),
        ),
      ),
    ),
  );

  const log: Args = {
    timestamps: column('2025-09-10 10:00', '2025-09-10 11:00', '2025-09-10 11:30'),
    contacts: column('+57 300 1', '573001', '573001'),
    kinds: column('user', 'utility', 'marketing'),
  };
  const logMutations = (base: Args) => [
    badCell(base, 'timestamps', 'timestamps', notADate),
    badCell(base, 'contacts', 'contacts', notAPhone),
    badCell(base, 'kinds', 'kinds', notAKind),
    badShape(base, 'timestamps', 'timestamps'),
    badShape(base, 'kinds', 'kinds'),
    shortened(base, 'contacts', 'contacts'),
    shortened(base, 'kinds', 'kinds'),
  ];
  checkAll(
    'BILLED_CONVERSATIONS',
    (a, s) => billedConversations(a as unknown as Parameters<typeof billedConversations>[0], s),
    fc.oneof(
      ...logMutations(log),
      badScalar(
        log,
        'category',
        'category',
        fc.oneof(
          text.filter(
            (s) => !/^\s*(marketing|utility|authentication([-_]international)?|service)\s*$/i.test(s),
          ),
          fc.integer(),
          fc.boolean(),
          fc.constant('free_entry_point'),
        ),
      ),
    ),
  );
  checkAll(
    'BILLED_BREAKDOWN',
    (a, s) => billedBreakdown(a as unknown as Parameters<typeof billedBreakdown>[0], s),
    fc.oneof(...logMutations(log)),
  );
});
