import { IN_PROCESS_ORIGIN, inProcessGraphPort } from '../../dev/fake-graph/in-process-port';
import {
  createFakeGraphState,
  type FakeGraphOptions,
  type FakeGraphState,
} from '../../dev/fake-graph/router';
import { createGraphClient, type GraphClient } from '../../src/meta/client';
import type { Clock, HttpPort, HttpRequest } from '../../src/meta/ports';

/** A clock that only moves when the code under test sleeps (or a test advances it). */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public current = Date.UTC(2026, 0, 15, 12)) {}
  now(): number {
    return this.current;
  }
  sleep(ms: number): void {
    this.sleeps.push(ms);
    this.current += ms;
  }
}

export const TOKEN = 'EAAG-secret-token-Zq9xY7wV';

export interface Harness {
  state: FakeGraphState;
  clock: FakeClock;
  client: GraphClient;
  /** Every fetchAll batch the client sent. */
  batches: HttpRequest[][];
}

/** The client wired to the fake Graph router through the in-process port. */
export function harness(
  options: FakeGraphOptions = {},
  extra: { timeoutMs?: number; wabaId?: string; wrap?: (port: HttpPort) => HttpPort } = {},
): Harness {
  const state = createFakeGraphState({ token: TOKEN, ...options });
  const clock = new FakeClock();
  const batches: HttpRequest[][] = [];
  const inner = inProcessGraphPort(state, { timeoutMs: extra.timeoutMs });
  const recording: HttpPort = {
    fetchAll(requests) {
      batches.push(requests);
      return inner.fetchAll(requests);
    },
  };
  const client = createGraphClient(
    { wabaId: extra.wabaId ?? state.dataset.waba.id, token: TOKEN, graphBaseUrl: IN_PROCESS_ORIGIN },
    { http: extra.wrap ? extra.wrap(recording) : recording, clock, random: () => 0.5 },
  );
  return { state, clock, client, batches };
}

/** Runs fn and returns what it threw (fails the test if it did not throw). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error to be thrown');
}
