/**
 * Month-close import benchmark (run: npm run bench). Imports the closed month October 2025 with about 1,000 and about
 * 100,000 Meta rows (1 and 78 lines on the fake Graph server; 78 lines still fit the connection's 9 KB document
 * property) in the offline Apps Script runtime,
 * each size in its own child process so its peak memory is its own. For the first import (new sheets) and a
 * re-import it prints: spreadsheet write calls (target ≤ 12, the same for both sizes), fetches and how many
 * went through fetchAll, the runtime's modelled execution time against Apps Script's 6-minute limit, wall time and
 * peak memory.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { startFakeGraphServerProcess } from '../dev/fake-graph';
import { manualClock } from '../dev/runtime';
import type { MonthCloseResult } from '../src/rpc/contract';
import { loadBundle } from '../test/support/bundle';
import { writeCalls } from '../test/support/write-calls';

const SIZES = [{ lines: 1 }, { lines: 78 }];
const TOKEN = 'BENCH-TOKEN-0001';
/** 2025-11-15 12:00 in São Paulo (the fake WABA's zone): October is closed. */
const NOW = Date.UTC(2025, 10, 15, 15);
const LIMIT_MS = 6 * 60_000;
const TARGET_WRITES = 12;

interface Run {
  rows: number;
  writes: number;
  writeDetail: Record<string, number>;
  fetchAllCalls: number;
  fetchCalls: number;
  requests: number;
  modelledMs: number;
  wallMs: number;
}

interface Measurement {
  lines: number;
  first: Run;
  again: Run;
  peakRssMb: number;
}

async function measure(lines: number): Promise<Measurement> {
  const graph = await startFakeGraphServerProcess({ token: TOKEN, seed: 42, lineCount: lines });
  try {
    const clock = manualClock(NOW);
    const rt = loadBundle({
      clock,
      user: { email: 'ana@example.com', locale: 'en' },
      spreadsheet: { timeZone: 'America/Bogota', locale: 'en_US' },
    });
    rt.runFromSidebar('saveConnection', { wabaId: '102290129340398', token: TOKEN, graphBaseUrl: graph.url });
    const run = (): Run => {
      rt.resetCounters();
      const startClock = clock.now();
      const start = performance.now();
      const result = rt.runFromSidebar('runMonthClose', { month: '2025-10' }) as MonthCloseResult;
      const wallMs = performance.now() - start;
      const writeDetail = Object.fromEntries(
        Object.entries(rt.counters).filter(([k]) => writeCalls({ [k]: 1 }) === 1),
      );
      return {
        rows: result.rowsWritten,
        writes: writeCalls(rt.counters),
        writeDetail,
        fetchAllCalls: rt.counters['UrlFetchApp.fetchAll'] ?? 0,
        fetchCalls: rt.counters['UrlFetchApp.fetch'] ?? 0,
        requests: rt.counters['UrlFetchApp.requests'] ?? 0,
        modelledMs: clock.now() - startClock,
        wallMs,
      };
    };
    const first = run();
    const again = run();
    return { lines, first, again, peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1024 / 1024 };
  } finally {
    await graph.close();
  }
}

function report(m: Measurement): void {
  const size = `${m.first.rows.toLocaleString('en')} Meta rows (${m.lines} line${m.lines === 1 ? '' : 's'})`;
  for (const [label, r] of [
    ['first import (new sheets)', m.first],
    ['re-import', m.again],
  ] as const) {
    const detail = Object.entries(r.writeDetail)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `month close, ${size}, ${label}: ${r.writes} spreadsheet write calls (target <= ${TARGET_WRITES}: ` +
        `${r.writes <= TARGET_WRITES ? 'target met' : 'TARGET MISSED'}) [${detail}]`,
    );
    console.log(
      `  fetches: ${r.requests} HTTP request(s), ${r.fetchAllCalls} UrlFetchApp.fetchAll call(s), ` +
        `${r.fetchCalls} UrlFetchApp.fetch; modelled execution time ${(r.modelledMs / 1000).toFixed(1)} s of ` +
        `${LIMIT_MS / 60_000} min (${((100 * r.modelledMs) / LIMIT_MS).toFixed(1)} %); wall ${(r.wallMs / 1000).toFixed(1)} s`,
    );
  }
  console.log(`  peak memory (this size's process): ${m.peakRssMb.toFixed(0)} MB RSS`);
}

async function child(lines: number): Promise<void> {
  process.stdout.write(`${JSON.stringify(await measure(lines))}\n`);
}

function main(): void {
  const results: Measurement[] = [];
  for (const { lines } of SIZES) {
    const out = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1], '--lines', String(lines)],
      {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    if (out.status !== 0) {
      console.log(
        `month close with ${lines} line(s): not measured (${out.stderr.trim().split('\n').slice(-3).join(' ')})`,
      );
      continue;
    }
    const m = JSON.parse(out.stdout.trim().split('\n').pop()!) as Measurement;
    results.push(m);
    report(m);
  }
  if (results.length === 2) {
    const same =
      results[0].first.writes === results[1].first.writes &&
      results[0].again.writes === results[1].again.writes;
    console.log(`month close: write calls the same for both sizes: ${same ? 'yes' : 'NO'}`);
  }
}

const at = process.argv.indexOf('--lines');
if (at >= 0) void child(Number(process.argv[at + 1]));
else main();
