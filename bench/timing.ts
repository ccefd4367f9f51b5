/** Shared by the benchmarks: medians of timed runs, sizes in MB, and seeded pseudo-random numbers. */
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

/** Deterministic pseudo-random numbers (mulberry32), so every run benchmarks the same data. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
