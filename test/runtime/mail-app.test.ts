/**
 * MailApp in the offline runtime, as Google's reference and quotas page describe it: the sendEmail forms, the
 * recipients-per-day quota (100 consumer, 1,500 Workspace), refused addresses, and the send_mail scope.
 */
import {
  createRuntime,
  manualClock,
  WORKSPACE_RECIPIENTS_PER_DAY,
  type AppsScriptRuntime,
  type RuntimeOptions,
} from '../../dev/runtime';

const AUTH = 'https://www.googleapis.com/auth/';
const NOON = Date.UTC(2025, 10, 15, 12);

const SOURCE = `
  function plain(to) { MailApp.sendEmail(to, 'Subject', 'Body'); return MailApp.getRemainingDailyQuota(); }
  function withOptions() { MailApp.sendEmail('a@x.co', 'S', 'B', { cc: 'b@x.co, c@x.co', name: 'Atom Billing', htmlBody: '<p>B</p>' }); }
  function replyTo() { MailApp.sendEmail('a@x.co', 'boss@x.co', 'S', 'B'); }
  function message() { MailApp.sendEmail({ to: 'a@x.co', subject: 'S', body: 'B', bcc: 'd@x.co' }); }
  function quota() { return MailApp.getRemainingDailyQuota(); }
  function many(n) { for (var i = 0; i < n; i++) MailApp.sendEmail('u' + i + '@x.co', 'S', 'B'); }`;

function mailRuntime(options: RuntimeOptions = {}): AppsScriptRuntime {
  const rt = createRuntime({ clock: manualClock(NOON), ...options });
  rt.loadSource(SOURCE);
  return rt;
}

describe('MailApp.sendEmail', () => {
  it('sends in each documented form, recording recipients, cc, bcc, reply-to and options', () => {
    const rt = mailRuntime();
    expect(rt.run('plain', 'a@x.co')).toBe(99);
    rt.run('withOptions');
    rt.run('replyTo');
    rt.run('message');
    expect(rt.mail.sent.map((m) => [m.to, m.cc, m.bcc, m.replyTo, m.name])).toEqual([
      [['a@x.co'], [], [], null, null],
      [['a@x.co'], ['b@x.co', 'c@x.co'], [], null, 'Atom Billing'],
      [['a@x.co'], [], [], 'boss@x.co', null],
      [['a@x.co'], [], ['d@x.co'], null, null],
    ]);
    expect(rt.mail.sent[0]).toMatchObject({ from: 'finance@example.com', subject: 'Subject', body: 'Body' });
    // Recipients count, not messages: 1 + 3 + 1 + 2.
    expect(rt.run('quota')).toBe(93);
  });

  it('refuses a malformed address and sends nothing', () => {
    const rt = mailRuntime();
    expect(() => rt.run('plain', 'not-an-address')).toThrow('Invalid email: not-an-address');
    expect(() => rt.run('plain', 'a@x.co, b@')).toThrow('Invalid email: b@');
    expect(() => rt.run('plain', '')).toThrow('Failed to send email: no recipient');
    expect(rt.mail.sent).toEqual([]);
  });

  it('a consumer account sends to 100 recipients a day; the 101st fails, and the window refreshes after 24 h', () => {
    const clock = manualClock(NOON);
    const rt = mailRuntime({ clock });
    rt.run('many', 100);
    expect(rt.run('quota')).toBe(0);
    expect(() => rt.run('many', 1)).toThrow('Service invoked too many times for one day: email.');
    expect(rt.mail.sent).toHaveLength(100);
    clock.advance(24 * 60 * 60_000);
    expect(rt.run('quota')).toBe(100);
  });

  it('a Workspace account has 1,500 recipients a day', () => {
    const rt = mailRuntime({ mailRecipientsPerDay: WORKSPACE_RECIPIENTS_PER_DAY });
    expect(rt.run('quota')).toBe(1500);
  });

  it('needs script.send_mail in the manifest, and authorization (not from a custom function)', () => {
    const rt = createRuntime({ manifest: { oauthScopes: [`${AUTH}spreadsheets.currentonly`] } });
    rt.loadSource(SOURCE);
    expect(() => rt.run('plain', 'a@x.co')).toThrow(
      `Specified permissions are not sufficient to call MailApp.sendEmail. Required permissions: ${AUTH}script.send_mail`,
    );
    const granted = mailRuntime({ manifest: { oauthScopes: [`${AUTH}script.send_mail`] } });
    expect(() => granted.runCustomFunction('plain', 'a@x.co')).toThrow(
      'You do not have permission to call sendEmail',
    );
    expect(granted.run('plain', 'a@x.co')).toBe(99);
  });
});
