/**
 * The fault-injection property's machinery (import-faults.test.ts): random imports as the sidebar sends them, the
 * spreadsheet's full state, and one import checked against a clean twin with a fault at one of its service calls.
 */
import fc from 'fast-check';
import {
  DEFAULT_NUMBER_FORMAT,
  manualClock,
  type AppsScriptRuntime,
  type ManualClock,
} from '../../dev/runtime';
import type { AtomParseResult } from '../../src/atom';
import { faultAt, recordCalls } from '../support/faults';
import { AUDIT_HEADER, importParsed, parsedCsv } from './atom-helpers';
import type { FakeGraphServer } from '../../dev/fake-graph';
import { connect, DATASET, NOW } from './meta-helpers';
import { loadBundle } from '../../dev/runtime/testing/bundle';
import { runImport, seedAtomSheets, WITH_ATOM } from './month-close-helpers';
import { BRL_JULY, BRL_OCTOBER, importFixture } from './rate-helpers';

// ---- the imports --------------------------------------------------------------------------------------------

export type Import =
  | { kind: 'month close'; month: string; lines: string[]; withAtom: boolean }
  | { kind: 'atom'; label: string; parsed: AtomParseResult; month?: string; batchRows: number }
  | { kind: 'rate card'; file: string };

const GROUPS = ['Ventas', 'Soporte', 'Cobranza'];
const ATOM_MONTHS = ['2025-08', '2025-09', '2025-10'];
const pad = (n: number) => String(n).padStart(2, '0');
const dmy = (month: string, day: number) => `${pad(day)}/${month.slice(5)}/${month.slice(0, 4)}`;

const monthClose = fc.record({
  kind: fc.constant('month close' as const),
  month: fc.constantFrom('2025-07', '2025-08', '2025-09', '2025-10', '2025-11'),
  lines: fc.subarray(DATASET.lines.map((l) => l.displayPhoneNumber)),
  withAtom: fc.boolean(),
});

/** One batch, or (sometimes) batches of 1–3 rows. */
const batching = fc.oneof(fc.constant(5000), fc.integer({ min: 1, max: 3 }));

/** A small file of `row`s and how it is sent. */
const smallFile = <T>(row: fc.Arbitrary<T>) =>
  fc.record({
    rows: fc.array(row, { minLength: 1, maxLength: 6 }),
    batchRows: batching,
  });

/** Atom's per-conversation Audit export: a small pool of ids, so re-imports replace rows. */
const auditExport = smallFile(
  fc.record({
    id: fc.integer({ min: 1, max: 6 }),
    month: fc.constantFrom(...ATOM_MONTHS),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    contact: fc.integer({ min: 0, max: 4 }),
    group: fc.constantFrom(...GROUPS),
    manual: fc.boolean(),
    campaign: fc.constantFrom('', 'Black Friday', 'Bienvenida'),
  }),
).map(({ rows, batchRows }): Import => {
  const file = 'auditoria.csv';
  const cells = rows.map((r) => [
    `C-${r.id}`,
    `${dmy(r.month, r.day)} ${pad(r.hour)}:15`,
    `57300000000${r.contact}`,
    r.group,
    'Ana',
    r.manual ? 'Fin positivo' : 'Cierre de conversación automático',
    r.manual ? 'Manual' : 'Automático',
    r.campaign ? 'Campaña de flujo' : 'Mensaje restante',
    r.campaign,
  ]);
  return { kind: 'atom', label: file, parsed: parsedCsv([AUDIT_HEADER, ...cells], file), batchRows };
});

/** Atom's per-message log, with message kinds (a charged template, a service reply…). */
const messageExport = smallFile(
  fc.record({
    id: fc.integer({ min: 1, max: 4 }),
    month: fc.constantFrom(...ATOM_MONTHS),
    day: fc.integer({ min: 1, max: 28 }),
    second: fc.integer({ min: 0, max: 3599 }),
    contact: fc.integer({ min: 0, max: 4 }),
    kind: fc.constantFrom('Usuario', 'Servicio', 'Marketing', 'Utilidad', 'Autenticación'),
    group: fc.constantFrom(...GROUPS),
  }),
).map(({ rows, batchRows }): Import => {
  const file = 'mensajes.csv';
  const header = ['ID Conversación', 'Fecha y hora', 'Teléfono', 'Tipo de mensaje', 'Grupo'];
  const cells = rows.map((r) => [
    `M-${r.id}`,
    `${dmy(r.month, r.day)} 10:${pad(Math.floor(r.second / 60))}:${pad(r.second % 60)}`,
    `+57 310 00000${r.contact}`,
    r.kind,
    r.group,
  ]);
  return { kind: 'atom', label: file, parsed: parsedCsv([header, ...cells], file), batchRows };
});

/** Atom's aggregate reports (distribution by group, conversations per campaign): one month, chosen by the user. */
const aggregateExport = (what: 'groups' | 'campaigns') =>
  fc
    .record({
      month: fc.constantFrom(...ATOM_MONTHS),
      rows: fc.uniqueArray(
        fc.record({
          name: fc.constantFrom(
            ...(what === 'groups' ? GROUPS : ['Black Friday', 'Bienvenida', 'Reactivación']),
          ),
          count: fc.integer({ min: 0, max: 50 }),
        }),
        { minLength: 1, maxLength: 3, selector: (r) => r.name },
      ),
      batchRows: batching,
    })
    .map(({ month, rows, batchRows }): Import => {
      const file = what === 'groups' ? 'grupos.csv' : 'campañas.csv';
      const header = what === 'groups' ? ['Grupo', 'Conversaciones cerradas'] : ['Campaña', 'Conversaciones'];
      const parsed = parsedCsv([header, ...rows.map((r) => [r.name, String(r.count)])], file);
      if (parsed.kind !== what) throw new Error(`${file} parsed as ${parsed.kind}`);
      return { kind: 'atom', label: file, parsed, month, batchRows };
    });

const rateCard = fc.record({
  kind: fc.constant('rate card' as const),
  file: fc.constantFrom(BRL_JULY, BRL_OCTOBER),
});

/** fast-check prints an import as its description (the parsed rows are long). */
const readable = (step: Import): Import =>
  Object.assign(step, { [fc.toStringMethod]: () => describeImport(step) });

export const anImport: fc.Arbitrary<Import> = fc
  .oneof(
    monthClose,
    auditExport,
    messageExport,
    aggregateExport('groups'),
    aggregateExport('campaigns'),
    rateCard,
  )
  .map(readable);

/** Runs one import as the sidebar does; a file in batches stops at the first batch that fails. */
export function runOne(rt: AppsScriptRuntime, step: Import): void {
  if (step.kind === 'month close')
    runImport(rt, { month: step.month, lines: step.lines, ...(step.withAtom ? WITH_ATOM : {}) });
  else if (step.kind === 'rate card') importFixture(rt, step.file);
  else importParsed(rt, step.parsed, step.label, step.month ? { month: step.month } : {}, step.batchRows);
}

export function describeImport(step: Import): string {
  if (step.kind === 'month close')
    return `month close ${step.month} lines [${step.lines.join(', ')}]${step.withAtom ? ' with Atom ranges' : ''}`;
  if (step.kind === 'rate card') return `rate card ${step.file}`;
  const rows = step.parsed.rows.map((r) =>
    [r.id, r.start, r.group, r.campaign, r.messageKind, r.conversations].filter((v) => v !== '').join(' '),
  );
  return `Atom ${step.parsed.kind} ${step.label}${step.month ? ` for ${step.month}` : ''}, batches of ${Math.min(step.batchRows, rows.length)}: [${rows.join('; ')}]`;
}

// ---- the state ------------------------------------------------------------------------------------------------

/** Sheets whose rows are stored history: none may vanish while a failed import waits to be repaired. */
const STORES = [
  'Meta data',
  'Atom conversations',
  'Atom groups by month',
  'Atom campaigns by month',
  'Rate cards',
];
const LEDGER = 'Imports';
/** Columns that legitimately differ between two imports of the same rows (0-based): Meta data's import time. */
const VOLATILE: Record<string, number[]> = { 'Meta data': [10] };

interface SheetState {
  name: string;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Each row's stored cells (value, formula, number format) as JSON; "" for an empty row. */
  rows: string[];
  charts: unknown[];
}

interface State {
  sheets: SheetState[];
  namedRanges: string[];
  protections: string[];
  properties: [string, string][];
}

/** A cell's number format as Range.getNumberFormats reads it: none and an explicit "General" are the same. */
const formatOf = (format: string | undefined): string | null =>
  format === undefined || format === DEFAULT_NUMBER_FORMAT ? null : format;

/** Everything an import may change, byte for byte (ids the runtime hands out — sheet and chart ids — aside). */
export function stateOf(rt: AppsScriptRuntime): State {
  const model = rt.spreadsheet;
  const sheets = model.sheets.map((sheet): SheetState => {
    const rows: string[][] = [];
    sheet.forEachCell((r, c, cell) => {
      const format = formatOf(cell.numberFormat);
      if (cell.value === '' && cell.formula === undefined && format === null) return; // an empty cell
      (rows[r - 1] ??= [])[c - 1] = JSON.stringify([cell.value, cell.formula ?? null, format]);
    });
    return {
      name: sheet.name,
      hidden: sheet.hidden,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      rows: Array.from(rows, (cells) => (cells ? Array.from(cells, (c) => c ?? '').join('\t') : '')),
      charts: sheet.charts.map(({ chartId: _id, ...chart }) => chart),
    };
  });
  return {
    sheets,
    namedRanges: model.namedRanges.map((n) => `${n.name}=${n.sheet.name}!${JSON.stringify(n.box)}`).sort(),
    protections: model.protections.map((p) => JSON.stringify({ ...p, id: undefined, sheet: p.sheet.name })),
    properties: [...rt.properties.document.entries()].sort(([a], [b]) => a.localeCompare(b)),
  };
}

/** Where two states differ, in a few lines (the first differences of each kind). */
function differences(a: State, b: State): string[] {
  const out: string[] = [];
  const names = (s: State) => s.sheets.map((x) => x.name).join(', ');
  if (names(a) !== names(b)) out.push(`sheets [${names(a)}] vs [${names(b)}]`);
  for (const sa of a.sheets) {
    const sb = b.sheets.find((x) => x.name === sa.name);
    if (!sb) continue;
    for (const key of ['hidden', 'maxRows', 'maxColumns', 'frozenRows', 'frozenColumns'] as const)
      if (sa[key] !== sb[key]) out.push(`${sa.name}: ${key} ${sa[key]} vs ${sb[key]}`);
    const n = Math.max(sa.rows.length, sb.rows.length);
    const rows: string[] = [];
    for (let r = 0; r < n; r++) if ((sa.rows[r] ?? '') !== (sb.rows[r] ?? '')) rows.push(String(r + 1));
    if (rows.length) {
      const [ra, rb] = [sa, sb].map((s) => (s.rows[+rows[0] - 1] ?? '').split('\t'));
      const c = ra.findIndex((cell, i) => cell !== (rb[i] ?? '')) + 1 || ra.length + 1;
      out.push(
        `${sa.name}: ${rows.length} rows differ (${rows.slice(0, 5).join(', ')}${rows.length > 5 ? '…' : ''}); ` +
          `row ${rows[0]} column ${c}: ${ra[c - 1] || 'empty'} vs ${rb[c - 1] || 'empty'}`,
      );
    }
    if (JSON.stringify(sa.charts) !== JSON.stringify(sb.charts)) out.push(`${sa.name}: charts differ`);
  }
  if (a.namedRanges.join() !== b.namedRanges.join()) {
    const only = (x: string[], y: string[]) => x.filter((v) => !y.includes(v)).slice(0, 3);
    out.push(
      `named ranges: only in one ${JSON.stringify(only(a.namedRanges, b.namedRanges))}, only in the other ${JSON.stringify(only(b.namedRanges, a.namedRanges))}`,
    );
  }
  if (a.protections.join() !== b.protections.join()) out.push('protections differ');
  const props = new Set([...a.properties, ...b.properties].map(([k]) => k));
  for (const key of props) {
    const va = a.properties.find(([k]) => k === key)?.[1];
    const vb = b.properties.find(([k]) => k === key)?.[1];
    if (va !== vb) out.push(`property ${key}: ${va?.slice(0, 120)} vs ${vb?.slice(0, 120)}`);
  }
  return out;
}

/** A row holding a value or a formula (not only number formats, which whole columns get). */
const hasContent = (row: string): boolean =>
  row !== '' && row.split('\t').some((cell) => cell !== '' && !cell.startsWith('["",null,'));

/**
 * The stored rows of each store sheet, as keys — each cell's value and formula (its format is the sheets' equality's
 * business, not the record's), volatile columns blanked — with their counts.
 */
function storedRows(state: State): Map<string, number> {
  const rows = new Map<string, number>();
  for (const sheet of state.sheets) {
    if (!STORES.includes(sheet.name)) continue;
    const volatile = VOLATILE[sheet.name] ?? [];
    sheet.rows.slice(1).forEach((row) => {
      if (!hasContent(row)) return;
      const key = `${sheet.name}|${row
        .split('\t')
        .map((c, i) =>
          volatile.includes(i) || c === '' ? '' : JSON.stringify((JSON.parse(c) as unknown[]).slice(0, 2)),
        )
        .join('\t')}`;
      rows.set(key, (rows.get(key) ?? 0) + 1);
    });
  }
  return rows;
}

/** Rows of `before` that `after` keeps but `failed` lost. */
function lostRows(before: State, after: State, failed: State): string[] {
  const [b, a, f] = [before, after, failed].map(storedRows);
  const lost: string[] = [];
  for (const [key, count] of b) {
    const kept = Math.min(count, a.get(key) ?? 0);
    if ((f.get(key) ?? 0) < kept) lost.push(key);
  }
  return lost;
}

const ledgerRows = (state: State): string[] =>
  state.sheets.find((s) => s.name === LEDGER)?.rows.filter(hasContent) ?? [];

// ---- one import, faulted -----------------------------------------------------------------------------------------------

export interface Twin {
  rt: AppsScriptRuntime;
  clock: ManualClock;
}

/**
 * A manual clock that modelled work does not move (sleeps and lock waits still do): an import's "now" is the instant
 * set before it, whatever calls it made first — a repair run makes other reads than a first run, and 7 ms a call
 * would put a different import time in the sheets.
 */
function stoppedClock(start: number): ManualClock {
  return { ...manualClock(start), passTime: () => {} };
}

/** A connected runtime (meta-helpers' settings) with the Atom sheets month-close-helpers seeds. */
export function twin(graph: FakeGraphServer): Twin {
  const clock = stoppedClock(NOW);
  const rt = loadBundle({
    clock,
    user: { email: 'ana@example.com', locale: 'en' },
    spreadsheet: { timeZone: 'America/Bogota', locale: 'en_US' },
  });
  connect(rt, graph);
  seedAtomSheets(rt);
  return { rt, clock };
}

export class InvariantBroken extends Error {}

/** One import of the sequence: clean in `clean`, faulted at call `k` (1-based, modulo its calls) in `faulted`. */
export function checkStep(clean: Twin, faulted: Twin, step: Import, pick: number, at: number): string {
  clean.clock.set(at);
  const cleanBefore = stateOf(clean.rt);
  let cleanError: unknown = null;
  const { calls } = recordCalls(clean.rt, () => {
    try {
      runOne(clean.rt, step);
    } catch (e) {
      cleanError = e;
    }
  });
  const after = stateOf(clean.rt);
  const before = stateOf(faulted.rt);
  if (differences(before, cleanBefore).length)
    throw new Error(`harness: the twins differ before ${describeImport(step)}`);
  if (cleanError) {
    // A refusal without any fault: it must change nothing; the faulted twin skips it.
    const changed = differences(cleanBefore, after);
    if (changed.length)
      throw new InvariantBroken(
        `${describeImport(step)} was refused (${String(cleanError)}) but changed the sheets: ${changed.join('; ')}`,
      );
    return `${describeImport(step)}: refused (${(cleanError as Error).message.slice(0, 80)})`;
  }

  const k = 1 + (pick % calls.length);
  faulted.clock.set(at);
  const fault = faultAt(faulted.rt, k);
  let failure: unknown = null;
  try {
    runOne(faulted.rt, step);
  } catch (e) {
    failure = e;
  } finally {
    fault.stop();
  }
  const where = `${describeImport(step)}, fault at call ${k} of ${calls.length} (${fault.fired?.name ?? calls[k - 1]})`;
  const failed = stateOf(faulted.rt);
  if (!fault.fired) throw new Error(`harness: ${where}: the fault never fired`);
  if (!failure) {
    // The import absorbed the failure (a retry): then it must have done exactly what the clean run did.
    const off = differences(failed, after);
    if (off.length)
      throw new InvariantBroken(
        `${where}: reported success, but the sheets differ from the clean run: ${off.slice(0, 6).join('; ')}`,
      );
    return `${where}: absorbed`;
  }
  const broken: string[] = [];
  const ledgerBefore = ledgerRows(before);
  const ledgerFailed = ledgerRows(failed);
  if (ledgerFailed.length !== ledgerBefore.length || ledgerFailed.some((r, i) => r !== ledgerBefore[i]))
    broken.push(
      `the failed attempt changed the Imports ledger (${ledgerBefore.length} → ${ledgerFailed.length} rows)`,
    );
  const lost = lostRows(before, after, failed);
  if (lost.length)
    broken.push(
      `${lost.length} stored rows kept by the clean import were missing after the failure, e.g. ${lost[0].slice(0, 160)}`,
    );
  const unchanged = differences(before, failed).length === 0;

  // Repair: the same import again, without a fault (also when nothing changed, to keep the twins in step).
  faulted.clock.set(at);
  let rerunError: unknown = null;
  try {
    runOne(faulted.rt, step);
  } catch (e) {
    rerunError = e;
  }
  const left = differences(stateOf(faulted.rt), after);
  if (rerunError) broken.push(`re-running failed: ${String(rerunError).slice(0, 200)}`);
  if (left.length)
    broken.push(
      `${unchanged ? 'nothing changed, but re-running' : 'the sheets changed, and re-running'} did not give the clean state after: ${left.slice(0, 6).join('; ')}`,
    );
  const error = failure instanceof Error ? failure.message.slice(0, 160) : String(failure);
  if (broken.length) throw new InvariantBroken(`${where} — error "${error}":\n  - ${broken.join('\n  - ')}`);
  return `${where}: ${unchanged ? 'nothing changed' : 'repaired by the re-run'} ("${error}")`;
}
