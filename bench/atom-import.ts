/**
 * Atom import benchmarks (run: npm run bench, after npm run build). Prints, for a 200,000-row Audit export:
 *  (a) parse time (median of 3 after a warm-up) of the CSV and of the XLSX, as the sidebar parses them;
 *  (b) their peak memory, each measured in a child process so nothing else is counted;
 *  (c) the batches the sidebar sends (rows and JSON size per google.script.run call);
 *  (d) the import through the built bundle in the offline runtime: spreadsheet calls and cells read/written
 *      per batch, and each batch's modelled Apps Script execution time against the 6-minute limit.
 *  (e) the spreadsheet's grid after the import, against Sheets' 10 million cells.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SheetModel } from '../dev/runtime';
import { parseAtomExport } from '../src/atom/parse';
import type { ImportAtomRowsResult } from '../src/rpc/contract';
import { csvBytes, ROWS, xlsxBytes } from './atom-export';
import { writeCalls } from '../dev/runtime/testing/write-calls';
import { atomBundle } from './bundle';
import { gridSummary } from './grid';
import { median, mb } from './timing';

const LIMIT_S = 360;
/**
 * Apps Script's costs are not published; these are assumptions, deliberately on the slow side: a round trip
 * to the Sheets backend per spreadsheet call, and a per-cell cost for the values moved. The script's own
 * computation is the runtime's measured CPU time (which also pays for the emulation, so it over-counts).
 */
const MODEL = { msPerCall: 80, usPerCellWritten: 15, usPerCellRead: 4 };

/** Child mode: reads a file, then parses it once, reporting the memory the parse needed beyond the file's bytes. */
function measurePeakMemory(path: string): void {
  const bytes = new Uint8Array(readFileSync(path));
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const result = parseAtomExport(bytes, path);
  const after = process.memoryUsage();
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    JSON.stringify({
      rows: result.rows.length,
      rssPeakGrowth: peak - Math.max(before.rss, peakBefore),
      heapGrowth: after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers),
    }),
  );
}

/** CPU time of one run (the machine may be shared: wall time alone would measure the neighbours too). */
function cpuMs(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function parseBench(): ReturnType<typeof parseAtomExport> {
  let parsed: ReturnType<typeof parseAtomExport> | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'atom-bench-'));
  try {
    for (const format of ['csv', 'xlsx'] as const) {
      const bytes = format === 'csv' ? csvBytes() : xlsxBytes();
      const path = join(dir, `auditoria.${format}`);
      writeFileSync(path, bytes);
      const result = parseAtomExport(bytes, path); // warm-up
      if (result.rows.length !== ROWS || result.rejected.length > 0) {
        throw new Error(`${format}: ${result.rows.length} rows, ${result.rejected.length} rejected`);
      }
      const ms = median(3, () => parseAtomExport(bytes, path));
      const cpu = cpuMs(() => parseAtomExport(bytes, path));
      console.log(
        `(a) parse ${ROWS.toLocaleString('en')}-row ${format.toUpperCase()} (${mb(bytes.length)} MB): ${ms.toFixed(0)} ms wall (median of 3), ${cpu.toFixed(0)} ms CPU`,
      );
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, '--expose-gc', process.argv[1], '--peak-memory', path],
        {
          encoding: 'utf8',
        },
      );
      if (child.status !== 0)
        console.log(`(b) peak memory ${format}: not measured (${child.stderr.trim().split('\n')[0]})`);
      else {
        const m = JSON.parse(child.stdout) as { rssPeakGrowth: number; heapGrowth: number };
        console.log(
          `(b) peak memory of the ${format.toUpperCase()} parse beyond the file: ${mb(m.rssPeakGrowth)} MB RSS; heap + buffers after (the rows): +${mb(m.heapGrowth)} MB`,
        );
      }
      if (format === 'csv') parsed = result;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return parsed!;
}

interface Tally {
  cellsWritten: number;
  cellsRead: number;
}

/** Counts cells moved by setValues/getValues in the emulated spreadsheet (the runtime counts calls only). */
function countCells(): Tally {
  const tally = { cellsWritten: 0, cellsRead: 0 };
  const proto = SheetModel.prototype as unknown as {
    enter: (...a: unknown[]) => void;
    read: (box: { numRows: number; numColumns: number }, pick: unknown) => unknown;
  };
  const enter = proto.enter;
  const read = proto.read;
  proto.enter = function (this: unknown, ...a: unknown[]) {
    tally.cellsWritten++;
    return enter.apply(this, a);
  };
  proto.read = function (this: unknown, box, pick) {
    tally.cellsRead += box.numRows * box.numColumns;
    return read.call(this, box, pick);
  };
  return tally;
}

function importBench(parsed: ReturnType<typeof parseAtomExport>): void {
  const tally = countCells();
  const { rt, setup, batches } = atomBundle(parsed.rows);
  const sizes = batches.map((b) => JSON.stringify(b).length);
  console.log(
    `(c) ${batches.length} batches of up to ${setup.batchRows.toLocaleString('en')} rows; JSON per call ${mb(Math.min(...sizes))}–${mb(Math.max(...sizes))} MB`,
  );
  let worst = { s: 0, index: 0, calls: 0 };
  const perBatch: { calls: number; writes: number; s: number }[] = [];
  batches.forEach((rows, index) => {
    rt.resetCounters();
    tally.cellsWritten = 0;
    tally.cellsRead = 0;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = rt.runFromSidebar('importAtomRows', {
      kind: parsed.kind,
      fileName: 'auditoria.csv',
      mapping: parsed.mapping,
      rows,
      batch: { index, count: batches.length },
    }) as ImportAtomRowsResult;
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    const runtimeCpuMs = (used.user + used.system) / 1000;
    const calls = Object.entries(rt.counters)
      .filter(([k]) => /^(Range|Sheet|Spreadsheet|SpreadsheetApp)\./.test(k))
      .reduce((n, [, v]) => n + v, 0);
    const writes = writeCalls(rt.counters);
    const s =
      wallMs / 1000 +
      (calls * MODEL.msPerCall) / 1000 +
      (tally.cellsWritten * MODEL.usPerCellWritten + tally.cellsRead * MODEL.usPerCellRead) / 1e6;
    perBatch.push({ calls, writes, s });
    if (s > worst.s) worst = { s, index, calls };
    if (index === 0 || result.committed) {
      console.log(
        `(d) batch ${index + 1}/${batches.length}${result.committed ? ' (commit)' : ''}: ${calls} spreadsheet calls (${writes} writes), ` +
          `${tally.cellsRead.toLocaleString('en')} cells read, ${tally.cellsWritten.toLocaleString('en')} written; runtime ${wallMs.toFixed(0)} ms wall, ${runtimeCpuMs.toFixed(0)} ms CPU; modelled ${s.toFixed(1)} s of ${LIMIT_S} s`,
      );
    }
  });
  const staging = perBatch.slice(0, -1);
  if (staging.length > 0) {
    const maxCalls = Math.max(...staging.map((b) => b.calls));
    const maxWrites = Math.max(...staging.map((b) => b.writes));
    console.log(
      `(d) staging batches: at most ${maxCalls} spreadsheet calls (${maxWrites} writes), at most ${Math.max(...staging.map((b) => b.s)).toFixed(1)} s modelled`,
    );
  }
  console.log(
    `(d) slowest batch: ${worst.index + 1} at ${worst.s.toFixed(1)} s modelled (model: ${MODEL.msPerCall} ms per call, ${MODEL.usPerCellWritten} µs per cell written, ${MODEL.usPerCellRead} µs per cell read): ${worst.s < LIMIT_S ? 'within' : 'OVER'} the ${LIMIT_S / 60}-minute limit`,
  );
  console.log(
    `(e) grid after the import (Sheets counts every cell of every sheet): ${gridSummary(rt.spreadsheet)}`,
  );
}

const peakArg = process.argv.indexOf('--peak-memory');
if (peakArg >= 0) measurePeakMemory(process.argv[peakArg + 1]);
else importBench(parseBench());
