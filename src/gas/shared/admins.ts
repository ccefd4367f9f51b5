/**
 * Who may change the document's settings: the admins of the Meta connection (stored beside it). Every feature's
 * admin-only sidebar call checks here; a refusal is a ConnectionSettingsError the sidebar shows as is.
 */
import { UserFacingError } from '../../core/errors';
import type { ServerErrorNote } from '../../rpc/contract';

export class ConnectionSettingsError extends UserFacingError {
  constructor(message: string, note?: ServerErrorNote) {
    super(message, note);
    this.name = 'ConnectionSettingsError';
  }
}

export function currentUserEmail(): string {
  return Session.getActiveUser().getEmail().trim().toLowerCase();
}

/**
 * Throws unless the current user may change the settings: an admin, or anyone while there is no admin yet
 * (`allowFirst`, the first save).
 */
export function requireAdmin(admins: readonly string[], allowFirst: boolean): string {
  const email = currentUserEmail();
  if (!email) {
    throw new ConnectionSettingsError(
      'Google does not share your email address with the add-on here, so your admin rights cannot be checked — ' +
        'sign in with an account of the same domain as the spreadsheet owner',
      { code: 'noEmail' },
    );
  }
  if (admins.length === 0 && allowFirst) return email;
  if (!admins.includes(email)) {
    throw new ConnectionSettingsError(
      admins.length
        ? `Only an admin of this spreadsheet's Meta connection can change it — ask ${admins.join(' or ')}`
        : 'There is no admin yet: the first person who connects to Meta becomes admin',
      admins.length ? { code: 'notAdmin', admins } : { code: 'noAdminYet' },
    );
  }
  return email;
}
