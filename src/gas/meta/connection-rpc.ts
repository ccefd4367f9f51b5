/**
 * Sidebar RPC for the Meta connection: read, save (validated against Meta first), clear, and the admins list.
 * The first person who saves becomes admin; from then on only admins may change anything. Every refusal and
 * failure is a ConnectionSettingsError whose message the sidebar shows as is; none contains the token.
 */
import {
  createGraphClient,
  DEFAULT_API_VERSION,
  DEFAULT_GRAPH_BASE_URL,
  MetaError,
  MetaTokenError,
  MetaTransportError,
  type PhoneLine,
  resolveWabaTimeZone,
  SIDEBAR_BUDGET_MS,
  tokenHint,
} from '../../meta';
import type { MetaConnectionView, SaveConnectionRequest } from '../../rpc/contract';
import {
  deleteConnection,
  readAdmins,
  readConnection,
  writeAdmins,
  writeConnection,
  type StoredConnection,
} from '../shared/connection-store';
import { ConnectionSettingsError, currentUserEmail, requireAdmin } from '../shared/admins';
import { appsScriptGraphPorts } from './graph-ports';

/** Two admins saving at once must not overwrite each other's lists. */
function withDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) {
    throw new ConnectionSettingsError(
      'Someone else is changing the Meta connection — try again in a moment',
      {
        code: 'settingsBusy',
        what: 'connection',
      },
    );
  }
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

function viewOf(c: StoredConnection, admins: readonly string[]): MetaConnectionView {
  const zone = resolveWabaTimeZone(
    c.timezoneId,
    SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
  );
  return {
    wabaId: c.wabaId,
    wabaName: c.wabaName,
    currency: c.currency,
    country: c.country ?? '',
    formerAccounts: (c.formerAccounts ?? []).map((f) => ({ ...f })),
    timeZone: zone.timeZone,
    zoneSource: zone.zoneSource,
    zoneConfidence: zone.zoneConfidence,
    lines: c.lines.map((l) => ({ ...l })),
    tokenHint: tokenHint(c.token),
    apiVersion: c.apiVersion,
    isAdmin: admins.includes(currentUserEmail()),
    admins: [...admins],
  };
}

export function getConnection(): MetaConnectionView | null {
  const connection = readConnection();
  return connection ? viewOf(connection, readAdmins()) : null;
}

/** A blank version keeps the stored connection's (a reconnect does not move it to a new Graph version). */
function checkedRequest(
  request: SaveConnectionRequest,
  storedVersion: string | undefined,
): Omit<StoredConnection, 'wabaName' | 'currency' | 'country' | 'timezoneId' | 'lines'> {
  const wabaId = String(request?.wabaId ?? '').trim();
  const token = String(request?.token ?? '').trim();
  const apiVersion = String(request?.apiVersion || storedVersion || DEFAULT_API_VERSION).trim();
  const graphBaseUrl = String(request?.graphBaseUrl || DEFAULT_GRAPH_BASE_URL)
    .trim()
    .replace(/\/+$/, '');
  if (!/^\d{5,25}$/.test(wabaId)) {
    throw new ConnectionSettingsError(
      'The WhatsApp Business Account id must be the number shown in Meta Business Settings (digits only)',
    );
  }
  if (!token || /\s/.test(token) || token.length > 2000) {
    throw new ConnectionSettingsError("Paste the system user's access token (one line, no spaces)");
  }
  if (!/^v\d+\.\d+$/.test(apiVersion)) {
    throw new ConnectionSettingsError(`The Graph API version must look like ${DEFAULT_API_VERSION}`);
  }
  // The token is sent to this address: only HTTPS, or plain HTTP to this machine (the fake server in tests).
  if (!/^(https:\/\/[^\s/?#@]+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)$/.test(graphBaseUrl)) {
    throw new ConnectionSettingsError('The Graph address must be an https:// address');
  }
  return { wabaId, token, apiVersion, graphBaseUrl };
}

/**
 * A script bound to the spreadsheet is open to every editor of it (Extensions ▸ Apps Script): each could read a
 * token it stored, and rewrite the admin list. Installed as an Editor add-on, the code and its script properties
 * are the developer's alone. InstallationSource.NONE: "Script is not running as an add-on"
 * (https://developers.google.com/apps-script/reference/script/installation-source).
 */
function requireAddOn(): void {
  if (ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE) return;
  throw new ConnectionSettingsError(
    'Not connected: Atom Billing is running as a script bound to this spreadsheet, not as an add-on, so every ' +
      'editor of the spreadsheet could open the script and read the token — it stores none. Install Atom Billing ' +
      'as an Editor add-on and connect from there',
  );
}

/**
 * A new account in another currency on phone numbers the stored one had (Meta's currency migration moved them)
 * keeps the stored one, and those before it, as former accounts; any other account starts afresh.
 */
function formerAccountsOf(
  stored: StoredConnection | null,
  waba: { id: string; currency: string },
  lines: readonly PhoneLine[],
) {
  if (!stored || stored.wabaId === waba.id) return stored?.formerAccounts;
  if (stored.currency === waba.currency || !stored.lines.some((l) => lines.some((n) => n.id === l.id)))
    return;
  const { wabaName, currency } = stored;
  return [{ wabaId: stored.wabaId, wabaName, currency }, ...(stored.formerAccounts ?? [])].filter(
    (f) => f.wabaId !== waba.id,
  );
}

export function saveConnection(request: SaveConnectionRequest): MetaConnectionView {
  requireAdmin(readAdmins(), true);
  requireAddOn();
  const settings = checkedRequest(request, readConnection()?.apiVersion);
  const client = createGraphClient(settings, appsScriptGraphPorts());
  let account;
  try {
    account = client.readAccount({ deadlineAt: Date.now() + SIDEBAR_BUDGET_MS });
  } catch (e) {
    if (!(e instanceof MetaError)) throw e;
    // The admin just typed the token and the address: say which one failed, not "ask an admin" or "a shorter range".
    if (e instanceof MetaTokenError)
      throw new ConnectionSettingsError(
        'Not connected: Meta did not accept this token — check it and paste it again',
        {
          code: 'tokenRefused',
        },
      );
    if (e instanceof MetaTransportError)
      throw new ConnectionSettingsError(
        `Not connected: Meta could not be reached at ${settings.graphBaseUrl} (${e.detail}) — check the Graph address, then try again`,
        { code: 'graphUnreachable', address: settings.graphBaseUrl, detail: e.detail },
      );
    throw new ConnectionSettingsError(`Not connected: ${e.message}`);
  }
  if (account.waba.id !== settings.wabaId) {
    throw new ConnectionSettingsError(
      `Not connected: Meta answered for account ${account.waba.id}, not ${settings.wabaId} — check the WABA id`,
      { code: 'otherWaba', answered: account.waba.id, typed: settings.wabaId },
    );
  }
  const connection: StoredConnection = {
    ...settings,
    formerAccounts: formerAccountsOf(readConnection(), account.waba, account.lines),
    wabaName: account.waba.name,
    currency: account.waba.currency,
    country: account.waba.country,
    timezoneId: account.waba.timezoneId,
    lines: account.lines,
  };
  return withDocumentLock(() => {
    const admins = readAdmins();
    const email = requireAdmin(admins, true);
    const nextAdmins = admins.length ? admins : [email];
    writeConnection(connection, nextAdmins);
    return viewOf(connection, nextAdmins);
  });
}

export function clearConnection(): null {
  withDocumentLock(() => {
    requireAdmin(readAdmins(), false);
    deleteConnection();
  });
  return null;
}

function checkedEmail(email: unknown): string {
  const text = String(email ?? '')
    .trim()
    .toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
    throw new ConnectionSettingsError(`"${String(email ?? '').slice(0, 80)}" is not an email address`);
  }
  return text;
}

export function addAdmin(email: string): string[] {
  const added = checkedEmail(email);
  return withDocumentLock(() => {
    const admins = readAdmins();
    requireAdmin(admins, false);
    if (admins.includes(added)) return admins;
    const next = [...admins, added];
    writeAdmins(next);
    return next;
  });
}

export function removeAdmin(email: string): string[] {
  const removed = checkedEmail(email);
  return withDocumentLock(() => {
    const admins = readAdmins();
    requireAdmin(admins, false);
    if (!admins.includes(removed))
      throw new ConnectionSettingsError(`${removed} is not an admin`, { code: 'notAnAdmin', email: removed });
    if (admins.length === 1) {
      throw new ConnectionSettingsError('The last admin cannot be removed — add another admin first', {
        code: 'lastAdmin',
      });
    }
    const next = admins.filter((a) => a !== removed);
    writeAdmins(next);
    return next;
  });
}
