/**
 * What the BigQuery client throws on purpose, and how Google's error bodies map to it. Google's body is
 * `{ error: { code, message, errors: [{ reason, message }], status } }`; decisions key on `reason` (and the HTTP
 * status), as https://cloud.google.com/bigquery/docs/error-messages lists them. Messages never hold the token.
 */
import { UserFacingError, type ErrorNote } from '../core/errors';

/** Base of every BigQuery failure: the message is safe to show and says what to do next. */
export class BigQueryError extends UserFacingError {
  constructor(
    message: string,
    /** Google's reason (accessDenied, notFound…) when it sent one. */
    readonly reason: string | null = null,
    /** The sidebar's wording of it in the user's language (src/sidebar/server-errors.ts). */
    note?: ErrorNote,
  ) {
    super(message, note);
    this.name = 'BigQueryError';
  }
}

/** accessDenied: the user lacks a role on the dataset or project. */
export class BigQueryAccessError extends BigQueryError {
  constructor(project: string, dataset: string, detail: string) {
    super(
      `BigQuery denied access to dataset ${project}:${dataset} — ask an owner to grant you ` +
        `roles/bigquery.dataEditor on the dataset and roles/bigquery.jobUser on project ${project} (${detail})`,
      'accessDenied',
      { code: 'bigQueryAccess', project, dataset },
    );
    this.name = 'BigQueryAccessError';
  }
}

export class BigQueryDatasetNotFoundError extends BigQueryError {
  constructor(project: string, dataset: string) {
    super(`dataset ${dataset} not found in project ${project} — create it or pick another`, 'notFound', {
      code: 'bigQueryDatasetMissing',
      project,
      dataset,
    });
    this.name = 'BigQueryDatasetNotFoundError';
  }
}

/** 403 insufficientPermissions / ACCESS_TOKEN_SCOPE_INSUFFICIENT: the token lacks the bigquery scope. */
export class BigQueryScopeError extends BigQueryError {
  constructor() {
    super(
      'the bigquery scope was not granted — reopen the add-on and accept the BigQuery permission',
      'insufficientPermissions',
      { code: 'bigQueryScope' },
    );
    this.name = 'BigQueryScopeError';
  }
}

/** 401: the OAuth token expired or was revoked (Apps Script hands out a fresh one per execution). */
export class BigQueryAuthError extends BigQueryError {
  constructor() {
    super('your Google sign-in for BigQuery expired — run it again', 'authError');
    this.name = 'BigQueryAuthError';
  }
}

/** The dry run (or BigQuery's bytesBilledLimitExceeded) says the query would bill more than the admin's cap. */
export class BigQueryByteCapError extends BigQueryError {
  constructor(
    readonly bytesNeeded: number,
    readonly maximumBytesBilled: number,
  ) {
    super(
      `the query would read ${bytesNeeded} bytes, over the cap of ${maximumBytesBilled} bytes — ` +
        'an admin can raise the cap (Month close ▸ History)',
      'bytesBilledLimitExceeded',
    );
    this.name = 'BigQueryByteCapError';
  }
}

/** The job outlived the caller's deadline; the next run with the same job id resumes it (never a second job). */
export class BigQueryJobRunningError extends BigQueryError {
  constructor(readonly jobId: string) {
    super(`BigQuery job ${jobId} is still running — run it again to pick up its result`);
    this.name = 'BigQueryJobRunningError';
  }
}

/** rateLimitExceeded / backendError kept coming until the deadline. */
export class BigQueryBusyError extends BigQueryError {
  constructor(reason: string) {
    super(`BigQuery is busy (${reason}) — nothing was changed; try again in a few minutes`, reason);
    this.name = 'BigQueryBusyError';
  }
}

/** No answer at all (timeout, connection refused), or the deadline passed before a request could be sent. */
export class BigQueryTransportError extends BigQueryError {
  constructor(detail: string) {
    super(`no answer from BigQuery (${detail}) — try again`);
    this.name = 'BigQueryTransportError';
  }
}

/** Any other refusal (invalidQuery, invalid, notFound of a table or job…) or an answer we cannot read. */
export class BigQueryRequestError extends BigQueryError {
  constructor(what: string, detail: string, reason: string | null) {
    super(`BigQuery refused ${what}: ${detail}`, reason);
    this.name = 'BigQueryRequestError';
  }
}

/** Google's error body, as far as the client reads it. */
export interface GoogleError {
  code: number;
  message: string;
  reason: string;
  status: string;
}

/** Reasons worth retrying with backoff (error-messages: "retry using exponential backoff"). */
export const RETRYABLE_REASONS: ReadonlySet<string> = new Set([
  'rateLimitExceeded',
  'backendError',
  'internalError',
]);

export function googleErrorOf(status: number, body: unknown): GoogleError {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  const first = Array.isArray(error?.errors) ? (error.errors[0] as Record<string, unknown>) : undefined;
  const details = Array.isArray(error?.details) ? (error.details as Record<string, unknown>[]) : [];
  const scopeDetail = details.some((d) => d.reason === 'ACCESS_TOKEN_SCOPE_INSUFFICIENT');
  return {
    code: typeof error?.code === 'number' ? error.code : status,
    message: typeof error?.message === 'string' ? error.message : `HTTP ${status}`,
    reason: scopeDetail
      ? 'ACCESS_TOKEN_SCOPE_INSUFFICIENT'
      : typeof first?.reason === 'string'
        ? first.reason
        : '',
    status: typeof error?.status === 'string' ? error.status : '',
  };
}

export interface ErrorContext {
  project: string;
  dataset: string;
  token: string;
  maximumBytesBilled: number;
  /** What was asked, for the generic message ("the query", "table atom_messages"). */
  what: string;
}

/** The typed error for a final (not retried) Google error. */
export function bigQueryErrorFor(e: GoogleError, ctx: ErrorContext): BigQueryError {
  const detail = scrub(e.message, ctx.token);
  if (e.code === 401) return new BigQueryAuthError();
  if (e.reason === 'insufficientPermissions' || e.reason === 'ACCESS_TOKEN_SCOPE_INSUFFICIENT')
    return new BigQueryScopeError();
  if (e.reason === 'accessDenied') return new BigQueryAccessError(ctx.project, ctx.dataset, detail);
  if (e.reason === 'notFound' && /\bDataset\b/.test(e.message) && !/\bTable\b/.test(e.message))
    return new BigQueryDatasetNotFoundError(ctx.project, ctx.dataset);
  if (e.reason === 'bytesBilledLimitExceeded')
    return new BigQueryByteCapError(
      requiredBytes(e.message) ?? ctx.maximumBytesBilled + 1,
      ctx.maximumBytesBilled,
    );
  if (RETRYABLE_REASONS.has(e.reason)) return new BigQueryBusyError(e.reason);
  return new BigQueryRequestError(ctx.what, detail, e.reason || null);
}

/** "Query exceeded limit for bytes billed: 1000. 10485760 or higher required." → 10485760. */
function requiredBytes(message: string): number | null {
  const m = /(\d+) or higher required/.exec(message);
  return m ? Number(m[1]) : null;
}

/** Google's text, shortened, with the token removed should it ever be echoed. */
export function scrub(text: string, token: string): string {
  const clean = token ? text.split(token).join('…') : text;
  return clean.length > 300 ? `${clean.slice(0, 300)}…` : clean;
}
