import { addFault, type FaultSpec } from '../../dev/fake-graph/router';
import { expectedTotals } from '../../dev/fake-graph/generator';
import {
  MetaError,
  MetaParameterError,
  MetaPermissionError,
  MetaRateLimitError,
  MetaResponseError,
  MetaTokenError,
  MetaTransportError,
} from '../../src/meta/errors';
import { CUSTOM_FUNCTION_BUDGET_MS, SIDEBAR_BUDGET_MS } from '../../src/meta/graph-transport';
import { harness, type Harness, thrown, TOKEN } from './helpers';

const ZONE = { timeZone: 'America/Sao_Paulo', zoneSource: 'waba' as const };
const ONE_DAY = { fromDay: 20250801, toDay: 20250801, zone: ZONE, dimensions: [] };

function withFault(spec: FaultSpec, options = {}): Harness {
  const h = harness({ seed: 42, ...options });
  addFault(h.state, spec);
  return h;
}

const customFunction = (h: Harness) => ({ deadlineAt: h.clock.now() + CUSTOM_FUNCTION_BUDGET_MS });
const sidebar = (h: Harness) => ({ deadlineAt: h.clock.now() + SIDEBAR_BUDGET_MS });
const expectedDay = (h: Harness) =>
  expectedTotals(h.state.dataset, { fromDay: 20250801, toDay: 20250801 }).volume;
const volume = (h: Harness, deadline: (h: Harness) => { deadlineAt: number }) =>
  h.client.fetchAnalytics(ONE_DAY, deadline(h)).rows.reduce((s, r) => s + r.volume, 0);

describe('errors that must not be retried', () => {
  test('190 → token expired message, one request, no wait', () => {
    const h = withFault({ kind: 'token190' });
    const e = thrown(() => h.client.fetchAnalytics(ONE_DAY, customFunction(h)));
    expect(e).toBeInstanceOf(MetaTokenError);
    expect(e.message).toBe('Meta token expired or revoked — ask an admin to reconnect');
    expect(h.state.requests).toHaveLength(1);
    expect(h.clock.sleeps).toEqual([]);
  });

  test('a wrong token (the fake answers 190) → the same message', () => {
    const h = harness({ seed: 1, token: 'some-other-token' });
    expect(() => h.client.readAccount(customFunction(h))).toThrow(
      'Meta token expired or revoked — ask an admin to reconnect',
    );
  });

  test('100 → names the bad parameter', () => {
    const h = withFault({ kind: 'param100' });
    const e = thrown(() => h.client.fetchAnalytics(ONE_DAY, customFunction(h)));
    expect(e).toBeInstanceOf(MetaParameterError);
    expect((e as MetaParameterError).parameter).toBe('granularity');
    expect(e.message).toMatch(/^Meta rejected the request parameter "granularity": /);
    expect(h.clock.sleeps).toEqual([]);
  });

  test('200 → permission message naming whatsapp_business_management and the WABA', () => {
    const h = withFault({ kind: 'permission200' });
    const e = thrown(() => h.client.fetchAnalytics(ONE_DAY, customFunction(h)));
    expect(e).toBeInstanceOf(MetaPermissionError);
    expect(e.message).toContain('whatsapp_business_management');
    expect(e.message).toContain('WhatsApp Business Account 102290129340398');
    expect(h.state.requests).toHaveLength(1);
  });

  test('malformed JSON → a clear error', () => {
    const h = withFault({ kind: 'malformedJson' });
    const e = thrown(() => h.client.fetchAnalytics(ONE_DAY, customFunction(h)));
    expect(e).toBeInstanceOf(MetaResponseError);
    expect(e.message).toBe('Meta returned malformed JSON — try again later');
  });

  test('a truncated body → a clear error', () => {
    const h = withFault({ kind: 'truncatedBody' });
    const e = thrown(() => h.client.fetchAnalytics(ONE_DAY, customFunction(h)));
    expect(e).toBeInstanceOf(MetaResponseError);
    expect(e.message).toBe("Meta's response was cut off (incomplete JSON) — try again");
  });

  test('a response slower than the transport timeout → a clear error', () => {
    const h = harness({ seed: 42 }, { timeoutMs: 5_000 });
    addFault(h.state, { kind: 'slow', delayMs: 10_000 });
    const e = thrown(() => h.client.fetchAnalytics(ONE_DAY, customFunction(h)));
    expect(e).toBeInstanceOf(MetaTransportError);
    expect(e.message).toMatch(/^No answer from Meta \(Timeout: no response within 5000 ms\)/);
  });

  test('a slow response within the timeout is simply used', () => {
    const h = harness({ seed: 42 }, { timeoutMs: 5_000 });
    addFault(h.state, { kind: 'slow', delayMs: 1_000 });
    expect(volume(h, customFunction)).toBe(expectedDay(h));
  });
});

describe('retried errors: exponential backoff with jitter (random fixed at 0.5)', () => {
  // delay(attempt) = step/2 + 0.5 × step/2 with step = 1 s × 2^attempt, capped at 32 s → 750, 1500, 3000, 6000 …

  test.each<[FaultSpec['kind'], number]>([
    ['http500', 1],
    ['http503', 1],
    ['throttle4', 1],
    ['throttle17', 1],
    ['throttle80008', 1],
    ['http503', 3],
  ])('%s ×%i then success → the right data after backing off', (kind, times) => {
    const h = withFault({ kind, times });
    expect(volume(h, customFunction)).toBe(expectedDay(h));
    expect(h.clock.sleeps).toEqual([750, 1500, 3000].slice(0, times));
    expect(h.state.requests).toHaveLength(times + 1);
  });

  test('persistent 80008 inside a custom function: gives up before the 20 s budget with the rate-limit message', () => {
    const h = withFault({ kind: 'throttle80008', times: 'always' });
    const e = thrown(() => h.client.fetchAnalytics(ONE_DAY, customFunction(h)));
    expect(e).toBeInstanceOf(MetaRateLimitError);
    expect(e.message).toBe('Meta rate limit reached — try again in 1 minute');
    // 750 + 1500 + 3000 + 6000 = 11 250 ms waited; the next wait (12 000) would end past 20 000.
    expect(h.clock.sleeps).toEqual([750, 1500, 3000, 6000]);
    expect(h.state.requests).toHaveLength(5);
  });

  test('persistent 503 in a sidebar import: longer budget, capped retries, then "temporarily unavailable"', () => {
    const h = withFault({ kind: 'http503', times: 'always' });
    const e = thrown(() => h.client.fetchAnalytics(ONE_DAY, sidebar(h)));
    expect(e).toBeInstanceOf(MetaRateLimitError);
    expect(e.message).toBe('Meta is temporarily unavailable — try again in 1 minute');
    expect(h.clock.sleeps).toEqual([750, 1500, 3000, 6000, 12000, 24000, 24000, 24000]);
  });

  test('estimated_time_to_regain_access longer than the budget → immediate stop, "try again in 3 minutes"', () => {
    const h = withFault({ kind: 'throttle4', regainMinutes: 3 });
    const e = thrown(() => h.client.fetchAnalytics(ONE_DAY, customFunction(h)));
    expect(e.message).toBe('Meta rate limit reached — try again in 3 minutes');
    expect((e as MetaRateLimitError).retryAfterMinutes).toBe(3);
    expect(h.clock.sleeps).toEqual([]);
    expect(h.state.requests).toHaveLength(1);
  });

  test('estimated_time_to_regain_access within a sidebar budget → waits exactly that long, then succeeds', () => {
    const h = withFault({ kind: 'throttle80008', regainMinutes: 3 });
    expect(volume(h, sidebar)).toBe(expectedDay(h));
    expect(h.clock.sleeps).toEqual([180_000]);
  });

  test('only the failed chunk is retried; the batch result is complete', () => {
    const h = withFault({ kind: 'http500', pathIncludes: 'conversation_analytics' });
    const result = h.client.fetchAnalytics(
      { fromDay: 20250630, toDay: 20250701, zone: ZONE },
      customFunction(h),
    );
    expect(h.batches.map((b) => b.length)).toEqual([2, 1]);
    expect(result.rows.reduce((s, r) => s + r.volume, 0)).toBe(
      expectedTotals(h.state.dataset, { fromDay: 20250630, toDay: 20250701 }).volume,
    );
  });

  test('partial data is never returned: one chunk failing for good fails the whole call', () => {
    const h = withFault({ kind: 'permission200', pathIncludes: 'pricing_analytics' });
    expect(() =>
      h.client.fetchAnalytics({ fromDay: 20250601, toDay: 20250731, zone: ZONE }, customFunction(h)),
    ).toThrow(MetaPermissionError);
  });

  test('a deadline already passed sends nothing', () => {
    const h = harness({ seed: 1 });
    expect(() => h.client.fetchAnalytics(ONE_DAY, { deadlineAt: h.clock.now() })).toThrow(MetaTransportError);
    expect(h.state.requests).toHaveLength(0);
  });
});

describe('the access token never leaks', () => {
  const kinds: FaultSpec['kind'][] = [
    'http500',
    'http503',
    'throttle4',
    'throttle17',
    'throttle80008',
    'token190',
    'permission200',
    'param100',
    'malformedJson',
    'truncatedBody',
    'slow',
  ];

  test.each(kinds)('%s: not in the error, nor in any URL sent', (kind) => {
    const h = harness({ seed: 42, pageSize: 25 }, { timeoutMs: 1_000 });
    addFault(h.state, { kind, times: 'always', delayMs: 5_000 });
    const e = thrown(() => h.client.fetchAnalytics(ONE_DAY, customFunction(h)));
    expect(e).toBeInstanceOf(MetaError);
    expect(`${e.message} ${e.stack} ${JSON.stringify(e)}`).not.toContain(TOKEN);
    expect(h.batches.flat().every((r) => !r.url.includes(TOKEN))).toBe(true);
  });

  test('results and paged requests: token only in the Authorization header', () => {
    const h = harness({ seed: 42, pageSize: 25 });
    const result = h.client.fetchAnalytics(
      { fromDay: 20250628, toDay: 20250703, zone: ZONE },
      customFunction(h),
    );
    const account = h.client.readAccount(customFunction(h));
    expect(JSON.stringify([result, account])).not.toContain(TOKEN);
    const sent = h.batches.flat();
    expect(sent.length).toBeGreaterThan(4);
    expect(sent.every((r) => !r.url.includes(TOKEN) && r.headers.Authorization === `Bearer ${TOKEN}`)).toBe(
      true,
    );
  });

  test('text from Meta or the transport that echoes the token is redacted', () => {
    const echo = harness(
      { seed: 1 },
      {
        wrap: () => ({
          fetchAll: (reqs) =>
            reqs.map(() => ({
              status: 400,
              headers: {},
              body: JSON.stringify({
                error: { code: 131042, message: `bad token ${TOKEN} in ?access_token=${TOKEN}` },
              }),
            })),
        }),
      },
    );
    const e1 = thrown(() => echo.client.readAccount(customFunction(echo)));
    expect(e1.message).toMatch(/^Meta returned error 131042: /);
    expect(e1.message).not.toContain(TOKEN);

    const failing = harness(
      { seed: 1 },
      {
        wrap: () => ({
          fetchAll: () => {
            throw new Error(`Timeout: https://graph.facebook.com/x?access_token=${TOKEN}`);
          },
        }),
      },
    );
    const e2 = thrown(() => failing.client.readAccount(customFunction(failing)));
    expect(e2).toBeInstanceOf(MetaTransportError);
    expect(e2.message).not.toContain(TOKEN);
  });
});
