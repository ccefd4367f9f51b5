/**
 * The fake BigQuery REST server: Google's request/response shapes for the endpoints the add-on uses, its error
 * bodies (https://cloud.google.com/bigquery/docs/reference/rest, .../docs/error-messages), bytes per partition
 * read, paging, polling, load jobs from multipart uploads, transactions.
 */
import { startFakeBigQueryServer, type InProcessFakeBigQueryServer } from '../../dev/fake-bigquery/server';
import { billedBreakdownSql } from '../../src/bigquery/billing-sql';
import { historyTable, type DatasetRef } from '../../src/bigquery/schema';

const TOKEN = 'T-bq';
const DS: DatasetRef = { projectId: 'atom-billing-test', datasetId: 'history' };
const API = `/bigquery/v2/projects/${DS.projectId}`;
let server: InProcessFakeBigQueryServer;
// The answers are checked field by field against Google's documented shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

const BOUNDARY = 'fake_boundary_1';
function upload(configuration: unknown, ndjson: string, jobId?: string) {
  const meta = JSON.stringify({ configuration, ...(jobId ? { jobReference: { jobId } } : {}) });
  const body =
    `--${BOUNDARY}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${meta}\r\n` +
    `--${BOUNDARY}\r\nContent-Type: application/octet-stream\r\n\r\n${ndjson}\r\n--${BOUNDARY}--`;
  return call('POST', `/upload${API}/jobs?uploadType=multipart`, body, {
    'content-type': `multipart/related; boundary=${BOUNDARY}`,
  });
}

const load = (tableId: string, writeDisposition = 'WRITE_APPEND') => ({
  load: {
    destinationTable: { ...DS, tableId },
    sourceFormat: 'NEWLINE_DELIMITED_JSON',
    writeDisposition,
  },
});

const message = (month: string, sentAt: string, contact: string, kind: string) =>
  JSON.stringify({ month, sent_at: sentAt, line: '5730001', contact, kind });

const OCTOBER = [
  message('2026-10-01', '2026-10-01T14:00:00Z', '573001', 'user'),
  message('2026-10-01', '2026-10-01T14:05:00Z', '573001', 'utility'),
  message('2026-10-01', '2026-10-02T10:00:00Z', '573002', 'marketing'),
].join('\n');
const NOVEMBER = [message('2026-11-01', '2026-11-03T10:00:00Z', '573002', 'service')].join('\n');

const queryRequest = (query: string, extra: Record<string, unknown> = {}) => ({
  query,
  useLegacySql: false,
  ...extra,
});

beforeAll(async () => {
  server = await startFakeBigQueryServer({ token: TOKEN });
  await server.createDataset(DS.projectId, DS.datasetId);
});

afterAll(() => server.close());

beforeEach(async () => {
  await server.clearFaults();
  await server.configure({ runningPolls: 0, pageSize: 100_000, scopeGranted: true, deniedDatasets: [] });
});

test('datasets.get: the Dataset resource; a missing dataset is notFound (404)', async () => {
  const { status, json } = await call('GET', `${API}/datasets/${DS.datasetId}`);
  expect(status).toBe(200);
  expect(json).toMatchObject({
    kind: 'bigquery#dataset',
    id: `${DS.projectId}:${DS.datasetId}`,
    datasetReference: DS,
    location: 'US',
  });
  const missing = await call('GET', `${API}/datasets/nope`);
  expect(missing.status).toBe(404);
  expect(missing.json).toEqual({
    error: {
      code: 404,
      message: `Not found: Dataset ${DS.projectId}:nope`,
      errors: [{ message: `Not found: Dataset ${DS.projectId}:nope`, domain: 'global', reason: 'notFound' }],
      status: 'NOT_FOUND',
    },
  });
});

test('tables.insert creates the history tables (monthly partitions, clustering); again is duplicate (409)', async () => {
  for (const id of ['atom_messages', 'meta_rows'] as const) {
    const { status, json } = await call(
      'POST',
      `${API}/datasets/${DS.datasetId}/tables`,
      historyTable(DS, id),
    );
    expect(status).toBe(200);
    expect(json).toMatchObject({
      kind: 'bigquery#table',
      id: `${DS.projectId}:${DS.datasetId}.${id}`,
      timePartitioning: { type: 'MONTH', field: 'month' },
      numRows: '0',
    });
  }
  const again = await call(
    'POST',
    `${API}/datasets/${DS.datasetId}/tables`,
    historyTable(DS, 'atom_messages'),
  );
  expect(again.status).toBe(409);
  expect(again.json.error.errors[0].reason).toBe('duplicate');
  const daily = await call('POST', `${API}/datasets/${DS.datasetId}/tables`, {
    ...historyTable(DS, 'ledger'),
    timePartitioning: { type: 'DAY', field: 'month' },
  });
  expect(daily.status).toBe(400);
});

test('a multipart load job appends NEWLINE_DELIMITED_JSON rows; tables.get counts them', async () => {
  const { status, json } = await upload(load('atom_messages'), `${OCTOBER}\n${NOVEMBER}`);
  expect(status).toBe(200);
  expect(json).toMatchObject({
    kind: 'bigquery#job',
    status: { state: 'DONE' },
    statistics: { load: { outputRows: '4' } },
  });
  expect(json.status.errorResult).toBeUndefined();
  const table = await call('GET', `${API}/datasets/${DS.datasetId}/tables/atom_messages`);
  expect(table.json.numRows).toBe('4');
});

test('a load with a bad row writes nothing; WRITE_TRUNCATE into table$YYYYMM replaces that month only', async () => {
  const bad = await upload(
    load('atom_messages'),
    `${OCTOBER}\n{"month": "2026-10-01", "sent_at": "yesterday"}`,
  );
  expect(bad.json.status.errorResult.reason).toBe('invalid');
  const outside = await upload(load('atom_messages$202610', 'WRITE_TRUNCATE'), NOVEMBER);
  expect(outside.json.status.errorResult.message).toMatch(/different partitions/);
  expect((await call('GET', `${API}/datasets/${DS.datasetId}/tables/atom_messages`)).json.numRows).toBe('4');
  const replaced = await upload(load('atom_messages$202610', 'WRITE_TRUNCATE'), OCTOBER);
  expect(replaced.json.statistics.load.outputRows).toBe('3');
  expect((await call('GET', `${API}/datasets/${DS.datasetId}/tables/atom_messages`)).json.numRows).toBe('4');
});

test('dry runs estimate bytes per partition read; maximumBytesBilled ends the job with bytesBilledLimitExceeded', async () => {
  const table = `\`${DS.projectId}.${DS.datasetId}.atom_messages\``;
  const dry = async (where: string) =>
    Number(
      (
        await call('POST', `${API}/jobs`, {
          configuration: { dryRun: true, query: queryRequest(`SELECT contact FROM ${table} ${where}`) },
        })
      ).json.statistics.totalBytesProcessed,
    );
  const october = await dry("WHERE month = DATE '2026-10-01'");
  const all = await dry('');
  // October's 3 rows: contact (2 + 6 bytes) and month (8 bytes, named by the filter); all 4 rows: contact only
  expect([october, all]).toEqual([48, 32]);
  // a filter under OR prunes nothing: month and contact of all 4 rows
  expect(await dry("WHERE month = DATE '2026-10-01' OR contact = 'x'")).toBe(64);

  const capped = await call('POST', `${API}/jobs`, {
    jobReference: { jobId: 'capped_1' },
    configuration: { query: queryRequest(`SELECT contact FROM ${table}`, { maximumBytesBilled: '1000' }) },
  });
  expect(capped.status).toBe(200);
  expect(capped.json.status.errorResult).toEqual({
    reason: 'bytesBilledLimitExceeded',
    message: 'Query exceeded limit for bytes billed: 1000. 10485760 or higher required.',
  });
  const results = await call('GET', `${API}/queries/capped_1`);
  expect(results.status).toBe(400);
  expect(results.json.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
  expect(results.json.error.errors[0].reason).toBe('bytesBilledLimitExceeded');
  const again = await call('POST', `${API}/jobs`, {
    jobReference: { jobId: 'capped_1' },
    configuration: { query: queryRequest('SELECT 1') },
  });
  expect(again.status).toBe(409);
});

test('jobs.query pages with maxResults; getQueryResults follows pageToken', async () => {
  const sql = `SELECT contact, kind FROM \`${DS.projectId}.${DS.datasetId}.atom_messages\` ORDER BY sent_at`;
  const first = await call('POST', `${API}/queries`, queryRequest(sql, { maxResults: 3 }));
  expect(first.status).toBe(200);
  expect(first.json).toMatchObject({
    kind: 'bigquery#queryResponse',
    jobComplete: true,
    totalRows: '4',
    schema: {
      fields: [
        { name: 'contact', type: 'STRING', mode: 'NULLABLE' },
        { name: 'kind', type: 'STRING', mode: 'NULLABLE' },
      ],
    },
  });
  expect(first.json.rows).toHaveLength(3);
  expect(first.json.rows[0]).toEqual({ f: [{ v: '573001' }, { v: 'user' }] });
  const { jobId } = first.json.jobReference;
  const next = await call('GET', `${API}/queries/${jobId}?pageToken=${first.json.pageToken}&maxResults=3`);
  expect(next.json.rows).toEqual([{ f: [{ v: '573002' }, { v: 'service' }] }]);
  expect(next.json.pageToken).toBeUndefined();
  expect((await call('GET', `${API}/queries/${jobId}?pageToken=bogus`)).status).toBe(400);
});

test('a job still running answers RUNNING and jobComplete false until polled enough', async () => {
  await server.configure({ runningPolls: 2 });
  const inserted = await call('POST', `${API}/jobs`, {
    configuration: { query: queryRequest('SELECT 1 AS one') },
  });
  expect(inserted.json.status).toEqual({ state: 'RUNNING' });
  const { jobId } = inserted.json.jobReference;
  expect((await call('GET', `${API}/jobs/${jobId}`)).json.status.state).toBe('RUNNING');
  expect((await call('GET', `${API}/queries/${jobId}`)).json.jobComplete).toBe(false);
  expect((await call('GET', `${API}/jobs/${jobId}`)).json.status.state).toBe('DONE');
  expect((await call('GET', `${API}/queries/${jobId}`)).json).toMatchObject({
    jobComplete: true,
    rows: [{ f: [{ v: '1' }] }],
  });
  expect((await call('GET', `${API}/jobs/nope`)).json.error.errors[0].reason).toBe('notFound');
});

test('a multi-statement transaction commits as one, and a failing one leaves the table as it was', async () => {
  const table = `\`${DS.projectId}.${DS.datasetId}.atom_messages\``;
  const ok = await call(
    'POST',
    `${API}/queries`,
    queryRequest(
      `BEGIN TRANSACTION; DELETE FROM ${table} WHERE month = DATE '2026-11-01'; ` +
        `INSERT INTO ${table} (month, sent_at, line, contact, kind) SELECT month, sent_at, line, contact, kind ` +
        `FROM ${table} WHERE month = DATE '2026-10-01'; COMMIT TRANSACTION; SELECT COUNT(*) AS n FROM ${table}`,
    ),
  );
  expect(ok.json.rows).toEqual([{ f: [{ v: '6' }] }]);
  const failing = await call(
    'POST',
    `${API}/queries`,
    queryRequest(
      `BEGIN; DELETE FROM ${table} WHERE TRUE; INSERT INTO ${table} (month) VALUES (NULL); COMMIT`,
    ),
  );
  expect(failing.status).toBe(400);
  expect(failing.json.error.errors[0].reason).toBe('invalidQuery');
  expect((await call('GET', `${API}/datasets/${DS.datasetId}/tables/atom_messages`)).json.numRows).toBe('6');
});

test('errors: legacy SQL, no token, scope not granted, access denied, rate limits (403 and 429)', async () => {
  const legacy = await call('POST', `${API}/queries`, { query: 'SELECT 1' });
  expect(legacy.json.error.errors[0]).toMatchObject({ reason: 'invalidQuery', location: 'query' });

  const anonymous = await call('GET', `${API}/datasets/${DS.datasetId}`, undefined, { authorization: '' });
  expect(anonymous.status).toBe(401);
  expect(anonymous.json.error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED' });

  await server.configure({ scopeGranted: false });
  const scope = await call('GET', `${API}/datasets/${DS.datasetId}`);
  expect(scope.status).toBe(403);
  expect(scope.json.error.errors[0].reason).toBe('insufficientPermissions');
  await server.configure({ scopeGranted: true, deniedDatasets: [`${DS.projectId}:${DS.datasetId}`] });

  const denied = await call('GET', `${API}/datasets/${DS.datasetId}`);
  expect(denied.status).toBe(403);
  expect(denied.json.error.errors[0]).toMatchObject({ reason: 'accessDenied', domain: 'global' });
  expect(denied.json.error.message).toContain('bigquery.datasets.get');
  const deniedQuery = await call(
    'POST',
    `${API}/queries`,
    queryRequest(`SELECT 1 FROM \`${DS.projectId}.${DS.datasetId}.atom_messages\``),
  );
  expect(deniedQuery.status).toBe(403);
  const deniedDelete = await call(
    'POST',
    `${API}/queries`,
    queryRequest(`DELETE FROM \`${DS.projectId}.${DS.datasetId}.atom_messages\` WHERE TRUE`),
  );
  expect(deniedDelete.json.error.errors[0].reason).toBe('accessDenied');
  await server.configure({ deniedDatasets: [] });

  await server.setFault([{ kind: 'rateLimit403' }, { kind: 'rateLimit429' }]);
  const limited = [
    await call('GET', `${API}/datasets/${DS.datasetId}`),
    await call('GET', `${API}/datasets/${DS.datasetId}`),
  ];
  expect(limited.map((r) => [r.status, r.json.error.status, r.json.error.errors[0].reason])).toEqual([
    [403, 'PERMISSION_DENIED', 'rateLimitExceeded'],
    [429, 'RESOURCE_EXHAUSTED', 'rateLimitExceeded'],
  ]);
  expect((await call('GET', `${API}/datasets/${DS.datasetId}`)).status).toBe(200);
});

test("the billing query runs through jobs.query and reads one month's partition", async () => {
  const { query, queryParameters } = billedBreakdownSql({
    dataset: DS,
    timeZone: 'UTC',
    readFrom: 20261001,
    firstDay: 20261001,
    lastDay: 20261031,
  });
  const request = queryRequest(query, { parameterMode: 'NAMED', queryParameters });
  const dry = await call('POST', `${API}/queries`, { ...request, dryRun: true });
  const { status, json } = await call('POST', `${API}/queries`, request);
  expect(status).toBe(200);
  expect(json.rows.map((r: { f: { v: string }[] }) => r.f.map((c) => c.v))).toEqual([
    // each October message is stored twice (the transaction test copied them)
    ['2026-10-01', '5730001', 'message', 'utility', '2', '0'],
    ['2026-10-02', '5730001', 'message', 'marketing', '2', '0'],
  ]);
  expect(json.totalBytesProcessed).toBe(dry.json.totalBytesProcessed);
  expect(Number(json.totalBytesProcessed)).toBeGreaterThan(0);
});

test('faults: a statementError fails the named statement of a script (rolled back); runningQueryIncludes holds only those jobs', async () => {
  const table = `\`${DS.projectId}.${DS.datasetId}.atom_messages\``;
  const rows = async () =>
    (await call('GET', `${API}/datasets/${DS.datasetId}/tables/atom_messages`)).json.numRows as string;
  const before = await rows();
  await server.setFault({ kind: 'statementError', statementIncludes: 'INSERT INTO' });
  const script = `BEGIN TRANSACTION; DELETE FROM ${table} WHERE TRUE; INSERT INTO ${table} (month, sent_at, line, contact, kind) VALUES (DATE '2026-10-01', TIMESTAMP '2026-10-01 00:00:00', 'l', 'c', 'user'); COMMIT TRANSACTION`;
  const job = await call('POST', `${API}/jobs`, { configuration: { query: queryRequest(script) } });
  expect(job.json.status.errorResult).toMatchObject({ reason: 'invalidQuery' });
  expect(job.json.status.errorResult.message).toContain(
    'Fake BigQuery fault: the statement failed: INSERT INTO',
  );
  expect(await rows()).toBe(before);
  // Spent: the same script runs now.
  const again = await call('POST', `${API}/jobs`, { configuration: { query: queryRequest(script) } });
  expect(again.json.status).toEqual({ state: 'DONE' });
  expect(await rows()).toBe('1');

  await server.configure({ runningPolls: 3, runningQueryIncludes: 'BEGIN TRANSACTION' });
  const held = await call('POST', `${API}/jobs`, { configuration: { query: queryRequest(`${script}`) } });
  expect(held.json.status).toEqual({ state: 'RUNNING' });
  const plain = await call('POST', `${API}/jobs`, {
    configuration: { query: queryRequest('SELECT 1 AS one') },
  });
  expect(plain.json.status).toEqual({ state: 'DONE' });
  await server.configure({ runningPolls: 0, runningQueryIncludes: null });
});
