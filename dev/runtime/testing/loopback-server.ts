/**
 * A scripted HTTP server on 127.0.0.1 for tests of code that uses UrlFetchApp. It runs in a worker thread:
 * the runtime's fetch is synchronous and blocks the test's thread (as Apps Script blocks), so a server on
 * that same thread could never answer.
 */
import { Worker } from 'node:worker_threads';

export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string | string[]>;
  /** A string is sent as is; anything else as JSON (with Content-Type application/json). */
  body?: unknown;
  /** Wait this long (real ms) before answering, e.g. to exceed a fetch deadline. */
  delayMs?: number;
  /** Answer with the request itself as JSON: { method, path, headers, body }. */
  echo?: boolean;
}

/** Keys are "METHOD /path" or "/path" (any method); the path excludes the query string. */
export type Routes = Record<string, ScriptedResponse>;

export interface ReceivedRequest {
  method: string;
  /** Path with query string. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Requests being handled when this one arrived, itself included (shows parallel clients). */
  inFlight: number;
}

export interface LoopbackServer {
  /** Base URL without trailing slash, e.g. "http://127.0.0.1:40123". */
  readonly url: string;
  readonly port: number;
  setRoutes(routes: Routes): Promise<void>;
  /** Requests received so far, oldest first. */
  requests(): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

const WORKER = String.raw`
const http = require('http');
const { parentPort, workerData } = require('worker_threads');
let routes = workerData.routes;
const received = [];
let active = 0;
const server = http.createServer((req, res) => {
  const inFlight = ++active;
  res.on('close', () => active--);
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const record = { method: req.method, url: req.url, headers: req.headers, body, inFlight };
    received.push(record);
    const path = req.url.split('?')[0];
    const r = routes[req.method + ' ' + path] || routes[path];
    const send = () => {
      if (!r) { res.writeHead(404, { 'Content-Type': 'text/plain' }); return res.end('Not Found'); }
      const payload = r.echo ? record : r.body;
      const isText = typeof payload === 'string' || payload === undefined;
      const headers = Object.assign(isText ? {} : { 'Content-Type': 'application/json' }, r.headers || {});
      res.writeHead(r.status || 200, headers);
      res.end(isText ? (payload || '') : JSON.stringify(payload));
    };
    if (r && r.delayMs) setTimeout(send, r.delayMs); else send();
  });
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ type: 'listening', port: server.address().port }));
parentPort.on('message', (m) => {
  if (m.type === 'routes') { routes = m.routes; parentPort.postMessage({ type: 'ok', id: m.id }); }
  if (m.type === 'requests') parentPort.postMessage({ type: 'ok', id: m.id, requests: received });
  if (m.type === 'close') server.close(() => parentPort.postMessage({ type: 'ok', id: m.id }));
});
`;

interface Reply {
  type: string;
  id?: number;
  port?: number;
  requests?: ReceivedRequest[];
}

export async function startLoopbackServer(routes: Routes = {}): Promise<LoopbackServer> {
  const worker = new Worker(WORKER, { eval: true, workerData: { routes } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (m: Reply) => {
      if (m.type === 'listening' && m.port) resolve(m.port);
    });
  });
  let nextId = 1;
  const ask = (message: Record<string, unknown>): Promise<Reply> =>
    new Promise((resolve) => {
      const id = nextId++;
      const onMessage = (m: Reply): void => {
        if (m.type === 'ok' && m.id === id) {
          worker.off('message', onMessage);
          resolve(m);
        }
      };
      worker.on('message', onMessage);
      worker.postMessage({ ...message, id });
    });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setRoutes: async (next) => {
      await ask({ type: 'routes', routes: next });
    },
    requests: async () => (await ask({ type: 'requests' })).requests ?? [],
    close: async () => {
      await ask({ type: 'close' });
      await worker.terminate();
    },
  };
}
