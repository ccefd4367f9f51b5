/** Session (https://developers.google.com/apps-script/reference/base/session). */
import { ServiceObject, type Access, type Host } from './service';
import { User } from './user';

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
