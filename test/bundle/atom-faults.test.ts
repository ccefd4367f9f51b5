/**
 * Issue 15's fault property for the Atom import, through the built bundle: for random sequences of Atom imports
 * (Audit exports, a per-message log, group and campaign reports; one batch or several), the last one is stopped by a
 * service failing at a random call (a ServiceFault thrown at the runtime's wait point before it).
 * A fault before the import's first write leaves every sheet, named range and setting as it was; a fault later
 * never loses a stored row the import keeps, and running the same import again gives exactly the state a run without
 * the fault gives. The hidden staging sheet and its state, scratch that the next import discards, are left out.
 */
import fc from 'fast-check';
import { ServiceFault, type AppsScriptRuntime } from '../../dev/runtime';
import { formatA1 } from '../../dev/runtime/a1';
import { spreadsheetSnapshot } from '../../dev/preview/snapshot';
import type { AtomParseResult } from '../../src/atom';
import type { ImportAtomRowsRequest } from '../../src/rpc/contract';
import { atomRuntime, AUDIT_HEADER, importParsed, parsedCsv } from './atom-helpers';

jest.setTimeout(300_000);

const STAGING = 'Atom import (staging)';
const WRITE =
  /^(Range\.(set|clear)|Sheet\.(insert|delete|set|hide|clear)|Spreadsheet\.(insertSheet|deleteSheet|setNamedRange|removeNamedRange|setActiveSheet)|Properties\.(set|delete))/;

const audit = (id: string, start: string, group: string, campaign = ''): string[] => [
  id,
  start,
  '+57 300 123 4567',
  group,
  'Lucía',
  'Venta',
  'Manual',
  'Campaña de flujo',
  campaign,
];

interface File {
  name: string;
  parsed: AtomParseResult;
  extra?: Partial<ImportAtomRowsRequest>;
}

const FILES: File[] = [
  {
    name: 'auditoria-1.csv',
    parsed: parsedCsv(
      [
        AUDIT_HEADER,
        audit('C-1', '01/10/2025 08:15', 'Ventas', 'Black Friday'),
        audit('C-2', '02/10/2025 09:00', 'Soporte'),
        audit('C-3', '03/11/2025 10:00', 'Ventas'),
      ],
      'auditoria-1.csv',
    ),
  },
  {
    name: 'auditoria-2.csv',
    parsed: parsedCsv(
      [AUDIT_HEADER, audit('C-2', '02/10/2025 09:30', 'Ventas'), audit('C-4', '04/10/2025 11:00', 'Cobros')],
      'auditoria-2.csv',
    ),
  },
  {
    // No ids: replaces the rows of its month (here fewer than were stored).
    name: 'sin-ids.csv',
    parsed: parsedCsv(
      [AUDIT_HEADER.slice(1), audit('', '06/10/2025 10:00', 'Ventas').slice(1)],
      'sin-ids.csv',
    ),
  },
  {
    // 350 groups: October's tables grow from 300 to 400 rows.
    name: 'grupos-audit.csv',
    parsed: parsedCsv(
      [
        AUDIT_HEADER,
        ...Array.from({ length: 350 }, (_, i) => audit(`G-${i}`, '07/10/2025 10:00', `Grupo ${i}`)),
      ],
      'grupos-audit.csv',
    ),
  },
  {
    name: 'mensajes.csv',
    parsed: parsedCsv(
      [
        ['ID Conversación', 'Fecha y hora', 'Teléfono', 'Tipo de mensaje', 'Grupo'],
        ['C-1', '01/10/2025 08:15:00', '+57 310 0000001', 'Usuario', 'Ventas'],
        ['C-1', '01/10/2025 08:20:00', '+57 310 0000001', 'Servicio', 'Ventas'],
        ['M-9', '05/10/2025 12:00:00', '+57 320 0000002', 'Marketing', 'Ventas'],
      ],
      'mensajes.csv',
    ),
  },
  {
    name: 'grupos.csv',
    parsed: parsedCsv(
      [
        ['Grupo', 'Conversaciones cerradas'],
        ['Ventas', '12'],
        ['Soporte', '3'],
      ],
      'grupos.csv',
    ),
    extra: { month: '2025-10' },
  },
  {
    name: 'campañas.csv',
    parsed: parsedCsv(
      [
        ['Campaña', 'Conversaciones'],
        ['Black Friday', '10'],
      ],
      'campañas.csv',
    ),
    extra: { month: '2025-09' },
  },
];

interface Step {
  file: number;
  /** Rows per batch: 1 sends a file in several batches (staged), 5000 in one. */
  batchRows: number;
}

const run = (rt: AppsScriptRuntime, step: Step) => {
  const f = FILES[step.file];
  return importParsed(rt, f.parsed, f.name, f.extra, step.batchRows);
};

/** Everything an import may change but the staging scratch. */
function state(rt: AppsScriptRuntime) {
  const snapshot = spreadsheetSnapshot(rt.spreadsheet, { maxRows: 400 });
  return {
    sheets: snapshot.sheets.filter((s) => s.name !== STAGING),
    grids: rt.spreadsheet.sheets
      .filter((s) => s.name !== STAGING)
      .map((s) => [s.name, s.maxRows, s.maxColumns]),
    named: rt.spreadsheet.namedRanges.map((n) => [n.name, n.sheet.name, formatA1(n.box)]),
    properties: [...rt.properties.document].filter(([k]) => k !== 'atomBilling.atom.staging'),
  };
}

const storedRows = (rt: AppsScriptRuntime): string[] => {
  const sheet = rt.spreadsheet.getSheet('Atom conversations');
  return sheet ? sheet.values(`A2:N${Math.max(2, sheet.lastRow)}`).map((r) => JSON.stringify(r)) : [];
};

/** The import's service calls in order, and the index of its first write (calls made by it alone). */
function calls(rt: AppsScriptRuntime, step: Step): { count: number; firstWrite: number } {
  const names: string[] = [];
  rt.onWait = (p) => {
    if (p.kind === 'call' && p.executions === 1) names.push(p.name);
  };
  try {
    run(rt, step);
  } finally {
    rt.onWait = undefined;
  }
  return { count: names.length, firstWrite: names.findIndex((n) => WRITE.test(n)) };
}

/** Runs `before`, then `last` with a service failing at its call number `at`, and checks the promises. */
function faultAt(before: Step[], last: Step, at: (count: number, firstWrite: number) => number): void {
  const clean = atomRuntime();
  before.forEach((s) => run(clean, s));
  const { count, firstWrite } = calls(clean, last);
  const after = state(clean);

  const rt = atomRuntime();
  before.forEach((s) => run(rt, s));
  const was = state(rt);
  const wasRows = storedRows(rt);
  const fault = at(count, firstWrite);
  let n = 0;
  rt.onWait = (p) => {
    if (p.kind === 'call' && p.executions === 1 && n++ === fault)
      throw new ServiceFault(`Service Spreadsheets failed (fault at call ${fault})`);
  };
  expect(() => run(rt, last)).toThrow(`fault at call ${fault}`);
  rt.onWait = undefined;
  if (fault <= firstWrite) expect(state(rt)).toEqual(was);
  // No stored row the import keeps is missing mid-way.
  const kept = new Set(storedRows(clean));
  const now = new Set(storedRows(rt));
  expect(wasRows.filter((r) => kept.has(r) && !now.has(r))).toEqual([]);
  run(rt, last);
  expect(state(rt)).toEqual(after);
}

it('a fault at any call of an Atom import: nothing changed before its first write; the same import repairs it', () => {
  const step = fc.record({
    file: fc.integer({ min: 0, max: FILES.length - 1 }),
    batchRows: fc.constantFrom(1, 5000),
  });
  fc.assert(
    fc.property(
      fc.array(step, { maxLength: 3 }),
      step,
      fc.double({ min: 0, max: 1, noNaN: true }),
      (before, last, at) => faultAt(before, last, (count) => Math.min(count - 1, Math.floor(at * count))),
    ),
    { numRuns: 40, seed: 15 },
  );
});

it.each([
  ['a re-import that replaces a month with fewer rows', { file: 2, batchRows: 5000 }],
  ['an import that grows the month’s tables', { file: 3, batchRows: 5000 }],
])('%s, failing at each of its calls in turn, is repaired by running it again', (_, last) => {
  const before = [{ file: 0, batchRows: 5000 }];
  const clean = atomRuntime();
  before.forEach((s) => run(clean, s));
  const { count } = calls(clean, last);
  for (let k = 0; k < count; k++) faultAt(before, last, () => k);
});
