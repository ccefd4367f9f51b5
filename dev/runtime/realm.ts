/**
 * The vm context the bundle runs in, and value conversion across the realm boundary.
 *
 * The context holds only ES builtins plus the Apps Script globals installed by the runtime: node:vm gives
 * a fresh set of intrinsics with no require/process/setTimeout/fetch/URL/TextEncoder/atob/Buffer/window.
 * Values handed to the script are re-created with the context's own Array/Object/Date so that
 * `instanceof Array`/`instanceof Date` inside the bundle behave as in Apps Script.
 */
import vm from 'node:vm';
import type { Clock } from './clock';

export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || isDate(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null; // Object.prototype of any realm
}

interface Intrinsics {
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
  TypeError: ErrorConstructor;
}

/** Objects the runtime hands to the script as-is (service objects), instead of deep-copying them. */
export type PassThrough = (v: object) => object | undefined;

const CALL_SLOT = '__offlineRuntimeCall';
const CALL_SCRIPT = new vm.Script(`${CALL_SLOT}()`, { filename: 'offline-runtime' });

/** node:vm's error when a watchdog timeout ended the script. */
export const isWatchdogTimeout = (e: unknown): boolean =>
  e !== null && typeof e === 'object' && (e as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';

export class Realm {
  readonly context: vm.Context;
  private readonly intrinsics: Intrinsics;

  constructor(clock: Clock) {
    this.context = vm.createContext({}, { name: 'Apps Script (offline)' });
    this.intrinsics = vm.runInContext(
      '({ Array, Object, Date, Error, TypeError })',
      this.context,
    ) as Intrinsics;
    // The context's Date reads the injected clock: `new Date()` and `Date.now()` are "now" for the script.
    const install = vm.runInContext(
      `(function (now) {
        const RealDate = Date;
        function ClockDate(...args) {
          if (!new.target) return new RealDate(now()).toString();
          return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target);
        }
        Object.setPrototypeOf(ClockDate, RealDate);
        ClockDate.prototype = RealDate.prototype;
        Object.defineProperty(ClockDate, 'name', { value: 'Date' });
        Object.defineProperty(ClockDate, 'length', { value: 7 });
        ClockDate.now = function now_() { return now(); };
        Object.defineProperty(globalThis, 'Date', { value: ClockDate, writable: true, configurable: true });
      })`,
      this.context,
    ) as (now: () => number) => void;
    install(() => clock.now());
  }

  defineGlobal(name: string, value: unknown): void {
    Object.defineProperty(this.context, name, {
      value,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }

  /** Runs a compiled script file in this context (the same compiled code serves every execution's realm). */
  runScript(script: vm.Script, timeoutMs: number): unknown {
    return script.runInContext(this.context, { timeout: timeoutMs });
  }

  /**
   * Calls a function of this context under a real-time watchdog (node:vm's timeout only covers code started by a
   * script run): a runaway loop ends as a timeout instead of hanging the test.
   */
  call(fn: (...args: unknown[]) => unknown, args: unknown[], timeoutMs: number): unknown {
    this.defineGlobal(CALL_SLOT, () => fn(...args));
    try {
      return CALL_SCRIPT.runInContext(this.context, { timeout: timeoutMs });
    } finally {
      delete (this.context as Record<string, unknown>)[CALL_SLOT];
    }
  }

  newDate(epochMs: number): Date {
    return new this.intrinsics.Date(epochMs);
  }

  newObject(): Record<string, unknown> {
    return new this.intrinsics.Object() as Record<string, unknown>;
  }

  newError(name: string, message: string): Error {
    const e =
      name === 'TypeError' ? new this.intrinsics.TypeError(message) : new this.intrinsics.Error(message);
    if (e.name !== name)
      Object.defineProperty(e, 'name', { value: name, writable: true, configurable: true });
    return e;
  }

  /** Deep copy of a Node value into the context (arrays, plain objects, Dates); `keep` objects pass through. */
  toVm(value: unknown, keep: PassThrough = () => undefined): unknown {
    if (value === null || typeof value !== 'object') return value;
    const kept = keep(value);
    if (kept) return kept;
    if (isDate(value)) return this.newDate(value.getTime());
    if (Array.isArray(value)) {
      const out = new this.intrinsics.Array<unknown>();
      for (const item of value) out.push(this.toVm(item, keep));
      return out;
    }
    if (value instanceof Uint8Array) return this.toVm(Array.from(value), keep);
    const out = this.newObject();
    for (const [k, v] of Object.entries(value)) out[k] = this.toVm(v, keep);
    return out;
  }

  isVmError(v: unknown): v is Error {
    return v instanceof this.intrinsics.Error;
  }
}

/** Deep copy of a context value into the Node realm (Dates become Node Dates). */
export function toNode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isDate(value)) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(toNode);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toNode(v);
  return out;
}

/**
 * An error thrown inside the context, re-thrown to the Node caller as a Node Error with the same
 * name and message (jest's toThrow and `instanceof Error` then work). Strings thrown by a custom
 * function (Google's own samples do `throw 'message'`) become the message.
 */
export function toNodeError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (thrown !== null && typeof thrown === 'object' && 'message' in thrown) {
    const src = thrown as { name?: unknown; message?: unknown; stack?: unknown };
    const e = new Error(String(src.message));
    e.name = typeof src.name === 'string' ? src.name : 'Error';
    if (typeof src.stack === 'string') e.stack = src.stack;
    return e;
  }
  return new Error(String(thrown));
}
