/**
 * One BigQuery REST call through HttpPort: JSON in and out, the OAuth token in the Authorization header only,
 * rateLimitExceeded / backendError / internalError and transport failures retried with exponential backoff and
 * jitter (https://cloud.google.com/bigquery/docs/error-messages: "retry using exponential backoff") as long as
 * the retry can still be answered before the caller's deadline.
 */
import type { Clock, HttpPort, HttpRequest, RandomSource } from '../meta/ports';
import {
  BigQueryBusyError,
  BigQueryRequestError,
  BigQueryTransportError,
  bigQueryErrorFor,
  googleErrorOf,
  RETRYABLE_REASONS,
  scrub,
  type GoogleError,
} from './errors';

export interface BigQueryPorts {
  http: HttpPort;
  clock: Clock;
  random: RandomSource;
}

export interface BigQuerySession extends BigQueryPorts {
  project: string;
  dataset: string;
  /** Where the dataset lives (US, EU, southamerica-east1…): jobs run there. */
  location: string;
  /** The user's OAuth token (ScriptApp.getOAuthToken()). */
  token: string;
  /** Default https://bigquery.googleapis.com; tests point it at the fake server. */
  baseUrl?: string;
  /** The admin's cap on bytes billed per query. */
  maximumBytesBilled: number;
}

export const BIGQUERY_BASE_URL = 'https://bigquery.googleapis.com';

export type Answer = { ok: true; body: Record<string, unknown> } | { ok: false; error: GoogleError };

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 32_000;
const MAX_RETRIES = 8;

/** "Equal jitter": half the exponential step fixed, half random, so many users' retries spread out. */
export function backoffDelayMs(attempt: number, random: RandomSource): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(step / 2 + random() * (step / 2));
}

export function apiUrl(session: BigQuerySession, path: string): string {
  return `${session.baseUrl ?? BIGQUERY_BASE_URL}${path}`;
}

/** `/bigquery/v2/projects/{project}` and the given path segments, each escaped. */
export function projectPath(session: BigQuerySession, ...segments: string[]): string {
  return ['/bigquery/v2/projects', session.project, ...segments]
    .map((s, i) => (i === 0 ? s : encodeURIComponent(s)))
    .join('/');
}

export interface CallSpec {
  method: 'get' | 'post';
  url: string;
  /** A JSON body, or a ready body with its content type (multipart uploads). */
  json?: unknown;
  raw?: { payload: string; contentType: string };
  /** For messages: "the query", "table meta_rows". */
  what: string;
}

/**
 * Sends one request, retrying what Google says to retry until `deadlineAt` (epoch ms on the session's clock).
 * Returns the parsed 2xx body or Google's final error; throws only when retries ran out or nothing answered.
 */
export function send(session: BigQuerySession, spec: CallSpec, deadlineAt: number): Answer {
  const request: HttpRequest = {
    url: spec.url,
    method: spec.method,
    headers: { Authorization: `Bearer ${session.token}` },
  };
  if (spec.json !== undefined) {
    request.payload = JSON.stringify(spec.json);
    request.contentType = 'application/json; charset=UTF-8';
  } else if (spec.raw) Object.assign(request, spec.raw);
  let longestRoundMs = 0;
  for (let attempt = 0; ; attempt++) {
    const started = session.clock.now();
    if (started >= deadlineAt) throw new BigQueryTransportError('the time allowed ran out');
    let failure: string;
    try {
      const [res] = session.http.fetchAll([request]);
      longestRoundMs = Math.max(longestRoundMs, session.clock.now() - started);
      const body = parseBody(res.body);
      if (res.status >= 200 && res.status < 300) {
        if (!body) throw new BigQueryRequestError(spec.what, 'the answer was not JSON', null);
        return { ok: true, body };
      }
      const error = googleErrorOf(res.status, body);
      const retryable = RETRYABLE_REASONS.has(error.reason) || (!error.reason && res.status >= 500);
      if (!retryable) return { ok: false, error };
      failure = error.reason || `HTTP ${res.status}`;
    } catch (e) {
      if (e instanceof BigQueryRequestError) throw e;
      if (attempt >= MAX_RETRIES || !canRetry(session, attempt, longestRoundMs, deadlineAt))
        throw new BigQueryTransportError(scrub(e instanceof Error ? e.message : String(e), session.token));
      continue;
    }
    if (attempt >= MAX_RETRIES || !canRetry(session, attempt, longestRoundMs, deadlineAt))
      throw new BigQueryBusyError(failure);
  }
}

/** Sleeps before the next attempt, or answers false when that attempt could not be answered by the deadline. */
function canRetry(
  session: BigQuerySession,
  attempt: number,
  longestRoundMs: number,
  deadlineAt: number,
): boolean {
  const delay = backoffDelayMs(attempt, session.random);
  if (session.clock.now() + delay + longestRoundMs > deadlineAt) return false;
  session.clock.sleep(delay);
  return true;
}

function parseBody(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The 2xx body, or the typed error for Google's answer. */
export function must(session: BigQuerySession, answer: Answer, what: string): Record<string, unknown> {
  if (answer.ok) return answer.body;
  throw bigQueryErrorFor(answer.error, { ...session, what });
}
