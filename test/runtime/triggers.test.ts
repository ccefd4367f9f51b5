/**
 * Installable time-driven triggers with the Editor add-on rules
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions) and a way to fire one.
 */
import { createRuntime, manualClock, type AppsScriptRuntime, type ManualClock } from '../../dev/runtime';

const AUTH = 'https://www.googleapis.com/auth/';
const MANIFEST = {
  timeZone: 'America/Bogota',
  oauthScopes: [`${AUTH}spreadsheets.currentonly`, `${AUTH}script.scriptapp`, `${AUTH}userinfo.email`],
};
/** 2025-10-01 12:00 UTC = 07:00 in Bogota. */
const START = Date.UTC(2025, 9, 1, 12);

const SOURCE = `
  function daily(hour, minute, zone) {
    var b = ScriptApp.newTrigger('refresh').timeBased().everyDays(1).atHour(hour);
    if (minute !== undefined) b = b.nearMinute(minute);
    if (zone) b = b.inTimezone(zone);
    return describe(b.create());
  }
  function hourly(n) { return describe(ScriptApp.newTrigger('refresh').timeBased().everyHours(n).create()); }
  function minutely() { return describe(ScriptApp.newTrigger('refresh').timeBased().everyMinutes(5).create()); }
  function describe(t) {
    return [t.getHandlerFunction(), t.getUniqueId(), t.getEventType() === ScriptApp.EventType.CLOCK,
      t.getTriggerSource() === ScriptApp.TriggerSource.CLOCK, t.getTriggerSourceId()];
  }
  function mine() { return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).map(function (t) { return t.getUniqueId(); }); }
  function project() { return ScriptApp.getProjectTriggers().length; }
  function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); return project(); }
  function refresh(e) {
    SpreadsheetApp.getActiveSheet().getRange('A1').setValue('refreshed');
    return { mode: e.authMode === ScriptApp.AuthMode.FULL, uid: e.triggerUid, hour: e.hour, minute: e.minute,
      day: e['day-of-month'], month: e.month, year: e.year, weekday: e['day-of-week'], zone: e.timezone,
      user: Session.getActiveUser().getEmail() };
  }
  function SCHEDULE() { return hourly(1); }
  function onOpen(e) { return hourly(1); }`;

let clock: ManualClock;
const user = { email: 'ana@example.com', locale: 'en' };
function runtime(): AppsScriptRuntime {
  clock = manualClock(START);
  user.email = 'ana@example.com';
  const rt = createRuntime({ clock, manifest: MANIFEST, user });
  rt.loadSource(SOURCE);
  return rt;
}

describe('creating time-driven triggers', () => {
  it('everyDays + atHour runs at that hour in the script zone (America/Bogota), near the given minute', () => {
    const rt = runtime();
    const [handler, uid, isClock, fromClock, sourceId] = rt.run('daily', 6, 30) as unknown[];
    expect([handler, isClock, fromClock, sourceId]).toEqual(['refresh', true, true, null]);
    expect(rt.nextTriggerRun(uid as string)).toBe(Date.UTC(2025, 9, 2, 11, 30)); // tomorrow 06:30 Bogota
    expect(rt.triggerRecords()[0]).toMatchObject({
      owner: 'ana@example.com',
      schedule: { everyDays: 1, atHour: 6, nearMinute: 30, timeZone: 'America/Bogota' },
    });
  });

  it('inTimezone moves atHour to that zone; everyHours runs on the hour', () => {
    const rt = runtime();
    const [, uid] = rt.run('daily', 9, undefined, 'Europe/Madrid') as string[];
    expect(rt.nextTriggerRun(uid)).toBe(Date.UTC(2025, 9, 2, 7)); // 09:00 CEST
    const other = runtime();
    const [, hourlyUid] = other.run('hourly', 1) as string[];
    expect(other.nextTriggerRun(hourlyUid)).toBe(Date.UTC(2025, 9, 1, 13));
  });

  it('one time-driven trigger per user per document, with Apps Script\u2019s message; another user may have their own', () => {
    const rt = runtime();
    rt.run('daily', 6);
    expect(() => rt.run('hourly', 2)).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    user.email = 'bob@example.com';
    rt.run('hourly', 4);
    expect(rt.run('project')).toBe(1);
    expect(rt.triggerRecords()).toHaveLength(2);
  });

  it('add-on triggers run at most hourly: everyMinutes is refused at create()', () => {
    const rt = runtime();
    expect(() => rt.run('minutely')).toThrow(
      'Add-ons can not create time-based triggers that run more often than once per hour.',
    );
    expect(rt.triggerRecords()).toEqual([]);
  });

  it('bad schedules are refused', () => {
    const rt = runtime();
    expect(() => rt.run('daily', 24)).toThrow('Invalid argument: hour');
    expect(() => rt.run('daily', 6, 60)).toThrow('Invalid argument: minute');
    expect(() => rt.run('daily', 6, 0, 'Mars/Olympus')).toThrow('Invalid argument: timezone');
  });

  it('needs an authorized execution: not from a custom function or a simple trigger', () => {
    const rt = runtime();
    expect(() => rt.runCustomFunction('SCHEDULE')).toThrow('You do not have permission to call newTrigger');
    expect(() => rt.runTrigger('onOpen', { authMode: 'LIMITED' })).toThrow(
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
  });
});

describe('listing and deleting', () => {
  it("getUserTriggers(spreadsheet) and getProjectTriggers list the user's own; deleteTrigger removes them", () => {
    const rt = runtime();
    const [, uid] = rt.run('daily', 6) as string[];
    expect(rt.run('mine')).toEqual([uid]);
    user.email = 'bob@example.com';
    expect(rt.run('mine')).toEqual([]);
    expect(rt.run('removeAll')).toBe(0);
    expect(rt.triggerRecords()).toHaveLength(1); // Bob cannot see or delete Ana's
    user.email = 'ana@example.com';
    expect(rt.run('removeAll')).toBe(0);
    expect(rt.triggerRecords()).toEqual([]);
  });
});

describe('firing', () => {
  it('runs the handler in AuthMode.FULL as its creator, with the time-driven event object', () => {
    const rt = runtime();
    const [, uid] = rt.run('daily', 6, 30) as string[];
    user.email = 'bob@example.com'; // whoever is at the keyboard, the trigger runs as Ana
    clock.set(rt.nextTriggerRun(uid));
    expect(rt.runTimeTrigger(uid)).toEqual({
      mode: true,
      uid,
      hour: 11,
      minute: 30,
      day: 2,
      month: 10,
      year: 2025,
      weekday: 4, // Thursday (1 = Monday … 7 = Sunday)
      zone: 'UTC',
      user: 'ana@example.com',
    });
    expect(rt.spreadsheet.getValues('Sheet1!A1')).toEqual([['refreshed']]);
  });
});
