/** Shared by the benchmarks: medians of timed runs, and sizes in MB. */
import { performance } from 'node:perf_hooks';

/** Median wall time in ms of `runs` runs (call after a warm-up, so the JIT has compiled the work). */
export function median(runs: number, work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
