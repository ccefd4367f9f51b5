/**
 * Test-only synchronous HttpPort over real HTTP: runs the batch in a short-lived node child with execFileSync,
 * so the calling thread blocks like UrlFetchApp.fetchAll does (the fake server must live in another process).
 */
import { execFileSync } from 'node:child_process';
import type { HttpPort, HttpResponse } from '../../src/meta/ports';

const SCRIPT = `
const http = require('node:http');
const { requests, timeoutMs } = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
Promise.all(requests.map((r) => new Promise((resolve) => {
  const headers = r.contentType ? { ...r.headers, 'Content-Type': r.contentType } : r.headers;
  const req = http.request(r.url, { method: r.method.toUpperCase(), headers, timeout: timeoutMs }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    res.on('error', (e) => resolve({ error: e.message }));
  });
  req.on('timeout', () => { req.destroy(new Error('Timeout: no response within ' + timeoutMs + ' ms')); });
  req.on('error', (e) => resolve({ error: e.message }));
  req.end(r.payload);
}))).then((out) => process.stdout.write(JSON.stringify(out)));
`;

export function syncHttpPort(options: { timeoutMs?: number } = {}): HttpPort {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    fetchAll(requests) {
      const out = execFileSync(process.execPath, ['-e', SCRIPT], {
        input: JSON.stringify({ requests, timeoutMs }),
        encoding: 'utf8',
        timeout: timeoutMs + 10_000,
      });
      const results = JSON.parse(out) as (HttpResponse | { error: string })[];
      const failed = results.find((r): r is { error: string } => 'error' in r);
      if (failed) throw new Error(failed.error);
      return results as HttpResponse[];
    },
  };
}
