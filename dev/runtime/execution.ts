/**
 * What one Apps Script execution may spend: its time limit, and the manifest it runs under.
 *
 * Limits (https://developers.google.com/apps-script/guides/services/quotas#current_limitations): script runtime
 * 6 min per execution; custom functions 30 s; simple triggers (onOpen, onInstall) 30 s
 * (https://developers.google.com/apps-script/guides/triggers#restrictions). Past the limit Apps Script stops
 * the script: nothing it does afterwards counts, and it cannot catch the stop. A custom function's cell shows
 * "Exceeded maximum execution time (line 0)." (https://developers.google.com/apps-script/guides/sheets/functions#optimization).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Clock } from './clock';
import { AppsScriptException } from './exception';

export const CUSTOM_FUNCTION_LIMIT_MS = 30_000;
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
export const EXECUTION_LIMIT_MS = 6 * 60_000;

/**
 * Sleeps and lock waits pass in steps of this much, each a wait point where other executions run (Google does not
 * say how often a waiting lock is looked at again).
 */
export const WAIT_STEP_MS = 100;

export type ExecutionKind = 'custom-function' | 'simple-trigger' | 'script';

const LIMITS: Record<ExecutionKind, number> = {
  'custom-function': CUSTOM_FUNCTION_LIMIT_MS,
  'simple-trigger': SIMPLE_TRIGGER_LIMIT_MS,
  script: EXECUTION_LIMIT_MS,
};

/** Time the executions spent, by cause (cumulative over the runtime's life), for tests to tell waits apart. */
export interface TimeSpent {
  /** Utilities.sleep and lock waits. */
  sleptMs: number;
  /** UrlFetch rounds: modelled latency plus real answer time. */
  fetchMs: number;
  /** Modelled cost of service calls. */
  callMs: number;
}

/** Thrown when an execution ran past its limit. */
export class ExecutionTimeExceeded extends AppsScriptException {}

/**
 * Measures an execution on the runtime's clock. Every service call checks it, sleeps stop at the deadline, and
 * once the deadline has passed the execution is dead: every later call throws, and the runtime reports the
 * timeout whatever the script did with the error (as Apps Script kills it).
 */
export class ExecutionTimer {
  readonly limitMs: number;
  private deadline: number;
  private dead = false;

  constructor(
    private readonly clock: Clock,
    readonly kind: ExecutionKind,
    private readonly spent: TimeSpent,
  ) {
    this.limitMs = LIMITS[kind];
    this.deadline = clock.now() + this.limitMs;
  }

  get deadlineAt(): number {
    return this.deadline;
  }

  get message(): string {
    return this.kind === 'custom-function'
      ? 'Exceeded maximum execution time (line 0).'
      : 'Exceeded maximum execution time';
  }

  get killed(): boolean {
    return this.dead || this.clock.now() > this.deadlineAt;
  }

  remainingMs(): number {
    return Math.max(0, this.deadlineAt - this.clock.now());
  }

  /** Stops the execution: from now on every service call throws. */
  kill(): never {
    this.dead = true;
    throw new ExecutionTimeExceeded(this.message);
  }

  check(): void {
    if (this.killed) this.kill();
  }

  /** Modelled work of `ms` (moves a manual clock), then the deadline check. */
  spend(ms: number, cause: 'fetchMs' | 'callMs'): void {
    if (ms > 0) {
      this.clock.passTime(ms);
      this.spent[cause] += ms;
    }
    this.check();
  }

  /**
   * Runs other executions interleaved at this one's wait point. Their time is not this one's: in Apps Script they
   * run side by side, so the deadline moves by the time they took on the clock.
   */
  aside(run: () => void): void {
    const from = this.clock.now();
    try {
      run();
    } finally {
      this.deadline += this.clock.now() - from;
    }
  }

  /** Sleeps on the clock, but never past the deadline: a sleep that would cross it ends the execution there. */
  sleep(ms: number): void {
    const remaining = this.remainingMs();
    if (ms > remaining) {
      this.clock.sleep(remaining);
      this.spent.sleptMs += remaining;
      this.kill();
    }
    this.clock.sleep(ms);
    this.spent.sleptMs += Math.max(0, ms);
    this.check();
  }
}

/** The appsscript.json fields the runtime honours (https://developers.google.com/apps-script/manifest). */
export interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
  runtimeVersion?: string;
  urlFetchWhitelist?: string[];
}

/** The manifest to run under: the one given, else `${distDir}/appsscript.json`, else ./appsscript.json. */
export function resolveManifest(manifest: Manifest | string | undefined, distDir: string): Manifest {
  if (manifest && typeof manifest === 'object') return manifest;
  const candidates = manifest ? [manifest] : [`${distDir}/appsscript.json`, 'appsscript.json'];
  const path = candidates.find((p) => existsSync(p));
  if (!path) throw new Error(`No Apps Script manifest found (looked for ${candidates.join(', ')})`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}
