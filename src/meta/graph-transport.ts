/**
 * Sends Graph GETs in batches through HttpPort.fetchAll, follows `paging.next`, and retries throttled or
 * transiently failed requests with exponential backoff and jitter until the caller's deadline. All or nothing:
 * any failure throws, so a partial set of pages is never returned as if complete.
 *
 * The deadline counts Meta's answer time too. UrlFetchApp has no timeout option (Google documents none, and its own
 * limit is not known to be under 30 s), so a round cannot be cut short once sent: the client only starts a round, or a
 * backoff wait before one, when the longest round so far would still end by the deadline. A single request that
 * hangs can still outlast a custom function; Sheets then shows its own time-limit error and nothing is cached.
 */

import { MetaRateLimitError, MetaResponseError, MetaTransportError } from './errors';
import { interpretResponse, isObject, type RetryVerdict } from './graph-errors';
import { isSameGraphHost, withoutQueryParam } from './graph-url';
import type { Clock, HttpPort, HttpRequest, RandomSource } from './ports';
import { redact } from './token';

export interface GraphSession {
  baseUrl: string;
  token: string;
  wabaId: string;
  http: HttpPort;
  clock: Clock;
  random: RandomSource;
}

export interface CallOptions {
  /** Epoch ms (on the injected clock) by which the call must be over, as far as the client can foresee. */
  deadlineAt: number;
}

/**
 * Suggested budgets: custom functions must finish within 30 s (20 s leaves room for a round slower than the ones
 * before it); sidebar imports may take minutes.
 */
export const CUSTOM_FUNCTION_BUDGET_MS = 20_000;
export const SIDEBAR_BUDGET_MS = 240_000;

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 32_000;
const MAX_RETRIES = 8;
/** Guards against a paging loop; far above any real analytics answer. */
const MAX_PAGES = 500;

/** "Equal jitter": half the exponential step fixed, half random, so retries from many sheets spread out. */
function backoffDelayMs(attempt: number, random: RandomSource): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(step / 2 + random() * (step / 2));
}

interface Job {
  index: number;
  url: string;
  attempt: number;
}

/** For each URL, the parsed body of every page in order. */
export function fetchGraphPages(session: GraphSession, urls: string[], options: CallOptions): unknown[][] {
  const pages: unknown[][] = urls.map(() => []);
  let pending: Job[] = urls.map((url, index) => ({ index, url, attempt: 0 }));
  let pageCount = 0;
  let longestRoundMs = 0;
  while (pending.length) {
    const now = session.clock.now();
    if (now >= options.deadlineAt || now + longestRoundMs > options.deadlineAt) {
      throw new MetaTransportError('the time allowed for this request ran out');
    }
    const responses = sendAll(session, pending);
    longestRoundMs = Math.max(longestRoundMs, session.clock.now() - now);
    const next: Job[] = [];
    const retries: { job: Job; verdict: RetryVerdict }[] = [];
    responses.forEach((res, i) => {
      const job = pending[i];
      const outcome = interpretResponse(res, session.wabaId, session.token);
      if (!outcome.ok) {
        retries.push({ job, verdict: outcome.retry });
        return;
      }
      pages[job.index].push(outcome.body);
      if (++pageCount > MAX_PAGES)
        throw new MetaResponseError('Meta kept sending more pages — try a shorter range');
      const nextUrl = nextPageUrl(outcome.body, session, job.url);
      if (nextUrl) next.push({ index: job.index, url: nextUrl, attempt: 0 });
    });
    if (retries.length) {
      waitBeforeRetry(session, retries, options.deadlineAt - longestRoundMs);
      for (const r of retries) next.push({ ...r.job, attempt: r.job.attempt + 1 });
    }
    pending = next;
  }
  return pages;
}

function sendAll(session: GraphSession, jobs: Job[]) {
  const requests: HttpRequest[] = jobs.map((j) => ({
    url: j.url,
    method: 'get',
    headers: { Authorization: `Bearer ${session.token}` },
  }));
  let responses;
  try {
    responses = session.http.fetchAll(requests);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new MetaTransportError(redact(detail, session.token).slice(0, 200));
  }
  if (!Array.isArray(responses) || responses.length !== requests.length) {
    throw new MetaResponseError('Meta answered fewer requests than were sent — try again');
  }
  return responses;
}

/**
 * Sleeps for the longest wait any failed request asks for, or gives up if the wait would end after `lastStartAt`
 * (the deadline less the longest round so far: the retry must still have time to be answered).
 */
function waitBeforeRetry(
  session: GraphSession,
  retries: { job: Job; verdict: RetryVerdict }[],
  lastStartAt: number,
): void {
  const attempt = Math.max(...retries.map((r) => r.job.attempt));
  const regainMinutes = Math.max(...retries.map((r) => r.verdict.regainMinutes));
  const throttled = retries.find((r) => r.verdict.reason === 'throttled');
  const worst = throttled ?? retries[0];
  const delay = regainMinutes > 0 ? regainMinutes * 60_000 : backoffDelayMs(attempt, session.random);
  if (attempt >= MAX_RETRIES || session.clock.now() + delay > lastStartAt) {
    const minutes = Math.max(1, regainMinutes, Math.ceil(delay / 60_000));
    throw new MetaRateLimitError(minutes, worst.verdict.reason, worst.verdict.graphCode);
  }
  session.clock.sleep(delay);
}

/**
 * `paging.next` at the top level (edge form) or inside the expanded field (field form). Meta's links carry
 * access_token in the query: it is stripped so the token keeps travelling only in the header, and a link to any
 * other host is refused so the bearer token is never sent there.
 */
function nextPageUrl(body: unknown, session: GraphSession, currentUrl: string): string | null {
  const link = pagingNextOf(body);
  if (link === null) return null;
  if (!isSameGraphHost(link, session.baseUrl)) {
    throw new MetaResponseError('Meta sent a paging link to an unexpected address — nothing was used');
  }
  const url = withoutQueryParam(link, 'access_token');
  if (url === currentUrl)
    throw new MetaResponseError('Meta sent a paging link that does not advance — try again');
  return url;
}

function pagingNextOf(body: unknown): string | null {
  if (!isObject(body)) return null;
  const candidates = [body, ...Object.values(body)];
  for (const c of candidates) {
    if (isObject(c) && isObject(c.paging) && typeof c.paging.next === 'string' && c.paging.next) {
      return c.paging.next;
    }
  }
  return null;
}
