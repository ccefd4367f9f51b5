/**
 * The fake BigQuery REST v2 API: the endpoints the add-on uses, with Google's request and response shapes and
 * error bodies (https://cloud.google.com/bigquery/docs/reference/rest; errors:
 * https://cloud.google.com/bigquery/docs/error-messages), SQL run by engine.ts.
 *
 *   GET  /bigquery/v2/projects/{p}/datasets/{d}                     datasets.get
 *   POST /bigquery/v2/projects/{p}/datasets/{d}/tables              tables.insert (monthly partitioning only)
 *   GET  /bigquery/v2/projects/{p}/datasets/{d}/tables/{t}          tables.get
 *   POST /bigquery/v2/projects/{p}/jobs                             jobs.insert (query; dryRun; maximumBytesBilled)
 *   POST /upload/bigquery/v2/projects/{p}/jobs?uploadType=multipart jobs.insert (load, NEWLINE_DELIMITED_JSON)
 *   GET  /bigquery/v2/projects/{p}/jobs/{j}                         jobs.get
 *   GET  /bigquery/v2/projects/{p}/queries/{j}                      jobs.getQueryResults (maxResults, pageToken)
 *   POST /bigquery/v2/projects/{p}/queries                          jobs.query
 *
 * Control (no token): POST /__fake/datasets {projectId, datasetId}; POST|DELETE /__fake/faults; POST
 * /__fake/config {runningPolls, pageSize, scopeGranted, deniedDatasets}; GET|DELETE /__fake/requests.
 * Jobs run when inserted; `runningPolls` makes each new job answer RUNNING (jobComplete false) to that many
 * polls first. A query job's SQL error is the job's errorResult (HTTP 200 from jobs.insert and jobs.get), and
 * an HTTP error from jobs.getQueryResults and jobs.query.
 */
import { estimateBytes, type TableSizes } from './bytes';
import {
  checkScript,
  SqlRuntimeError,
  SqlSyntaxError,
  type CheckedStatement,
  type QueryParameter,
  type SqlEngine,
  type StatementResult,
  type TableField,
} from './engine';
import { QueryParameterError, UnsupportedSqlError } from './translate';

export interface FakeRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type FaultKind = 'rateLimit403' | 'rateLimit429' | 'backendError' | 'statementError';

export interface FaultSpec {
  kind: FaultKind;
  times?: number | 'always';
  pathIncludes?: string;
  /**
   * statementError only: the first statement of a query job whose text includes this fails when it runs (an open
   * transaction rolls back) and the job ends with that error, as a statement BigQuery cannot run does.
   */
  statementIncludes?: string;
  /** Matching requests answered normally before the fault starts (e.g. the second of a run's loads). */
  skip?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  fault: FaultKind | null;
  /** A load's destination table as sent (`table` or `table$YYYYMM`), so tests tell loads apart. */
  table?: string;
}

export interface FakeBigQueryOptions {
  token?: string;
  location?: string;
  /** Rows per page when the request sets no smaller maxResults. */
  pageSize?: number;
}

interface TableState {
  resource: Record<string, unknown>;
  fields: TableField[];
  partitionColumn: string | null;
  creationTime: string;
}

interface JobState {
  resource: Record<string, unknown>;
  result: StatementResult | null;
  error: ErrorBody | null;
  pollsLeft: number;
}

export interface FakeBigQueryState {
  engine: SqlEngine;
  token: string;
  location: string;
  pageSize: number;
  runningPolls: number;
  /** When set, only query jobs whose SQL includes it are held RUNNING (runningPolls polls). */
  runningQueryIncludes: string | null;
  scopeGranted: boolean;
  /** Datasets ("project:dataset") whose data the caller may not read or write. */
  deniedDatasets: Set<string>;
  datasets: Map<string, { creationTime: string }>;
  tables: Map<string, TableState>;
  jobs: Map<string, JobState>;
  faults: (FaultSpec & { left: number; skipLeft: number })[];
  requests: LoggedRequest[];
  nextJob: number;
}

export function createFakeBigQueryState(
  engine: SqlEngine,
  options: FakeBigQueryOptions = {},
): FakeBigQueryState {
  return {
    engine,
    token: options.token ?? 'FAKE-BQ-TOKEN',
    location: options.location ?? 'US',
    pageSize: options.pageSize ?? 100_000,
    runningPolls: 0,
    runningQueryIncludes: null,
    scopeGranted: true,
    deniedDatasets: new Set(),
    datasets: new Map(),
    tables: new Map(),
    jobs: new Map(),
    faults: [],
    requests: [],
    nextJob: 1,
  };
}

interface ErrorBody {
  code: number;
  status: string;
  reason: string;
  message: string;
  location?: string;
}

class ApiError extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.message);
  }
}

const fail = (code: number, status: string, reason: string, message: string, location?: string): never => {
  throw new ApiError({ code, status, reason, message, location });
};

/** Google's error body: { error: { code, message, errors: [{ message, domain, reason }], status } }. */
function errorJson(e: ErrorBody): Record<string, unknown> {
  const item: Record<string, string> = { message: e.message, domain: 'global', reason: e.reason };
  if (e.location) Object.assign(item, { location: e.location, locationType: 'other' });
  return { error: { code: e.code, message: e.message, errors: [item], status: e.status } };
}

const json = (status: number, body: unknown): FakeResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=UTF-8' },
  body: JSON.stringify(body),
});

const notFound = (what: string) => fail(404, 'NOT_FOUND', 'notFound', `Not found: ${what}`);
const invalid = (message: string, location?: string) =>
  fail(400, 'INVALID_ARGUMENT', 'invalid', message, location);
const invalidQuery = (message: string) => fail(400, 'INVALID_ARGUMENT', 'invalidQuery', message, 'query');

export function addFault(state: FakeBigQueryState, fault: FaultSpec): void {
  state.faults.push({
    ...fault,
    left: fault.times === 'always' ? Infinity : (fault.times ?? 1),
    skipLeft: fault.skip ?? 0,
  });
}

function takeFault(state: FakeBigQueryState, path: string): FaultKind | null {
  const fault = state.faults.find(
    (f) => f.kind !== 'statementError' && f.left > 0 && (!f.pathIncludes || path.includes(f.pathIncludes)),
  );
  return fault ? spend(fault) : null;
}

function spend(fault: FakeBigQueryState['faults'][number]): FaultKind | null {
  if (fault.skipLeft > 0) {
    fault.skipLeft--;
    return null;
  }
  fault.left--;
  return fault.kind;
}

const RATE_LIMIT =
  'Exceeded rate limits: too many api requests per user per method for this user_method. For more information, ' +
  'see https://cloud.google.com/bigquery/docs/troubleshoot-quotas';

function faultError(kind: FaultKind): ErrorBody {
  switch (kind) {
    case 'rateLimit403':
      return { code: 403, status: 'PERMISSION_DENIED', reason: 'rateLimitExceeded', message: RATE_LIMIT };
    case 'rateLimit429':
      return { code: 429, status: 'RESOURCE_EXHAUSTED', reason: 'rateLimitExceeded', message: RATE_LIMIT };
    case 'statementError':
    case 'backendError':
      return {
        code: 503,
        status: 'UNAVAILABLE',
        reason: 'backendError',
        message: 'Error encountered during execution. Retrying may solve the problem.',
      };
  }
}

export async function handleBigQueryRequest(
  req: FakeRequest,
  state: FakeBigQueryState,
): Promise<FakeResponse> {
  const url = new URL(req.url, 'http://fake-bigquery.test');
  const path = url.pathname;
  let fault: FaultKind | null = null;
  let response: FakeResponse;
  try {
    if (path.startsWith('/__fake/')) return await control(req, path, state);
    authorize(req, state);
    fault = takeFault(state, path);
    if (fault) throw new ApiError(faultError(fault));
    response = json(200, await route(req, url, state));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    response = json(e.body.code, errorJson(e.body));
  }
  const logged: LoggedRequest = {
    method: req.method,
    path: `${path}${url.search}`,
    status: response.status,
    fault,
  };
  // The job JSON is the upload's first part: its destination is the first tableId.
  const table = path.startsWith('/upload/') ? /"tableId":"([^"]+)"/.exec(req.body)?.[1] : undefined;
  state.requests.push(table ? { ...logged, table } : logged);
  return response;
}

function authorize(req: FakeRequest, state: FakeBigQueryState): void {
  if ((req.headers.authorization ?? '') !== `Bearer ${state.token}`) {
    throw new ApiError({
      code: 401,
      status: 'UNAUTHENTICATED',
      reason: 'authError',
      message:
        'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or ' +
        'other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    });
  }
  if (!state.scopeGranted) {
    throw new ApiError({
      code: 403,
      status: 'PERMISSION_DENIED',
      reason: 'insufficientPermissions',
      message: 'Request had insufficient authentication scopes.',
    });
  }
}

async function control(req: FakeRequest, path: string, state: FakeBigQueryState): Promise<FakeResponse> {
  const body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
  if (path === '/__fake/datasets' && req.method === 'POST') {
    const { projectId, datasetId } = body as { projectId: string; datasetId: string };
    await state.engine.createDataset(projectId, datasetId);
    state.datasets.set(`${projectId}:${datasetId}`, { creationTime: String(Date.now()) });
    return json(200, {});
  }
  if (path === '/__fake/faults') {
    if (req.method === 'DELETE') state.faults = [];
    else
      (Array.isArray(body) ? (body as FaultSpec[]) : [body as unknown as FaultSpec]).forEach((f) =>
        addFault(state, f),
      );
    return json(200, {});
  }
  if (path === '/__fake/config' && req.method === 'POST') {
    if (typeof body.runningPolls === 'number') state.runningPolls = body.runningPolls;
    if (body.runningQueryIncludes !== undefined)
      state.runningQueryIncludes = (body.runningQueryIncludes as string | null) ?? null;
    if (typeof body.pageSize === 'number') state.pageSize = body.pageSize;
    if (typeof body.scopeGranted === 'boolean') state.scopeGranted = body.scopeGranted;
    if (Array.isArray(body.deniedDatasets)) state.deniedDatasets = new Set(body.deniedDatasets as string[]);
    return json(200, {});
  }
  if (path === '/__fake/requests') {
    if (req.method === 'DELETE') state.requests = [];
    return json(200, state.requests);
  }
  return json(404, { error: 'unknown control endpoint' });
}

const SEGMENT = '([^/]+)';
const ROUTES: [
  string,
  RegExp,
  (m: string[], req: FakeRequest, url: URL, s: FakeBigQueryState) => Promise<unknown> | unknown,
][] = [
  [
    'GET',
    new RegExp(`^/bigquery/v2/projects/${SEGMENT}/datasets/${SEGMENT}$`),
    ([p, d], _r, _u, s) => getDataset(s, p, d),
  ],
  [
    'POST',
    new RegExp(`^/bigquery/v2/projects/${SEGMENT}/datasets/${SEGMENT}/tables$`),
    ([p, d], r, _u, s) => insertTable(s, p, d, r.body),
  ],
  [
    'GET',
    new RegExp(`^/bigquery/v2/projects/${SEGMENT}/datasets/${SEGMENT}/tables/${SEGMENT}$`),
    ([p, d, t], _r, _u, s) => getTable(s, p, d, t),
  ],
  [
    'POST',
    new RegExp(`^/bigquery/v2/projects/${SEGMENT}/jobs$`),
    ([p], r, _u, s) => insertJob(s, p, parseJson(r.body)),
  ],
  [
    'POST',
    new RegExp(`^/upload/bigquery/v2/projects/${SEGMENT}/jobs$`),
    ([p], r, u, s) => uploadJob(s, p, r, u),
  ],
  [
    'GET',
    new RegExp(`^/bigquery/v2/projects/${SEGMENT}/jobs/${SEGMENT}$`),
    ([p, j], _r, _u, s) => getJob(s, p, j),
  ],
  [
    'GET',
    new RegExp(`^/bigquery/v2/projects/${SEGMENT}/queries/${SEGMENT}$`),
    ([p, j], _r, u, s) => getQueryResults(s, p, j, u),
  ],
  [
    'POST',
    new RegExp(`^/bigquery/v2/projects/${SEGMENT}/queries$`),
    ([p], r, _u, s) => query(s, p, parseJson(r.body)),
  ],
];

async function route(req: FakeRequest, url: URL, state: FakeBigQueryState): Promise<unknown> {
  for (const [method, re, handler] of ROUTES) {
    const m = re.exec(url.pathname);
    if (m && req.method === method) return handler(m.slice(1).map(decodeURIComponent), req, url, state);
  }
  return notFound(`URL ${url.pathname}`);
}

function parseJson(body: string): Record<string, unknown> {
  try {
    const value = JSON.parse(body) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  return invalid('Invalid JSON payload received.');
}

function dataset(state: FakeBigQueryState, project: string, datasetId: string, permission: string) {
  const key = `${project}:${datasetId}`;
  if (state.deniedDatasets.has(key))
    fail(
      403,
      'PERMISSION_DENIED',
      'accessDenied',
      `Access Denied: Dataset ${key}: Permission ${permission} denied on dataset ${key} (or it may not exist).`,
    );
  const found = state.datasets.get(key);
  if (!found) notFound(`Dataset ${key}`);
  return found as { creationTime: string };
}

function getDataset(state: FakeBigQueryState, project: string, datasetId: string): unknown {
  const found = dataset(state, project, datasetId, 'bigquery.datasets.get');
  return {
    kind: 'bigquery#dataset',
    id: `${project}:${datasetId}`,
    datasetReference: { projectId: project, datasetId },
    location: state.location,
    creationTime: found.creationTime,
    lastModifiedTime: found.creationTime,
    type: 'DEFAULT',
  };
}

const SCALAR_TYPES = new Set([
  'STRING',
  'INT64',
  'INTEGER',
  'FLOAT64',
  'FLOAT',
  'BOOL',
  'BOOLEAN',
  'DATE',
  'TIMESTAMP',
  'NUMERIC',
]);

async function insertTable(
  state: FakeBigQueryState,
  project: string,
  datasetId: string,
  body: string,
): Promise<unknown> {
  dataset(state, project, datasetId, 'bigquery.tables.create');
  const table = parseJson(body) as {
    tableReference?: { projectId?: string; datasetId?: string; tableId?: string };
    schema?: { fields?: TableField[] };
    timePartitioning?: { type?: string; field?: string };
    clustering?: { fields?: string[] };
  };
  const tableId = table.tableReference?.tableId ?? '';
  if (!/^[\p{L}\p{M}\p{N}_-]{1,1024}$/u.test(tableId))
    invalid(`Invalid table ID "${tableId}".`, 'tableReference.tableId');
  const key = `${project}.${datasetId}.${tableId}`;
  if (state.tables.has(key))
    fail(409, 'ALREADY_EXISTS', 'duplicate', `Already Exists: Table ${project}:${datasetId}.${tableId}`);
  const fields = table.schema?.fields ?? [];
  if (fields.length === 0) invalid('The table must have a schema.', 'schema');
  for (const f of fields)
    if (!SCALAR_TYPES.has(String(f.type).toUpperCase()))
      invalid(`The fake supports scalar column types only, not ${f.type}`, 'schema');
  const partitioning = table.timePartitioning;
  if (partitioning) {
    const column = fields.find((f) => f.name === partitioning.field);
    if (!column || !['DATE', 'TIMESTAMP'].includes(String(column.type).toUpperCase()))
      invalid(`The field specified for partitioning cannot be found in the schema`, 'timePartitioning.field');
    if (partitioning.type !== 'MONTH')
      invalid(
        `The fake supports monthly partitioning only, not ${partitioning.type}`,
        'timePartitioning.type',
      );
  }
  const clustering = table.clustering?.fields ?? [];
  if (clustering.length > 4)
    invalid('Too many clustering fields: at most 4 are allowed.', 'clustering.fields');
  for (const c of clustering)
    if (!fields.some((f) => f.name === c))
      invalid(
        `The field specified for clustering cannot be found in the schema. Invalid field: ${c}.`,
        'clustering.fields',
      );
  await state.engine.createTable(project, datasetId, tableId, fields);
  const creationTime = String(Date.now());
  const resource = {
    kind: 'bigquery#table',
    id: `${project}:${datasetId}.${tableId}`,
    tableReference: { projectId: project, datasetId, tableId },
    schema: { fields: fields.map((f) => ({ name: f.name, type: f.type, mode: f.mode ?? 'NULLABLE' })) },
    ...(partitioning ? { timePartitioning: { type: 'MONTH', field: partitioning.field } } : {}),
    ...(clustering.length ? { clustering: { fields: clustering } } : {}),
    creationTime,
    type: 'TABLE',
    location: state.location,
  };
  state.tables.set(key, { resource, fields, partitionColumn: partitioning?.field ?? null, creationTime });
  return { ...resource, numRows: '0', numBytes: '0', lastModifiedTime: creationTime };
}

function tableState(
  state: FakeBigQueryState,
  project: string,
  datasetId: string,
  tableId: string,
  permission: string,
): TableState {
  dataset(state, project, datasetId, permission);
  const table = state.tables.get(`${project}.${datasetId}.${tableId}`);
  if (!table) notFound(`Table ${project}:${datasetId}.${tableId}`);
  return table as TableState;
}

async function sizesOf(state: FakeBigQueryState, name: string): Promise<TableSizes> {
  const table = state.tables.get(name) as TableState;
  const [project, datasetId, tableId] = name.split('.');
  return {
    fields: table.fields,
    partitionColumn: table.partitionColumn,
    partitions: await state.engine.partitionSizes(
      project,
      datasetId,
      tableId,
      table.fields,
      table.partitionColumn,
    ),
  };
}

async function getTable(
  state: FakeBigQueryState,
  project: string,
  datasetId: string,
  tableId: string,
): Promise<unknown> {
  const table = tableState(state, project, datasetId, tableId, 'bigquery.tables.get');
  const name = `${project}.${datasetId}.${tableId}`;
  const sizes = await sizesOf(state, name);
  const rows = [...sizes.partitions.values()].reduce((n, p) => n + p.rows, 0);
  const bytes = estimateBytes(
    { tables: [name], columns: ['*'], ast: null },
    new Map([[name, sizes]]),
    [],
  ).processed;
  return {
    ...table.resource,
    numRows: String(rows),
    numBytes: String(bytes),
    lastModifiedTime: table.creationTime,
  };
}

// ---- jobs ----

interface JobReference {
  projectId: string;
  jobId: string;
  location: string;
}

function newJobReference(state: FakeBigQueryState, project: string, requested: unknown): JobReference {
  const jobId = (requested as { jobId?: string } | undefined)?.jobId ?? `job_fake_${state.nextJob++}`;
  if (!/^[A-Za-z0-9_-]{1,1024}$/.test(jobId)) invalid(`Invalid job ID "${jobId}".`, 'jobReference.jobId');
  if (state.jobs.has(`${project}:${jobId}`))
    fail(409, 'ALREADY_EXISTS', 'duplicate', `Already Exists: Job ${project}:${state.location}.${jobId}`);
  return { projectId: project, jobId, location: state.location };
}

function parameters(config: Record<string, unknown>): QueryParameter[] {
  const list =
    (config.queryParameters as {
      name?: string;
      parameterType?: { type?: string };
      parameterValue?: { value?: string | null };
    }[]) ?? [];
  if (list.length > 0 && config.parameterMode !== 'NAMED')
    invalid('Query parameters require parameterMode NAMED in the fake', 'parameterMode');
  return list.map((p) => ({
    name: p.name ?? '',
    type: p.parameterType?.type ?? '',
    value: p.parameterValue?.value ?? null,
  }));
}

interface PlannedQuery {
  statements: CheckedStatement[];
  params: QueryParameter[];
  processed: number;
  billed: number;
  statementType: string;
}

/** Checks a query (SQL, tables, access, bytes) without running it: what a dry run answers. */
async function planQuery(state: FakeBigQueryState, config: Record<string, unknown>): Promise<PlannedQuery> {
  if (config.useLegacySql !== false) invalidQuery('The fake runs GoogleSQL only: set useLegacySql to false');
  if (typeof config.query !== 'string' || config.query.trim() === '')
    invalid('Required parameter is missing: query', 'query');
  let statements: CheckedStatement[];
  const params = parameters(config);
  try {
    statements = checkScript(config.query as string);
  } catch (e) {
    if (e instanceof SqlSyntaxError || e instanceof UnsupportedSqlError || e instanceof SyntaxError)
      return invalidQuery(e.message);
    throw e;
  }
  const sizes = new Map<string, TableSizes>();
  for (const s of statements) {
    for (const name of s.reads?.tables ?? []) {
      const [p, d, t] = name.split('.');
      if (state.deniedDatasets.has(`${p}:${d}`))
        fail(
          403,
          'PERMISSION_DENIED',
          'accessDenied',
          `Access Denied: Table ${p}:${d}.${t}: User does not have permission to query table ${p}:${d}.${t}, or perhaps it does not exist.`,
        );
      if (!state.datasets.has(`${p}:${d}`))
        notFound(`Dataset ${p}:${d} was not found in location ${state.location}`);
      if (!state.tables.has(name))
        notFound(`Table ${p}:${d}.${t} was not found in location ${state.location}`);
      if (!sizes.has(name)) sizes.set(name, await sizesOf(state, name));
    }
  }
  let processed = 0;
  let billed = 0;
  for (const s of statements) {
    if (!s.reads) continue;
    const estimate = estimateBytes(s.reads, sizes, params);
    processed += estimate.processed;
    billed += estimate.billed;
  }
  const statementType = statements.length === 1 ? statements[0].type : 'SCRIPT';
  return { statements, params, processed, billed, statementType };
}

async function runPlanned(
  state: FakeBigQueryState,
  plan: PlannedQuery,
  config: Record<string, unknown>,
): Promise<StatementResult> {
  const limit = config.maximumBytesBilled === undefined ? Infinity : Number(config.maximumBytesBilled);
  if (plan.billed > limit)
    fail(
      400,
      'INVALID_ARGUMENT',
      'bytesBilledLimitExceeded',
      `Query exceeded limit for bytes billed: ${limit}. ${plan.billed} or higher required.`,
    );
  // A statementError fault: the first statement it names fails as it runs.
  const failing = (sql: string) => {
    const fault = state.faults.find(
      (f) => f.kind === 'statementError' && f.left > 0 && sql.includes(f.statementIncludes ?? ''),
    );
    return fault !== undefined && spend(fault) !== null;
  };
  try {
    return await state.engine.run(plan.statements, plan.params, failing);
  } catch (e) {
    if (e instanceof SqlRuntimeError || e instanceof QueryParameterError || e instanceof UnsupportedSqlError)
      return invalidQuery(e.message);
    throw e;
  }
}

function jobResource(
  ref: JobReference,
  configuration: unknown,
  state: 'DONE' | 'RUNNING',
  statistics: Record<string, unknown>,
  error: ErrorBody | null,
): Record<string, unknown> {
  const status: Record<string, unknown> = { state };
  if (error && state === 'DONE') {
    const item = {
      reason: error.reason,
      message: error.message,
      ...(error.location ? { location: error.location } : {}),
    };
    Object.assign(status, { errorResult: item, errors: [item] });
  }
  return {
    kind: 'bigquery#job',
    id: `${ref.projectId}:${ref.location}.${ref.jobId}`,
    jobReference: ref,
    configuration,
    status,
    statistics,
  };
}

function queryStatistics(plan: PlannedQuery | null, result: StatementResult | null): Record<string, unknown> {
  const now = String(Date.now());
  const bytes = String(plan?.processed ?? 0);
  return {
    creationTime: now,
    startTime: now,
    endTime: now,
    totalBytesProcessed: bytes,
    query: {
      totalBytesProcessed: bytes,
      totalBytesBilled: String(plan?.billed ?? 0),
      cacheHit: false,
      statementType: plan?.statementType ?? 'SELECT',
      ...(result?.affectedRows !== null && result?.affectedRows !== undefined
        ? { numDmlAffectedRows: String(result.affectedRows) }
        : {}),
    },
  };
}

async function insertJob(
  state: FakeBigQueryState,
  project: string,
  body: Record<string, unknown>,
): Promise<unknown> {
  const configuration = (body.configuration ?? {}) as Record<string, unknown>;
  if (configuration.load)
    invalid(
      'The fake takes load jobs as uploads only (POST /upload/bigquery/v2/projects/{p}/jobs?uploadType=multipart)',
    );
  const config = configuration.query as Record<string, unknown> | undefined;
  if (!config) invalid('The fake supports query and load jobs only', 'configuration');
  if (configuration.dryRun === true) {
    const plan = await planQuery(state, config as Record<string, unknown>);
    return {
      kind: 'bigquery#job',
      jobReference: { projectId: project, location: state.location },
      configuration,
      status: { state: 'DONE' },
      statistics: queryStatistics(plan, null),
    };
  }
  const ref = newJobReference(state, project, body.jobReference);
  let plan: PlannedQuery | null = null;
  let result: StatementResult | null = null;
  let error: ErrorBody | null = null;
  try {
    plan = await planQuery(state, config as Record<string, unknown>);
    result = await runPlanned(state, plan, config as Record<string, unknown>);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    // Access and existence are checked when the job is created; SQL and byte-limit errors end the job.
    if (e.body.code === 403 || e.body.code === 404) throw e;
    error = e.body;
  }
  const job: JobState = {
    resource: jobResource(ref, configuration, 'DONE', queryStatistics(plan, result), error),
    result,
    error,
    pollsLeft: runningPollsFor(state, (config as Record<string, unknown>).query),
  };
  state.jobs.set(`${project}:${ref.jobId}`, job);
  return visibleJob(job, false);
}

/** Polls a new job answers RUNNING to: runningPolls, for the query jobs runningQueryIncludes names when set. */
function runningPollsFor(state: FakeBigQueryState, sql: unknown): number {
  const only = state.runningQueryIncludes;
  return only === null || (typeof sql === 'string' && sql.includes(only)) ? state.runningPolls : 0;
}

/** The job as a poll sees it: RUNNING while polls are left. */
function visibleJob(job: JobState, poll: boolean): Record<string, unknown> {
  if (job.pollsLeft > 0) {
    if (poll) job.pollsLeft--;
    return { ...job.resource, status: { state: 'RUNNING' } };
  }
  return job.resource;
}

function jobState(
  state: FakeBigQueryState,
  project: string,
  jobId: string,
  location: string | null,
): JobState {
  const job = state.jobs.get(`${project}:${jobId}`);
  if (!job || (location && location !== state.location))
    notFound(`Job ${project}:${location ?? state.location}.${jobId}`);
  return job as JobState;
}

function getJob(state: FakeBigQueryState, project: string, jobId: string): unknown {
  return visibleJob(jobState(state, project, jobId, null), true);
}

function pageToken(jobId: string, start: number): string {
  return Buffer.from(`${jobId}:${start}`).toString('base64url');
}

function resultPage(
  state: FakeBigQueryState,
  jobId: string,
  job: JobState,
  maxResults: number | null,
  token: string | null,
  startIndex: number | null,
) {
  let start = startIndex ?? 0;
  if (token !== null) {
    const [id, at] = Buffer.from(token, 'base64url').toString('utf8').split(':');
    if (id !== jobId || !/^\d+$/.test(at ?? '')) invalid('Invalid page token', 'pageToken');
    start = Number(at);
  }
  const result = job.result as StatementResult;
  const size = Math.min(maxResults ?? Infinity, state.pageSize);
  const rows = result.rows.slice(start, start + size);
  const end = start + rows.length;
  const stats = job.resource.statistics as {
    totalBytesProcessed: string;
    query: { numDmlAffectedRows?: string };
  };
  return {
    schema: { fields: result.fields },
    jobReference: job.resource.jobReference,
    totalRows: String(result.rows.length),
    rows: rows.map((r) => ({ f: r.map((v) => ({ v })) })),
    ...(end < result.rows.length ? { pageToken: pageToken(jobId, end) } : {}),
    totalBytesProcessed: stats.totalBytesProcessed,
    jobComplete: true,
    cacheHit: false,
    ...(stats.query.numDmlAffectedRows !== undefined
      ? { numDmlAffectedRows: stats.query.numDmlAffectedRows }
      : {}),
  };
}

const numberParam = (url: URL, name: string) => {
  const v = url.searchParams.get(name);
  if (v === null) return null;
  if (!/^\d+$/.test(v)) invalid(`Invalid value at '${name}' (TYPE_UINT32), "${v}"`, name);
  return Number(v);
};

function getQueryResults(state: FakeBigQueryState, project: string, jobId: string, url: URL): unknown {
  const job = jobState(state, project, jobId, url.searchParams.get('location'));
  if (job.pollsLeft > 0) {
    job.pollsLeft--;
    return {
      kind: 'bigquery#getQueryResultsResponse',
      jobReference: job.resource.jobReference,
      jobComplete: false,
    };
  }
  if (job.error) throw new ApiError(job.error);
  if (!job.result) invalid(`Job ${project}:${state.location}.${jobId} is not a query job`);
  return {
    kind: 'bigquery#getQueryResultsResponse',
    ...resultPage(
      state,
      jobId,
      job,
      numberParam(url, 'maxResults'),
      url.searchParams.get('pageToken'),
      numberParam(url, 'startIndex'),
    ),
  };
}

async function query(
  state: FakeBigQueryState,
  project: string,
  body: Record<string, unknown>,
): Promise<unknown> {
  const config = { ...body, useLegacySql: body.useLegacySql };
  if (body.dryRun === true) {
    const plan = await planQuery(state, config);
    return {
      kind: 'bigquery#queryResponse',
      schema: { fields: [] },
      jobReference: { projectId: project, location: state.location },
      totalBytesProcessed: String(plan.processed),
      jobComplete: true,
      cacheHit: false,
    };
  }
  const ref = newJobReference(state, project, undefined);
  const plan = await planQuery(state, config);
  const result = await runPlanned(state, plan, config);
  const job: JobState = {
    resource: jobResource(
      ref,
      { query: body, jobType: 'QUERY' },
      'DONE',
      queryStatistics(plan, result),
      null,
    ),
    result,
    error: null,
    pollsLeft: runningPollsFor(state, body.query),
  };
  state.jobs.set(`${project}:${ref.jobId}`, job);
  if (job.pollsLeft > 0) return { kind: 'bigquery#queryResponse', jobReference: ref, jobComplete: false };
  const maxResults = typeof body.maxResults === 'number' ? body.maxResults : null;
  return { kind: 'bigquery#queryResponse', ...resultPage(state, ref.jobId, job, maxResults, null, null) };
}

// ---- load jobs ----

/** The parts of a multipart/related body: each part's headers (lower-case) and content. */
function multipartParts(
  body: string,
  contentType: string,
): { headers: Record<string, string>; content: string }[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!/^multipart\/related/i.test(contentType) || !boundary)
    invalid('Expected a multipart/related body with a boundary');
  const parts = body.split(`--${boundary}`).slice(1);
  const out: { headers: Record<string, string>; content: string }[] = [];
  for (const part of parts) {
    if (part.startsWith('--')) break;
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) invalid('Malformed multipart body');
    const headers: Record<string, string> = {};
    for (const line of part.slice(0, split).split('\r\n').filter(Boolean)) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    out.push({ headers, content: part.slice(split + 4).replace(/\r\n$/, '') });
  }
  return out;
}

async function uploadJob(
  state: FakeBigQueryState,
  project: string,
  req: FakeRequest,
  url: URL,
): Promise<unknown> {
  if (url.searchParams.get('uploadType') !== 'multipart')
    invalid(
      'The fake takes uploads as uploadType=multipart (job configuration, then the data)',
      'uploadType',
    );
  const [meta, data] = multipartParts(req.body, req.headers['content-type'] ?? '');
  if (!meta || !data) invalid('A multipart upload needs the job configuration and the data');
  const body = parseJson(meta.content);
  const configuration = (body.configuration ?? {}) as Record<string, unknown>;
  const load = configuration.load as
    | {
        destinationTable?: { projectId?: string; datasetId?: string; tableId?: string };
        sourceFormat?: string;
        writeDisposition?: string;
      }
    | undefined;
  if (!load) invalid('An upload needs configuration.load', 'configuration.load');
  const { sourceFormat, writeDisposition = 'WRITE_APPEND' } = load as NonNullable<typeof load>;
  if (sourceFormat !== 'NEWLINE_DELIMITED_JSON')
    invalid(`The fake loads NEWLINE_DELIMITED_JSON only, not ${sourceFormat}`, 'sourceFormat');
  if (!['WRITE_APPEND', 'WRITE_TRUNCATE', 'WRITE_EMPTY'].includes(writeDisposition))
    invalid(`Invalid writeDisposition ${writeDisposition}`);
  const destination = load?.destinationTable ?? {};
  const [tableId, decorator] = (destination.tableId ?? '').split('$');
  const p = destination.projectId ?? project;
  const d = destination.datasetId ?? '';
  const table = tableState(state, p, d, tableId, 'bigquery.tables.updateData');
  const ref = newJobReference(state, project, body.jobReference);
  let error: ErrorBody | null = null;
  let outputRows = 0;
  try {
    let replace: 'table' | { column: string; month: string } | undefined;
    if (decorator !== undefined) {
      if (!table.partitionColumn || !/^\d{6}$/.test(decorator))
        invalid(`Invalid partition decorator $${decorator} for a monthly partitioned table`);
      if (writeDisposition === 'WRITE_TRUNCATE')
        replace = {
          column: table.partitionColumn as string,
          month: `${decorator.slice(0, 4)}-${decorator.slice(4)}-01`,
        };
    } else if (writeDisposition === 'WRITE_TRUNCATE') replace = 'table';
    if (writeDisposition === 'WRITE_EMPTY') {
      const sizes = await sizesOf(state, `${p}.${d}.${tableId}`);
      if ([...sizes.partitions.values()].some((s) => s.rows > 0))
        fail(409, 'ALREADY_EXISTS', 'duplicate', `Already Exists: Table ${p}:${d}.${tableId}`);
    }
    outputRows = await state.engine.loadNdjson(p, d, tableId, table.fields, data.content, replace);
  } catch (e) {
    if (e instanceof ApiError) error = e.body;
    else if (e instanceof SqlRuntimeError)
      error = {
        code: 400,
        status: 'INVALID_ARGUMENT',
        reason: 'invalid',
        message: `Error while reading data, error message: ${e.message}`,
      };
    else throw e;
  }
  const now = String(Date.now());
  const statistics = {
    creationTime: now,
    startTime: now,
    endTime: now,
    load: {
      inputFiles: '1',
      inputFileBytes: String(Buffer.byteLength(data.content)),
      outputRows: String(error ? 0 : outputRows),
    },
  };
  const job: JobState = {
    resource: jobResource(ref, configuration, 'DONE', statistics, error),
    result: null,
    error,
    pollsLeft: runningPollsFor(state, null),
  };
  state.jobs.set(`${project}:${ref.jobId}`, job);
  return visibleJob(job, false);
}
