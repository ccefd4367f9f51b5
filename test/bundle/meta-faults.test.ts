/**
 * Every fault the fake Graph server injects, seen through META_* formulas and the sidebar in the built bundle.
 * Sleeps are virtual (manual clock); backoff jitter uses the script's own Math.random, so waits are checked as
 * ranges. Finally: the access token appears nowhere a user, a log or the cache could see it.
 */
import type { FakeGraphServer, FaultSpec } from '../../dev/fake-graph';
import { expectedTotals } from '../../dev/fake-graph/generator';
import { spreadsheetSnapshot } from '../../dev/preview/snapshot';
import {
  connect,
  connectedRuntime,
  metaRuntime,
  DATASET,
  fetches,
  NOW,
  useGraph,
  thrown,
  TOKEN,
} from './meta-helpers';

const server = useGraph();
let graph: FakeGraphServer;

beforeEach(() => {
  graph = server();
});

const ONE_DAY = ['2025-10-01', '2025-10-01'] as const;
const oneDay = expectedTotals(DATASET, { fromDay: 20251001, toDay: 20251001 });
/** The custom-function budget (CUSTOM_FUNCTION_BUDGET_MS): retries never wait past it. */
const CUSTOM_FUNCTION_BUDGET_MS = 20_000;

const TRANSIENT: FaultSpec['kind'][] = ['http500', 'http503', 'throttle4', 'throttle17', 'throttle80008'];
const FATAL: [FaultSpec['kind'], string | RegExp][] = [
  ['token190', 'META_BILLED: Meta token expired or revoked — ask an admin to reconnect'],
  [
    'permission200',
    /^META_BILLED: Meta denied access \(error 200\) — the token needs the whatsapp_business_management permission and access to WhatsApp Business Account 102290129340398/,
  ],
  ['param100', /^META_BILLED: Meta rejected the request parameter "granularity": /],
  ['malformedJson', 'META_BILLED: Meta returned malformed JSON — try again later'],
  ['truncatedBody', "META_BILLED: Meta's response was cut off (incomplete JSON) — try again"],
];

describe('transient faults: backoff, then the right figures', () => {
  it.each(TRANSIENT)('%s once → one retry after 0.5–1 s of (virtual) backoff', async (kind) => {
    const { rt, clock } = connectedRuntime(graph);
    await graph.setFault({ kind });
    expect(rt.runCustomFunction('META_BILLED', ...ONE_DAY)).toBe(oneDay.billable);
    expect(fetches(rt)).toBe(2);
    const waited = rt.timeSpent.sleptMs;
    expect(waited).toBeGreaterThanOrEqual(500);
    expect(waited).toBeLessThanOrEqual(1000);
    // The clock also moved by both rounds' answer time, which the runtime charges to the execution.
    expect(clock.now() - NOW).toBe(waited + rt.timeSpent.fetchMs + rt.timeSpent.callMs);
    expect(rt.timeSpent.fetchMs).toBeGreaterThan(0);
  });
});

describe('persistent throttling and outages: a clear message within the custom-function budget', () => {
  it('80008 every time → "rate limit reached", several attempts, never waiting past 20 s', async () => {
    const { rt, clock } = connectedRuntime(graph);
    await graph.setFault({ kind: 'throttle80008', times: 'always' });
    const e = thrown(() => rt.runCustomFunction('META_BILLED', ...ONE_DAY));
    expect(e.message).toBe('META_BILLED: Meta rate limit reached — try again in 1 minute');
    expect(fetches(rt)).toBeGreaterThanOrEqual(4);
    expect(clock.now() - NOW).toBeLessThan(CUSTOM_FUNCTION_BUDGET_MS);
  });

  it('503 every time → "temporarily unavailable"', async () => {
    const { rt } = connectedRuntime(graph);
    await graph.setFault({ kind: 'http503', times: 'always' });
    expect(() => rt.runCustomFunction('META_COST', ...ONE_DAY)).toThrow(
      'META_COST: Meta is temporarily unavailable — try again in 1 minute',
    );
  });

  it('X-Business-Use-Case-Usage asking for 3 minutes → stops at once with "try again in 3 minutes"', async () => {
    const { rt } = connectedRuntime(graph);
    await graph.setFault({ kind: 'throttle4', regainMinutes: 3 });
    expect(() => rt.runCustomFunction('META_BILLED', ...ONE_DAY)).toThrow(
      'META_BILLED: Meta rate limit reached — try again in 3 minutes',
    );
    expect(fetches(rt)).toBe(1);
    expect(rt.timeSpent.sleptMs).toBe(0);
  });

  it('17 with 3 minutes to regain, from the sidebar → the longer budget waits exactly 3 minutes and connects', async () => {
    const { rt, clock } = metaRuntime();
    await graph.setFault({ kind: 'throttle17', regainMinutes: 3 });
    expect(connect(rt, graph)).toMatchObject({ wabaName: DATASET.waba.name });
    expect(rt.timeSpent.sleptMs).toBe(180_000);
    expect(clock.now() - NOW).toBeGreaterThan(180_000); // plus both rounds' answer time
  });

  it('a failure is not cached: the same formula fetches again and then succeeds', async () => {
    const { rt } = connectedRuntime(graph);
    await graph.setFault({ kind: 'http500', times: 'always' });
    expect(() => rt.runCustomFunction('META_BILLED', ...ONE_DAY)).toThrow(
      /^META_BILLED: Meta is temporarily/,
    );
    await graph.clearFaults();
    expect(rt.runCustomFunction('META_BILLED', ...ONE_DAY)).toBe(oneDay.billable);
  });
});

describe('a slow Meta: the custom function fails cleanly within its 30 s', () => {
  it('answers taking 12 s and a transient error → no retry that could not finish, a clear error at ~13 s', async () => {
    const { rt, clock } = connectedRuntime(graph, { fetchLatencyMs: 12_000 });
    const start = clock.now();
    await graph.setFault({ kind: 'http500' });
    expect(() => rt.runCustomFunction('META_BILLED', ...ONE_DAY)).toThrow(
      'META_BILLED: Meta is temporarily unavailable — try again in 1 minute',
    );
    expect(fetches(rt)).toBe(1);
    expect(clock.now() - start).toBeGreaterThan(12_000);
    expect(clock.now() - start).toBeLessThan(CUSTOM_FUNCTION_BUDGET_MS);
  });

  it('a slow answer is waited for and used while it fits', async () => {
    const { rt, clock } = connectedRuntime(graph, { fetchLatencyMs: 15_000 });
    const start = clock.now();
    await graph.setFault({ kind: 'slow', delayMs: 1_500 });
    expect(rt.runCustomFunction('META_BILLED', ...ONE_DAY)).toBe(oneDay.billable);
    expect(clock.now() - start).toBeGreaterThanOrEqual(16_500);
  });

  it('an answer that comes after 30 s: Sheets\u2019 own time-limit error, and nothing is cached', async () => {
    const { rt } = connectedRuntime(graph, { fetchLatencyMs: 29_000 });
    await graph.setFault({ kind: 'slow', delayMs: 3_000 });
    expect(() => rt.runCustomFunction('META_BILLED', ...ONE_DAY)).toThrow(
      'Exceeded maximum execution time (line 0).',
    );
    expect(rt.cache.document.keys()).toEqual([]);
  });
});

describe('faults that must not be retried', () => {
  it.each(FATAL)('%s → %s, after one request, without waiting', async (kind, message) => {
    const { rt } = connectedRuntime(graph);
    await graph.setFault({ kind });
    expect(() => rt.runCustomFunction('META_BILLED', ...ONE_DAY)).toThrow(message);
    expect(fetches(rt)).toBe(1);
    expect(rt.timeSpent.sleptMs).toBe(0);
  });

  it('a response slower than the fetch timeout → "No answer from Meta"', async () => {
    const { rt } = connectedRuntime(graph, { fetchTimeoutMs: 500 });
    await graph.setFault({ kind: 'slow', delayMs: 3_000 });
    expect(() => rt.runCustomFunction('META_BILLED', ...ONE_DAY)).toThrow(
      /^META_BILLED: No answer from Meta \(Timeout: /,
    );
  });

  it('empty data → no traffic: 0 units, a header-only table', async () => {
    const { rt } = connectedRuntime(graph);
    await graph.setFault({ kind: 'emptyData', times: 2 });
    expect(rt.runCustomFunction('META_BILLED', ...ONE_DAY)).toBe(0);
    expect(rt.runCustomFunction('META_ANALYTICS', ...ONE_DAY, 'DAILY', 'line')).toEqual([
      ['Day', 'Line', 'Volume', 'Cost'],
    ]);
  });

  it('missing cost → META_COST explains the partner credit line', async () => {
    const { rt } = connectedRuntime(graph);
    await graph.setFault({ kind: 'missingCost' });
    expect(() => rt.runCustomFunction('META_COST', ...ONE_DAY)).toThrow(
      /^META_COST: Meta returns no cost for this WhatsApp Business Account \(it is billed through a partner's credit line\)/,
    );
  });
});

describe('the access token never leaks', () => {
  it('appears in no cell, log line, thrown message, cache key or value, or RPC result — only in the stored connection', async () => {
    const { rt, user } = connectedRuntime(graph, { fetchTimeoutMs: 1_000 });
    const seen: string[] = [];
    const record = (fn: () => unknown) => {
      try {
        seen.push(JSON.stringify(fn()) ?? '');
      } catch (e) {
        const err = e as Error;
        seen.push(`${err.name} ${err.message} ${err.stack ?? ''}`);
      }
    };
    rt.spreadsheet.setValues('Sheet1!A1:A2', [['+57 601 765 4321'], ['marketing']]);
    record(() => connect(rt, graph));
    record(() => rt.runFromSidebar('getConnection'));
    record(() => rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-31', rt.range('Sheet1!A1')));
    record(() => rt.runCustomFunction('META_COST', '2025-10-01', '2025-10-31', '', rt.range('Sheet1!A2')));
    record(() => rt.runCustomFunction('META_ANALYTICS', '2025-10-01', '2025-10-03', 'DAILY', 'line,tier'));
    const kinds: FaultSpec['kind'][] = [...TRANSIENT, ...FATAL.map(([kind]) => kind), 'slow', 'missingCost'];
    for (const [i, kind] of kinds.entries()) {
      await graph.setFault({ kind, times: 'always', delayMs: 3_000 });
      const day = `2025-09-${String(i + 1).padStart(2, '0')}`; // a new day each time: no cache hit
      record(() => rt.runCustomFunction('META_COST', day, day));
      record(() => connect(rt, graph));
      await graph.clearFaults();
    }
    record(() => connect(rt, graph, 'EAAG-wrong-token-0000'));
    user.email = 'bob@example.com';
    record(() => connect(rt, graph));
    record(() => rt.runFromSidebar('getConnection'));
    record(() => rt.runFromSidebar('clearConnection'));

    const cacheText = rt.cache.document.keys().flatMap((k) => [k, rt.cache.document.get(k) ?? '']);
    const otherStores = [...rt.properties.user, ...rt.properties.script].flat();
    const docStore = [...rt.properties.document].filter(([k]) => k !== 'atomBilling.meta.connection').flat();
    const everything = [
      ...seen,
      ...rt.logs,
      JSON.stringify(spreadsheetSnapshot(rt.spreadsheet)),
      JSON.stringify(rt.ui),
      ...cacheText,
      ...otherStores,
      ...docStore,
    ];
    expect(seen.length).toBeGreaterThan(30);
    expect(cacheText.length).toBeGreaterThan(0);
    expect(everything.filter((text) => text.includes(TOKEN))).toEqual([]);
    expect(rt.properties.document.get('atomBilling.meta.connection')).toContain(TOKEN);
    const requests = await graph.requests();
    expect(requests.length).toBeGreaterThan(20);
    expect(requests.filter((r) => r.tokenInUrl)).toEqual([]);
  }, 90_000);
});
