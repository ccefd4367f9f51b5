/**
 * Issue 19 points 2, 4 and 5 for the month close, through the built bundle against the fake Graph server and the
 * fake BigQuery (child processes): with the History setting on BigQuery the month's stored Meta rows are read from
 * `meta_rows` (dry run, byte cap, bytes processed on the card) and the month's partition is replaced by one load
 * job before the sheets — no "Meta data" sheet — and the figures and the Billing sheet are those of a Sheets-mode
 * close of the same month. An empty answer keeps the stored rows; access denied, a rate limit past the deadline and
 * the byte cap leave BigQuery and the sheets as they were, with a clear message.
 */
import { startFakeGraphServerProcess, type FakeGraphServer } from '../../dev/fake-graph';
import { createDataset, type DatasetOptions } from '../../dev/fake-graph/generator';
import { startFakeBigQueryServerProcess, type FakeBigQueryServer } from '../../dev/fake-bigquery/server';
import { OFFLINE_OAUTH_TOKEN } from '../../dev/runtime';
import type { SqlQuery } from '../../src/bigquery/billing-sql';
import { storedMetaCountsSql, storedMetaRowsSql } from '../../src/bigquery/meta-rows';
import type { MonthCloseResult } from '../../src/rpc/contract';
import { connect, metaRuntime, thrown, TOKEN, type MetaRuntime } from './meta-helpers';
import { faultAt } from '../support/faults';
import { runImport, snapshot } from './month-close-helpers';

jest.setTimeout(240_000);

const OPTIONS: DatasetOptions = { seed: 42, lineTraffic: [1, 0.05, 0.02] };
const ds = createDataset(OPTIONS);
/** 2026-11-20 12:00 in São Paulo: October 2026 (the first month with the per-line allowance) has ended. */
const NOW = Date.UTC(2026, 10, 20, 15);
const MONTH = '2026-10';
const PROJECT = 'atom-billing-test';
const STORE_KEY = 'atomBilling.history.store';

let graph: FakeGraphServer;
let bigQuery: FakeBigQueryServer;
let datasets = 0;

beforeAll(async () => {
  [graph, bigQuery] = await Promise.all([
    startFakeGraphServerProcess({ token: TOKEN, ...OPTIONS }),
    startFakeBigQueryServerProcess({ token: OFFLINE_OAUTH_TOKEN }),
  ]);
});
afterAll(async () => {
  await Promise.all([graph?.close(), bigQuery?.close()]);
});
afterEach(async () => {
  await Promise.all([
    graph.clearFaults(),
    bigQuery.clearFaults(),
    bigQuery.configure({ scopeGranted: true, deniedDatasets: [], runningPolls: 0 }),
  ]);
});

function connected(): MetaRuntime {
  const m = metaRuntime();
  m.clock.set(NOW);
  connect(m.rt, graph, TOKEN, ds.waba.id);
  return m;
}

/** A connected runtime whose history is in a new dataset of the fake BigQuery (switched on by ana, the admin). */
async function inBigQuery(m = connected()): Promise<MetaRuntime & { dataset: string }> {
  const dataset = `close_${++datasets}`;
  await bigQuery.createDataset(PROJECT, dataset);
  m.rt.runFromSidebar('setHistoryStore', {
    kind: 'bigquery',
    project: PROJECT,
    dataset,
    apiBaseUrl: bigQuery.url,
  });
  return { ...m, dataset };
}

/** jobs.query (or its dry run) on the fake BigQuery: the answer's rows and bytes processed. */
async function bigQueryAnswer(
  { query, queryParameters }: SqlQuery,
  dryRun = false,
): Promise<{ rows: (string | null)[][]; bytes: number }> {
  const res = await fetch(`${bigQuery.url}/bigquery/v2/projects/${PROJECT}/queries`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OFFLINE_OAUTH_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, useLegacySql: false, parameterMode: 'NAMED', queryParameters, dryRun }),
  });
  const body = (await res.json()) as { rows?: { f: { v: string | null }[] }[]; totalBytesProcessed: string };
  if (!res.ok) throw new Error(`fake BigQuery: HTTP ${res.status} ${JSON.stringify(body)}`);
  return { rows: (body.rows ?? []).map((r) => r.f.map((c) => c.v)), bytes: Number(body.totalBytesProcessed) };
}

/** The month's partition of meta_rows: its rows and volume. */
async function partition(dataset: string): Promise<{ rows: number; volume: number }> {
  const { rows } = await bigQueryAnswer({
    query: `SELECT COUNT(*) AS n, SUM(volume) AS v FROM \`${PROJECT}.${dataset}.meta_rows\` WHERE month = @month`,
    queryParameters: [
      { name: 'month', parameterType: { type: 'DATE' }, parameterValue: { value: `${MONTH}-01` } },
    ],
  });
  const [n, v] = rows[0].map((c) => Number(c ?? 0));
  return { rows: n, volume: v };
}

/** The query jobs the add-on ran since request `since` (client job ids; dry runs have none). */
const queryJobs = async (since: number) =>
  new Set((await bigQuery.requests()).slice(since).flatMap((r) => /\/(atom_q_\w+)/.exec(r.path)?.[1] ?? []));

/** Loads of the month's Meta rows (each close also appends its ledger row: test/bundle/history-copy.test.ts). */
const loads = async (since = 0) =>
  (await bigQuery.requests()).slice(since).filter((r) => r.table?.startsWith('meta_rows$'));

/** The card without what differs between the two stores or two runs. */
function figures(result: MonthCloseResult): unknown {
  return { ...result, sheets: null, bytesProcessed: null, importedAt: null };
}

/** The Billing sheet as Sheets shows it (display values), the import time aside. */
function billingDisplay(m: MetaRuntime): string[][] {
  const sheet = snapshot(m.rt).sheets.find((s) => s.name === `Billing ${MONTH}`)!;
  return sheet.rows.map((row, r) => row.map((cell, c) => (r === 10 && c === 1 ? '' : cell.display)));
}

describe('the month close with the history in BigQuery', () => {
  let sheetsMode: { m: MetaRuntime; result: MonthCloseResult };
  beforeAll(() => {
    const m = connected();
    sheetsMode = { m, result: runImport(m.rt, { month: MONTH }) };
  });

  it('writes no Meta data sheet, loads the month into its partition, and gives the figures and the Billing sheet of a Sheets-mode close', async () => {
    const m = await inBigQuery();
    const before = (await bigQuery.requests()).length;
    const result = runImport(m.rt, { month: MONTH });

    expect(m.rt.spreadsheet.getSheet('Meta data')).toBeFalsy();
    expect(result.sheets.data).toBeUndefined();
    expect(result.sheets.summary.name).toBe(`Billing ${MONTH}`);
    expect(result.bytesProcessed).toBe(0); // the partition was empty
    expect(figures(result)).toEqual(figures(sheetsMode.result));
    expect(result.rowsWritten).toBeGreaterThan(100);
    expect(await partition(m.dataset)).toEqual({
      rows: result.rowsWritten,
      volume: sheetsMode.m.rt.spreadsheet
        .getValues(`'Meta data'!H2:H${result.rowsWritten + 1}`)
        .reduce((s, [v]) => s + Number(v), 0),
    });
    expect(await loads(before)).toHaveLength(1);
    // The Billing sheet reads the same, the free-allowance table included (values from the rows, no SUMIFS).
    expect(billingDisplay(m)).toEqual(billingDisplay(sheetsMode.m));
    const formulas = m.rt.spreadsheet.getFormulas(`'Billing ${MONTH}'!A50:N120`).flat();
    expect(formulas.some((f) => f.includes('Meta data'))).toBe(false);
    expect(m.rt.spreadsheet.getValues("'Imports'!A2:A3")).toEqual([[expect.any(Date)], ['']]);
  });

  it('a timely re-run reads only the stored counts (bytes processed on the card) and replaces the partition: no duplicates', async () => {
    const m = await inBigQuery();
    const first = runImport(m.rt, { month: MONTH });
    const stored = await partition(m.dataset);
    const before = (await bigQuery.requests()).length;
    const again = runImport(m.rt, { month: MONTH });
    // Meta answered every day and line: one query, the counts — not the month's rows.
    expect((await queryJobs(before)).size).toBe(1);
    const ref = { projectId: PROJECT, datasetId: m.dataset };
    const counts = await bigQueryAnswer(storedMetaCountsSql(ref, `${MONTH}-01`));
    const countBytes = (await bigQueryAnswer(storedMetaCountsSql(ref, `${MONTH}-01`), true)).bytes;
    const rowBytes = (await bigQueryAnswer(storedMetaRowsSql(ref, `${MONTH}-01`), true)).bytes;
    expect(again.bytesProcessed).toBe(countBytes);
    expect(countBytes).toBeGreaterThan(0);
    expect(countBytes).toBeLessThan(rowBytes / 2);
    // One count per day, line and currency: at most 31 days × 3 lines, of the month's hundreds of rows.
    expect(counts.rows.length).toBeLessThanOrEqual(31 * ds.lines.length);
    expect(counts.rows.length).toBeLessThan(stored.rows / 2);
    expect(figures(again)).toEqual({
      ...(figures(first) as object),
      previous: { billedUnits: first.billedUnits, cost: first.cost },
    });
    expect(await partition(m.dataset)).toEqual(stored);
    // A new load job (the ledger moved on), never the first run's found again.
    const [load] = await loads(before);
    expect(load.status).toBe(200);
  });

  it('an empty answer from Meta keeps the stored rows, says so, and loads nothing', async () => {
    const m = await inBigQuery();
    const first = runImport(m.rt, { month: MONTH });
    const stored = await partition(m.dataset);
    await graph.setFault({ kind: 'emptyData', times: 'always' });
    const before = (await bigQuery.requests()).length;
    const again = runImport(m.rt, { month: MONTH });
    expect(again.notes).toContainEqual({ code: 'noData', month: MONTH, kept: first.rowsWritten });
    expect(again).toMatchObject({ billedUnits: first.billedUnits, cost: first.cost });
    expect(await loads(before)).toHaveLength(0);
    expect(await partition(m.dataset)).toEqual(stored);
  });
});

describe('a re-close a year later, when Meta answers fewer rows (days past its one-year lookback)', () => {
  it('reads the counts, then the rows of the days it keeps: kept and said so, as a Sheets-mode close', async () => {
    // 2027-10-20: Meta answers October 2026 from the 20th only, 1–19 October are past its lookback.
    const later = Date.UTC(2027, 9, 20, 15);
    const other = await startFakeGraphServerProcess({ token: TOKEN, ...OPTIONS, firstDay: 20261020 });
    try {
      const reclose = (m: MetaRuntime) => {
        m.clock.set(later);
        connect(m.rt, other, TOKEN, ds.waba.id);
        return runImport(m.rt, { month: MONTH });
      };
      const sheets = connected();
      const first = runImport(sheets.rt, { month: MONTH });
      const sheetsAgain = reclose(sheets);
      const m = await inBigQuery();
      runImport(m.rt, { month: MONTH });
      const before = (await bigQuery.requests()).length;
      const again = reclose(m);

      expect(again.notes).toContainEqual(
        expect.objectContaining({ code: 'pastLookback', month: MONTH, days: 19 }),
      );
      expect(first.notes).toEqual([]);
      expect(figures(again)).toEqual(figures(sheetsAgain));
      expect(billingDisplay(m)).toEqual(billingDisplay(sheets));
      // The counts, then the kept days' rows; the partition keeps them beside Meta's fresh rows, as "Meta data".
      expect((await queryJobs(before)).size).toBe(2);
      const dataRows = sheets.rt.spreadsheet.getSheet('Meta data')!.lastRow - 1;
      expect(await partition(m.dataset)).toEqual({
        rows: dataRows,
        volume: sheets.rt.spreadsheet
          .getValues(`'Meta data'!H2:H${dataRows + 1}`)
          .reduce((sum, [v]) => sum + Number(v), 0),
      });
    } finally {
      await other.close();
    }
  });
});

describe('a month kept in "Meta data" before the switch to BigQuery', () => {
  it('is the stored history until its first load: an empty answer keeps it, a full one takes it into BigQuery; the sheet is left as it was', async () => {
    const m = connected();
    const first = runImport(m.rt, { month: MONTH });
    const metaData = () => snapshot(m.rt).sheets.find((s) => s.name === 'Meta data');
    const sheet = metaData();
    const { dataset } = await inBigQuery(m);

    await graph.setFault({ kind: 'emptyData', times: 'always' });
    const before = (await bigQuery.requests()).length;
    const empty = runImport(m.rt, { month: MONTH });
    expect(empty.notes).toContainEqual({ code: 'noData', month: MONTH, kept: first.rowsWritten });
    expect(empty).toMatchObject({ billedUnits: first.billedUnits, cost: first.cost });
    expect(await loads(before)).toHaveLength(0);
    await graph.clearFaults();

    const full = runImport(m.rt, { month: MONTH });
    expect(full).toMatchObject({ billedUnits: first.billedUnits, cost: first.cost, notes: [] });
    expect((await partition(dataset)).rows).toBe(first.rowsWritten);
    expect(metaData()).toEqual(sheet);
  });
});

describe('a run that stopped after its load, before the ledger row', () => {
  it('is repaired by the next run, which finds its load job rather than loading twice', async () => {
    const m = await inBigQuery();
    const before = (await bigQuery.requests()).length;
    const fault = faultAt(m.rt, 1, (p) => p.name.endsWith('.flush'));
    const { message } = thrown(() => runImport(m.rt, { month: MONTH }));
    fault.stop();
    expect(fault.fired).not.toBeNull();
    expect(message).toMatch(/^Writing the sheets failed part-way/);
    expect(m.rt.spreadsheet.getSheet('Imports')).toBeFalsy();
    const stored = await partition(m.dataset);

    const result = runImport(m.rt, { month: MONTH });
    expect(result.rowsWritten).toBe(stored.rows);
    expect(await partition(m.dataset)).toEqual(stored);
    // Both runs sent the same load job: the second was told it exists (409) and used it.
    const [first, second] = await loads(before);
    expect([first.status, second.status]).toEqual([200, 409]);
    expect(m.rt.spreadsheet.getValues("'Imports'!A2:A3")).toEqual([[expect.any(Date)], ['']]);
  });
});

describe('faults leave BigQuery and the sheets as they were', () => {
  /** A month closed once, then a second close that fails: its message, with nothing changed anywhere. */
  async function failedSecondClose(
    fault: (dataset: string, m: MetaRuntime) => Promise<void>,
  ): Promise<string> {
    const m = await inBigQuery();
    runImport(m.rt, { month: MONTH });
    const stored = await partition(m.dataset);
    const sheets = snapshot(m.rt);
    // A smaller answer (one line) would change the month: the fault must stop it before anything is written.
    await fault(m.dataset, m);
    const { message } = thrown(() =>
      runImport(m.rt, { month: MONTH, lines: [ds.lines[2].displayPhoneNumber] }),
    );
    await bigQuery.clearFaults();
    await bigQuery.configure({ deniedDatasets: [], runningPolls: 0 });
    expect(snapshot(m.rt)).toEqual(sheets);
    expect(await partition(m.dataset)).toEqual(stored);
    return message;
  }

  it('access denied names the roles', async () => {
    const message = await failedSecondClose((dataset) =>
      bigQuery.configure({ deniedDatasets: [`${PROJECT}:${dataset}`] }),
    );
    expect(message).toMatch(
      /^Nothing was imported: BigQuery denied access to dataset .*roles\/bigquery\.dataEditor/,
    );
  });

  it('a rate limit on the load outlasting the retries (backoff): busy, the month as it was', async () => {
    const message = await failedSecondClose(() =>
      bigQuery.setFault({ kind: 'rateLimit429', times: 'always', pathIncludes: '/upload/' }),
    );
    expect(message).toMatch(
      /^Nothing was imported: BigQuery is busy \(rateLimitExceeded\) — nothing was changed/,
    );
  });

  it('a job still running past the execution budget: run again', async () => {
    const message = await failedSecondClose(() => bigQuery.configure({ runningPolls: 1000 }));
    expect(message).toMatch(/^Nothing was imported: BigQuery job atom_q_\w+ is still running — run it again/);
  });

  it('a read over the byte cap is refused by its dry run', async () => {
    const message = await failedSecondClose(async (_dataset, m) => {
      // Below the 10 MB an admin may set: the stored month (a few hundred KB) is over it.
      const store = JSON.parse(m.rt.properties.document.get(STORE_KEY) ?? '{}') as object;
      m.rt.properties.document.set(STORE_KEY, JSON.stringify({ ...store, maximumBytesBilled: 1000 }));
    });
    expect(message).toMatch(
      /^Nothing was imported: the query would read \d+ bytes, over the cap of 1000 bytes/,
    );
  });
});
