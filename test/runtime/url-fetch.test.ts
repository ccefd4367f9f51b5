/**
 * UrlFetchApp: synchronous real HTTP to loopback. The server runs in a worker thread (startLoopbackServer)
 * because fetch blocks this thread, as it blocks an Apps Script execution.
 */
import { createRuntime, type AppsScriptRuntime } from '../../dev/runtime';
import { MAX_FETCH_BYTES } from '../../dev/runtime/url-fetch';
import { startLoopbackServer, type LoopbackServer } from '../../dev/runtime/testing/loopback-server';

let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer({
    'GET /hello': {
      status: 200,
      body: 'hello world',
      headers: { 'X-Trace': ['a', 'b'], 'Content-Type': 'text/plain' },
    },
    'POST /echo': { echo: true },
    'GET /echo': { echo: true },
    '/fail': { status: 500, body: 'E'.repeat(150) },
    '/missing': { status: 404, body: 'no such thing' },
    '/redirect': { status: 302, headers: { Location: '/hello' } },
    '/slow': { status: 200, body: 'late', delayMs: 1500 },
    '/held': { body: 'late', delayMs: 500 },
    '/json': { body: { ok: true, n: 3 } },
    '/huge': { body: 'x'.repeat(MAX_FETCH_BYTES + 1) },
  });
});

afterAll(async () => {
  await server.close();
});

const source = `
  function get(url, params) {
    const r = UrlFetchApp.fetch(url, params);
    return { code: r.getResponseCode(), text: r.getContentText(), headers: r.getHeaders(), all: r.getAllHeaders(),
             blob: r.getBlob().getDataAsString() };
  }
  function all(requests) {
    return UrlFetchApp.fetchAll(requests).map(r => [r.getResponseCode(), r.getContentText()]);
  }
  function echoBody(url, params) { return JSON.parse(UrlFetchApp.fetch(url, params).getContentText()); }`;

function runtime(fetchTimeoutMs?: number): AppsScriptRuntime {
  const rt = createRuntime({ fetchTimeoutMs });
  rt.loadSource(source);
  return rt;
}

interface Got {
  code: number;
  text: string;
  headers: Record<string, string>;
  all: Record<string, string | string[]>;
  blob: string;
}

describe('UrlFetchApp.fetch', () => {
  it('performs a real GET and returns an HTTPResponse', () => {
    const got = runtime().run('get', `${server.url}/hello`) as Got;
    expect([got.code, got.text, got.blob]).toEqual([200, 'hello world', 'hello world']);
    expect(got.headers['Content-Type']).toBe('text/plain');
    expect(got.headers['X-Trace']).toBe('b');
    expect(got.all['X-Trace']).toEqual(['a', 'b']);
  });

  it('sends method, headers, payload and contentType', () => {
    const echoed = runtime().run('echoBody', `${server.url}/echo`, {
      method: 'post',
      headers: { Authorization: 'Bearer t0k' },
      contentType: 'application/json',
      payload: JSON.stringify({ a: 1 }),
    }) as { method: string; headers: Record<string, string>; body: string };
    expect(echoed.method).toBe('POST');
    expect(echoed.headers.authorization).toBe('Bearer t0k');
    expect(echoed.headers['content-type']).toBe('application/json');
    expect(echoed.body).toBe('{"a":1}');
  });

  it('form-encodes an object payload', () => {
    const echoed = runtime().run('echoBody', `${server.url}/echo`, {
      method: 'post',
      payload: { q: 'a b', n: 2 },
    }) as {
      headers: Record<string, string>;
      body: string;
    };
    expect(echoed.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(echoed.body).toBe('q=a%20b&n=2');
  });

  it('throws for 4xx/5xx unless muteHttpExceptions, with a truncated response', () => {
    const rt = runtime();
    expect(() => rt.run('get', `${server.url}/fail`)).toThrow(
      `Request failed for ${server.url} returned code 500. Truncated server response: ${'E'.repeat(100)}... (use muteHttpExceptions option to examine full response)`,
    );
    expect(() => rt.run('get', `${server.url}/missing`)).toThrow(
      `Request failed for ${server.url} returned code 404. Truncated server response: no such thing (use muteHttpExceptions option to examine full response)`,
    );
    const muted = rt.run('get', `${server.url}/fail`, { muteHttpExceptions: true }) as Got;
    expect([muted.code, muted.text.length]).toEqual([500, 150]);
  });

  it('follows redirects unless followRedirects is false', () => {
    const rt = runtime();
    expect((rt.run('get', `${server.url}/redirect`) as Got).text).toBe('hello world');
    const raw = rt.run('get', `${server.url}/redirect`, { followRedirects: false }) as Got;
    expect([raw.code, raw.headers.Location]).toEqual([302, '/hello']);
  });

  it('refuses non-loopback hosts without trying them', () => {
    const rt = runtime();
    expect(() => rt.run('get', 'https://graph.facebook.com/v21.0/me')).toThrow(
      'Address unavailable: https://graph.facebook.com/v21.0/me',
    );
    expect(rt.counters['UrlFetchApp.requests']).toBeUndefined();
  });

  it('throws "Timeout: <url>" past the fetch deadline', () => {
    expect(() => runtime(300).run('get', `${server.url}/slow`)).toThrow(`Timeout: ${server.url}/slow`);
  });

  it('refuses a POST body or an answer over 50 MB (the quotas page), the body before sending it', async () => {
    const rt = runtime();
    const before = (await server.requests()).length;
    expect(() =>
      rt.run('get', `${server.url}/echo`, { method: 'post', payload: 'x'.repeat(MAX_FETCH_BYTES + 1) }),
    ).toThrow('Limit Exceeded: URLFetch POST Size.');
    expect((await server.requests()).length).toBe(before);
    expect(() => rt.run('get', `${server.url}/huge`)).toThrow('Limit Exceeded: URLFetch response size.');
  });

  it('records what the server received', async () => {
    runtime().run('get', `${server.url}/json?x=1`);
    const last = (await server.requests()).at(-1);
    expect([last?.method, last?.url]).toEqual(['GET', '/json?x=1']);
    expect(last?.headers['user-agent']).toContain('Google-Apps-Script');
  });
});

describe('UrlFetchApp.fetchAll', () => {
  it('runs a batch in parallel and counts batches and requests', () => {
    const rt = runtime();
    const results = rt.run('all', [
      `${server.url}/hello`,
      { url: `${server.url}/json`, method: 'get' },
      { url: `${server.url}/missing`, muteHttpExceptions: true },
    ]);
    expect(results).toEqual([
      [200, 'hello world'],
      [200, '{"ok":true,"n":3}'],
      [404, 'no such thing'],
    ]);
    rt.run('get', `${server.url}/hello`);
    expect([
      rt.counters['UrlFetchApp.fetchAll'],
      rt.counters['UrlFetchApp.fetch'],
      rt.counters['UrlFetchApp.requests'],
    ]).toEqual([1, 1, 4]);
  });

  it('sends the batch in parallel: all three requests are open at the server at once', async () => {
    const before = (await server.requests()).length;
    expect(runtime().run('all', [`${server.url}/held`, `${server.url}/held`, `${server.url}/held`])).toEqual([
      [200, 'late'],
      [200, 'late'],
      [200, 'late'],
    ]);
    const batch = (await server.requests()).slice(before);
    expect(Math.max(...batch.map((r) => r.inFlight))).toBe(3);
  });
});
