/** ScriptApp (https://developers.google.com/apps-script/reference/script/script-app). */
import { ServiceObject, type Access } from './service';
import { EVENT_TYPES, ScriptTriggers, TRIGGER_SOURCES, type Trigger, type TriggerBuilder } from './triggers';

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
    getOAuthToken: 'oauth-token',
  };
  readonly AuthMode = AUTH_MODES;
  readonly EventType = EVENT_TYPES;
  readonly TriggerSource = TRIGGER_SOURCES;
  readonly InstallationSource = INSTALLATION_SOURCES;

  constructor(
    private readonly triggers: ScriptTriggers,
    private readonly installationSource: InstallationSourceName,
    private readonly oauthToken: string,
  ) {
    super();
  }

  /**
   * "Gets the OAuth 2.0 access token for the effective user" (script-app#getOAuthToken()): a token for the scopes
   * the script needs — the manifest's oauthScopes when it lists them — which the script may send to other Google
   * APIs (UrlFetchApp with `Authorization: Bearer`). The reference lists no scope for the method itself; it needs
   * the user's authorization, so NONE, LIMITED and custom functions get Apps Script's permission error
   * (service.ts). The token is `rt.oauthToken`, which tests set (the fake BigQuery's token).
   */
  getOAuthToken(): string {
    return this.oauthToken;
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
