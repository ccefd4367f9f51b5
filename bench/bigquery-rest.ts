/**
 * The bench's own calls to the fake BigQuery (dev/fake-bigquery) over its REST API, from Node (async fetch: only
 * while the offline runtime is not running): a month loaded into a partition, a query's rows and bytes, a dry
 * run's bytes, a table's bytes, and the bytes of the query jobs a run of the add-on sent.
 */
import { request } from 'node:http';
import type { FakeBigQueryServer } from '../dev/fake-bigquery/server';
import type { SqlQuery } from '../src/bigquery/billing-sql';

export interface BenchDataset {
  server: FakeBigQueryServer;
  project: string;
  dataset: string;
  token: string;
}

/**
 * One request on its own connection: the runtime's synchronous UrlFetch blocks this thread for whole month
 * closes, long enough for the server to drop a kept-alive socket that fetch would then reuse.
 */
function call(
  d: BenchDataset,
  method: string,
  path: string,
  body?: string,
  contentType = 'application/json',
): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { authorization: `Bearer ${d.token}` };
  if (body !== undefined) headers['content-type'] = contentType;
  return new Promise((resolve, reject) => {
    const req = request(`${d.server.url}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 0) >= 400)
          reject(new Error(`fake BigQuery ${method} ${path}: HTTP ${res.statusCode} ${text.slice(0, 500)}`));
        else resolve(JSON.parse(text) as Record<string, unknown>);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Replaces `table`'s partition of `first` (yyyy-mm-01) with the NDJSON rows: one multipart load job with
 * WRITE_TRUNCATE into `table$YYYYMM`, as src/bigquery/client.ts's loadMonth sends it. Returns the rows loaded.
 */
export async function loadPartition(
  d: BenchDataset,
  table: string,
  first: string,
  ndjson: string,
): Promise<number> {
  const decorator = first.slice(0, 7).replace('-', '');
  const job = {
    jobReference: { projectId: d.project, jobId: `bench_load_${table}_${decorator}_${Date.now()}` },
    configuration: {
      load: {
        destinationTable: { projectId: d.project, datasetId: d.dataset, tableId: `${table}$${decorator}` },
        sourceFormat: 'NEWLINE_DELIMITED_JSON',
        writeDisposition: 'WRITE_TRUNCATE',
      },
    },
  };
  const boundary = 'bench_load_boundary_7f3a';
  const body =
    `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify(job)}\r\n` +
    `--${boundary}\r\nContent-Type: application/octet-stream\r\n\r\n${ndjson}\r\n--${boundary}--\r\n`;
  const answer = await call(
    d,
    'POST',
    `/upload/bigquery/v2/projects/${d.project}/jobs?uploadType=multipart`,
    body,
    `multipart/related; boundary=${boundary}`,
  );
  const status = answer.status as { errorResult?: unknown };
  if (status.errorResult) throw new Error(`load into ${table}$${decorator}: ${JSON.stringify(status)}`);
  return Number((answer.statistics as { load: { outputRows: string } }).load.outputRows);
}

/** jobs.query: the rows (each row's values joined by spaces) and totalBytesProcessed; one page only. */
export async function queryRows(d: BenchDataset, sql: SqlQuery): Promise<{ rows: string[]; bytes: number }> {
  const answer = await call(
    d,
    'POST',
    `/bigquery/v2/projects/${d.project}/queries`,
    JSON.stringify({ ...queryBody(sql), maxResults: 1_000_000 }),
  );
  const rows = (answer.rows as { f: { v: string | null }[] }[] | undefined) ?? [];
  if (answer.pageToken || Number(answer.totalRows) !== rows.length)
    throw new Error(`the query answered ${String(answer.totalRows)} rows, more than one page`);
  return { rows: rows.map((r) => r.f.map((c) => c.v).join(' ')), bytes: Number(answer.totalBytesProcessed) };
}

/** A dry run's totalBytesProcessed: what the query would read. */
export async function dryRunBytes(d: BenchDataset, sql: SqlQuery): Promise<number> {
  const answer = await call(
    d,
    'POST',
    `/bigquery/v2/projects/${d.project}/queries`,
    JSON.stringify({ ...queryBody(sql), dryRun: true }),
  );
  return Number(answer.totalBytesProcessed);
}

const queryBody = (sql: SqlQuery) => ({
  query: sql.query,
  useLegacySql: false,
  parameterMode: 'NAMED',
  queryParameters: sql.queryParameters,
});

/** tables.get: the table's rows and bytes (every partition). */
export async function tableSize(d: BenchDataset, table: string): Promise<{ rows: number; bytes: number }> {
  const answer = await call(
    d,
    'GET',
    `/bigquery/v2/projects/${d.project}/datasets/${d.dataset}/tables/${table}`,
  );
  return { rows: Number(answer.numRows), bytes: Number(answer.numBytes) };
}

/**
 * What the fake counted for the requests logged since `since`: the query jobs whose results were read (their
 * totalBytesProcessed, from jobs.get) and the load jobs.
 */
export async function jobsSince(
  d: BenchDataset,
  since: number,
): Promise<{ queries: number; bytes: number; rows: number; loads: number; requests: number }> {
  const logged = (await d.server.requests()).slice(since);
  const jobIds = new Set<string>();
  for (const r of logged) {
    const m = /^\/bigquery\/v2\/projects\/[^/]+\/queries\/([^/?]+)/.exec(r.path);
    if (m && r.status === 200) jobIds.add(decodeURIComponent(m[1]));
  }
  let bytes = 0;
  let rows = 0;
  for (const id of jobIds) {
    const job = await call(d, 'GET', `/bigquery/v2/projects/${d.project}/jobs/${id}`);
    bytes += Number((job.statistics as { totalBytesProcessed?: string }).totalBytesProcessed ?? 0);
    const results = await call(d, 'GET', `/bigquery/v2/projects/${d.project}/queries/${id}?maxResults=0`);
    rows += Number(results.totalRows ?? 0);
  }
  return {
    queries: jobIds.size,
    bytes,
    rows,
    loads: logged.filter((r) => r.path.startsWith('/upload/')).length,
    requests: logged.length,
  };
}

/** The fake's request log's length (to count a run's requests from). */
export async function requestCount(d: BenchDataset): Promise<number> {
  return (await d.server.requests()).length;
}
