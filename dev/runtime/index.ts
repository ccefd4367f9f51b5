/**
 * Offline Apps Script runtime: loads the built bundle (dist/Code.js) into a fresh node:vm context that holds
 * only ES builtins and emulated Apps Script services, and calls its globals the ways Apps Script does —
 * as a menu item, a simple trigger, a google.script.run call from the sidebar, or a custom function.
 * Dev-only; see README.md beside this file for the modelled behaviours and their sources.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { zonedTimeToEpoch } from '../../src/core/time';
import { CacheServiceImpl, CacheStore, type CacheStores } from './cache';
import { ChartsImpl } from './charts';
import { realClock, type Clock } from './clock';
import { AppsScriptException } from './exception';
import {
  ExecutionTimeExceeded,
  ExecutionTimer,
  resolveManifest,
  WAIT_STEP_MS,
  type ExecutionKind,
  type Manifest,
  type TimeSpent,
} from './execution';
import { HtmlServiceImpl } from './html';
import { LockServiceImpl, LockTable } from './lock';
import { CONSUMER_RECIPIENTS_PER_DAY, MailAppImpl, MailStore } from './mail-app';
import { ConsoleImpl, LoggerImpl } from './logger';
import { PropertiesServiceImpl, type PropertyStores } from './properties';
import { Realm, isPlainObject, isWatchdogTimeout, toNode, toNodeError } from './realm';
import { Exposer, type ExecutionMode, type Host, type ServiceObject, type WaitKind } from './service';
import { ScriptAppImpl, type InstallationSourceName } from './script-app';
import { SessionImpl, userEmailIn, type UserSettings } from './session';
import { Spreadsheet, SpreadsheetObjects } from './spreadsheet';
import { SpreadsheetAppImpl } from './spreadsheet-app';
import { SpreadsheetModel, type SpreadsheetSettings } from './spreadsheet-model';
import { ScriptTriggers, TriggerStore, clockEvent, type TriggerRecord } from './triggers';
import { newUiRecord, type UiRecord } from './ui';
import { UrlFetchAppImpl } from './url-fetch';
import { UtilitiesImpl } from './utilities';

export { manualClock, realClock, type Clock, type ManualClock } from './clock';
export { DEFAULT_NUMBER_FORMAT, SpreadsheetModel, SheetModel } from './spreadsheet-model';
export type { CellValue, ChartRecord } from './spreadsheet-model';
export type { MenuEntry, MenuRecord, UiRecord } from './ui';
export { CacheStore } from './cache';
export type { ExecutionMode, WaitKind } from './service';
export { isLoopbackHost, MAX_URL_LENGTH, checkFetchUrl } from './url-fetch';
export {
  CUSTOM_FUNCTION_LIMIT_MS,
  EXECUTION_LIMIT_MS,
  SIMPLE_TRIGGER_LIMIT_MS,
  type Manifest,
  type TimeSpent,
} from './execution';
export type { TriggerRecord } from './triggers';
export { CONSUMER_RECIPIENTS_PER_DAY, WORKSPACE_RECIPIENTS_PER_DAY, type SentMail } from './mail-app';

export interface RuntimeOptions {
  /** Where HtmlService.createHtmlOutputFromFile reads NAME.html (default "dist", relative to the cwd). */
  distDir?: string;
  /** Defaults: name "Untitled spreadsheet", timeZone "America/Bogota", locale "es_CO" (the add-on's users). */
  spreadsheet?: SpreadsheetSettings;
  /**
   * The manifest (appsscript.json) the script runs under: its oauthScopes gate every service call and its
   * timeZone is the script's. An object, or a path; default `${distDir}/appsscript.json`, else ./appsscript.json.
   */
  manifest?: Manifest | string;
  /** Overrides the manifest's timeZone (Session.getScriptTimeZone(), atHour of triggers). */
  scriptTimeZone?: string;
  /** The user at the keyboard (default finance@example.com, locale "en"). */
  user?: UserSettings;
  /** Time source for the script's Date, cache expiry, Utilities.sleep and lock waits (default: real time). */
  clock?: Clock;
  /** UrlFetch deadline in real milliseconds (Apps Script's is fixed; default 60000). */
  fetchTimeoutMs?: number;
  /**
   * Modelled network time added to every fetch round on top of the loopback server's real answer time
   * (default 0): lets a test stand for a slow Meta without waiting for real.
   */
  fetchLatencyMs?: number;
  /**
   * How the script came to run for the user (ScriptApp.getInstallationSource): an add-on installed from the
   * Marketplace (default), by a domain admin, or NONE — a script bound to the spreadsheet, not an add-on.
   */
  installationSource?: InstallationSourceName;
  /** ScriptApp.getOAuthToken()'s token (default OFFLINE_OAUTH_TOKEN); `rt.oauthToken` may change it later. */
  oauthToken?: string;
  /**
   * MailApp's "Email recipients per day": 100 for a consumer account (default), 1,500 for Google Workspace
   * (WORKSPACE_RECIPIENTS_PER_DAY).
   */
  mailRecipientsPerDay?: number;
}

/** A reference to cells of the emulated spreadsheet, passed to runCustomFunction like "=F(Data!A2:A9)". */
export class RangeRef {
  constructor(readonly a1: string) {}
}

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

/** A moment a running execution waits on Google's side, when other executions may run (AppsScriptRuntime.onWait). */
export interface WaitPoint {
  /** 'call': before a service call; 'fetched': a UrlFetch round has returned; 'sleep': a step of a sleep or lock wait. */
  kind: WaitKind;
  /** The service method ("Range.setValues", "Cache.put") or the wait ("Utilities.sleep", "Lock.tryLock"). */
  name: string;
  /** Executions in progress, the waiting one included: 1 when only it runs. */
  executions: number;
}

/**
 * Thrown by onWait before a service call: the call fails in the script as an Apps Script exception with this message
 * (as a service error does, e.g. "Service Spreadsheets failed while accessing document with id …"), so a test can
 * inject a fault at any read or write.
 */
export class ServiceFault extends Error {}

/**
 * "Simultaneous executions: 30 / user" (https://developers.google.com/apps-script/guides/services/quotas#current_limitations).
 * The refusal's wording is UNCONFIRMED (users report "There are too many scripts running").
 */
export const SIMULTANEOUS_EXECUTIONS = 30;
const TOO_MANY_EXECUTIONS = 'There are too many scripts running.';

const SIDEBAR_FAILURE = 'Failed due to illegal value in property: ';

/** ScriptApp.getOAuthToken()'s default: shaped like Google's access tokens ("ya29."), accepted by no real API. */
export const OFFLINE_OAUTH_TOKEN = 'ya29.offline-runtime-token';

/** A value google.script.run cannot carry, found at `path`: a TypeError at the call site, as in the browser. */
class IllegalSidebarValue extends TypeError {
  constructor(readonly path: string) {
    super(SIDEBAR_FAILURE + path);
  }
}

/**
 * Copies a google.script.run argument or result the way the bridge serialises it: primitives, null, arrays
 * and plain objects only (undefined inside arrays becomes null, undefined properties are dropped); a Date,
 * function, circular reference or any other object is illegal
 * (https://developers.google.com/apps-script/guides/html/reference/run#parameters).
 */
function sidebarCopy(
  value: unknown,
  path: string,
  make: { array(): unknown[]; object(): Record<string, unknown> },
  seen: object[] = [],
): unknown {
  if (value === null || value === undefined) return value;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return value;
  if (t === 'object' && seen.includes(value as object)) throw new IllegalSidebarValue(path);
  const inner = [...seen, value as object];
  if (Array.isArray(value)) {
    const out = make.array();
    value.forEach((v, i) => out.push(v === undefined ? null : sidebarCopy(v, String(i), make, inner)));
    return out;
  }
  if (isPlainObject(value)) {
    const out = make.object();
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = sidebarCopy(v, k, make, inner);
    return out;
  }
  throw new IllegalSidebarValue(path);
}

/** One execution's world: a fresh realm with its own service objects over the shared stores. */
interface Execution {
  realm: Realm;
  exposer: Exposer;
  sheets: SpreadsheetObjects;
  timer: ExecutionTimer;
}

/**
 * An execution in progress. `own` is false for one a formula recalculation started inside another's service call
 * (it runs within that call, holding its locks); every other execution is its own, with its own locks.
 */
interface Running {
  id: number;
  own: boolean;
  email: string;
  /** Inside onWait: executions started now are interleaved with this one, not part of it. */
  waiting: boolean;
}

export class AppsScriptRuntime {
  readonly spreadsheet: SpreadsheetModel;
  readonly counters: Record<string, number> = {};
  /** ScriptApp.getInstallationSource() (RuntimeOptions.installationSource); tests may change it. */
  installationSource: InstallationSourceName;
  /**
   * ScriptApp.getOAuthToken() in FULL executions: the user's token for the manifest's oauthScopes
   * (`rt.manifest.oauthScopes`); tests set it to what a fake server accepts, or change it to stand for an expired one.
   */
  oauthToken: string;
  readonly ui: UiRecord = newUiRecord();
  readonly logs: string[] = [];
  readonly properties: PropertyStores = { document: new Map(), user: new Map(), script: new Map() };
  readonly cache: CacheStores;
  /** Installable triggers of the project (all users, all documents); they outlive executions. */
  readonly triggers = new TriggerStore();
  /** MailApp's sent messages (`rt.mail.sent`) and daily quota; they outlive executions. */
  readonly mail: MailStore;
  readonly manifest: Manifest;
  readonly scriptTimeZone: string;
  /**
   * The user at the keyboard. Its locale may change between executions, as a user's language setting does (the
   * preview's language switch); each execution reads it when it starts.
   */
  readonly user: UserSettings;
  /** Time all executions spent so far, by cause (sleeps, fetches, modelled call cost). */
  readonly timeSpent: TimeSpent = { sleptMs: 0, fetchMs: 0, callMs: 0 };
  private readonly clock: Clock;
  private readonly distDir: string;
  private readonly grantedScopes: ReadonlySet<string> | undefined;
  private readonly locks = new LockTable();
  private readonly fetchTimeoutMs: number;
  private readonly fetchLatencyMs: number;
  /** The script files, compiled once; every execution runs them all in its fresh realm. */
  private readonly scripts: vm.Script[] = [];
  /** The script's global functions, as the last load found them (google.script.run's and Sheets' view). */
  private functionNames: string[] = [];
  private last?: Execution;
  /** Executions in progress, innermost last (interleaved ones, and formula recalculations during a write). */
  private readonly running: Running[] = [];
  private executionCount = 0;
  /** What onWait threw: re-thrown to the caller of the outermost execution, never to the script. */
  private waitFailure?: { error: unknown };

  /**
   * Called at every wait point of a running execution — before each call to a service that goes to Google's
   * servers (Spreadsheet, Cache, Properties, Lock, UrlFetch…), after each UrlFetch round, at each step of
   * Utilities.sleep and of a lock wait. Whatever it runs through this runtime (runFromSidebar, run…) is another
   * execution interleaved there, as the calls that Apps Script runs side by side (each google.script.run call is
   * an execution of its own): a fresh realm, its own time limit and locks, the shared stores. The waiting
   * execution's time limit does not count the time they take. Its own wait points call the hook again
   * (`executions` tells them apart). A formula recalculation inside a service call is no wait point.
   */
  onWait?: (point: WaitPoint) => void;

  constructor(options: RuntimeOptions = {}) {
    this.installationSource = options.installationSource ?? 'WEB_STORE_ADD_ON';
    this.oauthToken = options.oauthToken ?? OFFLINE_OAUTH_TOKEN;
    this.clock = options.clock ?? realClock;
    this.distDir = options.distDir ?? 'dist';
    this.manifest = resolveManifest(options.manifest, this.distDir);
    this.grantedScopes = this.manifest.oauthScopes ? new Set(this.manifest.oauthScopes) : undefined;
    // Apps Script's default when the manifest names none (https://developers.google.com/apps-script/manifest).
    this.scriptTimeZone = options.scriptTimeZone ?? this.manifest.timeZone ?? 'America/New_York';
    this.spreadsheet = new SpreadsheetModel(options.spreadsheet);
    this.cache = {
      document: new CacheStore(this.clock),
      script: new CacheStore(this.clock),
      user: new CacheStore(this.clock),
    };
    this.user = options.user ?? { email: 'finance@example.com', locale: 'en' };
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 60000;
    this.fetchLatencyMs = options.fetchLatencyMs ?? 0;
    this.mail = new MailStore(options.mailRecipientsPerDay ?? CONSUMER_RECIPIENTS_PER_DAY);
    // A formula cell calls the bundle as Sheets does: one CUSTOM_FUNCTION execution per call.
    this.spreadsheet.engine.host = {
      names: () => this.functionNames.map((g) => g.toUpperCase()),
      call: (name, args) => this.runCustomFunction(name, ...args),
    };
  }

  /** A fresh realm holding the services of one execution in `mode`, as `user`. */
  private newExecution(
    mode: ExecutionMode,
    kind: ExecutionKind,
    user: UserSettings,
    running: Running,
  ): Execution {
    const realm = new Realm(this.clock);
    const timer = new ExecutionTimer(this.clock, kind, this.timeSpent);
    const wait = (waitKind: WaitKind, name: string) => this.waitPoint(running, timer, waitKind, name);
    const targets: { exposer?: Exposer } = {};
    const host: Host = {
      realm,
      clock: this.clock,
      mode,
      timer,
      grantedScopes: this.grantedScopes,
      count: (key, by = 1) => {
        this.counters[key] = (this.counters[key] ?? 0) + by;
      },
      unwrap: (v) => targets.exposer?.unwrap(v),
      wait,
    };
    const exposer = new Exposer(host);
    targets.exposer = exposer;
    const sheets = new SpreadsheetObjects(host, this.spreadsheet, this.ui);
    // Sleeps in steps, each a wait point, so that other executions run while this one sleeps.
    const sleeper = (name: string) => ({
      sleep: (ms: number) => {
        let left = Math.max(0, ms);
        do {
          const step = Math.min(left, WAIT_STEP_MS);
          timer.sleep(step);
          left -= step;
          wait('sleep', name);
        } while (left > 0);
      },
    });
    const triggers = new ScriptTriggers({
      host,
      store: this.triggers,
      scriptTimeZone: this.scriptTimeZone,
      userEmail: () => userEmailIn(host, user),
      documentId: () => this.spreadsheet.id,
      spreadsheetIdOf: (v) => {
        const target = exposer.unwrap(v);
        return target instanceof Spreadsheet ? target.getId() : undefined;
      },
    });
    const services: Record<string, ServiceObject> = {
      SpreadsheetApp: new SpreadsheetAppImpl(sheets),
      Charts: new ChartsImpl(),
      PropertiesService: new PropertiesServiceImpl(this.properties),
      CacheService: new CacheServiceImpl(this.cache),
      LockService: new LockServiceImpl(this.locks, running.id, sleeper('Lock.tryLock')),
      Session: new SessionImpl(host, user, this.scriptTimeZone),
      Utilities: new UtilitiesImpl(sleeper('Utilities.sleep')),
      Logger: new LoggerImpl(this.logs),
      console: new ConsoleImpl(this.logs),
      HtmlService: new HtmlServiceImpl(this.distDir),
      ScriptApp: new ScriptAppImpl(triggers, this.installationSource, this.oauthToken),
      UrlFetchApp: new UrlFetchAppImpl(host, this.fetchTimeoutMs, this.fetchLatencyMs),
      MailApp: new MailAppImpl(this.mail, this.clock, () => userEmailIn(host, user)),
    };
    for (const [name, service] of Object.entries(services)) realm.defineGlobal(name, exposer.wrap(service));
    return { realm, exposer, sheets, timer };
  }

  /**
   * One Apps Script execution: a fresh realm, the script's files run again from the top (in `mode`, as Apps
   * Script does), then `call`. Only the stores (spreadsheet, properties, cache, triggers, locks, clock) outlive
   * it; its locks are released at the end. Past its time limit it fails with Apps Script's message, whatever
   * the script did meanwhile.
   */
  private execute<T>(
    mode: ExecutionMode,
    kind: ExecutionKind,
    call: (ex: Execution) => T,
    user: UserSettings = this.user,
  ): T {
    const running = this.begin(user);
    const ex = this.newExecution(mode, kind, user, running);
    try {
      for (const script of this.scripts) ex.realm.runScript(script, ex.timer.limitMs);
      const result = call(ex);
      ex.timer.check();
      return result;
    } catch (e) {
      if (ex.timer.killed || isWatchdogTimeout(e))
        throw toNodeError(new ExecutionTimeExceeded(ex.timer.message));
      throw toNodeError(e);
    } finally {
      this.last = ex;
      this.end(running);
    }
  }

  /**
   * Enters an execution: its own, unless a formula recalculation starts it inside another's service call (then it
   * holds that one's locks). At most 30 of a user's own executions run at once.
   */
  private begin(user: UserSettings): Running {
    const outer = this.running.at(-1);
    const own = !outer || outer.waiting;
    if (own) {
      const ofUser = this.running.filter((r) => r.own && r.email === user.email).length;
      if (ofUser >= SIMULTANEOUS_EXECUTIONS) throw toNodeError(new AppsScriptException(TOO_MANY_EXECUTIONS));
    }
    const running: Running = {
      id: outer && !own ? outer.id : ++this.executionCount,
      own,
      email: user.email,
      waiting: false,
    };
    this.running.push(running);
    return running;
  }

  /** Leaves an execution: its locks are released; the outermost one reports what onWait threw. */
  private end(running: Running): void {
    this.running.pop();
    if (running.own) this.locks.release(running.id);
    const failure = this.waitFailure;
    if (this.running.length === 0 && failure) {
      this.waitFailure = undefined;
      throw failure.error;
    }
  }

  /** A wait point of the innermost execution: onWait runs there, its time set aside from the execution's. */
  private waitPoint(running: Running, timer: ExecutionTimer, kind: WaitKind, name: string): void {
    const hook = this.onWait;
    if (!hook || !running.own || running.waiting || this.waitFailure) return;
    running.waiting = true;
    try {
      timer.aside(() => hook({ kind, name, executions: this.running.length }));
    } catch (error) {
      // A service failing at this call (Apps Script has no transactions: what ran before it stays written).
      if (error instanceof ServiceFault) throw new AppsScriptException(error.message);
      this.waitFailure = { error };
    } finally {
      running.waiting = false;
    }
  }

  /** Calls the script's global `name` in the execution's realm (under the real-time watchdog). */
  private callGlobal(ex: Execution, name: string, args: unknown[]): unknown {
    const f = (ex.realm.context as Record<string, unknown>)[name];
    if (typeof f !== 'function') throw new Error(`Script function not found: ${name}`);
    return ex.realm.call(f as (...a: unknown[]) => unknown, args, ex.timer.limitMs);
  }

  /**
   * Adds a script file, like pushing Code.js. Apps Script checks the file by loading it: the top-level code runs
   * once here as at the start of an AuthMode.NONE execution (a load-time call to a service that needs
   * authorization throws; anything it calls is counted), and again at the start of every later execution.
   */
  loadFile(path: string): void {
    this.loadSource(readFileSync(path, 'utf8'), path);
  }

  loadSource(code: string, filename = 'Code.js'): void {
    this.scripts.push(new vm.Script(code, { filename }));
    this.execute('NONE', 'script', (ex) => {
      const context = ex.realm.context as Record<string, unknown>;
      this.functionNames = Object.getOwnPropertyNames(context).filter(
        (g) => typeof context[g] === 'function' && !isNativeFunction(context[g]),
      );
    });
  }

  /** The script's global functions (what google.script.run offers, private `name_` ones included). */
  scriptFunctionNames(): readonly string[] {
    return [...this.functionNames];
  }

  /** A global of the last execution's realm, as the script saw it (vm-realm value). */
  global(name: string): unknown {
    return this.last ? (this.last.realm.context as Record<string, unknown>)[name] : undefined;
  }

  /** Calls a global as a menu item does (AuthMode.FULL, 6 minutes); the result is copied to Node. */
  run(name: string, ...args: unknown[]): unknown {
    return this.execute('FULL', 'script', (ex) => this.callCopied(ex, name, args));
  }

  /** Calls the script's global with Node values copied into the realm, and copies the result back. */
  private callCopied(ex: Execution, name: string, values: unknown[]): unknown {
    return toNode(
      this.callGlobal(
        ex,
        name,
        values.map((v) => ex.realm.toVm(v)),
      ),
    );
  }

  /** Calls onOpen/onInstall, simple triggers (30 s), with an event object { authMode: ScriptApp.AuthMode.X, source? }. */
  runTrigger(name: 'onOpen' | 'onInstall', e: { authMode: AuthModeName }): unknown {
    return this.execute(e.authMode, 'simple-trigger', (ex) => {
      const event = ex.realm.newObject();
      event.authMode = e.authMode;
      if (e.authMode !== 'NONE') {
        event.source = ex.exposer.wrap(ex.sheets.spreadsheet()); // handed over, not a counted call
      }
      return toNode(this.callGlobal(ex, name, [event]));
    });
  }

  /**
   * Runs an installable time-driven trigger now, as Apps Script does when it fires: AuthMode.FULL, 6 minutes,
   * as the user who created it, with the time-driven event object.
   */
  runTimeTrigger(uid: string): unknown {
    const record = this.triggers.find(uid);
    if (!record) throw new Error(`No installable trigger ${uid}`);
    return this.execute(
      'FULL',
      'script',
      (ex) => this.callCopied(ex, record.handler, [clockEvent(record, this.clock.now())]),
      { ...this.user, email: record.owner },
    );
  }

  /** When Apps Script would next run the trigger after the clock's now (nominal time; it fires within ±15 min). */
  nextTriggerRun(uid: string): number {
    return this.triggers.nextRunAfter(uid, this.clock.now());
  }

  /** The project's installable triggers, as records. */
  triggerRecords(): readonly TriggerRecord[] {
    return this.triggers.records;
  }

  /**
   * google.script.run.NAME(...args), checked at the call site as the browser does: an unknown or private
   * (name_) function, or an illegal argument (a Date, function…), throws a TypeError synchronously and nothing
   * runs. A result holding an illegal value (a Date…) reaches the success handler as null (observed).
   */
  runFromSidebar(name: string, ...args: unknown[]): unknown {
    if (name.endsWith('_') || !this.functionNames.includes(name))
      throw new TypeError(`google.script.run.${name} is not a function`);
    const intoNode = { array: (): unknown[] => [], object: (): Record<string, unknown> => ({}) };
    const plainArgs = args.map((a, i) => sidebarCopy(a, String(i), intoNode));
    return this.execute('FULL', 'script', (ex) => {
      const result = this.callGlobal(
        ex,
        name,
        plainArgs.map((a) => ex.realm.toVm(a)),
      );
      try {
        return sidebarCopy(result, 'return value', intoNode);
      } catch (e) {
        if (e instanceof IllegalSidebarValue) return null;
        throw e;
      }
    });
  }

  /**
   * Calls a custom function as a cell formula does: one CUSTOM_FUNCTION execution (30 s). A RangeRef argument
   * becomes a row-major 2-D array (a single cell its scalar; empty cells ""; date cells Dates), other arguments
   * are copied into the vm. Inside, Spreadsheet is read-only and UI, property writes and user identity are
   * unavailable.
   */
  runCustomFunction(name: string, ...args: unknown[]): unknown {
    if (name.endsWith('_')) throw new Error(`Unknown function: '${name}'.`);
    const actual = this.functionNames.find((g) => g.toUpperCase() === name.toUpperCase());
    if (!actual) throw new Error(`Unknown function: '${name}'.`);
    const values = args.map((a) => (a instanceof RangeRef ? this.rangeArgument(a) : a));
    return this.execute('CUSTOM_FUNCTION', 'custom-function', (ex) => this.callCopied(ex, actual, values));
  }

  private rangeArgument(ref: RangeRef): unknown {
    const values = this.spreadsheet.getValues(ref.a1); // computed values, dates as Dates
    return values.length === 1 && values[0].length === 1 ? values[0][0] : values;
  }

  /** A reference to cells such as "Data!A2:C10" or "A1" (active sheet), for runCustomFunction. */
  range(a1: string): RangeRef {
    return new RangeRef(a1);
  }

  /** A Date at the wall time "2025-10-01" or "2025-10-01 14:30[:15]" in the spreadsheet's zone. */
  sheetDate(isoLocal: string): Date {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(isoLocal);
    if (!m) throw new Error(`sheetDate expects "YYYY-MM-DD" or "YYYY-MM-DD HH:mm[:ss]", got "${isoLocal}"`);
    const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
    return new Date(zonedTimeToEpoch(y, mo, d, this.spreadsheet.timeZone, h, mi, s));
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
    return () => this.locks.release('other');
  }
}

/** ES intrinsics (Array, Math…) are globals too, but not script functions a cell can call. */
function isNativeFunction(f: unknown): boolean {
  return /\{\s*\[native code\]\s*\}$/.test(Function.prototype.toString.call(f));
}

export function createRuntime(options?: RuntimeOptions): AppsScriptRuntime {
  return new AppsScriptRuntime(options);
}
