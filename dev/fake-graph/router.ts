/**
 * The fake Graph server's brain, as a pure-ish function of (request, state): no sockets, no timers. The HTTP
 * server, the in-process HttpPort and the child-process CLI all route through handleGraphRequest, so every test
 * path exercises the same behaviour.
 *
 * Graph endpoints (bearer token required, or access_token in the query as Meta also accepts):
 *   GET /{version}/{waba}?fields=id,name,currency,timezone_id,pricing_analytics.start(..)…,conversation_analytics…
 *   GET /{version}/{waba}/phone_numbers
 *   GET /{version}/{waba}/pricing_analytics?start=&end=&granularity=&dimensions=…   (and conversation_analytics)
 * Control endpoints (no token): POST/DELETE /__fake/faults, GET/DELETE /__fake/requests, POST /__fake/config.
 */

import { analyticsDataPoints, type AnalyticsEdge, type DataPoint, GraphParamError } from './analytics-answer';
import { parseFields, parseQuery } from './field-syntax';
import { createDataset, type DatasetOptions, type FakeDataset } from './generator';

export type FaultKind =
  | 'http500'
  | 'http503'
  | 'throttle4'
  | 'throttle17'
  | 'throttle80008'
  | 'token190'
  | 'tokenEcho'
  | 'permission200'
  | 'param100'
  | 'malformedJson'
  | 'truncatedBody'
  | 'slow'
  | 'emptyData'
  | 'missingCost';

export interface FaultSpec {
  kind: FaultKind;
  /** How many matching requests it affects: a number (default 1) or 'always' until cleared. */
  times?: number | 'always';
  /** Only requests whose path+query contains this text. */
  pathIncludes?: string;
  /** 'slow': how long the response is held back. */
  delayMs?: number;
  /** throttle*: estimated_time_to_regain_access sent in X-Business-Use-Case-Usage (default 0). */
  regainMinutes?: number;
}

export interface FakeGraphOptions extends DatasetOptions {
  /** The bearer token the fake accepts. */
  token?: string;
  /** Split analytics data points into pages of this size, linked by paging.next. */
  pageSize?: number | null;
  /** false = partner credit line: no cost anywhere. */
  costAvailable?: boolean;
  /**
   * More WABAs the same token reaches, e.g. the one a currency migration left behind: Meta's Currency Migration
   * API makes a new WABA in the new currency and moves the phone numbers to it, keeping their ids
   * (developers.facebook.com/documentation/business-messaging/whatsapp/pricing/change-billing-currency/).
   */
  otherAccounts?: DatasetOptions[];
}

export interface FakeRequest {
  method: string;
  /** Path and query, e.g. /v25.0/123?fields=id */
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: string;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The HTTP server holds the response this long ('slow' fault). */
  delayMs?: number;
}

export interface LoggedRequest {
  method: string;
  url: string;
  path: string;
  /** True when the request carried the right token (header or query). */
  authorized: boolean;
  /** True when a token was sent in the URL (the client must never do this). */
  tokenInUrl: boolean;
  fault: FaultKind | null;
  status: number;
}

export interface FakeGraphState {
  dataset: FakeDataset;
  others: FakeDataset[];
  token: string;
  pageSize: number | null;
  costAvailable: boolean;
  faults: { spec: FaultSpec; remaining: number }[];
  requests: LoggedRequest[];
}

export function createFakeGraphState(options: FakeGraphOptions = {}): FakeGraphState {
  return {
    dataset: createDataset(options),
    others: (options.otherAccounts ?? []).map((o) => createDataset({ seed: options.seed, ...o })),
    token: options.token ?? 'FAKE-TOKEN-0000',
    pageSize: options.pageSize ?? null,
    costAvailable: options.costAvailable ?? true,
    faults: [],
    requests: [],
  };
}

export function addFault(state: FakeGraphState, spec: FaultSpec): void {
  state.faults.push({ spec, remaining: spec.times === 'always' ? Infinity : (spec.times ?? 1) });
}

const ANALYTICS_EDGES: readonly string[] = ['conversation_analytics', 'pricing_analytics'];
const WABA_FIELDS: readonly string[] = [
  'id',
  'name',
  'currency',
  'country',
  'timezone_id',
  'message_template_namespace',
];

export function handleGraphRequest(req: FakeRequest, state: FakeGraphState): FakeResponse {
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const query = parseQuery(q < 0 ? '' : req.url.slice(q + 1));
  if (path.startsWith('/__fake/')) return control(req, path, state);

  const headerToken = /^Bearer\s+(.+)$/i.exec(req.headers['authorization'] ?? '')?.[1]?.trim();
  const token = headerToken ?? query.access_token;
  const entry: LoggedRequest = {
    method: req.method.toUpperCase(),
    url: req.url,
    path,
    authorized: token === state.token,
    tokenInUrl: query.access_token !== undefined,
    fault: null,
    status: 0,
  };
  state.requests.push(entry);
  const fault = takeFault(state, req.url);
  entry.fault = fault?.kind ?? null;
  const res = answer(req, path, query, entry.authorized, fault, state);
  if (fault?.kind === 'slow') res.delayMs = fault.delayMs ?? 30_000;
  entry.status = res.status;
  return res;
}

function answer(
  req: FakeRequest,
  path: string,
  query: Record<string, string>,
  authorized: boolean,
  fault: FaultSpec | null,
  state: FakeGraphState,
): FakeResponse {
  const faulted = fault ? faultResponse(fault, state) : null;
  if (faulted) return faulted;
  if (!authorized) {
    return graphError(401, 190, 'Invalid OAuth access token - Cannot parse access token', {
      type: 'OAuthException',
    });
  }
  // Before the path check: a multi-ID request has no object in its path (GET /v27.0/?ids=a,b).
  const removed = removedInV27(/^\/(v\d+\.\d+)\//.exec(path)?.[1], query);
  if (removed) return removed;
  const match = /^\/(v\d+\.\d+)\/([^/]+)(?:\/([^/]+))?\/?$/.exec(path);
  if (!match || req.method.toUpperCase() !== 'GET') {
    return graphError(400, 100, `Unsupported ${req.method.toLowerCase()} request.`);
  }
  const [, version, objectId, edge] = match;
  const ds = [state.dataset, ...state.others].find((d) => d.waba.id === decodeURIComponent(objectId));
  if (!ds) {
    return graphError(
      400,
      100,
      `Unsupported get request. Object with ID '${decodeURIComponent(objectId)}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      { error_subcode: 33 },
    );
  }
  const withCost = state.costAvailable && fault?.kind !== 'missingCost';
  const empty = fault?.kind === 'emptyData';
  const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
  try {
    let body: unknown;
    if (edge === 'phone_numbers') {
      body = {
        data: empty ? [] : phoneNumbers(ds),
        paging: { cursors: { before: 'QVFIUmFa', after: 'QVFIUmFa' } },
      };
    } else if (edge && ANALYTICS_EDGES.includes(edge)) {
      const page = pageOf(
        state,
        analyticsDataPoints(ds, edge as AnalyticsEdge, query, withCost),
        query.after,
        empty,
      );
      body = {
        data: [{ data_points: page.points }],
        ...pagingOf(page.nextOffset, `${origin}/${version}/${objectId}/${edge}`, query, state),
      };
    } else if (edge) {
      return graphError(
        400,
        100,
        `(#100) Tried accessing nonexisting field (${edge}) on node type (WhatsAppBusinessAccount)`,
      );
    } else {
      body = wabaNode(ds, query.fields ?? 'id', { state, empty, withCost, origin, version, objectId });
    }
    return json(200, body, {
      'x-business-use-case-usage': usageHeader(ds.waba.id, 2, 0),
    });
  } catch (e) {
    if (e instanceof GraphParamError || e instanceof SyntaxError) {
      return graphError(400, 100, e.message.startsWith('(#100)') ? e.message : `(#100) ${e.message}`);
    }
    throw e;
  }
}

interface NodeContext {
  state: FakeGraphState;
  empty: boolean;
  withCost: boolean;
  origin: string;
  version: string;
  objectId: string;
}

function wabaNode(ds: FakeDataset, fields: string, ctx: NodeContext): Record<string, unknown> {
  const node: Record<string, unknown> = {};
  const values: Record<string, string> = {
    id: ds.waba.id,
    name: ds.waba.name,
    currency: ds.waba.currency,
    country: ds.waba.country,
    timezone_id: ds.waba.timezoneId,
    message_template_namespace: 'c4c1a7a2_5f0e_4e61_9d6b_1fa0cba2d9e3',
  };
  for (const f of parseFields(fields)) {
    if (WABA_FIELDS.includes(f.name)) node[f.name] = values[f.name];
    else if (ANALYTICS_EDGES.includes(f.name)) {
      const edgeQuery: Record<string, string> = { ...f.filters };
      const points = analyticsDataPoints(ds, f.name as AnalyticsEdge, edgeQuery, ctx.withCost);
      const page = pageOf(ctx.state, points, undefined, ctx.empty);
      // Nested paging links point at the edge, as Graph does for field expansions.
      const edgeUrl = `${ctx.origin}/${ctx.version}/${ctx.objectId}/${f.name}`;
      node[f.name] = {
        data: [{ data_points: page.points }],
        ...pagingOf(page.nextOffset, edgeUrl, edgeQuery, ctx.state),
      };
    } else {
      throw new GraphParamError(
        `(#100) Tried accessing nonexisting field (${f.name}) on node type (WhatsAppBusinessAccount)`,
      );
    }
  }
  if (!('id' in node)) node.id = ds.waba.id;
  return node;
}

function phoneNumbers(ds: FakeDataset) {
  return ds.lines.map((l) => ({
    id: l.id,
    display_phone_number: l.displayPhoneNumber,
    verified_name: l.verifiedName,
    quality_rating: 'GREEN',
  }));
}

function pageOf(state: FakeGraphState, points: DataPoint[], after: string | undefined, empty: boolean) {
  if (empty) return { points: [], nextOffset: null };
  const offset = after ? Number(Buffer.from(after, 'base64').toString('utf8').replace('offset:', '')) : 0;
  if (!state.pageSize) return { points, nextOffset: null };
  const slice = points.slice(offset, offset + state.pageSize);
  return {
    points: slice,
    nextOffset: offset + state.pageSize < points.length ? offset + state.pageSize : null,
  };
}

/** Graph-style paging; like Meta, the next link repeats the query and carries access_token in it. */
function pagingOf(
  nextOffset: number | null,
  edgeUrl: string,
  query: Record<string, string>,
  state: FakeGraphState,
) {
  if (nextOffset === null) return {};
  const cursor = Buffer.from(`offset:${nextOffset}`).toString('base64');
  const params = { ...query, access_token: state.token, after: cursor };
  delete (params as Record<string, string>).fields;
  const text = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return { paging: { cursors: { before: 'b2Zmc2V0OjA=', after: cursor }, next: `${edgeUrl}?${text}` } };
}

function takeFault(state: FakeGraphState, url: string): FaultSpec | null {
  const f = state.faults.find(
    (x) => x.remaining > 0 && (!x.spec.pathIncludes || url.includes(x.spec.pathIncludes)),
  );
  if (!f) return null;
  f.remaining--;
  state.faults = state.faults.filter((x) => x.remaining > 0);
  return f.spec;
}

/** The response a fault produces, or null when the fault only alters a normal answer. */
function faultResponse(fault: FaultSpec, state: FakeGraphState): FakeResponse | null {
  const waba = state.dataset.waba.id;
  const throttle = (code: number, message: string): FakeResponse => {
    const res = graphError(400, code, message);
    res.headers['x-business-use-case-usage'] = usageHeader(waba, 100, fault.regainMinutes ?? 0);
    return res;
  };
  switch (fault.kind) {
    case 'http500':
      return graphError(500, 1, 'An unknown error occurred', { is_transient: true });
    case 'http503':
      return {
        status: 503,
        headers: { 'content-type': 'text/html' },
        body: '<html><body>Service Unavailable</body></html>',
      };
    case 'throttle4':
      return throttle(4, '(#4) Application request limit reached');
    case 'throttle17':
      return throttle(17, '(#17) User request limit reached');
    case 'throttle80008':
      return throttle(
        80008,
        '(#80008) There have been too many calls to this WhatsApp Business account. Wait a bit and try again.',
      );
    case 'token190':
      return graphError(401, 190, 'Error validating access token: Session has expired.', {
        type: 'OAuthException',
        error_subcode: 463,
      });
    case 'tokenEcho':
      // Meta quotes what it was sent back in its messages (a parameter, a token: "Malformed access token EAAG…",
      // observed): the add-on must never show a token.
      return graphError(400, 100, `(#100) Invalid parameter access_token: ${state.token} is malformed`, {
        type: 'OAuthException',
      });
    case 'permission200':
      return graphError(403, 200, '(#200) Permissions error', { type: 'OAuthException' });
    case 'param100':
      return graphError(400, 100, '(#100) Param granularity must be one of {HALF_HOUR, DAILY, MONTHLY}', {
        type: 'OAuthException',
      });
    case 'malformedJson':
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"data": [{"data_points": [NaN]}], }',
      };
    case 'truncatedBody': {
      const full = JSON.stringify({
        data: [{ data_points: [{ start: 1, end: 2, volume: 3, cost: 0.5 }] }],
        padding: 'x'.repeat(64),
      });
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: full.slice(0, Math.floor(full.length / 2)),
      };
    }
    default:
      return null; // slow, emptyData, missingCost: a normal answer, altered by the caller
  }
}

function usageHeader(wabaId: string, percent: number, regainMinutes: number): string {
  return JSON.stringify({
    [wabaId]: [
      {
        type: 'whatsapp_business_management',
        call_count: percent,
        total_cputime: Math.min(percent, 40),
        total_time: Math.min(percent, 60),
        estimated_time_to_regain_access: regainMinutes,
      },
    ],
  });
}

/**
 * What Graph v27.0 removes for new apps (meta-2026.md §6, Meta's blog 2026-11-04): multi-ID requests (`?ids=`), field
 * aliases (`field.as(name)`), `date_format`, method override (`method=`), JSONP (`callback=`). Refused with a
 * Graph error (meta-graph-api.md's body shape, code 100) as Meta refuses a parameter a version no longer takes;
 * v26.0 and older answer as before.
 */
function removedInV27(version: string | undefined, query: Record<string, string>): FakeResponse | null {
  if (version === undefined || Number(version.slice(1)) < 27) return null;
  const refuse = (what: string) => graphError(400, 100, `(#100) ${what} is not supported in ${version}.`);
  if (query.ids !== undefined) return refuse('Multi-ID requests (ids)');
  if (query.date_format !== undefined) return refuse('The date_format parameter');
  if (query.method !== undefined) return refuse('Method override (method)');
  if (query.callback !== undefined) return refuse('JSONP (callback)');
  if (/\.as\(/.test(query.fields ?? '')) return refuse('Field aliases (.as)');
  return null;
}

function graphError(
  status: number,
  code: number,
  message: string,
  extra: Record<string, unknown> = {},
): FakeResponse {
  return json(status, {
    error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: 'AbCdEfGhIjK' },
  });
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...headers },
    body: JSON.stringify(body),
  };
}

function control(req: FakeRequest, path: string, state: FakeGraphState): FakeResponse {
  const method = req.method.toUpperCase();
  const body = req.body ? (JSON.parse(req.body) as unknown) : null;
  if (path === '/__fake/faults' && method === 'POST') {
    for (const spec of Array.isArray(body) ? body : [body]) addFault(state, spec as FaultSpec);
    return json(200, { queued: state.faults.length });
  }
  if (path === '/__fake/faults' && method === 'DELETE') {
    state.faults = [];
    return json(200, { queued: 0 });
  }
  if (path === '/__fake/requests' && method === 'GET') return json(200, state.requests);
  if (path === '/__fake/requests' && method === 'DELETE') {
    state.requests = [];
    return json(200, { cleared: true });
  }
  if (path === '/__fake/config' && method === 'POST') {
    const c = (body ?? {}) as { pageSize?: number | null; costAvailable?: boolean };
    if (c.pageSize !== undefined) state.pageSize = c.pageSize;
    if (c.costAvailable !== undefined) state.costAvailable = c.costAvailable;
    return json(200, { pageSize: state.pageSize, costAvailable: state.costAvailable });
  }
  return json(404, { error: 'unknown control endpoint' });
}
