/**
 * Time source of the offline runtime. Everything in the emulated Apps Script world that reads "now"
 * (the vm's Date, Date.now, cache expiry, Utilities.sleep, lock waits) goes through one Clock so tests
 * can control time without real waiting.
 */
export interface Clock {
  now(): number;
  /** Block the (synchronous) script for `ms` milliseconds. */
  sleep(ms: number): void;
  /**
   * Account for `ms` of modelled work (a service call, a fetch's answer time). Real time passes by itself,
   * so only a manual clock moves.
   */
  passTime(ms: number): void;
}

/** The wall clock; sleep really blocks the thread (Apps Script has no event loop either). */
export const realClock: Clock = {
  now: () => Date.now(),
  sleep(ms: number): void {
    if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  },
  passTime(): void {},
};

export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(epochMs: number): void;
}

/** A clock that only moves when told to (or when the script sleeps), for deterministic tests. */
export function manualClock(startEpochMs: number): ManualClock {
  let t = startEpochMs;
  return {
    now: () => t,
    sleep(ms: number): void {
      t += Math.max(0, ms);
    },
    passTime(ms: number): void {
      t += Math.max(0, ms);
    },
    advance(ms: number): void {
      t += ms;
    },
    set(epochMs: number): void {
      t = epochMs;
    },
  };
}
