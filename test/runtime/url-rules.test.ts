/**
 * UrlFetch refuses what Apps Script refuses: characters outside RFC 3986 ("Invalid argument: <url>") and URLs
 * over 2 kB ("Limit Exceeded: URLFetch URL Length."; https://developers.google.com/apps-script/guides/services/quotas).
 * And every Graph URL the add-on builds — 20 lines, every filter, both pricing eras — stays within both rules.
 */
import { createRuntime, checkFetchUrl, MAX_URL_LENGTH } from '../../dev/runtime';
import { MAX_FETCH_BYTES } from '../../dev/runtime/url-fetch';
import { startLoopbackServer, type LoopbackServer } from '../../dev/runtime/testing/loopback-server';
import { createGraphClient } from '../../src/meta/client';
import type { HttpRequest } from '../../src/meta/ports';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer({ '/ok': { status: 200, body: 'ok' } });
});
afterAll(() => server.close());

function fetchFrom(url: string): () => unknown {
  const rt = createRuntime();
  rt.loadSource(`function get(url) { return UrlFetchApp.fetch(url).getContentText(); }
    function all(urls) { return UrlFetchApp.fetchAll(urls).length; }`);
  return () => rt.run('get', url);
}

describe('URLs Apps Script refuses', () => {
  it.each(['?a="b"', '?q=a b', '?f={d}', '?p=a|b', '?c=caf\u00e9', '?bad=%zz', '?x=a\\b', '#frag^'])(
    'an unencoded character (%s) → Invalid argument, nothing sent',
    async (tail) => {
      const url = `${server.url}/ok${tail}`;
      const before = (await server.requests()).length;
      expect(fetchFrom(url)).toThrow(`Invalid argument: ${url}`);
      expect(await server.requests()).toHaveLength(before);
    },
  );

  it('RFC 3986 characters and percent-encodings pass', () => {
    expect(fetchFrom(`${server.url}/ok?fields=a.b(%5B%22X%22%5D)&t=%22q%22&s=a%20b;c=1,2!*'~[]@$`)()).toBe(
      'ok',
    );
  });

  it('a URL over 2 kB → Limit Exceeded, nothing sent; exactly 2,048 characters is fine', () => {
    const base = `${server.url}/ok?q=`;
    const atLimit = base + 'x'.repeat(MAX_URL_LENGTH - base.length);
    expect(fetchFrom(atLimit)()).toBe('ok');
    expect(fetchFrom(`${atLimit}x`)).toThrow('Limit Exceeded: URLFetch URL Length.');
  });
});

describe('POST size', () => {
  it('a payload over 50 MB → Limit Exceeded, nothing sent; 50,000,000 bytes go', async () => {
    const rt = createRuntime();
    rt.loadSource(`function post(url, n) {
      return UrlFetchApp.fetch(url, { method: 'post', payload: 'x'.repeat(n), contentType: 'text/plain' }).getContentText();
    }`);
    const before = (await server.requests()).length;
    expect(() => rt.run('post', `${server.url}/ok`, MAX_FETCH_BYTES + 1)).toThrow(
      'Limit Exceeded: URLFetch POST Size.',
    );
    expect(await server.requests()).toHaveLength(before);
    expect(rt.run('post', `${server.url}/ok`, MAX_FETCH_BYTES)).toBe('ok');
  });
});

describe('the Graph URLs the add-on builds', () => {
  /** Every URL the client asks for, against production Graph, without sending anything. */
  function graphUrls(run: (client: ReturnType<typeof createGraphClient>) => void): string[] {
    const sent: string[] = [];
    const client = createGraphClient(
      { wabaId: '102290129340398', token: 'EAAG-x', graphBaseUrl: 'https://graph.facebook.com' },
      {
        http: {
          fetchAll(requests: HttpRequest[]) {
            sent.push(...requests.map((r) => r.url));
            throw new Error('not sent');
          },
        },
        clock: { now: () => 0, sleep: () => undefined },
      },
    );
    expect(() => run(client)).toThrow();
    return sent;
  }

  const twentyLines = Array.from({ length: 20 }, (_, i) => `+57 (300) 555-${String(1000 + i)}`);

  it.each(['DAILY', 'MONTHLY'] as const)(
    '%s, 20 lines, all countries and categories, all dimensions, across both eras: valid and under 2 kB',
    (granularity) => {
      const urls = graphUrls((client) =>
        client.fetchAnalytics(
          {
            fromDay: 20250501,
            toDay: 20251231,
            zone: { timeZone: 'America/Sao_Paulo', zoneSource: 'waba' },
            granularity,
            dimensions: ['line', 'country', 'category', 'type', 'tier'],
            lines: twentyLines,
            countries: ['BR', 'MX', 'CO', 'AR', 'CL', 'PE'],
            categories: ['MARKETING', 'UTILITY', 'AUTHENTICATION', 'AUTHENTICATION_INTERNATIONAL', 'SERVICE'],
          },
          { deadlineAt: 1 },
        ),
      );
      expect(urls.length).toBeGreaterThanOrEqual(2); // conversation- and message-era chunks
      for (const url of urls) {
        expect(() => checkFetchUrl(url)).not.toThrow();
        expect(url.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
      }
      expect(Math.max(...urls.map((u) => u.length))).toBeGreaterThan(500); // the filters are really in them
    },
  );

  it('the account read is valid too', () => {
    for (const url of graphUrls((client) => client.readAccount({ deadlineAt: 1 })))
      expect(() => checkFetchUrl(url)).not.toThrow();
  });
});
