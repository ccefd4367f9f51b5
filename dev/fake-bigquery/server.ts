/**
 * The fake BigQuery router (router.ts) behind a real HTTP listener on 127.0.0.1 (random port), as the fake Graph
 * server is (dev/fake-graph/server.ts): startFakeBigQueryServer runs it in THIS process (async callers only);
 * startFakeBigQueryServerProcess runs dev/fake-bigquery/cli.ts in a child process, for the offline Apps Script
 * runtime, whose synchronous UrlFetch blocks this thread. Point the add-on's BigQuery base URL at `url`
 * (paths as Google's: /bigquery/v2/…, /upload/bigquery/v2/…).
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { flatHeaders, listen, stopChild, waitForListening } from '../loopback-server';
import { readBody } from '../read-body';
import { SqlEngine } from './engine';
import {
  createFakeBigQueryState,
  type FakeBigQueryOptions,
  type FakeBigQueryState,
  type FaultSpec,
  handleBigQueryRequest,
  type LoggedRequest,
} from './router';

export interface FakeBigQueryConfig {
  runningPolls?: number;
  runningQueryIncludes?: string | null;
  pageSize?: number;
  scopeGranted?: boolean;
  deniedDatasets?: string[];
}

export interface FakeBigQueryServer {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  close(): Promise<void>;
  createDataset(projectId: string, datasetId: string): Promise<void>;
  setFault(fault: FaultSpec | FaultSpec[]): Promise<void>;
  clearFaults(): Promise<void>;
  configure(config: FakeBigQueryConfig): Promise<void>;
  requests(): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
}

export interface InProcessFakeBigQueryServer extends FakeBigQueryServer {
  state: FakeBigQueryState;
}

export const LISTENING_PREFIX = 'FAKE_BIGQUERY_LISTENING ';

export async function startFakeBigQueryServer(
  options: FakeBigQueryOptions & { port?: number } = {},
): Promise<InProcessFakeBigQueryServer> {
  const state = createFakeBigQueryState(await SqlEngine.open(), options);
  const server = createServer((req, res) => {
    readBody(req)
      .then((body) =>
        handleBigQueryRequest(
          { method: req.method ?? 'GET', url: req.url ?? '/', headers: flatHeaders(req), body },
          state,
        ),
      )
      .then(
        (out) => {
          if (req.url?.startsWith('/__fake/')) res.setHeader('connection', 'close');
          res.writeHead(out.status, out.headers);
          res.end(out.body);
        },
        (e: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`fake BigQuery crashed: ${(e as Error).stack ?? e}`);
        },
      );
  });
  await listen(server, options.port ?? 0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, state, ...controls(url), close: () => closeServer(server, state) };
}

/** The control endpoints, over HTTP (so synchronous callers and other processes can use them too). */
function controls(url: string): Omit<FakeBigQueryServer, 'url' | 'close'> {
  const control = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${url}${p}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`fake BigQuery control ${method} ${p} failed: HTTP ${res.status}`);
    return res.json() as Promise<unknown>;
  };
  return {
    createDataset: async (projectId, datasetId) =>
      void (await control('POST', '/__fake/datasets', { projectId, datasetId })),
    setFault: async (fault) => void (await control('POST', '/__fake/faults', fault)),
    clearFaults: async () => void (await control('DELETE', '/__fake/faults')),
    configure: async (config) => void (await control('POST', '/__fake/config', config)),
    requests: async () => (await control('GET', '/__fake/requests')) as LoggedRequest[],
    clearRequests: async () => void (await control('DELETE', '/__fake/requests')),
  };
}

/** Starts dev/fake-bigquery/cli.ts as a child process and resolves once it listens (cwd: the repository root). */
export async function startFakeBigQueryServerProcess(
  options: FakeBigQueryOptions & { cwd?: string; startTimeoutMs?: number } = {},
): Promise<FakeBigQueryServer> {
  const { cwd = process.cwd(), startTimeoutMs = 20_000, ...bigQueryOptions } = options;
  const cli = path.join(cwd, 'dev', 'fake-bigquery', 'cli.ts');
  // stdin stays open as a lifeline: the child exits when this process goes away.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', cli, '--exit-with-parent', '--config', JSON.stringify(bigQueryOptions)],
    { cwd, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const url = await waitForListening(child, LISTENING_PREFIX, startTimeoutMs, 'fake BigQuery');
  return { url, ...controls(url), close: () => stopChild(child) };
}

function closeServer(server: Server, state: FakeBigQueryState): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => {
      state.engine.close();
      resolve();
    });
  });
}
