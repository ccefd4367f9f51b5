/**
 * Reading one Graph response: success body, a fatal typed error, or a retry verdict. Decisions are keyed on
 * error.code (Meta's advice), never on message text; message text is only quoted, after redaction.
 */

import {
  MetaError,
  MetaParameterError,
  MetaPermissionError,
  MetaResponseError,
  MetaTokenError,
} from './errors';
import type { HttpResponse } from './ports';
import { redact } from './token';

/** Throttling codes: app (4), user (17), pages (32), custom (613), WABA (80007), BUC (80008), throughput (130429). */
const THROTTLE_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613, 80007, 80008, 130429]);
/** 1 unknown / 2 service down: Meta documents both as temporary. */
const TRANSIENT_CODES: ReadonlySet<number> = new Set([1, 2]);

export interface RetryVerdict {
  reason: 'throttled' | 'unavailable';
  graphCode: number | null;
  /** From X-Business-Use-Case-Usage (minutes; 0 when absent). */
  regainMinutes: number;
}

export type ResponseOutcome = { ok: true; body: unknown } | { ok: false; retry: RetryVerdict };

interface GraphErrorBody {
  code?: unknown;
  message?: unknown;
  error_user_msg?: unknown;
  is_transient?: unknown;
}

/** Throws the typed error for fatal answers; returns the parsed body or a retry verdict otherwise. */
export function interpretResponse(res: HttpResponse, wabaId: string, token: string): ResponseOutcome {
  const parsed = parseJson(res.body);
  const errorBody = parsed.ok ? graphErrorOf(parsed.value) : null;
  if (res.status >= 200 && res.status < 300 && !errorBody) {
    if (!parsed.ok) throw badJsonError(res.body);
    return { ok: true, body: parsed.value };
  }
  if (errorBody && typeof errorBody.code === 'number') {
    return { ok: false, retry: classifyGraphError(errorBody, res, wabaId, token) };
  }
  const regainMinutes = regainMinutesFrom(res.headers);
  if (res.status >= 500)
    return { ok: false, retry: { reason: 'unavailable', graphCode: null, regainMinutes } };
  if (res.status === 429)
    return { ok: false, retry: { reason: 'throttled', graphCode: null, regainMinutes } };
  throw new MetaResponseError(`Meta answered HTTP ${res.status} without a readable error — try again later`);
}

function classifyGraphError(
  err: GraphErrorBody,
  res: HttpResponse,
  wabaId: string,
  token: string,
): RetryVerdict {
  const code = err.code as number;
  if (code === 190 || code === 102) throw new MetaTokenError(code);
  // Redact before cutting: a cut first could split a long token so the remaining prefix escaped redaction.
  const detail = redact(errorDetail(err), token).slice(0, 300);
  if (code === 100) throw new MetaParameterError(parameterNamed(detail), detail);
  if (code === 10 || (code >= 200 && code <= 299)) throw new MetaPermissionError(code, wabaId);
  const regainMinutes = regainMinutesFrom(res.headers);
  if (THROTTLE_CODES.has(code)) return { reason: 'throttled', graphCode: code, regainMinutes };
  if (err.is_transient === true || TRANSIENT_CODES.has(code) || res.status >= 500) {
    return { reason: 'unavailable', graphCode: code, regainMinutes };
  }
  throw new MetaError(`Meta returned error ${code}: ${detail}`, code);
}

function graphErrorOf(value: unknown): GraphErrorBody | null {
  if (!isObject(value) || !isObject(value.error)) return null;
  return value.error as GraphErrorBody;
}

function errorDetail(err: GraphErrorBody): string {
  const text = typeof err.message === 'string' && err.message ? err.message : err.error_user_msg;
  return typeof text === 'string' ? text.replace(/^\(#\d+\)\s*/, '') : 'no details given';
}

/** Best effort: Meta phrases 100s as "Param X must…", "The parameter X is required", "nonexisting field (X)". */
function parameterNamed(detail: string): string | null {
  const m =
    /\bparam(?:eter)?\s+([A-Za-z_][\w.[\]]*)/i.exec(detail) ?? /nonexisting field \(([\w.]+)\)/i.exec(detail);
  return m ? m[1] : null;
}

/** Largest estimated_time_to_regain_access (minutes) in X-Business-Use-Case-Usage, 0 when absent or unreadable. */
export function regainMinutesFrom(headers: Record<string, string>): number {
  const raw = headerValue(headers, 'x-business-use-case-usage');
  if (!raw) return 0;
  const parsed = parseJson(raw);
  if (!parsed.ok || !isObject(parsed.value)) return 0;
  let minutes = 0;
  for (const entries of Object.values(parsed.value)) {
    if (!Array.isArray(entries)) continue;
    for (const e of entries) {
      const m = isObject(e) ? Number(e.estimated_time_to_regain_access) : NaN;
      if (Number.isFinite(m) && m > minutes) minutes = m;
    }
  }
  return Math.ceil(minutes);
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

type Parsed = { ok: true; value: unknown } | { ok: false };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function badJsonError(body: string): MetaResponseError {
  if (body.trim() === '') return new MetaResponseError('Meta returned an empty response — try again');
  if (looksTruncated(body))
    return new MetaResponseError("Meta's response was cut off (incomplete JSON) — try again");
  return new MetaResponseError('Meta returned malformed JSON — try again later');
}

/** True when a JSON-looking body ends inside a string or with brackets still open. */
function looksTruncated(body: string): boolean {
  const text = body.trim();
  if (text[0] !== '{' && text[0] !== '[') return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
