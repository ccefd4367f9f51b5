/**
 * The fake Graph router behind a real HTTP listener on 127.0.0.1 (random port).
 *
 * startFakeGraphServer runs it in THIS process: fine for async callers, but a synchronous client (the offline
 * Apps Script runtime's UrlFetch blocks the Node thread) would deadlock against it. For those, use
 * startFakeGraphServerProcess, which runs dev/fake-graph/cli.ts in a child process; faults and the request log
 * are then reached through the control endpoints (POST /__fake/faults …), which sync callers can also hit.
 */

import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import {
  addFault,
  createFakeGraphState,
  type FakeGraphOptions,
  type FakeGraphState,
  type FaultSpec,
  handleGraphRequest,
  type LoggedRequest,
} from './router';
import { flatHeaders, listen, stopChild, waitForListening } from '../loopback-server';
import { readBody } from '../read-body';

export interface FakeGraphServer {
  /** e.g. http://127.0.0.1:40123 — use as graphBaseUrl. */
  url: string;
  close(): Promise<void>;
  setFault(fault: FaultSpec | FaultSpec[]): Promise<void>;
  clearFaults(): Promise<void>;
  requests(): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
  configure(config: { pageSize?: number | null; costAvailable?: boolean }): Promise<void>;
}

export interface InProcessFakeGraphServer extends FakeGraphServer {
  /** Direct access for in-process tests. */
  state: FakeGraphState;
}

export async function startFakeGraphServer(
  options: FakeGraphOptions & { port?: number } = {},
): Promise<InProcessFakeGraphServer> {
  const state = createFakeGraphState(options);
  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => {
        const out = handleGraphRequest(
          { method: req.method ?? 'GET', url: req.url ?? '/', headers: flatHeaders(req), body },
          state,
        );
        const send = () => {
          // Control calls come from a test thread that may then block for seconds in a synchronous UrlFetch;
          // a kept-alive socket could be closed by this server meanwhile and reused by fetch ("other side closed").
          if (req.url?.startsWith('/__fake/')) res.setHeader('connection', 'close');
          res.writeHead(out.status, out.headers);
          res.end(out.body);
        };
        if (out.delayMs) setTimeout(send, out.delayMs).unref();
        else send();
      },
      () => res.destroy(),
    );
  });
  await listen(server, options.port ?? 0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state,
    close: () => closeServer(server),
    setFault: async (fault) => (Array.isArray(fault) ? fault : [fault]).forEach((f) => addFault(state, f)),
    clearFaults: async () => {
      state.faults = [];
    },
    requests: async () => state.requests.slice(),
    clearRequests: async () => {
      state.requests = [];
    },
    configure: async (c) => {
      if (c.pageSize !== undefined) state.pageSize = c.pageSize;
      if (c.costAvailable !== undefined) state.costAvailable = c.costAvailable;
    },
  };
}

export const LISTENING_PREFIX = 'FAKE_GRAPH_LISTENING ';

/**
 * Starts dev/fake-graph/cli.ts as a child process (node --import tsx) and resolves once it listens.
 * `cwd` must be the repository root (default: process.cwd()).
 */
export async function startFakeGraphServerProcess(
  options: FakeGraphOptions & { cwd?: string; startTimeoutMs?: number } = {},
): Promise<FakeGraphServer> {
  const { cwd = process.cwd(), startTimeoutMs = 20_000, ...graphOptions } = options;
  const cli = path.join(cwd, 'dev', 'fake-graph', 'cli.ts');
  // stdin stays open as a lifeline: the child exits when this process goes away, even on SIGKILL.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', cli, '--exit-with-parent', '--config', JSON.stringify(graphOptions)],
    { cwd, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const url = await waitForListening(child, LISTENING_PREFIX, startTimeoutMs, 'fake graph');
  const control = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${url}${p}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`fake graph control ${method} ${p} failed: HTTP ${res.status}`);
    return res.json() as Promise<unknown>;
  };
  return {
    url,
    close: () => stopChild(child),
    setFault: async (fault) => void (await control('POST', '/__fake/faults', fault)),
    clearFaults: async () => void (await control('DELETE', '/__fake/faults')),
    requests: async () => (await control('GET', '/__fake/requests')) as LoggedRequest[],
    clearRequests: async () => void (await control('DELETE', '/__fake/requests')),
    configure: async (c) => void (await control('POST', '/__fake/config', c)),
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
