/**
 * An HttpPort that hands requests straight to the fake router: the real fake Graph server minus the socket.
 * A response held back longer than `timeoutMs` ('slow' fault) is thrown as a transport timeout, like UrlFetch.
 */

import type { HttpPort } from '../../src/meta/ports';
import { type FakeGraphState, handleGraphRequest } from './router';

export const IN_PROCESS_ORIGIN = 'http://fake-graph.test';

export function inProcessGraphPort(state: FakeGraphState, options: { timeoutMs?: number } = {}): HttpPort {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return {
    fetchAll(requests) {
      const responses = requests.map((r) => {
        if (!r.url.startsWith(`${IN_PROCESS_ORIGIN}/`)) throw new Error(`Address unavailable: ${r.url}`);
        const headers: Record<string, string> = { host: IN_PROCESS_ORIGIN.slice('http://'.length) };
        for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = v;
        return handleGraphRequest(
          { method: r.method.toUpperCase(), url: r.url.slice(IN_PROCESS_ORIGIN.length), headers },
          state,
        );
      });
      // UrlFetchApp.fetchAll fails as a whole when any request times out.
      const slow = responses.find((r) => (r.delayMs ?? 0) > timeoutMs);
      if (slow) throw new Error(`Timeout: no response within ${timeoutMs} ms`);
      return responses.map(({ status, headers, body }) => ({ status, headers, body }));
    },
  };
}
