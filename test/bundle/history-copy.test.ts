/**
 * Issue 19 point 1's copy offer and the BigQuery ledger table, through the built bundle against the fake Graph
 * server and the fake BigQuery (child processes): a spreadsheet with two months of "Meta data", Atom conversations
 * and per-message rows, and two "Imports" rows is switched to BigQuery; the copy loads each month's partitions and
 * the ledger, a second copy changes nothing, a fault stops at its month and the next call goes on, the execution
 * budget splits it into calls. After the switch each month close and Atom import appends its ledger row once.
 */
import { startFakeGraphServerProcess, type FakeGraphServer } from '../../dev/fake-graph';
import { createDataset, type DatasetOptions } from '../../dev/fake-graph/generator';
import { OFFLINE_OAUTH_TOKEN } from '../../dev/runtime';
import { loadMonth, query } from '../../src/bigquery/client';
import type { HistoryCopyView } from '../../src/rpc/contract';
import { fakeSession, useFakeBigQuery } from '../support/fake-bigquery';
import { parsedCsv, importParsed, AUDIT_HEADER } from './atom-helpers';
import { connect, metaRuntime, thrown, TOKEN, type MetaRuntime } from './meta-helpers';
import { runImport } from './month-close-helpers';

jest.setTimeout(300_000);

const OPTIONS: DatasetOptions = { seed: 42, lineTraffic: [1, 0.05, 0.02] };
const ds = createDataset(OPTIONS);
/** 2026-11-20 12:00 in Bogotá: September and October 2026 have ended. */
const NOW = Date.UTC(2026, 10, 20, 17);
const PROJECT = 'atom-billing-test';
const MONTHS = ['2026-09', '2026-10'];
const PROGRESS_KEY = 'atomBilling.history.copy';

const bigQuery = useFakeBigQuery(OFFLINE_OAUTH_TOKEN);
let graph: FakeGraphServer;
let datasets = 0;
let runs = 0;

beforeAll(async () => {
  graph = await startFakeGraphServerProcess({ token: TOKEN, ...OPTIONS });
});
afterAll(async () => {
  await graph?.close();
});
afterEach(async () => {
  await bigQuery().clearFaults();
  await bigQuery().configure({ runningPolls: 0 });
});

const AUDIT = [
  AUDIT_HEADER,
  ['C-1', '30/09/2026 23:50', '+57 300 123 4567', 'Ventas', 'Lucía', 'Fin', 'Manual', 'WhatsApp', ''],
  ['C-2', '01/10/2026 08:15', '+57 300 765 4321', 'Cobranza', 'Pedro', 'Promesa', 'Manual', 'WhatsApp', 'BF'],
];
const MESSAGES = [
  ['ID Conversación', 'Fecha y hora', 'Teléfono', 'Tipo de mensaje', 'Grupo'],
  ['M-1', '29/09/2026 09:00:00', '+57 310 000 0001', 'Marketing', 'Ventas'],
  ['M-2', '29/09/2026 10:00:00', '+57 310 000 0002', 'Utilidad', 'Ventas'],
  ['M-3', '02/10/2026 09:00:00', '+57 310 000 0003', 'Marketing', 'Ventas'],
];

/**
 * A spreadsheet that kept its history in Sheets: September and October closed (two "Imports" rows), an Audit
 * export and a per-message log imported; then ana switches the history to a new dataset.
 */
async function switchedSpreadsheet(): Promise<MetaRuntime & { dataset: string }> {
  const m = metaRuntime();
  m.clock.set(NOW);
  connect(m.rt, graph, TOKEN, ds.waba.id);
  for (const month of MONTHS) runImport(m.rt, { month });
  importParsed(m.rt, parsedCsv(AUDIT, 'auditoria.csv'), 'auditoria.csv');
  importParsed(m.rt, parsedCsv(MESSAGES, 'mensajes.csv'), 'mensajes.csv');
  const dataset = `copy_${++datasets}`;
  await bigQuery().createDataset(PROJECT, dataset);
  m.rt.runFromSidebar('setHistoryStore', {
    kind: 'bigquery',
    project: PROJECT,
    dataset,
    apiBaseUrl: bigQuery().url,
  });
  return { ...m, dataset };
}

/** A table's rows, through the client from the test's side. */
function rowsOf(dataset: string, table: string, columns: string, order: string): Record<string, unknown>[] {
  const session = fakeSession(bigQuery(), { project: PROJECT, dataset, token: OFFLINE_OAUTH_TOKEN });
  const sql = `SELECT ${columns} FROM \`${PROJECT}.${dataset}.${table}\` ${order}`;
  return query(session, sql, [], { deadlineAt: session.clock.now() + 60_000, runId: `t${++runs}` }).rows;
}

/** Meta rows per month (YYYY-MM → rows), from an aggregate (the rows themselves are too many to read back here). */
function metaPerMonth(dataset: string): Record<string, number> {
  const rows = rowsOf(dataset, 'meta_rows', 'month, COUNT(*) AS n', 'GROUP BY month ORDER BY month');
  return Object.fromEntries(MONTHS.map((m) => [m, Number(rows.find((r) => r.month === `${m}-01`)?.n ?? 0)]));
}

/** Every history table, in a stable order (what "the same tables" means; Meta's rows by their sums). */
function tables(dataset: string): Record<string, Record<string, unknown>[]> {
  return {
    meta_rows: rowsOf(
      dataset,
      'meta_rows',
      'month, COUNT(*) AS n, SUM(volume) AS volume, SUM(cost) AS cost',
      'GROUP BY month ORDER BY month',
    ),
    atom_conversations: rowsOf(dataset, 'atom_conversations', '*', 'ORDER BY conversation_id'),
    atom_messages: rowsOf(dataset, 'atom_messages', '*', 'ORDER BY sent_at, contact'),
    ledger: rowsOf(dataset, 'ledger', '*', 'ORDER BY imported_at, source, month'),
  };
}

const perMonth = (rows: readonly Record<string, unknown>[]) =>
  Object.fromEntries(MONTHS.map((m) => [m, rows.filter((r) => r.month === `${m}-01`).length]));

const loads = async (since: number) =>
  (await bigQuery().requests()).slice(since).filter((r) => r.path.startsWith('/upload/'));

const copyView = (m: MetaRuntime) => m.rt.runFromSidebar('getHistoryCopy') as HistoryCopyView;
const copy = (m: MetaRuntime) => m.rt.runFromSidebar('copyHistory') as HistoryCopyView;

/** "Meta data" rows per month, as the sheet holds them. */
function metaSheetRows(m: MetaRuntime): Record<string, number> {
  const days = m.rt.spreadsheet
    .sheet('Meta data')
    .values('A2:A100000')
    .map((r) => r[0]);
  const iso = days.filter((d) => d instanceof Date).map((d) => (d as Date).toISOString().slice(0, 7));
  return Object.fromEntries(MONTHS.map((month) => [month, iso.filter((d) => d === month).length]));
}

describe('copying the spreadsheet’s history into BigQuery', () => {
  it('offers the rows per table, copies both months and the ledger, and a second copy changes nothing', async () => {
    const m = await switchedSpreadsheet();
    const offer = copyView(m);
    const sheetMeta = metaSheetRows(m);
    expect(offer).toEqual({
      months: MONTHS,
      rows: {
        meta_rows: sheetMeta['2026-09'] + sheetMeta['2026-10'],
        atom_conversations: 2,
        atom_messages: 3,
        ledger: 2,
      },
      copied: [],
      skipped: [],
      done: false,
    });
    expect(offer.rows.meta_rows).toBeGreaterThan(200);

    const before = (await bigQuery().requests()).length;
    const done = copy(m);
    expect(done).toEqual({
      months: [],
      rows: { meta_rows: 0, atom_conversations: 0, atom_messages: 0, ledger: 0 },
      copied: MONTHS,
      skipped: [],
      done: true,
    });
    // Three partitions a month, then one append of the ledger.
    expect(await loads(before)).toHaveLength(7);
    const copied = tables(m.dataset);
    expect(metaPerMonth(m.dataset)).toEqual(sheetMeta);
    expect(perMonth(copied.atom_conversations)).toEqual({ '2026-09': 1, '2026-10': 1 });
    expect(perMonth(copied.atom_messages)).toEqual({ '2026-09': 2, '2026-10': 1 });
    expect(copied.ledger.map((r) => [r.month, r.source, r.status])).toEqual([
      ['2026-09-01', 'meta', 'closed'],
      ['2026-10-01', 'meta', 'closed'],
    ]);
    // The sheets stay (the admin deletes them by hand).
    expect(m.rt.spreadsheet.getSheet('Meta data')).toBeTruthy();
    expect(m.rt.spreadsheet.getSheet('Atom conversations')).toBeTruthy();

    // Again: nothing left, nothing sent.
    const again = (await bigQuery().requests()).length;
    expect(copy(m)).toEqual(done);
    expect(await loads(again)).toHaveLength(0);
    // With its progress lost, a copy finds each partition holding the sheet's rows: no load, the same tables.
    m.rt.properties.document.delete(PROGRESS_KEY);
    expect(copyView(m).months).toEqual(MONTHS);
    expect(copy(m)).toEqual(done);
    expect(await loads(again)).toHaveLength(0);
    expect(tables(m.dataset)).toEqual(copied);
  });

  it('a partition holding other rows (a month loaded in BigQuery since) is kept and noted, never replaced', async () => {
    const m = await switchedSpreadsheet();
    const session = fakeSession(bigQuery(), {
      project: PROJECT,
      dataset: m.dataset,
      token: OFFLINE_OAUTH_TOKEN,
    });
    const row = {
      month: '2026-10-01',
      day: '2026-10-01',
      pricing_model: 'message',
      volume: 1,
      currency: 'BRL',
    };
    loadMonth(session, 'meta_rows', '2026-10', [row], 'test_one_row', {
      deadlineAt: session.clock.now() + 60_000,
    });
    const sheetMeta = metaSheetRows(m);
    const view = copy(m);
    expect(view).toMatchObject({ copied: MONTHS, done: true });
    expect(view.skipped).toEqual([
      { table: 'meta_rows', month: '2026-10', inBigQuery: 1, inSheet: sheetMeta['2026-10'] },
    ]);
    expect(metaPerMonth(m.dataset)).toEqual({ '2026-09': sheetMeta['2026-09'], '2026-10': 1 });
    // October's Atom rows were copied: only the partition that held other rows was kept.
    expect(perMonth(tables(m.dataset).atom_messages)).toEqual({ '2026-09': 2, '2026-10': 1 });
  });

  it('a failure stops at its month, keeps the months before it, and the next copy goes on', async () => {
    const m = await switchedSpreadsheet();
    // September's three loads go through; October's first is answered busy on every attempt.
    await bigQuery().setFault({ kind: 'backendError', times: 'always', skip: 3, pathIncludes: '/upload/' });
    const e = thrown(() => copy(m));
    expect(e.message).toMatch(/^Copying 2026-10 failed: BigQuery is busy \(backendError\)/);
    await bigQuery().clearFaults();
    expect(copyView(m)).toMatchObject({ months: ['2026-10'], copied: ['2026-09'], done: false });
    expect(metaPerMonth(m.dataset)['2026-10']).toBe(0);

    expect(copy(m)).toMatchObject({ months: [], copied: MONTHS, skipped: [], done: true });
    expect(metaPerMonth(m.dataset)).toEqual(metaSheetRows(m));
    expect(rowsOf(m.dataset, 'ledger', 'month', 'ORDER BY month')).toHaveLength(2);
  });

  it('a copy longer than one call’s budget stops between months and goes on in the next calls', async () => {
    const m = await switchedSpreadsheet();
    // Every job runs for 8 polls (about 40 s on the runtime's clock): one month fits in a call, not two.
    await bigQuery().configure({ runningPolls: 8 });
    const views: HistoryCopyView[] = [];
    for (let call = 0; call < 5 && !views.at(-1)?.done; call++) views.push(copy(m));
    expect(views.length).toBeGreaterThan(1);
    expect(views[0]).toMatchObject({ copied: ['2026-09'], months: ['2026-10'], done: false });
    expect(views.at(-1)).toMatchObject({ copied: MONTHS, done: true });
    await bigQuery().configure({ runningPolls: 0 });
    expect(metaPerMonth(m.dataset)).toEqual(metaSheetRows(m));
    expect(rowsOf(m.dataset, 'ledger', 'month', 'ORDER BY month')).toHaveLength(2);
  });
});

describe('the BigQuery ledger table', () => {
  const ledger = (m: MetaRuntime & { dataset: string }) =>
    rowsOf(
      m.dataset,
      'ledger',
      'month, source, rows, note, imported_by, status',
      'ORDER BY imported_at, source, month',
    );
  const sheetEntries = (m: MetaRuntime) =>
    m.rt.spreadsheet
      .sheet('Imports')
      .values('A2:C100')
      .filter((r) => r[0] !== '').length;

  it('each close and Atom import appends its row once; the earlier rows go with the first', async () => {
    const m = await switchedSpreadsheet();
    runImport(m.rt, { month: '2026-10' });
    // The Sheets-era rows went with the first append after the switch.
    expect(ledger(m).map((r) => r.month)).toEqual(['2026-09-01', '2026-10-01', '2026-10-01']);
    // A retried close is a new "Imports" row, and one ledger row: never two.
    runImport(m.rt, { month: '2026-10' });
    expect(ledger(m)).toHaveLength(4);
    expect(sheetEntries(m)).toBe(4);
    importParsed(m.rt, parsedCsv(AUDIT, 'auditoria.csv'), 'auditoria.csv');
    expect(ledger(m).slice(4)).toEqual([
      {
        month: '2026-09-01',
        source: 'atom',
        rows: 1,
        note: 'auditoria.csv',
        imported_by: 'ana@example.com',
        status: null,
      },
      {
        month: '2026-10-01',
        source: 'atom',
        rows: 1,
        note: 'auditoria.csv',
        imported_by: 'ana@example.com',
        status: null,
      },
    ]);
  });

  it('an append failing after the commit: the close stands, the next run appends the missing row', async () => {
    const m = await switchedSpreadsheet();
    runImport(m.rt, { month: '2026-10' });
    expect(ledger(m)).toHaveLength(3);
    // The month's load goes through; the ledger's append is answered busy on every attempt.
    await bigQuery().setFault({ kind: 'backendError', times: 'always', skip: 1, pathIncludes: '/upload/' });
    const result = runImport(m.rt, { month: '2026-10' });
    expect(result.status).toBe('closed');
    await bigQuery().clearFaults();
    expect(sheetEntries(m)).toBe(4);
    expect(ledger(m)).toHaveLength(3);
    expect(copyView(m).rows.ledger).toBe(1);

    runImport(m.rt, { month: '2026-10' });
    expect(ledger(m)).toHaveLength(5);
    expect(sheetEntries(m)).toBe(5);
  });

  it('an append whose answer was lost is found by its job id, not sent twice', async () => {
    const m = await switchedSpreadsheet();
    runImport(m.rt, { month: '2026-10' });
    // Every job answers RUNNING once; the polls of the ledger's append fail, so its run never learns it is done.
    await bigQuery().configure({ runningPolls: 1 });
    await bigQuery().setFault({ kind: 'backendError', times: 'always', pathIncludes: '/jobs/atom_ledger_' });
    runImport(m.rt, { month: '2026-10' });
    await bigQuery().clearFaults();
    await bigQuery().configure({ runningPolls: 0 });
    expect(sheetEntries(m)).toBe(4);
    // The append was written down before it was sent: the next run asks what became of it.
    const outbox = JSON.parse(m.rt.properties.document.get('atomBilling.history.ledger') ?? '{}') as {
      pending: { jobId: string } | null;
    };
    expect(outbox.pending?.jobId).toMatch(/^atom_ledger_3_/);

    for (let run = 0; run < 2 && ledger(m).length < 5; run++) runImport(m.rt, { month: '2026-10' });
    const rows = ledger(m);
    expect(rows).toHaveLength(sheetEntries(m));
  });
});
