/**
 * UrlFetchApp (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app): synchronous,
 * real HTTP to loopback hosts only. Each fetch/fetchAll runs one short-lived Node child (execFileSync)
 * that performs the request(s) — fetchAll's in parallel, as Apps Script does — and prints the responses.
 * A child process rather than an in-thread request because the script must block, as Apps Script does,
 * while an HTTP server in the caller's own thread keeps answering.
 */
import { execFileSync } from 'node:child_process';
import { AppsScriptException } from './exception';
import { Blob } from './utilities';
import { ServiceObject, type Access, type Host } from './service';
import { isPlainObject } from './realm';

/** 127.0.0.0/8, localhost and [::1]: the only hosts this offline runtime may reach. */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    hostname === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(hostname)
  );
}

interface WireRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  payload?: string; // base64
  followRedirects: boolean;
}

type WireResult = (
  | { status: number; rawHeaders: string[]; body: string; url: string }
  | { error: 'timeout' | 'address'; url: string; message?: string }
) & { elapsedMs: number };

/** Runs in the child (plain CommonJS, passed with `node -e`, so it needs no file path at run time). */
const CHILD = String.raw`
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const loopback = (h) => h === 'localhost' || h === '[::1]' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
function one(req, hops) {
  return new Promise((resolve) => {
    const u = new URL(req.url);
    if (!loopback(u.hostname)) return resolve({ error: 'address', url: req.url });
    const mod = require(u.protocol === 'https:' ? 'https' : 'http');
    const body = req.payload ? Buffer.from(req.payload, 'base64') : undefined;
    const headers = Object.assign({}, req.headers);
    if (body) headers['Content-Length'] = String(body.length);
    const r = mod.request(u, { method: req.method, headers, rejectUnauthorized: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const s = res.statusCode;
        if (req.followRedirects && s >= 300 && s < 400 && res.headers.location && hops > 0) {
          const keep = s === 307 || s === 308;
          const next = Object.assign({}, req, { url: new URL(res.headers.location, u).toString(),
            method: keep ? req.method : 'GET', payload: keep ? req.payload : undefined });
          return resolve(one(next, hops - 1));
        }
        resolve({ status: s, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks).toString('base64'), url: req.url });
      });
    });
    r.on('error', (e) => resolve({ error: 'address', url: req.url, message: e.message }));
    if (body) r.write(body);
    r.end();
  });
}
const withDeadline = (req) => {
  const started = Date.now();
  return Promise.race([one(req, 10),
    new Promise((resolve) => setTimeout(() => resolve({ error: 'timeout', url: req.url }), input.timeoutMs))])
    .then((r) => Object.assign(r, { elapsedMs: Date.now() - started }));
};
Promise.all(input.requests.map(withDeadline)).then((results) => {
  process.stdout.write(JSON.stringify(results), () => process.exit(0));
});
`;

export class HTTPResponse extends ServiceObject {
  readonly kind = 'HTTPResponse';
  readonly methods: Record<string, Access> = {
    getResponseCode: 'free',
    getContentText: 'free',
    getContent: 'free',
    getHeaders: 'free',
    getAllHeaders: 'free',
    getBlob: 'free',
  };

  constructor(
    private readonly status: number,
    private readonly rawHeaders: string[],
    private readonly body: Buffer,
  ) {
    super();
  }

  getResponseCode(): number {
    return this.status;
  }
  getContentText(charset?: string): string {
    return this.getBlob().getDataAsString(charset);
  }
  getContent(): number[] {
    return this.getBlob().getBytes();
  }
  /** Header names as the server sent them; a repeated header keeps its last value. */
  getHeaders(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = 0; i < this.rawHeaders.length; i += 2) out[this.rawHeaders[i]] = this.rawHeaders[i + 1];
    return out;
  }
  /** Like getHeaders, but a repeated header's values are returned as an array. */
  getAllHeaders(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (let i = 0; i < this.rawHeaders.length; i += 2) {
      const [name, value] = [this.rawHeaders[i], this.rawHeaders[i + 1]];
      const prev = out[name];
      out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
    return out;
  }
  getBlob(): Blob {
    const type =
      Object.entries(this.getHeaders()).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null;
    return new Blob(this.body, type);
  }
}

interface FetchParams {
  method?: string;
  headers?: Record<string, unknown>;
  contentType?: string;
  payload?: unknown;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
}

function formEncode(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

/** "URL Fetch URL length: 2 kB / call" (https://developers.google.com/apps-script/guides/services/quotas#current_limitations). */
export const MAX_URL_LENGTH = 2048;

/**
 * "URL Fetch POST size: 50 MB / call" and "URL Fetch response size: 50 MB / call"
 * (https://developers.google.com/apps-script/guides/services/quotas#current_limitations): the smaller reading of
 * 50 MB, so the runtime is never more lenient. The wordings of the two errors are modelled on the URL length one
 * ("Limit Exceeded: URLFetch URL Length.", observed): UNCONFIRMED.
 */
export const MAX_FETCH_BYTES = 50_000_000;

/** RFC 3986's characters (unreserved, reserved, and % followed by two hex digits). */
const RFC3986 = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

/**
 * Apps Script sends a URL as given: it refuses one with characters outside RFC 3986 (an unencoded `"`, a space,
 * `{`, `|`, non-ASCII…) with "Invalid argument: <url>", and one over 2 kB with "Limit Exceeded: URLFetch URL
 * Length." (both wordings observed). Node's URL would silently re-encode them instead.
 */
export function checkFetchUrl(href: string): void {
  if (href.length > MAX_URL_LENGTH) throw new AppsScriptException('Limit Exceeded: URLFetch URL Length.');
  if (!RFC3986.test(href)) throw new AppsScriptException(`Invalid argument: ${href}`);
}

/** What fetch(url, params) sends: method (default GET), headers, payload and its Content-Type. */
function toWire(host: Host, url: unknown, params: FetchParams = {}): WireRequest & { mute: boolean } {
  const href = String(url);
  checkFetchUrl(href);
  let parsed: URL;
  try {
    parsed = new URL(href);
  } catch {
    throw new AppsScriptException(`Invalid argument: ${href}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new AppsScriptException(`Invalid argument: ${href}`);
  // Never attempt a non-loopback host: there is no network here, and tests must not depend on one.
  if (!isLoopbackHost(parsed.hostname)) throw new AppsScriptException(`Address unavailable: ${href}`);
  const headers: Record<string, string> = { 'User-Agent': 'Mozilla/5.0 (compatible; Google-Apps-Script)' };
  for (const [k, v] of Object.entries(params.headers ?? {})) headers[k] = String(v);
  let payload: Buffer | undefined;
  const p = params.payload;
  if (p !== undefined && p !== null) {
    const blob = host.unwrap(p);
    if (blob instanceof Blob) payload = Buffer.from(blob.getBytes().map((b) => b & 0xff));
    else if (Array.isArray(p)) payload = Buffer.from(p.map((b) => Number(b) & 0xff));
    else if (isPlainObject(p)) payload = Buffer.from(formEncode(p), 'utf8');
    else payload = Buffer.from(String(p), 'utf8');
    if (payload.length > MAX_FETCH_BYTES)
      throw new AppsScriptException('Limit Exceeded: URLFetch POST Size.');
    headers['Content-Type'] = params.contentType ?? 'application/x-www-form-urlencoded';
  } else if (params.contentType) headers['Content-Type'] = params.contentType;
  return {
    url: href,
    method: (params.method ?? 'get').toUpperCase(),
    headers,
    payload: payload?.toString('base64'),
    followRedirects: params.followRedirects ?? true,
    mute: params.muteHttpExceptions ?? false,
  };
}

const TRUNCATE_AT = 100;

export class UrlFetchAppImpl extends ServiceObject {
  readonly kind = 'UrlFetchApp';
  readonly methods: Record<string, Access> = { fetch: 'fetch', fetchAll: 'fetch', getRequest: 'fetch' };

  constructor(
    private readonly host: Host,
    private readonly timeoutMs: number,
    private readonly latencyMs: number,
  ) {
    super();
  }

  /**
   * Sends the batch and charges its time to the execution: the modelled network latency plus the slowest real
   * answer (a batch runs in parallel). A request cannot outlive the execution: when the execution's time runs
   * out first, the execution ends there (the script never sees an answer).
   */
  private send(requests: (WireRequest & { mute: boolean })[]): HTTPResponse[] {
    this.host.count('UrlFetchApp.requests', requests.length);
    const { timer } = this.host;
    const left = timer.remainingMs() - this.latencyMs;
    if (left <= 0) {
      timer.spend(timer.remainingMs(), 'fetchMs');
      timer.kill();
    }
    const cutByDeadline = left < this.timeoutMs;
    const env = { ...process.env };
    delete env.NODE_OPTIONS; // the child needs no loaders (ts-jest, tsx) of the parent
    const out = execFileSync(process.execPath, ['-e', CHILD], {
      input: JSON.stringify({ requests, timeoutMs: Math.min(this.timeoutMs, left) }),
      maxBuffer: 256 * 1024 * 1024,
      env,
    });
    const results = JSON.parse(out.toString('utf8')) as WireResult[];
    const timedOut = results.some((r) => 'error' in r && r.error === 'timeout');
    const took = this.latencyMs + Math.max(0, ...results.map((r) => r.elapsedMs));
    if ((timedOut && cutByDeadline) || took > timer.remainingMs()) {
      timer.spend(timer.remainingMs(), 'fetchMs');
      timer.kill();
    }
    timer.spend(took, 'fetchMs');
    this.host.wait('fetched', requests.length > 1 ? 'UrlFetchApp.fetchAll' : 'UrlFetchApp.fetch');
    return results.map((r, i) => {
      if ('error' in r)
        throw new AppsScriptException(
          r.error === 'timeout' ? `Timeout: ${r.url}` : `Address unavailable: ${r.url}`,
        );
      const body = Buffer.from(r.body, 'base64');
      if (body.length > MAX_FETCH_BYTES)
        throw new AppsScriptException('Limit Exceeded: URLFetch response size.');
      const response = new HTTPResponse(r.status, r.rawHeaders, body);
      if (r.status >= 400 && !requests[i].mute) {
        const text = response.getContentText();
        const shown = text.length > TRUNCATE_AT ? `${text.slice(0, TRUNCATE_AT)}...` : text;
        throw new AppsScriptException(
          `Request failed for ${new URL(r.url).origin} returned code ${r.status}. Truncated server response: ${shown} (use muteHttpExceptions option to examine full response)`,
        );
      }
      return response;
    });
  }

  fetch(url: string, params?: FetchParams): HTTPResponse {
    return this.send([toWire(this.host, url, params)])[0];
  }

  /** Requests are strings (URLs) or objects with `url` plus fetch's params; all run in parallel. */
  fetchAll(requests: unknown[]): HTTPResponse[] {
    if (!Array.isArray(requests))
      throw new AppsScriptException(
        "The parameters don't match the method signature for UrlFetchApp.fetchAll.",
      );
    return this.send(
      requests.map((r) =>
        typeof r === 'string'
          ? toWire(this.host, r)
          : toWire(this.host, (r as { url?: unknown }).url, r as FetchParams),
      ),
    );
  }

  /** The request fetch() would send, without sending it. */
  getRequest(url: string, params?: FetchParams): Record<string, unknown> {
    const w = toWire(this.host, url, params);
    return {
      url: w.url,
      method: w.method.toLowerCase(),
      headers: w.headers,
      payload: w.payload === undefined ? '' : Buffer.from(w.payload, 'base64').toString('utf8'),
      followRedirects: w.followRedirects,
      muteHttpExceptions: w.mute,
      contentType: w.headers['Content-Type'] ?? '',
    };
  }
}
