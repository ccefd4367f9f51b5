/**
 * The add-on's BigQuery client: the BigQuery REST API v2 (https://cloud.google.com/bigquery/docs/reference/rest)
 * over injected ports (HttpPort, Clock, RandomSource), pure so it runs against the fake server in tests and over
 * UrlFetchApp in Apps Script.
 *
 * Auth: the calls carry the user's own OAuth token, `ScriptApp.getOAuthToken()`, which holds the scopes of the
 * manifest. They need https://www.googleapis.com/auth/bigquery ("View and manage your data in Google BigQuery"):
 * the add-on creates tables, runs query jobs and load jobs in the user's project, which bigquery.readonly does not
 * allow, and cloud-platform would grant far more than the add-on uses. UrlFetchApp (already authorized by
 * script.external_request) rather than the BigQuery advanced service: the client stays pure over HttpPort
 * (tested against dev/fake-bigquery with the runtime's UrlFetch), and it controls retries, deadlines and client
 * job ids itself. The token is sent in the Authorization header only and never appears in a message.
 * Whoever runs it needs roles/bigquery.dataEditor on the dataset and roles/bigquery.jobUser on the project.
 */
import {
  BigQueryByteCapError,
  BigQueryDatasetNotFoundError,
  BigQueryError,
  BigQueryJobRunningError,
  bigQueryErrorFor,
} from './errors';
import { utf8Bytes } from '../core/write-plan/limits';
import { convertRows, type BigQueryRow, type ResultField } from './rows';
import type { QueryParameter } from './billing-sql';
import type { HistoryTable, HistoryTableId } from './schema';
import { apiUrl, must, projectPath, send, type BigQuerySession } from './transport';

export type { BigQuerySession } from './transport';

export interface CallOptions {
  /** Epoch ms (on the session's clock) by which the call must be over. */
  deadlineAt: number;
}

export interface QueryOptions extends CallOptions {
  /**
   * Names this run of the caller (the month close's run, kept across resumes): with the SQL and parameters it
   * makes the job id, so running the same query again in the same run resumes the job BigQuery already has.
   */
  runId: string;
}

export interface QueryResult {
  jobId: string;
  rows: BigQueryRow[];
  bytesProcessed: number;
  bytesBilled: number;
}

export interface LoadResult {
  jobId: string;
  outputRows: number;
}

/** Tables that were missing and are now created (tables.get, then tables.insert; 409 duplicate = already there). */
export function ensureTables(
  session: BigQuerySession,
  tables: readonly HistoryTable[],
  options: CallOptions,
): { created: string[] } {
  const dataset = send(
    session,
    {
      method: 'get',
      url: apiUrl(session, projectPath(session, 'datasets', session.dataset)),
      what: 'the dataset',
    },
    options.deadlineAt,
  );
  if (!dataset.ok && dataset.error.reason === 'notFound')
    throw new BigQueryDatasetNotFoundError(session.project, session.dataset);
  const { location } = must(session, dataset, 'the dataset');
  // Jobs run where the dataset is; elsewhere BigQuery answers "not found in location", which misleads.
  if (typeof location === 'string' && location.toLowerCase() !== session.location.toLowerCase())
    throw new BigQueryError(
      `dataset ${session.dataset} is in location ${location}, not ${session.location} — pick ${location}`,
    );
  const created: string[] = [];
  for (const table of tables) {
    const { tableId } = table.tableReference;
    const what = `table ${tableId}`;
    const tablesPath = projectPath(session, 'datasets', session.dataset, 'tables');
    const found = send(
      session,
      { method: 'get', url: apiUrl(session, `${tablesPath}/${encodeURIComponent(tableId)}`), what },
      options.deadlineAt,
    );
    if (found.ok) continue;
    if (found.error.reason !== 'notFound') must(session, found, what);
    const body = {
      ...table,
      tableReference: { ...table.tableReference, projectId: session.project, datasetId: session.dataset },
    };
    const inserted = send(
      session,
      { method: 'post', url: apiUrl(session, tablesPath), json: body, what },
      options.deadlineAt,
    );
    if (inserted.ok) created.push(tableId);
    else if (inserted.error.reason !== 'duplicate') must(session, inserted, what);
  }
  return { created };
}

/**
 * Runs one GoogleSQL query: a dry run first (refused above the byte cap before anything runs), then a job with
 * maximumBytesBilled and a client job id (a retry or a later run with the same runId finds the job — 409
 * duplicate — and never runs it twice), polled until done or the deadline (then BigQueryJobRunningError with the
 * job id), the results read page by page and converted by their schema.
 */
export function query(
  session: BigQuerySession,
  sql: string,
  params: readonly QueryParameter[],
  options: QueryOptions,
): QueryResult {
  const what = 'the query';
  const config = { query: sql, useLegacySql: false, parameterMode: 'NAMED', queryParameters: params };
  const jobsUrl = apiUrl(session, projectPath(session, 'jobs'));
  const dry = must(
    session,
    send(
      session,
      {
        method: 'post',
        url: jobsUrl,
        json: {
          jobReference: { projectId: session.project, location: session.location },
          configuration: { dryRun: true, query: config },
        },
        what,
      },
      options.deadlineAt,
    ),
    what,
  );
  const estimated = Number(
    (dry.statistics as { totalBytesProcessed?: string } | undefined)?.totalBytesProcessed ?? NaN,
  );
  if (!Number.isFinite(estimated))
    throw new BigQueryError('BigQuery answered the dry run without a byte estimate');
  if (estimated > session.maximumBytesBilled)
    throw new BigQueryByteCapError(estimated, session.maximumBytesBilled);

  const jobId = queryJobId(options.runId, sql, params);
  const job = runJob(
    session,
    jobId,
    {
      method: 'post',
      url: jobsUrl,
      json: {
        jobReference: { projectId: session.project, jobId, location: session.location },
        configuration: { query: { ...config, maximumBytesBilled: String(session.maximumBytesBilled) } },
      },
      what,
    },
    options.deadlineAt,
  );
  const stats =
    (job.statistics as { query?: { totalBytesProcessed?: string; totalBytesBilled?: string } }).query ?? {};
  return {
    jobId,
    rows: readResults(session, jobId, options.deadlineAt),
    bytesProcessed: Number(stats.totalBytesProcessed ?? 0),
    bytesBilled: Number(stats.totalBytesBilled ?? 0),
  };
}

/**
 * Replaces one month of a monthly partitioned table: a multipart/related load job of NEWLINE_DELIMITED_JSON into
 * `table$YYYYMM` with WRITE_TRUNCATE (https://cloud.google.com/bigquery/docs/managing-partitioned-table-data),
 * which BigQuery applies atomically — a failed load leaves the month as it was. `jobId` is the caller's, kept
 * across resumes, so a second call after a timeout polls the same load instead of loading twice.
 */
export function loadMonth(
  session: BigQuerySession,
  table: HistoryTableId,
  month: string,
  rows: readonly Record<string, unknown>[],
  jobId: string,
  options: CallOptions,
): LoadResult {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`loadMonth: not a month: ${month}`);
  checkJobId(jobId);
  const what = `the load of ${table} for ${month} (the month was left as it was)`;
  if (rows.length === 0)
    throw new BigQueryError(`nothing to load into ${table} for ${month} — the month was left as it was`);
  const first = `${month}-01`;
  rows.forEach((row, i) => {
    if (row.month !== first)
      throw new BigQueryError(
        `row ${i + 1} for ${table} belongs to month ${String(row.month)}, not ${first} — nothing was loaded`,
      );
  });
  const ndjson = rows.map((r) => JSON.stringify(r)).join('\n');
  const load = runLoad(
    session,
    `${table}$${month.replace('-', '')}`,
    'WRITE_TRUNCATE',
    ndjson,
    jobId,
    what,
    options,
  );
  return { jobId, outputRows: load.outputRows };
}

/**
 * UrlFetchApp sends at most 50 MB a request ("URL Fetch POST size", Apps Script quotas): a load's body (the job's
 * JSON and the rows) is kept under 50,000,000 bytes, the smaller reading of "50 MB".
 */
export const MAX_LOAD_BYTES = 50_000_000;
/** Room for the multipart headers and the job's JSON in a load's body. */
const LOAD_ENVELOPE_BYTES = 4_096;

/** NDJSON lines cut into bodies of at most `maxBytes` UTF-8 bytes each (a line never split). */
export function ndjsonParts(lines: readonly string[], maxBytes: number): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    const n = utf8Bytes(line) + 1;
    if (n > maxBytes)
      throw new BigQueryError(`one row is ${n} bytes, over a load's ${maxBytes} — nothing was loaded`);
    if (size + n > maxBytes) {
      parts.push(current.join('\n'));
      current = [];
      size = 0;
    }
    current.push(line);
    size += n;
  }
  if (current.length > 0) parts.push(current.join('\n'));
  return parts;
}

/**
 * Appends rows to a table (WRITE_APPEND), in as many loads as UrlFetchApp's POST size needs; load k's job id is
 * `${jobId}_k`, so a second call with the same `jobId` (a retried batch) finds its loads (409) instead of loading
 * the rows twice.
 */
export function appendRows(
  session: BigQuerySession,
  table: HistoryTableId,
  rows: readonly Record<string, unknown>[],
  jobId: string,
  options: CallOptions,
): LoadResult[] {
  const parts = ndjsonParts(
    rows.map((r) => JSON.stringify(r)),
    MAX_LOAD_BYTES - LOAD_ENVELOPE_BYTES,
  );
  return parts.map((ndjson, k) => {
    const id = `${jobId}_${k}`;
    checkJobId(id);
    return {
      jobId: id,
      ...runLoad(session, table, 'WRITE_APPEND', ndjson, id, `the load of ${table}`, options),
    };
  });
}

/** One multipart/related load job of NEWLINE_DELIMITED_JSON into `tableId` (a `$YYYYMM` decorator allowed). */
function runLoad(
  session: BigQuerySession,
  tableId: string,
  writeDisposition: 'WRITE_TRUNCATE' | 'WRITE_APPEND',
  ndjson: string,
  jobId: string,
  what: string,
  options: CallOptions,
): { outputRows: number } {
  const job = {
    jobReference: { projectId: session.project, jobId, location: session.location },
    configuration: {
      load: {
        destinationTable: { projectId: session.project, datasetId: session.dataset, tableId },
        sourceFormat: 'NEWLINE_DELIMITED_JSON',
        writeDisposition,
      },
    },
  };
  let boundary: string;
  do boundary = `atom_billing_${Math.floor(session.random() * 2 ** 48).toString(36)}`;
  while (ndjson.includes(boundary));
  const payload =
    `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify(job)}\r\n` +
    `--${boundary}\r\nContent-Type: application/octet-stream\r\n\r\n${ndjson}\r\n--${boundary}--\r\n`;
  const done = runJob(
    session,
    jobId,
    {
      method: 'post',
      url: apiUrl(session, `/upload${projectPath(session, 'jobs')}?uploadType=multipart`),
      raw: { payload, contentType: `multipart/related; boundary=${boundary}` },
      what,
    },
    options.deadlineAt,
  );
  const load = (done.statistics as { load?: { outputRows?: string } }).load ?? {};
  return { outputRows: Number(load.outputRows ?? 0) };
}

/**
 * What became of a job sent earlier (jobs.get): never made (404), still running, done, or failed (a failed load
 * wrote nothing). Lets a run resume a job whose answer an earlier run did not get.
 */
export function jobOutcome(
  session: BigQuerySession,
  jobId: string,
  options: CallOptions,
): 'missing' | 'running' | 'done' | 'failed' {
  checkJobId(jobId);
  const what = `job ${jobId}`;
  const found = send(session, { method: 'get', url: jobUrl(session, jobId), what }, options.deadlineAt);
  if (!found.ok && found.error.reason === 'notFound') return 'missing';
  const job = must(session, found, what);
  if (jobState(job) !== 'DONE') return 'running';
  return (job.status as { errorResult?: unknown }).errorResult ? 'failed' : 'done';
}

/** Inserts the job (or finds it: 409 duplicate → jobs.get) and polls it to DONE; a job error is thrown typed. */
function runJob(
  session: BigQuerySession,
  jobId: string,
  insert: Parameters<typeof send>[1],
  deadlineAt: number,
): Record<string, unknown> {
  const inserted = send(session, insert, deadlineAt);
  let job =
    inserted.ok || inserted.error.reason !== 'duplicate'
      ? must(session, inserted, insert.what)
      : getJob(session, jobId, insert.what, deadlineAt);
  for (let poll = 0; jobState(job) !== 'DONE'; poll++) {
    const delay = pollDelayMs(poll);
    if (session.clock.now() + delay >= deadlineAt) throw new BigQueryJobRunningError(jobId);
    session.clock.sleep(delay);
    job = getJob(session, jobId, insert.what, deadlineAt);
  }
  const errorResult = (job.status as { errorResult?: { reason?: string; message?: string } }).errorResult;
  if (errorResult)
    throw bigQueryErrorFor(
      {
        code: 0,
        status: '',
        reason: errorResult.reason ?? '',
        message: errorResult.message ?? 'the job failed',
      },
      { ...session, what: insert.what },
    );
  return job;
}

function getJob(
  session: BigQuerySession,
  jobId: string,
  what: string,
  deadlineAt: number,
): Record<string, unknown> {
  return must(session, send(session, { method: 'get', url: jobUrl(session, jobId), what }, deadlineAt), what);
}

const jobUrl = (session: BigQuerySession, jobId: string) =>
  apiUrl(session, `${projectPath(session, 'jobs', jobId)}?location=${encodeURIComponent(session.location)}`);

const jobState = (job: Record<string, unknown>) => (job.status as { state?: string } | undefined)?.state;

/** Job polls: 0.5 s, 1 s, 2 s… up to 8 s between polls (a month's aggregates take seconds). */
const pollDelayMs = (poll: number) => Math.min(8_000, 500 * 2 ** poll);

/** All result pages of a finished query job (getQueryResults with pageToken), checked against totalRows. */
function readResults(session: BigQuerySession, jobId: string, deadlineAt: number): BigQueryRow[] {
  const what = 'the query results';
  const base = `${projectPath(session, 'queries', jobId)}?location=${encodeURIComponent(session.location)}`;
  const rows: BigQueryRow[] = [];
  let token: string | null = null;
  let fields: ResultField[] | null = null;
  let total: number;
  do {
    const url = apiUrl(session, token === null ? base : `${base}&pageToken=${encodeURIComponent(token)}`);
    const page = must(session, send(session, { method: 'get', url, what }, deadlineAt), what);
    if (page.jobComplete === false) throw new BigQueryJobRunningError(jobId);
    fields ??= (page.schema as { fields?: ResultField[] } | undefined)?.fields ?? [];
    total = Number(page.totalRows ?? 0);
    rows.push(...convertRows(fields, page.rows, rows.length));
    const next = typeof page.pageToken === 'string' && page.pageToken ? page.pageToken : null;
    if (next !== null && next === token)
      throw new BigQueryError('BigQuery sent a page token that does not advance');
    token = next;
  } while (token !== null);
  if (rows.length !== total)
    throw new BigQueryError(
      `BigQuery answered ${rows.length} of the query's ${total} rows — nothing was used`,
    );
  return rows;
}

const JOB_ID = /^[A-Za-z0-9_-]{1,1024}$/;

function checkJobId(jobId: string): void {
  if (!JOB_ID.test(jobId)) throw new RangeError(`Not a BigQuery job id: ${jobId}`);
}

/** `atom_q_<runId>_<hash of the SQL and parameters>`: the same query in the same run is the same job. */
export function queryJobId(runId: string, sql: string, params: readonly QueryParameter[]): string {
  const jobId = `atom_q_${runId}_${hash53(JSON.stringify([sql, params])).toString(36)}`;
  checkJobId(jobId);
  return jobId;
}

/**
 * `atom_load_<table>_<YYYYMM>_<hash of key>`: `key` names the rows and the state they were planned from (the caller's
 * commit count), so a resumed run loading the same rows finds its job, and a later run always loads anew.
 */
export function loadJobId(table: HistoryTableId, month: string, key: string): string {
  const jobId = `atom_load_${table}_${month.replace('-', '')}_${hash53(key).toString(36)}`;
  checkJobId(jobId);
  return jobId;
}

/** cyrb53: a fast 53-bit string hash (public domain), enough to tell a run's queries apart. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
