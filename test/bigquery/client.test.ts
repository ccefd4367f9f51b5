/**
 * The BigQuery client (src/bigquery/client.ts) against the fake BigQuery in a child process, through a synchronous
 * HttpPort (as UrlFetchApp blocks), on a clock that moves only when the client sleeps.
 */
import { fakeSession, useFakeBigQuery } from '../support/fake-bigquery';
import type { QueryParameter } from '../../src/bigquery/billing-sql';
import { ensureTables, loadMonth, query, queryJobId, type BigQuerySession } from '../../src/bigquery/client';
import {
  BigQueryAccessError,
  BigQueryAuthError,
  BigQueryBusyError,
  BigQueryByteCapError,
  BigQueryDatasetNotFoundError,
  BigQueryError,
  BigQueryJobRunningError,
  BigQueryRequestError,
  BigQueryScopeError,
  BigQueryTransportError,
} from '../../src/bigquery/errors';
import { HISTORY_TABLES, historyTable, type HistoryTableId } from '../../src/bigquery/schema';
import { FakeClock, thrown } from '../meta/helpers';

const PROJECT = 'atom-billing-test';
const TOKEN = 'ya29.user-token-Qw8zX1';
const ALL_TABLES = Object.keys(HISTORY_TABLES) as HistoryTableId[];

const fake = useFakeBigQuery(TOKEN);
let datasetCount = 0;

beforeEach(async () => {
  await fake().clearFaults();
  await fake().configure({ runningPolls: 0, pageSize: 100_000, scopeGranted: true, deniedDatasets: [] });
});

interface Harness {
  session: BigQuerySession;
  clock: FakeClock;
  dataset: string;
}

/** A fresh dataset (created unless `create` is false) and a session on it. */
async function harness(extra: Partial<BigQuerySession> = {}, create = true): Promise<Harness> {
  const dataset = `history_${++datasetCount}`;
  if (create) await fake().createDataset(PROJECT, dataset);
  const clock = new FakeClock();
  const session = fakeSession(fake(), { project: PROJECT, dataset, token: TOKEN }, { clock, ...extra });
  return { session, clock, dataset };
}

const tables = (h: Harness, ids: HistoryTableId[] = ALL_TABLES) =>
  ids.map((id) => historyTable({ projectId: PROJECT, datasetId: h.dataset }, id));

const deadline = (h: Harness, ms = 60_000) => ({ deadlineAt: h.clock.now() + ms });

/** The requests the fake logged since `from` (an index into its log). */
async function requestsSince(from: number) {
  return (await fake().requests()).slice(from);
}

const metaRow = (month: string, day: string, line: string, volume: number) => ({
  month: `${month}-01`,
  day,
  line,
  country: 'CO',
  pricing_model: 'PMP',
  category: 'UTILITY',
  type: 'REGULAR',
  tier: null,
  volume,
  cost: volume * 0.0125,
  currency: 'COP',
});

/** A dataset with meta_rows holding `rows` (loaded month by month). */
async function withMetaRows(rows: ReturnType<typeof metaRow>[], extra: Partial<BigQuerySession> = {}) {
  const h = await harness(extra);
  ensureTables(h.session, tables(h, ['meta_rows']), deadline(h));
  const months = [...new Set(rows.map((r) => r.month.slice(0, 7)))];
  for (const m of months)
    loadMonth(
      h.session,
      'meta_rows',
      m,
      rows.filter((r) => r.month.startsWith(m)),
      `seed_${h.dataset}_${m.replace('-', '')}`,
      deadline(h),
    );
  return h;
}

const monthParam = (month: string): QueryParameter[] => [
  { name: 'month', parameterType: { type: 'DATE' }, parameterValue: { value: `${month}-01` } },
];

const byLineSql = (h: Harness) =>
  `SELECT line, SUM(volume) AS volume, MIN(day) AS first_day, COUNT(*) AS days ` +
  `FROM \`${PROJECT}.${h.dataset}.meta_rows\` WHERE month = @month GROUP BY line ORDER BY line`;

const rowsPerMonthSql = (h: Harness) =>
  `SELECT month, COUNT(*) AS n, SUM(volume) AS volume FROM \`${PROJECT}.${h.dataset}.meta_rows\` ` +
  `GROUP BY month ORDER BY month`;

const OCTOBER = [
  metaRow('2026-10', '2026-10-01', 'L1', 10),
  metaRow('2026-10', '2026-10-02', 'L1', 5),
  metaRow('2026-10', '2026-10-01', 'L2', 7),
  metaRow('2026-10', '2026-10-03', 'L3', 1),
  metaRow('2026-10', '2026-10-04', 'L4', 2),
];
const SEPTEMBER = [metaRow('2026-09', '2026-09-30', 'L1', 3), metaRow('2026-09', '2026-09-29', 'L2', 4)];

describe('ensureTables', () => {
  it('creates the history tables once; a second run creates none', async () => {
    const h = await harness();
    expect(ensureTables(h.session, tables(h), deadline(h))).toEqual({ created: ALL_TABLES });
    const from = (await fake().requests()).length;
    expect(ensureTables(h.session, tables(h), deadline(h))).toEqual({ created: [] });
    // datasets.get, then one tables.get per table: nothing inserted.
    expect((await requestsSince(from)).map((r) => `${r.method} ${r.status}`)).toEqual([
      'GET 200',
      ...ALL_TABLES.map(() => 'GET 200'),
    ]);
    const res = await fetch(
      `${fake().url}/bigquery/v2/projects/${PROJECT}/datasets/${h.dataset}/tables/meta_rows`,
      {
        headers: { authorization: `Bearer ${TOKEN}` },
      },
    );
    expect(await res.json()).toMatchObject({
      timePartitioning: { type: 'MONTH', field: 'month' },
      clustering: { fields: ['line', 'country'] },
    });
  });

  it('a missing dataset is named with what to do', async () => {
    const h = await harness({}, false);
    const e = thrown(() => ensureTables(h.session, tables(h), deadline(h)));
    expect(e).toBeInstanceOf(BigQueryDatasetNotFoundError);
    expect(e.message).toBe(
      `dataset ${h.dataset} not found in project ${PROJECT} — create it or pick another`,
    );
  });

  it('accessDenied names the roles to grant, and never the token', async () => {
    const h = await harness();
    await fake().configure({ deniedDatasets: [`${PROJECT}:${h.dataset}`] });
    const e = thrown(() => ensureTables(h.session, tables(h), deadline(h)));
    expect(e).toBeInstanceOf(BigQueryAccessError);
    expect(e.message).toContain(`roles/bigquery.dataEditor on the dataset`);
    expect(e.message).toContain(`roles/bigquery.jobUser on project ${PROJECT}`);
    expect(e.message).toContain(`${PROJECT}:${h.dataset}`);
    expect(e.message).not.toContain(TOKEN);
  });

  it('the bigquery scope not granted → says so', async () => {
    const h = await harness();
    await fake().configure({ scopeGranted: false });
    const e = thrown(() => ensureTables(h.session, tables(h), deadline(h)));
    expect(e).toBeInstanceOf(BigQueryScopeError);
    expect(e.message).toMatch(/^the bigquery scope was not granted/);
  });

  it("a session in another location than the dataset's is refused before any table is touched", async () => {
    const h = await harness({ location: 'EU' });
    expect(() => ensureTables(h.session, tables(h), deadline(h))).toThrow(
      `dataset ${h.dataset} is in location US, not EU — pick US`,
    );
  });

  it('no answer at all (connection refused) is retried until the deadline, then says so', async () => {
    const h = await harness({ baseUrl: 'http://127.0.0.1:9' });
    const e = thrown(() => ensureTables(h.session, tables(h), { deadlineAt: h.clock.now() + 5_000 }));
    expect(e).toBeInstanceOf(BigQueryTransportError);
    expect(e.message).toMatch(/^no answer from BigQuery \(.*ECONNREFUSED.*\) — try again$/);
    expect(h.clock.sleeps).toEqual([750, 1_500]); // a third wait (3 s) would end past the deadline
  });

  it('an expired token (401) → sign-in expired, the token not in the message', async () => {
    const h = await harness({ token: 'ya29.expired-token-77' });
    const e = thrown(() => ensureTables(h.session, tables(h), deadline(h)));
    expect(e).toBeInstanceOf(BigQueryAuthError);
    expect(e.message).not.toContain('ya29');
  });
});

describe('query', () => {
  it('dry-runs, runs with the cap, reads every page and converts the rows by schema', async () => {
    const h = await withMetaRows([...SEPTEMBER, ...OCTOBER]);
    await fake().configure({ pageSize: 2 });
    const from = (await fake().requests()).length;
    const result = query(h.session, byLineSql(h), monthParam('2026-10'), { ...deadline(h), runId: 'close1' });
    expect(result.rows).toEqual([
      { line: 'L1', volume: 15, first_day: '2026-10-01', days: 2 },
      { line: 'L2', volume: 7, first_day: '2026-10-01', days: 1 },
      { line: 'L3', volume: 1, first_day: '2026-10-03', days: 1 },
      { line: 'L4', volume: 2, first_day: '2026-10-04', days: 1 },
    ]);
    // line, volume, day, month of October's 5 rows only: 5 × (2 + 2 + 3 × 8) bytes; billed: at least 10 MB a table.
    expect(result.bytesProcessed).toBe(140);
    expect(result.bytesBilled).toBe(10 * 1024 * 1024);
    expect(result.jobId).toMatch(/^atom_q_close1_[0-9a-z]+$/);
    const log = await requestsSince(from);
    expect(log.map((r) => `${r.method} ${r.path.replace(/\?.*/, '')}`)).toEqual([
      `POST /bigquery/v2/projects/${PROJECT}/jobs`, // dry run
      `POST /bigquery/v2/projects/${PROJECT}/jobs`,
      `GET /bigquery/v2/projects/${PROJECT}/queries/${result.jobId}`,
      `GET /bigquery/v2/projects/${PROJECT}/queries/${result.jobId}`,
    ]);
    expect(log[3].path).toContain('pageToken=');
  });

  it('refuses before running when the dry run is over the cap, with both numbers', async () => {
    const h = await withMetaRows(OCTOBER, { maximumBytesBilled: 139 });
    const from = (await fake().requests()).length;
    const e = thrown(() =>
      query(h.session, byLineSql(h), monthParam('2026-10'), { ...deadline(h), runId: 'close1' }),
    );
    expect(e).toBeInstanceOf(BigQueryByteCapError);
    expect(e).toMatchObject({ bytesNeeded: 140, maximumBytesBilled: 139 });
    expect(e.message).toContain('140 bytes');
    expect(e.message).toContain('139 bytes');
    expect((await requestsSince(from)).map((r) => r.method)).toEqual(['POST']); // the dry run only
  });

  it("BigQuery's own bytesBilledLimitExceeded (the 10 MB minimum over the cap) → the cap error", async () => {
    const h = await withMetaRows(OCTOBER, { maximumBytesBilled: 1_000 });
    const e = thrown(() =>
      query(h.session, byLineSql(h), monthParam('2026-10'), { ...deadline(h), runId: 'close1' }),
    );
    expect(e).toBeInstanceOf(BigQueryByteCapError);
    expect(e).toMatchObject({ bytesNeeded: 10 * 1024 * 1024, maximumBytesBilled: 1_000 });
  });

  it('a job still running at the deadline → its id; the next run resumes it without a second job', async () => {
    const h = await withMetaRows(OCTOBER);
    await fake().configure({ runningPolls: 4 });
    const from = (await fake().requests()).length;
    const options = { runId: 'close7' };
    const first = thrown(() =>
      query(h.session, byLineSql(h), monthParam('2026-10'), {
        ...options,
        deadlineAt: h.clock.now() + 2_000,
      }),
    );
    expect(first).toBeInstanceOf(BigQueryJobRunningError);
    const { jobId } = first as BigQueryJobRunningError;
    expect(first.message).toContain(jobId);

    const result = query(h.session, byLineSql(h), monthParam('2026-10'), { ...options, ...deadline(h) });
    expect(result.jobId).toBe(jobId);
    expect(result.rows.map((r) => r.volume)).toEqual([15, 7, 1, 2]);
    const inserts = (await requestsSince(from)).filter((r) => r.method === 'POST').map((r) => r.status);
    // dry run, the job; on resume: dry run, 409 duplicate (the job BigQuery already has).
    expect(inserts).toEqual([200, 200, 200, 409]);
  });

  it('rateLimitExceeded is retried with backoff and jitter; a fault that lasts past the deadline → busy', async () => {
    const h = await withMetaRows(OCTOBER);
    await fake().setFault({ kind: 'rateLimit403', times: 2, pathIncludes: '/queries/' });
    const result = query(h.session, byLineSql(h), monthParam('2026-10'), { ...deadline(h), runId: 'r' });
    expect(result.rows).toHaveLength(4);
    expect(h.clock.sleeps).toEqual([750, 1_500]); // 1 s then 2 s steps, half of each random (0.5)
    expect((await fake().requests()).filter((r) => r.fault === 'rateLimit403')).toHaveLength(2);

    await fake().setFault({ kind: 'backendError', times: 'always' });
    const e = thrown(() =>
      query(h.session, byLineSql(h), monthParam('2026-10'), {
        deadlineAt: h.clock.now() + 10_000,
        runId: 'r2',
      }),
    );
    expect(e).toBeInstanceOf(BigQueryBusyError);
    expect(e.message).toContain('backendError');
  });

  it("accessDenied while querying names the roles; a bad query is refused with BigQuery's message", async () => {
    const h = await withMetaRows(OCTOBER);
    const bad = thrown(() =>
      query(h.session, `SELECT nope FROM \`${PROJECT}.${h.dataset}.meta_rows\``, [], {
        ...deadline(h),
        runId: 'x',
      }),
    );
    expect(bad).toBeInstanceOf(BigQueryRequestError);
    expect(bad.message).toMatch(/^BigQuery refused the query: /);
    await fake().configure({ deniedDatasets: [`${PROJECT}:${h.dataset}`] });
    const denied = thrown(() =>
      query(h.session, byLineSql(h), monthParam('2026-10'), { ...deadline(h), runId: 'y' }),
    );
    expect(denied).toBeInstanceOf(BigQueryAccessError);
    expect(denied.message).toContain('roles/bigquery.jobUser');
  });
});

describe('queryJobId', () => {
  it('is the same for the same run, SQL and parameters, and differs when any of them does', () => {
    const id = queryJobId('close_2026_10', 'SELECT 1', monthParam('2026-10'));
    expect(id).toMatch(/^atom_q_close_2026_10_[0-9a-z]+$/);
    expect(queryJobId('close_2026_10', 'SELECT 1', monthParam('2026-10'))).toBe(id);
    expect(queryJobId('close_2026_10', 'SELECT 1', monthParam('2026-09'))).not.toBe(id);
    expect(queryJobId('close_2026_10', 'SELECT 2', monthParam('2026-10'))).not.toBe(id);
    expect(queryJobId('close_2026_11', 'SELECT 1', monthParam('2026-10'))).not.toBe(id);
    expect(() => queryJobId('run 1', 'SELECT 1', [])).toThrow('Not a BigQuery job id: atom_q_run 1_');
  });
});

describe('loadMonth', () => {
  const perMonth = (h: Harness) =>
    query(h.session, rowsPerMonthSql(h), [], { ...deadline(h), runId: `count${h.clock.now()}` }).rows;

  it("replaces that month's partition only", async () => {
    const h = await withMetaRows([...SEPTEMBER, ...OCTOBER]);
    expect(perMonth(h)).toEqual([
      { month: '2026-09-01', n: 2, volume: 7 },
      { month: '2026-10-01', n: 5, volume: 25 },
    ]);
    const result = loadMonth(
      h.session,
      'meta_rows',
      '2026-10',
      [metaRow('2026-10', '2026-10-05', 'L9', 40)],
      'reload_oct',
      deadline(h),
    );
    expect(result).toEqual({ jobId: 'reload_oct', outputRows: 1 });
    h.clock.sleep(1);
    expect(perMonth(h)).toEqual([
      { month: '2026-09-01', n: 2, volume: 7 },
      { month: '2026-10-01', n: 1, volume: 40 },
    ]);
  });

  it('a failed load leaves the month as it was; rows of another month are refused before sending', async () => {
    const h = await withMetaRows([...SEPTEMBER, ...OCTOBER]);
    const before = perMonth(h);
    const broken = [
      metaRow('2026-10', '2026-10-05', 'L9', 40),
      { ...metaRow('2026-10', '2026-10-06', 'L9', 1), volume: 'many' },
    ];
    const e = thrown(() => loadMonth(h.session, 'meta_rows', '2026-10', broken, 'broken_oct', deadline(h)));
    expect(e).toBeInstanceOf(BigQueryRequestError);
    expect(e.message).toMatch(
      /^BigQuery refused the load of meta_rows for 2026-10 \(the month was left as it was\)/,
    );
    h.clock.sleep(1);
    expect(perMonth(h)).toEqual(before);

    const from = (await fake().requests()).length;
    const wrongMonth = () =>
      loadMonth(h.session, 'meta_rows', '2026-10', [SEPTEMBER[0]], 'wrong_month', deadline(h));
    expect(wrongMonth).toThrow(BigQueryError);
    expect(wrongMonth).toThrow(
      'row 1 for meta_rows belongs to month 2026-09-01, not 2026-10-01 — nothing was loaded',
    );
    expect(() => loadMonth(h.session, 'meta_rows', '2026-10', [], 'empty_oct', deadline(h))).toThrow(
      'nothing to load into meta_rows for 2026-10 — the month was left as it was',
    );
    expect(await requestsSince(from)).toEqual([]);
  });

  it('a load still running at the deadline is resumed by its job id, never loaded twice', async () => {
    const h = await withMetaRows(OCTOBER);
    await fake().configure({ runningPolls: 3 });
    const rows = [metaRow('2026-10', '2026-10-05', 'L9', 40), metaRow('2026-10', '2026-10-06', 'L9', 2)];
    const first = thrown(() =>
      loadMonth(h.session, 'meta_rows', '2026-10', rows, 'load_oct_run3', {
        deadlineAt: h.clock.now() + 1_000,
      }),
    );
    expect(first).toMatchObject({ name: 'BigQueryJobRunningError', jobId: 'load_oct_run3' });
    expect(loadMonth(h.session, 'meta_rows', '2026-10', rows, 'load_oct_run3', deadline(h))).toEqual({
      jobId: 'load_oct_run3',
      outputRows: 2,
    });
    await fake().configure({ runningPolls: 0 });
    expect(perMonth(h)).toEqual([{ month: '2026-10-01', n: 2, volume: 42 }]);
  });
});
