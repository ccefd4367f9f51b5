/**
 * The caller's deadline bounds the whole call, the time spent waiting for Meta included. UrlFetchApp has no
 * per-request timeout, so the client can only refuse to START a round (or a backoff wait followed by a round)
 * that the rounds so far show cannot finish in time. A custom function must be done well inside Sheets' 30 s.
 */
import { addFault } from '../../dev/fake-graph/router';
import { MetaRateLimitError, MetaTransportError } from '../../src/meta/errors';
import { CUSTOM_FUNCTION_BUDGET_MS } from '../../src/meta/graph-transport';
import type { HttpPort } from '../../src/meta/ports';
import { harness, type Harness, thrown } from './helpers';

const ZONE = { timeZone: 'America/Sao_Paulo', zoneSource: 'waba' as const };

/** Every fetchAll round takes `ms` of (virtual) time, as a slow Meta would. */
function slowRounds(ms: number, options: Parameters<typeof harness>[0] = {}): Harness {
  const h: Harness = harness(
    { seed: 42, ...options },
    {
      // Called only once h exists: the first fetchAll happens after harness() returns.
      wrap: (port): HttpPort => ({
        fetchAll(requests) {
          const responses = port.fetchAll(requests);
          h.clock.current += ms;
          return responses;
        },
      }),
    },
  );
  return h;
}

describe('the deadline counts the time Meta takes to answer', () => {
  test('paging: no round is started when the rounds so far show it would end past the deadline', () => {
    const h = slowRounds(8_000, { pageSize: 10 });
    const started = h.clock.now();
    const e = thrown(() =>
      h.client.fetchAnalytics(
        { fromDay: 20250801, toDay: 20250803, zone: ZONE },
        { deadlineAt: started + CUSTOM_FUNCTION_BUDGET_MS },
      ),
    );
    expect(e).toBeInstanceOf(MetaTransportError);
    // Rounds end at 8 s and 16 s; a third would end at 24 s, past the 20 s deadline, so it is not sent.
    expect(h.batches).toHaveLength(2);
    expect(h.clock.now() - started).toBeLessThanOrEqual(CUSTOM_FUNCTION_BUDGET_MS);
  });

  test('backoff: a wait is not started when the wait plus one more round would end past the deadline', () => {
    const h = slowRounds(4_000);
    addFault(h.state, { kind: 'throttle80008', times: 'always' });
    const started = h.clock.now();
    const e = thrown(() =>
      h.client.fetchAnalytics(
        { fromDay: 20250801, toDay: 20250801, zone: ZONE },
        { deadlineAt: started + CUSTOM_FUNCTION_BUDGET_MS },
      ),
    );
    expect(e).toBeInstanceOf(MetaRateLimitError);
    expect(e.message).toBe('Meta rate limit reached — try again in 1 minute');
    // 4 s round, 0.75 s wait, 4 s round, 1.5 s wait, 4 s round (ends at 14.25 s); 3 s wait + 4 s round → 21.25 s.
    expect(h.clock.sleeps).toEqual([750, 1500]);
    expect(h.batches).toHaveLength(3);
    expect(h.clock.now() - started).toBeLessThanOrEqual(CUSTOM_FUNCTION_BUDGET_MS);
  });

  test('a fast Meta is not affected: the whole range arrives', () => {
    const h = slowRounds(300, { pageSize: 10 });
    const result = h.client.fetchAnalytics(
      { fromDay: 20250801, toDay: 20250803, zone: ZONE },
      { deadlineAt: h.clock.now() + CUSTOM_FUNCTION_BUDGET_MS },
    );
    expect(h.batches.length).toBeGreaterThan(2);
    expect(result.rows.length).toBeGreaterThan(20);
  });
});
