/**
 * MailApp (https://developers.google.com/apps-script/reference/mail/mail-app): the four sendEmail forms —
 * (message), (recipient, subject, body), (recipient, subject, body, options), (to, replyTo, subject, body) — and
 * getRemainingDailyQuota(). Both need https://www.googleapis.com/auth/script.send_mail (the reference's
 * "Authorization" of each method), so they run in AuthMode.FULL only.
 *
 * Quota (https://developers.google.com/apps-script/guides/services/quotas): "Email recipients per day" 100 for a
 * consumer account, 1,500 for Google Workspace — counted per recipient (to, cc and bcc), per user; "Daily quotas
 * are refreshed at the end of a 24-hour window", modelled as a rolling 24 hours (the exact refresh time "varies
 * between users"). "Email recipients per message": 50. Over quota, the observed error is
 * `Service invoked too many times for one day: email.` (e.g. dwyl/learn-to-send-email-via-google-script-html-no-server#376);
 * a malformed address gives `Invalid email: <address>` (observed, UNCONFIRMED by Google). Nothing is sent (or
 * counted) when a message is refused.
 */
import { AppsScriptException } from './exception';
import type { Clock } from './clock';
import { ServiceObject, type Access } from './service';

export const CONSUMER_RECIPIENTS_PER_DAY = 100;
export const WORKSPACE_RECIPIENTS_PER_DAY = 1500;
export const RECIPIENTS_PER_MESSAGE = 50;
const DAY_MS = 24 * 60 * 60_000;

/** One sent message, as the runtime records it (`rt.mail.sent`). */
export interface SentMail {
  /** The sending user (the execution's). */
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string | null;
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  noReply: boolean;
  at: number;
}

/** The mail that outlives executions: what was sent, and each user's daily recipients quota. */
export class MailStore {
  readonly sent: SentMail[] = [];
  constructor(readonly recipientsPerDay: number) {}

  /** Recipients `user` may still send to in the 24 hours before `now`. */
  remaining(user: string, now: number): number {
    const used = this.sent
      .filter((m) => m.from === user && now - m.at < DAY_MS)
      .reduce((n, m) => n + m.to.length + m.cc.length + m.bcc.length, 0);
    return Math.max(0, this.recipientsPerDay - used);
  }
}

/** A simple address: something@domain.tld, no spaces (a display name "Ana <ana@x.co>" is allowed around it). */
const ADDRESS = /^(?:[^<>]*<\s*)?[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+(?:\s*>)?$/;

function addresses(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const list = String(value)
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of list) if (!ADDRESS.test(a)) throw new AppsScriptException(`Invalid email: ${a}`);
  return list;
}

const text = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));

export class MailAppImpl extends ServiceObject {
  readonly kind = 'MailApp';
  readonly methods: Record<string, Access> = { sendEmail: 'mail', getRemainingDailyQuota: 'mail' };

  constructor(
    private readonly store: MailStore,
    private readonly clock: Clock,
    private readonly user: () => string,
  ) {
    super();
  }

  getRemainingDailyQuota(): number {
    return this.store.remaining(this.user(), this.clock.now());
  }

  sendEmail(...args: unknown[]): void {
    let message: Record<string, unknown>;
    if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
      message = args[0] as Record<string, unknown>;
    } else if (args.length === 4 && typeof args[3] === 'string') {
      message = { to: args[0], replyTo: args[1], subject: args[2], body: args[3] };
    } else if (args.length === 3 || args.length === 4) {
      message = {
        ...((args[3] as Record<string, unknown> | undefined) ?? {}),
        to: args[0],
        subject: args[1],
        body: args[2],
      };
    } else {
      throw new AppsScriptException(
        `The parameters (${args.map((a) => typeof a).join(',')}) don't match the method signature for MailApp.sendEmail.`,
      );
    }
    const mail: SentMail = {
      from: this.user(),
      to: addresses(message.to),
      cc: addresses(message.cc),
      bcc: addresses(message.bcc),
      replyTo: text(message.replyTo),
      subject: text(message.subject) ?? '',
      body: text(message.body) ?? '',
      htmlBody: text(message.htmlBody),
      name: text(message.name),
      noReply: message.noReply === true,
      at: this.clock.now(),
    };
    if (mail.replyTo) addresses(mail.replyTo);
    const recipients = mail.to.length + mail.cc.length + mail.bcc.length;
    if (recipients === 0) throw new AppsScriptException('Failed to send email: no recipient');
    if (recipients > RECIPIENTS_PER_MESSAGE)
      throw new AppsScriptException('Limit Exceeded: Email Recipients Per Message.');
    if (recipients > this.getRemainingDailyQuota())
      throw new AppsScriptException('Service invoked too many times for one day: email.');
    this.store.sent.push(mail);
  }
}
