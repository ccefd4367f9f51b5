/**
 * Offline Apps Script runtime: loads the built bundle (dist/Code.js) into a fresh node:vm context that holds
 * only ES builtins and emulated Apps Script services, and calls its globals the ways Apps Script does —
 * as a menu item, a simple trigger, a google.script.run call from the sidebar, or a custom function.
 * Dev-only; see README.md beside this file for the modelled behaviours and their sources.
 */
import { readFileSync } from 'node:fs';
import { zonedTimeToEpoch } from '../../src/core/time';
import { ConsoleImpl, LoggerImpl, ScriptAppImpl, SessionImpl, type UserSettings } from './basics';
import { CacheServiceImpl, CacheStore, type CacheStores } from './cache';
import { realClock, type Clock } from './clock';
import { HtmlServiceImpl } from './html';
import { LockServiceImpl, LockTable } from './lock';
import { PropertiesServiceImpl, type PropertyStores } from './properties';
import { Realm, isPlainObject, toNode, toNodeError } from './realm';
import { Exposer, type ExecutionMode, type Host, type ServiceObject } from './service';
import { ChartsImpl, SpreadsheetAppImpl, SpreadsheetContext } from './spreadsheet-app';
import { SpreadsheetModel, type SpreadsheetSettings } from './spreadsheet-model';
import { newUiRecord, type UiRecord } from './ui';
import { UrlFetchAppImpl } from './url-fetch';
import { UtilitiesImpl } from './utilities';

export { manualClock, realClock, type Clock, type ManualClock } from './clock';
export { DEFAULT_NUMBER_FORMAT, SpreadsheetModel, SheetModel } from './spreadsheet-model';
export type { CellValue, ChartRecord } from './spreadsheet-model';
export type { MenuEntry, MenuRecord, UiRecord } from './ui';
export { CacheStore } from './cache';
export type { ExecutionMode } from './service';
export { isLoopbackHost } from './url-fetch';

export interface RuntimeOptions {
  /** Where HtmlService.createHtmlOutputFromFile reads NAME.html (default "dist", relative to the cwd). */
  distDir?: string;
  /** Defaults: name "Untitled spreadsheet", timeZone "America/Bogota", locale "es_CO" (the add-on's users). */
  spreadsheet?: SpreadsheetSettings;
  /** The manifest's timeZone, for Session.getScriptTimeZone() (default "Etc/UTC", unlike the spreadsheet's). */
  scriptTimeZone?: string;
  /** The user at the keyboard (default finance@example.com, locale "en"). */
  user?: UserSettings;
  /** Time source for the script's Date, cache expiry, Utilities.sleep and lock waits (default: real time). */
  clock?: Clock;
  /** UrlFetch deadline in real milliseconds (Apps Script's is fixed; default 60000). */
  fetchTimeoutMs?: number;
}

/** A reference to cells of the emulated spreadsheet, passed to runCustomFunction like "=F(Data!A2:A9)". */
export class RangeRef {
  constructor(readonly a1: string) {}
}

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

const SIDEBAR_FAILURE = 'Failed due to illegal value in property: ';

/**
 * Copies a google.script.run argument or result the way the bridge serialises it: primitives, null, arrays
 * and plain objects only (undefined inside arrays becomes null, undefined properties are dropped); a Date,
 * function or any other object fails the call (https://developers.google.com/apps-script/guides/html/reference/run#parameters).
 */
function sidebarCopy(
  value: unknown,
  path: string,
  make: { array(): unknown[]; object(): Record<string, unknown> },
): unknown {
  if (value === null || value === undefined) return value;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return value;
  if (Array.isArray(value)) {
    const out = make.array();
    value.forEach((v, i) => out.push(v === undefined ? null : sidebarCopy(v, String(i), make)));
    return out;
  }
  if (isPlainObject(value)) {
    const out = make.object();
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = sidebarCopy(v, k, make);
    return out;
  }
  throw new Error(SIDEBAR_FAILURE + path);
}

export class AppsScriptRuntime {
  readonly spreadsheet: SpreadsheetModel;
  readonly counters: Record<string, number> = {};
  readonly ui: UiRecord = newUiRecord();
  readonly logs: string[] = [];
  readonly properties: PropertyStores = { document: new Map(), user: new Map(), script: new Map() };
  readonly cache: CacheStores;
  private readonly realm: Realm;
  private readonly exposer: Exposer;
  private readonly sheets: SpreadsheetContext;
  private readonly locks = new LockTable();
  private mode: ExecutionMode = 'NONE';
  private depth = 0;

  constructor(options: RuntimeOptions = {}) {
    const clock = options.clock ?? realClock;
    this.spreadsheet = new SpreadsheetModel(options.spreadsheet);
    this.cache = {
      document: new CacheStore(clock),
      script: new CacheStore(clock),
      user: new CacheStore(clock),
    };
    this.realm = new Realm(clock);
    const currentMode = (): ExecutionMode => this.mode;
    const host: Host = {
      realm: this.realm,
      clock,
      get mode() {
        return currentMode();
      },
      count: (key, by = 1) => {
        this.counters[key] = (this.counters[key] ?? 0) + by;
      },
      unwrap: (v) => this.exposer.unwrap(v),
    };
    this.exposer = new Exposer(host);
    this.sheets = new SpreadsheetContext(host, this.spreadsheet, this.ui);
    const services: Record<string, ServiceObject> = {
      SpreadsheetApp: new SpreadsheetAppImpl(this.sheets),
      Charts: new ChartsImpl(),
      PropertiesService: new PropertiesServiceImpl(this.properties),
      CacheService: new CacheServiceImpl(this.cache),
      LockService: new LockServiceImpl(this.locks, clock),
      Session: new SessionImpl(
        host,
        options.user ?? { email: 'finance@example.com', locale: 'en' },
        options.scriptTimeZone ?? 'Etc/UTC',
      ),
      Utilities: new UtilitiesImpl(clock),
      Logger: new LoggerImpl(this.logs),
      console: new ConsoleImpl(this.logs),
      HtmlService: new HtmlServiceImpl(options.distDir ?? 'dist'),
      ScriptApp: new ScriptAppImpl(),
      UrlFetchApp: new UrlFetchAppImpl(host, options.fetchTimeoutMs ?? 60000),
    };
    for (const [name, service] of Object.entries(services))
      this.realm.defineGlobal(name, this.exposer.wrap(service));
    // --- formula engine (rtsheets): a formula cell calls the bundle as Sheets does, one execution per call ---
    this.spreadsheet.engine.host = {
      names: () =>
        Object.getOwnPropertyNames(this.realm.context)
          .filter((g) => typeof this.global(g) === 'function' && !isNativeFunction(this.global(g)))
          .map((g) => g.toUpperCase()),
      call: (name, args) => this.runCustomFunction(name, ...args),
    };
    // --- end formula engine ---
  }

  /** Runs `fn` as one Apps Script execution in `mode`; its locks are released when the outermost one ends. */
  private execute<T>(mode: ExecutionMode, fn: () => T): T {
    const previous = this.mode;
    this.mode = mode;
    this.depth++;
    try {
      return fn();
    } catch (e) {
      throw toNodeError(e);
    } finally {
      this.mode = previous;
      if (--this.depth === 0) this.locks.releaseSelf();
    }
  }

  private fn(name: string): (...args: unknown[]) => unknown {
    const f = this.global(name);
    if (typeof f !== 'function') throw new Error(`Script function not found: ${name}`);
    return f as (...args: unknown[]) => unknown;
  }

  /**
   * Runs a script file in the context, like Apps Script loading Code.js. Top-level code runs as at the
   * start of an AuthMode.NONE execution (where it also runs in Apps Script), so a load-time call to a
   * service that needs authorization throws; anything it calls is counted.
   */
  loadFile(path: string): void {
    this.loadSource(readFileSync(path, 'utf8'), path);
  }

  loadSource(code: string, filename = 'Code.js'): void {
    this.execute('NONE', () => this.realm.run(code, filename));
  }

  /** A global of the context, as the script sees it (vm-realm value). */
  global(name: string): unknown {
    return (this.realm.context as Record<string, unknown>)[name];
  }

  /** Calls a global as a menu item or installable trigger does (AuthMode.FULL); the result is copied to Node. */
  run(name: string, ...args: unknown[]): unknown {
    return this.execute('FULL', () => toNode(this.fn(name)(...args.map((a) => this.realm.toVm(a)))));
  }

  /** Calls onOpen/onInstall with an event object { authMode: ScriptApp.AuthMode.X, source? }. */
  runTrigger(name: 'onOpen' | 'onInstall', e: { authMode: AuthModeName }): unknown {
    return this.execute(e.authMode, () => {
      const event = this.realm.newObject();
      event.authMode = e.authMode;
      if (e.authMode !== 'NONE') {
        event.source = this.exposer.wrap(this.sheets.spreadsheet()); // handed over, not a counted call
      }
      return toNode(this.fn(name)(event));
    });
  }

  /**
   * google.script.run.NAME(...args): names ending in "_" are private and not callable; arguments and the
   * result must be primitives, null, arrays or plain objects of them (see sidebarCopy).
   */
  runFromSidebar(name: string, ...args: unknown[]): unknown {
    const f = this.global(name);
    if (name.endsWith('_') || typeof f !== 'function')
      throw new TypeError(`google.script.run.${name} is not a function`);
    const intoVm = { array: () => this.realm.toVm([]) as unknown[], object: () => this.realm.newObject() };
    const intoNode = { array: (): unknown[] => [], object: (): Record<string, unknown> => ({}) };
    const vmArgs = args.map((a, i) => sidebarCopy(a, String(i), intoVm));
    return this.execute('FULL', () =>
      sidebarCopy((f as (...a: unknown[]) => unknown)(...vmArgs), 'return value', intoNode),
    );
  }

  /**
   * Calls a custom function as a cell formula does. A RangeRef argument becomes a row-major 2-D array
   * (a single cell its scalar; empty cells ""; date cells Dates), other arguments are copied into the vm.
   * Inside, Spreadsheet is read-only and UI, property writes and user identity are unavailable.
   */
  runCustomFunction(name: string, ...args: unknown[]): unknown {
    if (name.endsWith('_')) throw new Error(`Unknown function: '${name}'.`);
    const actual = Object.getOwnPropertyNames(this.realm.context).find(
      (g) => g.toUpperCase() === name.toUpperCase() && typeof this.global(g) === 'function',
    );
    if (!actual) throw new Error(`Unknown function: '${name}'.`);
    const vmArgs = args.map((a) => this.realm.toVm(a instanceof RangeRef ? this.rangeArgument(a) : a));
    return this.execute('CUSTOM_FUNCTION', () => toNode(this.fn(actual)(...vmArgs)));
  }

  private rangeArgument(ref: RangeRef): unknown {
    const values = this.spreadsheet.getValues(ref.a1); // computed values, dates as Dates
    return values.length === 1 && values[0].length === 1 ? values[0][0] : values;
  }

  /** A reference to cells such as "Data!A2:C10" or "A1" (active sheet), for runCustomFunction. */
  range(a1: string): RangeRef {
    return new RangeRef(a1);
  }

  /** A vm-realm Date at the wall time "2025-10-01" or "2025-10-01 14:30[:15]" in the spreadsheet's zone. */
  sheetDate(isoLocal: string): Date {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(isoLocal);
    if (!m) throw new Error(`sheetDate expects "YYYY-MM-DD" or "YYYY-MM-DD HH:mm[:ss]", got "${isoLocal}"`);
    const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
    return this.realm.newDate(zonedTimeToEpoch(y, mo, d, this.spreadsheet.timeZone, h, mi, s));
  }

  resetCounters(): void {
    for (const key of Object.keys(this.counters)) delete this.counters[key];
  }

  /** Total of all counted service calls (handy to assert "no service call"). */
  totalCalls(): number {
    return Object.values(this.counters).reduce((a, b) => a + b, 0);
  }

  /** Simulates another execution holding the document lock until the returned function is called. */
  holdDocumentLock(): () => void {
    this.locks.set('document', 'other');
    return () => {
      if (this.locks.holder('document') === 'other') this.locks.set('document', undefined);
    };
  }
}

/** ES intrinsics (Array, Math…) are globals too, but not script functions a cell can call. */
function isNativeFunction(f: unknown): boolean {
  return /\{\s*\[native code\]\s*\}$/.test(Function.prototype.toString.call(f));
}

export function createRuntime(options?: RuntimeOptions): AppsScriptRuntime {
  return new AppsScriptRuntime(options);
}
