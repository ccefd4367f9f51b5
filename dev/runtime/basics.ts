/** Session, ScriptApp, Logger and console. */
import { formatString } from './utilities';
import { ServiceObject, type Access, type Host } from './service';
import { User } from './user';
import { EVENT_TYPES, ScriptTriggers, TRIGGER_SOURCES, type Trigger, type TriggerBuilder } from './triggers';

export interface UserSettings {
  email: string;
  /** What Session.getActiveUserLocale() returns, e.g. "en" or "es". */
  locale?: string;
}

/**
 * Custom functions run as an anonymous user and simple triggers in NONE mode have no identity, so the
 * active user's email is "" there (https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
 * Both user getters need the userinfo.email scope in the manifest.
 */
export class SessionImpl extends ServiceObject {
  readonly kind = 'Session';
  readonly methods: Record<string, Access> = {
    getActiveUser: 'identity',
    getEffectiveUser: 'identity',
    getScriptTimeZone: 'free',
    getActiveUserLocale: 'free',
    getTemporaryActiveUserKey: 'free',
  };

  constructor(
    private readonly host: Host,
    private readonly user: UserSettings,
    private readonly scriptTimeZone: string,
  ) {
    super();
  }

  private identity(): string {
    return userEmailIn(this.host, this.user);
  }
  getActiveUser(): User {
    return new User(this.identity(), 'free');
  }
  getEffectiveUser(): User {
    return new User(this.identity(), 'free');
  }
  getScriptTimeZone(): string {
    return this.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return this.user.locale ?? 'en';
  }
  getTemporaryActiveUserKey(): string {
    return `offline-key-${this.user.email}`;
  }
}

/** The email Session reports in the current mode: "" in custom functions and in AuthMode.NONE. */
export function userEmailIn(host: Host, user: UserSettings): string {
  return host.mode === 'CUSTOM_FUNCTION' || host.mode === 'NONE' ? '' : user.email;
}

const AUTH_MODES = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;

/**
 * How the script came to be installed for the user
 * (https://developers.google.com/apps-script/reference/script/installation-source): APPS_MARKETPLACE_DOMAIN_ADD_ON
 * "Add-on was installed by the administrator for the user's domain", NONE "Script is not running as an add-on",
 * WEB_STORE_ADD_ON "Add-on was installed by the user from the Chrome Web Store".
 */
const INSTALLATION_SOURCES = {
  APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  NONE: 'NONE',
  WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
} as const;
export type InstallationSourceName = keyof typeof INSTALLATION_SOURCES;

/**
 * ScriptApp: the AuthMode, EventType, TriggerSource and InstallationSource enums (values are their names, so
 * `e.authMode === ScriptApp.AuthMode.NONE` holds) and the installable triggers of triggers.ts.
 */
export class ScriptAppImpl extends ServiceObject {
  readonly kind = 'ScriptApp';
  readonly methods: Record<string, Access> = {
    AuthMode: 'free',
    EventType: 'free',
    TriggerSource: 'free',
    InstallationSource: 'free',
    // The reference lists no authorization scope for it (script-app#getInstallationSource()).
    getInstallationSource: 'free',
    newTrigger: 'triggers',
    getUserTriggers: 'triggers',
    getProjectTriggers: 'triggers',
    deleteTrigger: 'triggers',
  };
  readonly AuthMode = AUTH_MODES;
  readonly EventType = EVENT_TYPES;
  readonly TriggerSource = TRIGGER_SOURCES;
  readonly InstallationSource = INSTALLATION_SOURCES;

  constructor(
    private readonly triggers: ScriptTriggers,
    private readonly installationSource: InstallationSourceName,
  ) {
    super();
  }

  getInstallationSource(): InstallationSourceName {
    return this.installationSource;
  }

  newTrigger(functionName: string): TriggerBuilder {
    return this.triggers.newTrigger(functionName);
  }
  getUserTriggers(spreadsheet: unknown): Trigger[] {
    return this.triggers.getUserTriggers(spreadsheet);
  }
  getProjectTriggers(): Trigger[] {
    return this.triggers.getProjectTriggers();
  }
  deleteTrigger(trigger: unknown): void {
    this.triggers.deleteTrigger(trigger);
  }
}

function renderOne(a: unknown): string {
  if (typeof a === 'string') return a;
  if (Object.prototype.toString.call(a) === '[object Error]') {
    const e = a as Error;
    return `${e.name}: ${e.message}`;
  }
  return a !== null && typeof a === 'object' ? JSON.stringify(a) : String(a);
}

function render(args: readonly unknown[]): string {
  return args.map(renderOne).join(' ');
}

/** Logger.log(data) | Logger.log(format, ...values) with %s-style substitution. */
export class LoggerImpl extends ServiceObject {
  readonly kind = 'Logger';
  readonly methods: Record<string, Access> = { log: 'free', getLog: 'free', clear: 'free' };

  constructor(private readonly lines: string[]) {
    super();
  }

  log(data: unknown, ...values: unknown[]): this {
    this.lines.push(
      typeof data === 'string' && values.length > 0 ? formatString(data, values) : render([data]),
    );
    return this;
  }
  getLog(): string {
    return this.lines.join('\n');
  }
  clear(): void {
    this.lines.length = 0;
  }
}

export class ConsoleImpl extends ServiceObject {
  readonly kind = 'console';
  readonly methods: Record<string, Access> = { log: 'free', info: 'free', warn: 'free', error: 'free' };

  constructor(private readonly lines: string[]) {
    super();
  }

  log(...args: unknown[]): void {
    this.lines.push(render(args));
  }
  info(...args: unknown[]): void {
    this.lines.push(render(args));
  }
  warn(...args: unknown[]): void {
    this.lines.push(render(args));
  }
  error(...args: unknown[]): void {
    this.lines.push(render(args));
  }
}
