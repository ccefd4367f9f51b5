/**
 * Shared set-up for the META_* bundle tests: the built add-on in the offline runtime, talking real loopback HTTP
 * to the fake Graph server in a child process (the runtime's UrlFetch blocks this thread).
 */
import {
  startFakeGraphServerProcess,
  type FakeGraphOptions,
  type FakeGraphServer,
} from '../../dev/fake-graph';
export { thrown } from '../meta/helpers';
import { createDataset } from '../../dev/fake-graph/generator';
import { manualClock, type AppsScriptRuntime, type ManualClock } from '../../dev/runtime';
import { loadBundle } from '../../dev/runtime/testing/bundle';

export const TOKEN = 'EAAG-bundle-secret-Tk7Q9wXy';
export const SEED = 42;
export const DATASET = createDataset({ seed: SEED });
export const WABA_ID = DATASET.waba.id;
/** 2025-11-15 12:00 in São Paulo (the WABA zone): October 2025 is a closed month, November the open one. */
export const NOW = Date.UTC(2025, 10, 15, 15);

/**
 * One fake Graph server (child process) for the test file, with faults and cost settings reset after each test.
 * Returns a getter: the server exists only once beforeAll has run.
 */
export function useGraph(): () => FakeGraphServer {
  let graph: FakeGraphServer | undefined;
  beforeAll(async () => {
    graph = await startFakeGraphServerProcess({ token: TOKEN, seed: SEED });
  });
  afterEach(async () => {
    await graph?.clearFaults();
    await graph?.configure({ costAvailable: true });
  });
  afterAll(async () => {
    await graph?.close();
  });
  return () => {
    if (!graph) throw new Error('the fake Graph server is not running');
    return graph;
  };
}

export interface MetaRuntime {
  rt: AppsScriptRuntime;
  clock: ManualClock;
  /** Change who is at the keyboard (Session.getActiveUser) between calls. */
  user: { email: string; locale: string };
}

export function metaRuntime(
  options: {
    fetchTimeoutMs?: number;
    fetchLatencyMs?: number;
    locale?: string;
    email?: string;
    timeZone?: string;
  } = {},
): MetaRuntime {
  const clock = manualClock(NOW);
  const user = { email: options.email ?? 'ana@example.com', locale: 'en' };
  const rt = loadBundle({
    clock,
    user,
    fetchTimeoutMs: options.fetchTimeoutMs,
    fetchLatencyMs: options.fetchLatencyMs,
    spreadsheet: { timeZone: options.timeZone ?? 'America/Bogota', locale: options.locale ?? 'en_US' },
  });
  return { rt, clock, user };
}

export function connect(
  rt: AppsScriptRuntime,
  graph: FakeGraphServer,
  token = TOKEN,
  wabaId = WABA_ID,
): unknown {
  return rt.runFromSidebar('saveConnection', { wabaId, token, graphBaseUrl: graph.url });
}

/** Runs `fn` against a second fake Graph server with its own options, closed afterwards. */
export async function withOtherGraph(
  options: FakeGraphOptions,
  fn: (other: FakeGraphServer) => void,
): Promise<void> {
  const other = await startFakeGraphServerProcess(options);
  try {
    fn(other);
  } finally {
    await other.close();
  }
}

/** A connected runtime (as ana@example.com, the admin). */
export function connectedRuntime(
  graph: FakeGraphServer,
  options: Parameters<typeof metaRuntime>[0] = {},
): MetaRuntime {
  const m = metaRuntime(options);
  connect(m.rt, graph);
  m.rt.resetCounters();
  return m;
}

export function fetches(rt: AppsScriptRuntime): number {
  return rt.counters['UrlFetchApp.requests'] ?? 0;
}
