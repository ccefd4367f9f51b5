import { expectedTotals, createDataset } from '../../dev/fake-graph/generator';
import {
  type FakeGraphServer,
  startFakeGraphServer,
  startFakeGraphServerProcess,
} from '../../dev/fake-graph/server';
import { createGraphClient } from '../../src/meta/client';
import { MetaRateLimitError, MetaResponseError, MetaTransportError } from '../../src/meta/errors';
import { FakeClock, thrown, TOKEN } from './helpers';
import { syncHttpPort } from './sync-http-port';

const ZONE = { timeZone: 'America/Sao_Paulo', zoneSource: 'waba' as const };
const SEED = 1234;

describe('the fake Graph server in a child process, through a synchronous port', () => {
  let server: FakeGraphServer;
  beforeAll(async () => {
    server = await startFakeGraphServerProcess({ seed: SEED, token: TOKEN, pageSize: 500 });
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    await server.clearFaults();
    await server.clearRequests();
  });

  const client = (timeoutMs = 10_000) => {
    const clock = new FakeClock();
    return {
      clock,
      graph: createGraphClient(
        { wabaId: '102290129340398', token: TOKEN, graphBaseUrl: server.url },
        { http: syncHttpPort({ timeoutMs }), clock, random: () => 0.5 },
      ),
    };
  };

  test('reads the account over real HTTP', () => {
    const { graph, clock } = client();
    const account = graph.readAccount({ deadlineAt: clock.now() + 20_000 });
    expect(account.waba).toMatchObject({ id: '102290129340398', currency: 'BRL', timezoneId: '25' });
    expect(account.lines).toHaveLength(3);
  });

  test('a month spanning the switch matches the generator, following real paging links', async () => {
    const { graph, clock } = client();
    const result = graph.fetchAnalytics(
      { fromDay: 20250615, toDay: 20250715, zone: ZONE },
      { deadlineAt: clock.now() + 20_000 },
    );
    const expected = expectedTotals(createDataset({ seed: SEED }), { fromDay: 20250615, toDay: 20250715 });
    expect(result.rows.reduce((s, r) => s + r.volume, 0)).toBe(expected.volume);
    expect(result.rows).toHaveLength(expected.records);
    const log = await server.requests();
    expect(log.some((r) => r.url.includes('after='))).toBe(true);
    expect(log.every((r) => r.authorized && !r.tokenInUrl)).toBe(true);
  });

  test('faults injected through the control endpoint: 503 then success', async () => {
    await server.setFault({ kind: 'http503', times: 2 });
    const { graph, clock } = client();
    const account = graph.readAccount({ deadlineAt: clock.now() + 20_000 });
    expect(account.lines).toHaveLength(3);
    // Both first requests (WABA + phone numbers) got 503 and were resent together after one wait.
    expect(clock.sleeps).toEqual([750]);
  });

  test('persistent 80008 with a 2-minute regain estimate → rate-limit message without waiting', async () => {
    await server.setFault({ kind: 'throttle80008', times: 'always', regainMinutes: 2 });
    const { graph, clock } = client();
    const e = thrown(() => graph.readAccount({ deadlineAt: clock.now() + 20_000 }));
    expect(e).toBeInstanceOf(MetaRateLimitError);
    expect(e.message).toBe('Meta rate limit reached — try again in 2 minutes');
  });

  test('a truncated body over the wire → a clear error', async () => {
    await server.setFault({ kind: 'truncatedBody', pathIncludes: 'phone_numbers' });
    const { graph, clock } = client();
    expect(thrown(() => graph.readAccount({ deadlineAt: clock.now() + 20_000 }))).toBeInstanceOf(
      MetaResponseError,
    );
  });

  test('a response slower than the port timeout → a clear transport error', async () => {
    await server.setFault({ kind: 'slow', delayMs: 3_000 });
    const { graph, clock } = client(500);
    const e = thrown(() => graph.readAccount({ deadlineAt: clock.now() + 20_000 }));
    expect(e).toBeInstanceOf(MetaTransportError);
    expect(e.message).toMatch(/Timeout/);
  });

  test('connection refused → a clear transport error', async () => {
    const closed = await startFakeGraphServer({ token: TOKEN });
    await closed.close();
    const clock = new FakeClock();
    const graph = createGraphClient(
      { wabaId: '102290129340398', token: TOKEN, graphBaseUrl: closed.url },
      { http: syncHttpPort(), clock },
    );
    expect(thrown(() => graph.readAccount({ deadlineAt: clock.now() + 20_000 }))).toBeInstanceOf(
      MetaTransportError,
    );
  });
});
