/**
 * The boundary between the bundle and the emulated services: every service method the script calls is
 * counted ("Range.getValues"), checked against the execution's authorization mode, and its Node-side
 * result or error is converted into the vm realm.
 */
import type { Clock } from './clock';
import { AppsScriptException } from './exception';
import type { ExecutionTimer } from './execution';
import type { Realm } from './realm';

/** How Apps Script is running the current call (https://developers.google.com/apps-script/reference/script/auth-mode). */
export type ExecutionMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/**
 * What a method needs. free: no authorization (Utilities, Logger, enums, building menus);
 * ui: SpreadsheetApp.getUi; container-ui: showing a sidebar, dialog or alert; doc-read / doc-write: the bound
 * spreadsheet; props-read / props-write: PropertiesService; storage: Cache and Lock; fetch: UrlFetchApp;
 * identity: the user's email (Session.getActiveUser/getEffectiveUser); triggers: ScriptApp's installable triggers;
 * mail: MailApp; oauth-token: ScriptApp.getOAuthToken, the user's authorization itself, so FULL only (NONE and
 * LIMITED run without the user's authorization, custom functions may not use anything that needs it:
 * https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services).
 */
export type Access =
  | 'free'
  | 'ui'
  | 'container-ui'
  | 'doc-read'
  | 'doc-write'
  | 'props-read'
  | 'props-write'
  | 'storage'
  | 'fetch'
  | 'identity'
  | 'triggers'
  | 'mail'
  | 'oauth-token';

const AUTH = 'https://www.googleapis.com/auth/';

/**
 * The scopes Google's reference names for each access class ("Scripts that use this method require
 * authorization with one or more of the following scopes"), any one of which suffices:
 * spreadsheet classes — https://developers.google.com/apps-script/reference/spreadsheet/range#getValues();
 * Ui.showSidebar — https://developers.google.com/apps-script/reference/base/ui#showSidebar(Object);
 * UrlFetchApp.fetch — https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetch(String);
 * Session.getActiveUser — https://developers.google.com/apps-script/reference/base/session#getActiveUser();
 * ScriptApp.newTrigger — https://developers.google.com/apps-script/reference/script/script-app#newTrigger(String);
 * MailApp.sendEmail — https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String).
 * Properties, Cache, Lock, Utilities and HtmlService list no scope.
 */
export const SCOPES: Partial<Record<Access, readonly string[]>> = {
  'doc-read': [`${AUTH}spreadsheets.currentonly`, `${AUTH}spreadsheets`],
  'doc-write': [`${AUTH}spreadsheets.currentonly`, `${AUTH}spreadsheets`],
  'container-ui': [`${AUTH}script.container.ui`],
  fetch: [`${AUTH}script.external_request`],
  identity: [`${AUTH}userinfo.email`],
  triggers: [`${AUTH}script.scriptapp`],
  mail: [`${AUTH}script.send_mail`],
};

/**
 * Which access classes each mode allows. NONE: only what needs no authorization (menus); LIMITED (simple
 * triggers): the document, properties, cache and lock but not UrlFetch, sidebars or triggers
 * (https://developers.google.com/apps-script/guides/triggers#restrictions); CUSTOM_FUNCTION: the guide's table
 * (https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services) —
 * Spreadsheet read-only, Properties readable, URL Fetch, Cache, Lock, Utilities. The user's identity can be
 * asked for everywhere; Session blanks it where Google does not share it (see session.ts).
 */
const LIMITED: readonly Access[] = [
  'free',
  'ui',
  'identity',
  'doc-read',
  'doc-write',
  'props-read',
  'props-write',
  'storage',
];
const ALLOWED: Record<ExecutionMode, ReadonlySet<Access>> = {
  NONE: new Set<Access>(['free', 'ui', 'identity']),
  LIMITED: new Set<Access>(LIMITED),
  FULL: new Set<Access>([...LIMITED, 'container-ui', 'fetch', 'triggers', 'mail', 'oauth-token']),
  CUSTOM_FUNCTION: new Set<Access>(['free', 'identity', 'doc-read', 'props-read', 'storage', 'fetch']),
};

/**
 * Modelled time of one service call on a manual clock. Google publishes no per-call latency; its best-practices
 * page measures ~70 s for 10,000 single-cell calls (https://developers.google.com/apps-script/guides/support/best-practices),
 * hence 7 ms per spreadsheet call. Other services have no published figure and cost nothing here; UrlFetch is
 * timed by the real answer time (url-fetch.ts).
 */
const CALL_COST_MS: Partial<Record<Access, number>> = { 'doc-read': 7, 'doc-write': 7 };

/**
 * Where a running execution waits on Google's side (a service call, a fetch that returned, a sleep or lock-wait
 * step), so that other executions may run meanwhile (AppsScriptRuntime.onWait).
 */
export type WaitKind = 'call' | 'fetched' | 'sleep';

/** The execution's state services share (one Host per execution). */
export interface Host {
  readonly realm: Realm;
  readonly clock: Clock;
  readonly mode: ExecutionMode;
  readonly timer: ExecutionTimer;
  /** The manifest's oauthScopes; undefined when the manifest lists none (Apps Script then detects them). */
  readonly grantedScopes: ReadonlySet<string> | undefined;
  count(key: string, by?: number): void;
  /** A wait point of this execution: `name` is the service method ("Range.setValues") or wait ("Utilities.sleep"). */
  wait(kind: WaitKind, name: string): void;
  /** The emulated object behind a wrapper the script passed back (a Range, an HtmlOutput...). */
  unwrap(value: unknown): ServiceObject | undefined;
}

/**
 * Base of every emulated Apps Script object. Only the methods listed in `methods` are visible to the
 * script; everything else on the class is runtime-internal.
 */
export abstract class ServiceObject {
  abstract readonly kind: string;
  abstract readonly methods: Readonly<Record<string, Access>>;
}

function permissionError(
  mode: ExecutionMode,
  kind: string,
  method: string,
  access: Access,
): AppsScriptException {
  if (mode === 'CUSTOM_FUNCTION') {
    // Observed wording (not in the reference pages): "You do not have permission to call setValue".
    if (access === 'ui')
      return new AppsScriptException('Cannot call SpreadsheetApp.getUi() from this context.');
    return new AppsScriptException(`You do not have permission to call ${method}`);
  }
  const scopes = SCOPES[access];
  return new AppsScriptException(
    `You do not have permission to call ${kind}.${method}` +
      (scopes ? `. Required permissions: ${scopeList(scopes)}` : ''),
  );
}

/** Google's notation: one scope as is, alternatives as "(a || b)". */
const scopeList = (scopes: readonly string[]): string =>
  scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;

/**
 * A method whose scopes are all missing from the manifest's oauthScopes. Wording observed in user reports, e.g.
 * "Specified permissions are not sufficient to call Session.getActiveUser. Required permissions:
 * https://www.googleapis.com/auth/userinfo.email" (https://developers.google.com/apps-script/concepts/scopes#setting_explicit_scopes).
 */
function scopeError(
  granted: ReadonlySet<string> | undefined,
  kind: string,
  method: string,
  access: Access,
): AppsScriptException | undefined {
  const scopes = SCOPES[access];
  if (!granted || !scopes || scopes.some((s) => granted.has(s))) return undefined;
  return new AppsScriptException(
    `Specified permissions are not sufficient to call ${kind}.${method}. Required permissions: ${scopeList(scopes)}`,
  );
}

/** Wraps service objects for the vm, one wrapper per object (so identity is stable). */
export class Exposer {
  private readonly wrappers = new WeakMap<ServiceObject, Record<string, unknown>>();
  private readonly targets = new WeakMap<object, ServiceObject>();

  constructor(private readonly host: Host) {}

  readonly keep = (v: object): object | undefined => (v instanceof ServiceObject ? this.wrap(v) : undefined);

  wrap(target: ServiceObject): Record<string, unknown> {
    const existing = this.wrappers.get(target);
    if (existing) return existing;
    const { realm } = this.host;
    const wrapper = realm.newObject();
    for (const [method, access] of Object.entries(target.methods)) {
      const impl = (target as unknown as Record<string, unknown>)[method];
      if (typeof impl !== 'function') {
        wrapper[method] = realm.toVm(impl, this.keep); // enum-like constant
        continue;
      }
      const call = (...args: unknown[]): unknown => {
        this.host.count(`${target.kind}.${method}`);
        const { timer } = this.host;
        try {
          timer.check();
          if (!ALLOWED[this.host.mode].has(access))
            throw permissionError(this.host.mode, target.kind, method, access);
          const denied = scopeError(this.host.grantedScopes, target.kind, method, access);
          if (denied) throw denied;
          // Every call that goes to Google's servers is a moment other executions run meanwhile.
          if (access !== 'free') this.host.wait('call', `${target.kind}.${method}`);
          const result: unknown = impl.apply(target, args);
          timer.spend(CALL_COST_MS[access] ?? 0, 'callMs');
          return result === target ? wrapper : realm.toVm(result, this.keep);
        } catch (e) {
          if (realm.isVmError(e)) throw e;
          const err = e instanceof Error ? e : new Error(String(e));
          throw realm.newError(err.name, err.message);
        }
      };
      Object.defineProperty(call, 'name', { value: method });
      wrapper[method] = call;
    }
    Object.defineProperty(wrapper, 'toString', { value: () => target.kind, enumerable: false });
    this.wrappers.set(target, wrapper);
    this.targets.set(wrapper, target);
    return wrapper;
  }

  unwrap(value: unknown): ServiceObject | undefined {
    return value !== null && typeof value === 'object' ? this.targets.get(value) : undefined;
  }
}
