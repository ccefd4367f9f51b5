/**
 * The boundary between the bundle and the emulated services: every service method the script calls is
 * counted ("Range.getValues"), checked against the execution's authorization mode, and its Node-side
 * result or error is converted into the vm realm.
 */
import type { Clock } from './clock';
import type { Realm } from './realm';

/** How Apps Script is running the current call (https://developers.google.com/apps-script/reference/script/auth-mode). */
export type ExecutionMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/**
 * What a method needs. free: no authorization (Utilities, Logger, enums, building menus);
 * ui: SpreadsheetApp.getUi; doc-read / doc-write: the bound spreadsheet; props-read / props-write:
 * PropertiesService; storage: Cache and Lock; fetch: UrlFetchApp; html: HtmlService.
 */
export type Access =
  'free' | 'ui' | 'doc-read' | 'doc-write' | 'props-read' | 'props-write' | 'storage' | 'fetch';

/** An Apps Script service error: Apps Script logs these as "Exception: <message>". */
export class AppsScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

const SCOPES: Partial<Record<Access, string>> = {
  'doc-read': 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'doc-write': 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  fetch: 'https://www.googleapis.com/auth/script.external_request',
};

/**
 * Which access classes each mode allows. NONE: only what needs no authorization (menus); LIMITED (simple
 * triggers): the document, properties, cache and lock but not UrlFetch; CUSTOM_FUNCTION: the guide's table
 * (https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services) —
 * Spreadsheet read-only, Properties readable, URL Fetch, Cache, Lock, Utilities.
 */
const ALLOWED: Record<ExecutionMode, ReadonlySet<Access>> = {
  NONE: new Set<Access>(['free', 'ui']),
  LIMITED: new Set<Access>(['free', 'ui', 'doc-read', 'doc-write', 'props-read', 'props-write', 'storage']),
  FULL: new Set<Access>([
    'free',
    'ui',
    'doc-read',
    'doc-write',
    'props-read',
    'props-write',
    'storage',
    'fetch',
  ]),
  CUSTOM_FUNCTION: new Set<Access>(['free', 'doc-read', 'props-read', 'storage', 'fetch']),
};

/** The runtime state services share. */
export interface Host {
  readonly realm: Realm;
  readonly clock: Clock;
  readonly mode: ExecutionMode;
  count(key: string, by?: number): void;
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
  const scope = SCOPES[access];
  return new AppsScriptException(
    `You do not have permission to call ${kind}.${method}` +
      (scope ? `. Required permissions: ${scope}` : ''),
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
        try {
          if (!ALLOWED[this.host.mode].has(access))
            throw permissionError(this.host.mode, target.kind, method, access);
          const result: unknown = impl.apply(target, args);
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
