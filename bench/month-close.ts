/**
 * Month-close import benchmark (run: npm run bench). Imports months of 2025 with about 1,000 and about 100,000 Meta
 * rows a month (1 and 78 lines on the fake Graph server; 78 lines still fit the connection's 9 KB document property)
 * in the offline Apps Script runtime, each size in its own child process so its peak memory is its own. Five
 * imports in turn, each measured: the first import in a new document (closed October: every sheet made), the
 * re-import of that month, the first import of another month in that document (closed September, whose rows go
 * before October's), of the open month (November, after them), and of November again a day later (the daily
 * refresh: its block grows at the end of the sheet). For each it prints the spreadsheet write
 * calls by method (target ≤ 12, the same for both sizes), fetches and how many went through fetchAll, the
 * runtime's modelled execution time against Apps Script's 6-minute limit, wall time and peak memory, the grid
 * after it (cells against Sheets' 10 million), and how many months of that size fit.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { startFakeGraphServerProcess } from '../dev/fake-graph';
import { manualClock } from '../dev/runtime';
import type { MonthCloseResult } from '../src/rpc/contract';
import { loadBundle } from '../dev/runtime/testing/bundle';
import { writeCalls, writeCallsByMethod } from '../dev/runtime/testing/write-calls';
import { gridSummary, MAX_CELLS } from './grid';

const SIZES = [{ lines: 1 }, { lines: 78 }];
const TOKEN = 'BENCH-TOKEN-0001';
/** 2025-11-15 12:00 in São Paulo (the fake WABA's zone): October is closed. */
const NOW = Date.UTC(2025, 10, 15, 15);
const LIMIT_MS = 6 * 60_000;
const TARGET_WRITES = 12;
/** Structure calls: new sheets (trimmed to their columns), the frozen header, named ranges, charts (once per document or per month). */
const ONE_TIME =
  /^(Spreadsheet\.insertSheet|Sheet\.deleteColumns|Sheet\.setFrozenRows|Spreadsheet\.setNamedRange|NamedRange\.setRange|Sheet\.(insert|remove)Chart)$/;

interface Run {
  rows: number;
  writes: number;
  writeDetail: Record<string, number>;
  fetchAllCalls: number;
  fetchCalls: number;
  requests: number;
  modelledMs: number;
  wallMs: number;
  /** The spreadsheet's grid after the import, as Sheets counts it (every sheet's max rows × max columns). */
  cells: number;
  grid: string;
}

const CASES = [
  { key: 'first', month: '2025-10', label: 'first import in a new document' },
  { key: 'again', month: '2025-10', label: 're-import of that month' },
  { key: 'before', month: '2025-09', label: 'first import of an earlier month (rows inserted before)' },
  { key: 'after', month: '2025-11', label: 'first import of the open month (rows after)' },
  { key: 'nextDay', month: '2025-11', label: 'the open month again a day later (its rows grow)' },
] as const;
const DAY_MS = 86_400_000;

interface Measurement {
  lines: number;
  runs: Record<(typeof CASES)[number]['key'], Run>;
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
    const run = (month: string): Run => {
      rt.resetCounters();
      const startClock = clock.now();
      const start = performance.now();
      const result = rt.runFromSidebar('runMonthClose', { month }) as MonthCloseResult;
      const wallMs = performance.now() - start;
      const writeDetail = writeCallsByMethod(rt.counters);
      return {
        rows: result.rowsWritten,
        writes: writeCalls(rt.counters),
        writeDetail,
        fetchAllCalls: rt.counters['UrlFetchApp.fetchAll'] ?? 0,
        fetchCalls: rt.counters['UrlFetchApp.fetch'] ?? 0,
        requests: rt.counters['UrlFetchApp.requests'] ?? 0,
        modelledMs: clock.now() - startClock,
        wallMs,
        cells: rt.spreadsheet.cellCount(),
        grid: gridSummary(rt.spreadsheet),
      };
    };
    const runs = Object.fromEntries(
      CASES.map((c) => {
        if (c.key === 'nextDay') clock.advance(DAY_MS);
        return [c.key, run(c.month)];
      }),
    ) as Measurement['runs'];
    return { lines, runs, peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1024 / 1024 };
  } finally {
    await graph.close();
  }
}

function report(m: Measurement): void {
  const size = `${m.runs.first.rows.toLocaleString('en')} Meta rows a month (${m.lines} line${m.lines === 1 ? '' : 's'})`;
  for (const { key, month, label } of CASES) {
    const r = m.runs[key];
    const detail = Object.entries(r.writeDetail)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    const structure = Object.entries(r.writeDetail)
      .filter(([k]) => ONE_TIME.test(k))
      .reduce((n, [, v]) => n + v, 0);
    console.log(
      `month close, ${size}, ${month} ${label} (${r.rows.toLocaleString('en')} rows): ${r.writes} spreadsheet ` +
        `write calls (target <= ${TARGET_WRITES}: ${r.writes <= TARGET_WRITES ? 'target met' : 'TARGET MISSED'}); ` +
        `${r.writes - structure} write cells or rows, ${structure} make sheets, frozen rows, named ranges or charts ` +
        `[${detail}]`,
    );
    console.log(
      `  fetches: ${r.requests} HTTP request(s), ${r.fetchAllCalls} UrlFetchApp.fetchAll call(s), ` +
        `${r.fetchCalls} UrlFetchApp.fetch; modelled execution time ${(r.modelledMs / 1000).toFixed(1)} s of ` +
        `${LIMIT_MS / 60_000} min (${((100 * r.modelledMs) / LIMIT_MS).toFixed(1)} %); wall ${(r.wallMs / 1000).toFixed(1)} s`,
    );
    console.log(`  grid after it: ${r.grid}`);
  }
  // A month's own cells: what the earlier month's first import added (its Meta rows, ledger row, Billing sheet).
  const perMonth = m.runs.before.cells - m.runs.again.cells;
  const fixed = m.runs.first.cells - perMonth;
  console.log(
    `  cells per month of this size: ${perMonth.toLocaleString('en')}; months that fit in ${MAX_CELLS.toLocaleString('en')} cells: ` +
      `${Math.floor((MAX_CELLS - fixed) / perMonth)}`,
  );
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
    const same = CASES.every(({ key }) => results[0].runs[key].writes === results[1].runs[key].writes);
    console.log(`month close: write calls the same for both sizes: ${same ? 'yes' : 'NO'}`);
  }
}

const at = process.argv.indexOf('--lines');
if (at >= 0) void child(Number(process.argv[at + 1]));
else main();
