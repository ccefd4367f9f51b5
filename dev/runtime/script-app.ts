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
