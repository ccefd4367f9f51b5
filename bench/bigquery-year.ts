/**
 * A year with the history in BigQuery (issue 19's bench; run: npm run bench, or npx tsx bench/bigquery-year.ts
 * [--quick | --messages N]). The built bundle in the offline runtime, its History setting switched to BigQuery
 * through the sidebar call (setHistoryStore) on the fake BigQuery (DuckDB, child process), closes the 12 months
 * 2025-11 … 2026-10 one after another, each on the 3rd of the next month, against a fake Graph account of 78 lines
 * (about 100,000 Meta rows a month); each month's Atom part (atomMonth below) comes first. Then the last month is
 * closed again a day later (a re-close reads its stored partition). Prints, each with its goal and MET / MISSED:
 *  (a) the spreadsheet's cells after the year (every sheet's grid, as Sheets counts them);
 *  (b) the modelled execution time of each month close (the runtime's clock: UrlFetch rounds at FETCH_LATENCY_MS
 *      plus the fakes' real answer time, 7 ms per spreadsheet call), with its service calls;
 *  (c) the bytes each month close's queries read (as the fake counts them, per partition read) against one
 *      month's partition of meta_rows, and the Atom billing query's against one month of atom_messages;
 *  (d) the billed units of each month by the billing SQL (billedBreakdownSql on the fake) and by the JS engine
 *      on the same messages: identical or not (the script exits 1 when they differ).
 * The default is the issue's 1,000,000 messages a month; --quick (npm run bench -- --quick) runs QUICK_MESSAGES.
 */
import { performance } from 'node:perf_hooks';
import { strToU8 } from 'fflate';
import { startFakeGraphServerProcess, type FakeGraphServer } from '../dev/fake-graph';
import { startFakeBigQueryServerProcess } from '../dev/fake-bigquery/server';
import { AUDIT_ES_HEADER, csv } from '../dev/fixtures/atom-exports';
import { manualClock, OFFLINE_OAUTH_TOKEN, type AppsScriptRuntime, type ManualClock } from '../dev/runtime';
import { loadBundle } from '../dev/runtime/testing/bundle';
import { splitIntoBatches } from '../src/atom/batches';
import { parseAtomExport } from '../src/atom/parse';
import { billedBreakdownSql, type SqlQuery } from '../src/bigquery/billing-sql';
import { HISTORY_TABLES } from '../src/bigquery/schema';
import type {
  AtomImportSetup,
  HistoryStoreView,
  ImportAtomRowsResult,
  MonthCloseResult,
} from '../src/rpc/contract';
import { engineBreakdown, messagesNdjson, syntheticMonth, ZONE } from './atom-messages';
import {
  dryRunBytes,
  jobsSince,
  loadPartition,
  queryRows,
  requestCount,
  tableSize,
  type BenchDataset,
} from './bigquery-rest';
import { gridSummary } from './grid';

const FULL_MESSAGES = 1_000_000;
/**
 * --quick's size: the full year took 5 to 7 minutes of real time on the shared 2-core machine (about 12 s a month
 * for the messages: generating, loading, the SQL and the JS engine; the month closes' 2–3 minutes are the same at
 * any size).
 */
const QUICK_MESSAGES = 250_000;
const CONTACTS_PER_MESSAGE = 0.1;
const META_LINES = 78;
const AUDIT_CONVERSATIONS = 300;
/**
 * A UrlFetch round to BigQuery's API from Apps Script, assumed on the slow side (Google publishes no figure); the
 * runtime adds the fake's real answer time, which includes DuckDB's work on the month.
 */
const FETCH_LATENCY_MS = 250;
const LIMIT_MS = 6 * 60_000;
const GOAL_CLOSE_MS = 60_000;
const GOAL_CELLS = 1_000_000;
const PROJECT = 'atom-billing-bench';
const GRAPH_TOKEN = 'BENCH-TOKEN-0001';
const MONTHS = Array.from({ length: 12 }, (_, i) => ({
  year: 2025 + Math.floor((10 + i) / 12),
  month: ((10 + i) % 12) + 1,
}));
/** The columns of atom_messages the billing queries price (src/bigquery/schema.ts's priced()). */
const PRICED_COLUMNS = 'month, sent_at, line, contact, kind';
// Columns are named, never `*`: the fake counts `SELECT *` as the columns named elsewhere in the statement only.

interface Year {
  rt: AppsScriptRuntime;
  clock: ManualClock;
  bq: BenchDataset;
  messages: number;
}

interface MonthAt {
  year: number;
  month: number;
  /** YYYY-MM */
  key: string;
  first: string;
}

const monthAt = ({ year, month }: { year: number; month: number }): MonthAt => {
  const key = `${year}-${String(month).padStart(2, '0')}`;
  return { year, month, key, first: `${key}-01` };
};

const met = (ok: boolean) => (ok ? 'MET' : 'MISSED');
const n = (v: number) => v.toLocaleString('en');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The month sheet's Atom block: a small Audit export of the month (groups, agents, campaigns), as Atom writes one. */
function auditExport(at: MonthAt): Uint8Array {
  const groups = ['Atención al Cliente', 'Ventas', 'Cobranza', 'Soporte técnico'];
  const campaigns = ['', 'Bienvenida', 'Recordatorio de pago'];
  const days = new Date(Date.UTC(at.year, at.month, 0)).getUTCDate();
  const rows = Array.from({ length: AUDIT_CONVERSATIONS }, (_, i) => {
    const day = String(1 + (i % days)).padStart(2, '0');
    const time = `${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    return [
      `C-${at.key}-${i}`,
      `${day}/${String(at.month).padStart(2, '0')}/${at.year} ${time}`,
      `+57 300 ${String(100 + (i % 900))} ${String(i).padStart(4, '0')}`,
      'WA +573001110000',
      groups[i % groups.length],
      `Agente ${i % 12}`,
      i % 3 ? 'Fin positivo' : 'Seguimiento',
      'Manual',
      i % 2 ? 'Click to WhatsApp' : 'Plantilla individual',
      campaigns[i % campaigns.length],
      '',
    ];
  });
  return strToU8(csv([AUDIT_ES_HEADER, ...rows], ';'));
}

interface AtomMonth {
  messages: number;
  /** The add-on's import of the month's Audit export: modelled time of its slowest call. */
  importModelledMs: number;
  importBytes: number;
  generateMs: number;
  loadMs: number;
  engineMs: number;
  engine: { rows: string[]; chargedUnits: number };
}

/**
 * The month's Atom part — the one function to switch to the add-on's own import at scale (branch atom-scale:
 * sidebar batches into a staging table, one transaction at the commit). Until then: the add-on imports a small
 * Audit export of the month through the sidebar's call (its month sheet's Atom block and tables), then the bench
 * generates the month's messages and loads them into atom_messages itself (WRITE_TRUNCATE of the partition),
 * NOT through the add-on's import. Returns the JS engine's breakdown of the same messages for (d).
 */
async function atomMonth(y: Year, at: MonthAt): Promise<AtomMonth> {
  const fileName = `auditoria-${at.key}.csv`;
  const parsed = parseAtomExport(auditExport(at), fileName);
  if (parsed.rejected.length) throw new Error(`${fileName}: ${parsed.rejected.length} rows rejected`);
  const setup = y.rt.runFromSidebar('getAtomImportSetup') as AtomImportSetup;
  const batches = splitIntoBatches(parsed.rows, setup.batchRows);
  let importModelledMs = 0;
  let last: ImportAtomRowsResult | undefined;
  batches.forEach((rows, index) => {
    const start = y.clock.now();
    last = y.rt.runFromSidebar('importAtomRows', {
      kind: parsed.kind,
      fileName,
      mapping: parsed.mapping,
      rows,
      batch: { index, count: batches.length },
    }) as ImportAtomRowsResult;
    importModelledMs = Math.max(importModelledMs, y.clock.now() - start);
  });
  if (!last?.committed || !last.months.includes(at.key))
    throw new Error(`the Atom import of ${fileName} did not commit ${at.key}`);

  let start = performance.now();
  const log = syntheticMonth(at.year, at.month, {
    messages: y.messages,
    contacts: Math.round(y.messages * CONTACTS_PER_MESSAGE),
    seed: 19 + at.month,
  });
  const ndjson = messagesNdjson(log);
  const generateMs = performance.now() - start;
  start = performance.now();
  const loaded = await loadPartition(y.bq, 'atom_messages', at.first, ndjson);
  const loadMs = performance.now() - start;
  if (loaded !== y.messages) throw new Error(`atom_messages ${at.key}: ${loaded} rows loaded`);
  start = performance.now();
  const engine = engineBreakdown(log);
  const engineMs = performance.now() - start;
  return {
    messages: loaded,
    importModelledMs,
    importBytes: last.bytesProcessed ?? 0,
    generateMs,
    loadMs,
    engineMs,
    engine,
  };
}

interface CloseRun {
  month: string;
  rows: number;
  modelledMs: number;
  fetchMs: number;
  callMs: number;
  wallMs: number;
  spreadsheetCalls: number;
  fetchRounds: number;
  requests: number;
  /** The result card's bytesProcessed, and what the fake counted for the close's query jobs. */
  cardBytes: number;
  fakeBytes: number;
  /** The rows the close's query jobs returned. */
  rowsRead: number;
  queries: number;
  loads: number;
}

/** One month close through the sidebar call, measured. */
async function closeMonth(y: Year, at: MonthAt): Promise<CloseRun> {
  const since = await requestCount(y.bq);
  y.rt.resetCounters();
  const spent = { ...y.rt.timeSpent };
  const clockStart = y.clock.now();
  const start = performance.now();
  const result = y.rt.runFromSidebar('runMonthClose', { month: at.key }) as MonthCloseResult;
  const wallMs = performance.now() - start;
  const jobs = await jobsSince(y.bq, since);
  const c = y.rt.counters;
  return {
    month: at.key,
    rows: result.rowsWritten,
    modelledMs: y.clock.now() - clockStart,
    fetchMs: y.rt.timeSpent.fetchMs - spent.fetchMs,
    callMs: y.rt.timeSpent.callMs - spent.callMs,
    wallMs,
    spreadsheetCalls: Object.entries(c)
      .filter(([k]) => /^(Range|Sheet|Spreadsheet|SpreadsheetApp)\./.test(k))
      .reduce((sum, [, v]) => sum + v, 0),
    fetchRounds: (c['UrlFetchApp.fetch'] ?? 0) + (c['UrlFetchApp.fetchAll'] ?? 0),
    requests: c['UrlFetchApp.requests'] ?? 0,
    cardBytes: result.bytesProcessed ?? 0,
    fakeBytes: jobs.bytes,
    rowsRead: jobs.rows,
    queries: jobs.queries,
    loads: jobs.loads,
  };
}

const monthParam = (first: string) => ({
  name: 'month',
  parameterType: { type: 'DATE' as const },
  parameterValue: { value: first },
});

/** One month's partition of `table`, the named columns: the bytes a query reading that month alone processes. */
const partitionBytes = (y: Year, table: string, columns: string, first: string) =>
  dryRunBytes(y.bq, {
    query: `SELECT ${columns} FROM \`${PROJECT}.${y.bq.dataset}.${table}\` WHERE month = @month`,
    queryParameters: [monthParam(first)] as SqlQuery['queryParameters'],
  });

interface SqlCheck {
  identical: boolean;
  sqlRows: number;
  sqlMs: number;
  bytes: number;
  partitionBytes: number;
}

/** The month's breakdown by the billing SQL on the fake, against the JS engine's on the same messages. */
async function sqlCheck(y: Year, at: MonthAt, engine: AtomMonth['engine']): Promise<SqlCheck> {
  const firstDay = at.year * 10000 + at.month * 100 + 1;
  const sql = billedBreakdownSql({
    dataset: { projectId: PROJECT, datasetId: y.bq.dataset },
    timeZone: ZONE,
    readFrom: firstDay,
    firstDay,
    lastDay: firstDay + new Date(Date.UTC(at.year, at.month, 0)).getUTCDate() - 1,
    carried: true,
  });
  const start = performance.now();
  const answer = await queryRows(y.bq, sql);
  const sqlMs = performance.now() - start;
  const identical =
    answer.rows.length === engine.rows.length && answer.rows.every((row, i) => row === engine.rows[i]);
  return {
    identical,
    sqlRows: answer.rows.length,
    sqlMs,
    bytes: answer.bytes,
    partitionBytes: await partitionBytes(y, 'atom_messages', PRICED_COLUMNS, at.first),
  };
}

function sizeFromArgs(): number {
  if (process.argv.includes('--quick')) return QUICK_MESSAGES;
  const at = process.argv.indexOf('--messages');
  return at >= 0 ? Number(process.argv[at + 1]) : FULL_MESSAGES;
}

async function main(): Promise<void> {
  const wallStart = performance.now();
  const messages = sizeFromArgs();
  const [graph, server] = await Promise.all([
    startFakeGraphServerProcess({ token: GRAPH_TOKEN, seed: 42, lineCount: META_LINES }),
    startFakeBigQueryServerProcess({ token: OFFLINE_OAUTH_TOKEN }),
  ]);
  try {
    await server.createDataset(PROJECT, 'history');
    const clock = manualClock(Date.UTC(2025, 11, 3, 17));
    const rt = loadBundle({
      clock,
      user: { email: 'ana@example.com', locale: 'en' },
      spreadsheet: { timeZone: ZONE, locale: 'en_US' },
      fetchLatencyMs: FETCH_LATENCY_MS,
    });
    const y: Year = {
      rt,
      clock,
      messages,
      bq: { server, project: PROJECT, dataset: 'history', token: OFFLINE_OAUTH_TOKEN },
    };
    await runYear(y, graph, wallStart);
  } finally {
    await Promise.all([graph.close(), server.close()]);
  }
}

async function runYear(y: Year, graph: FakeGraphServer, wallStart: number): Promise<void> {
  y.rt.runFromSidebar('saveConnection', {
    wabaId: '102290129340398',
    token: GRAPH_TOKEN,
    graphBaseUrl: graph.url,
  });
  const view = y.rt.runFromSidebar('setHistoryStore', {
    kind: 'bigquery',
    project: PROJECT,
    dataset: y.bq.dataset,
    apiBaseUrl: y.bq.server.url,
  }) as HistoryStoreView;
  const full = y.messages === FULL_MESSAGES;
  console.log(
    `BigQuery year: History set to BigQuery through setHistoryStore (tables created: ${view.createdTables.join(', ')}); ` +
      `12 months ${MONTHS.map(monthAt)[0].key} … ${monthAt(MONTHS[11]).key}, ${n(y.messages)} Atom messages a month ` +
      `(${full ? "the issue's full size" : `NOT the issue's ${n(FULL_MESSAGES)}: run npm run bench without --quick for it`}), ` +
      `Meta: ${META_LINES} lines on the fake Graph; UrlFetch latency modelled ${FETCH_LATENCY_MS} ms a round`,
  );
  console.log(
    `  Atom messages: generated and loaded into atom_messages by the bench, NOT through the add-on's import ` +
      `(the add-on imports a ${AUDIT_CONVERSATIONS}-conversation Audit export a month for its month sheet's Atom block)`,
  );

  const closes: CloseRun[] = [];
  const checks: (SqlCheck & { month: string; chargedUnits: number })[] = [];
  const phase = { generateMs: 0, loadMs: 0, engineMs: 0, sqlMs: 0, closeMs: 0 };
  let worstImport = 0;
  for (const m of MONTHS) {
    const at = monthAt(m);
    // Closed on the 3rd of the next month, noon in Bogotá.
    y.clock.set(Date.UTC(m.year, m.month, 3, 17));
    const atom = await atomMonth(y, at);
    worstImport = Math.max(worstImport, atom.importModelledMs);
    const close = await closeMonth(y, at);
    const check = await sqlCheck(y, at, atom.engine);
    closes.push(close);
    checks.push({ ...check, month: at.key, chargedUnits: atom.engine.chargedUnits });
    phase.generateMs += atom.generateMs;
    phase.loadMs += atom.loadMs;
    phase.engineMs += atom.engineMs;
    phase.sqlMs += check.sqlMs;
    phase.closeMs += close.wallMs;
    console.log(
      `  ${at.key}: close ${n(close.rows)} Meta rows, modelled ${s(close.modelledMs)} (wall ${s(close.wallMs)}), ` +
        `${close.queries} query + ${close.loads} load job(s), ${n(close.fakeBytes)} bytes read; Atom: ` +
        `${n(atom.messages)} messages loaded in ${s(atom.loadMs)}, SQL ${s(check.sqlMs)} vs engine ${s(atom.engineMs)}: ` +
        `${check.identical ? 'identical' : 'DIFFERENT'} (${n(atom.engine.chargedUnits)} charged units)`,
    );
  }
  // A re-close of the last month a day later: it reads the month's stored partition, 12 months in the table.
  const last = monthAt(MONTHS[11]);
  y.clock.advance(86_400_000);
  const again = await closeMonth(y, last);
  const metaColumns = HISTORY_TABLES.meta_rows.fields.map((f) => f.name).join(', ');
  const metaPartition = await partitionBytes(y, 'meta_rows', metaColumns, last.first);
  const metaTable = await tableSize(y.bq, 'meta_rows');
  const atomTable = await tableSize(y.bq, 'atom_messages');
  const all = [...closes, again];

  const cells = y.rt.spreadsheet.cellCount();
  console.log(
    `(a) spreadsheet cells after the year: ${n(cells)} (goal <= ${n(GOAL_CELLS)}): ${met(cells <= GOAL_CELLS)}; ` +
      `grid: ${gridSummary(y.rt.spreadsheet)}`,
  );
  const worst = all.reduce((a, b) => (b.modelledMs > a.modelledMs ? b : a));
  console.log(
    `(b) modelled execution time of a month close: at most ${s(worst.modelledMs)} (${worst.month}${worst === again ? ' re-closed' : ''}) ` +
      `of ${LIMIT_MS / 1000} s (goal <= ${GOAL_CLOSE_MS / 1000} s): ${met(worst.modelledMs <= GOAL_CLOSE_MS)}; ` +
      `its UrlFetch ${s(worst.fetchMs)} in ${worst.fetchRounds} rounds (${worst.requests} requests), ` +
      `${worst.spreadsheetCalls} spreadsheet calls (${s(worst.callMs)}); wall ${s(worst.wallMs)} in the runtime`,
  );
  console.log(
    `    per close (s, modelled): ${all.map((c) => (c.modelledMs / 1000).toFixed(1)).join(', ')} (last: the re-close); ` +
      `slowest Atom import call (add-on, small Audit export): ${s(worstImport)}`,
  );
  const firstReads = closes.map((c) => c.fakeBytes);
  const reClose = again.fakeBytes > 0 && again.fakeBytes <= metaPartition;
  console.log(
    `(c) bytes read by a month close (the fake's count, per partition read): the re-close of ${last.key} ` +
      `${n(again.fakeBytes)} bytes (card: ${n(again.cardBytes)}) = ${mb(again.fakeBytes)}, ${n(again.rowsRead)} rows ` +
      `returned (${again.queries} query job(s)) for ${n(again.rows)} Meta rows, vs one month's partition ` +
      `of meta_rows ${mb(metaPartition)}, the table ${mb(metaTable.bytes)} (${n(metaTable.rows)} rows, 12 months) ` +
      `(goal: one month's partition): ${met(reClose)}; the 12 first closes read ${firstReads.every((b) => b === 0) ? '0 bytes each (their partition was empty)' : firstReads.map(n).join(', ')}`,
  );
  const atomOk = checks.every((c) => c.bytes > 0 && c.bytes <= c.partitionBytes);
  const maxAtom = checks.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  console.log(
    `    the Atom billing query (billedBreakdownSql, run by the bench): at most ${mb(maxAtom.bytes)} (${maxAtom.month}) vs ` +
      `its month's partition of the priced columns ${mb(maxAtom.partitionBytes)}, the table ${mb(atomTable.bytes)} ` +
      `(${n(atomTable.rows)} messages) (goal: one month's partition): ${met(atomOk)}`,
  );
  const identical = checks.every((c) => c.identical);
  const differing = checks.filter((c) => !c.identical).map((c) => c.month);
  console.log(
    `(d) billed units, billing SQL on the fake vs the JS engine, ${checks.length} months × ${n(y.messages)} messages ` +
      `(${n(checks.reduce((sum, c) => sum + c.sqlRows, 0))} breakdown rows, ${n(checks.reduce((sum, c) => sum + c.chargedUnits, 0))} ` +
      `charged units; each month from its first day, no carried state): ${identical ? 'identical' : `DIFFERENT in ${differing.join(', ')}`} ` +
      `(goal: identical): ${met(identical)}`,
  );
  console.log(
    `  real time: ${s(performance.now() - wallStart)} in all — generating messages ${s(phase.generateMs)}, loading ` +
      `them ${s(phase.loadMs)}, JS engine ${s(phase.engineMs)}, billing SQL ${s(phase.sqlMs)}, month closes ` +
      `${s(phase.closeMs)}; peak memory of this process ${((process.resourceUsage().maxRSS * 1024) / 1024 / 1024).toFixed(0)} MB RSS`,
  );
  if (!identical) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
