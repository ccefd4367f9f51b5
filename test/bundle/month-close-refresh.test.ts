/** The daily refresh (issue 9 point 5) through the built bundle: an installable time-driven trigger per document. */
import type { DailyRefreshState, MonthCloseSetup } from '../../src/rpc/contract';
import { connectedRuntime, useGraph } from './meta-helpers';
import { runImport, seedAtomSheets, WITH_ATOM } from './month-close-helpers';

// Each import runs real HTTP (a child process per fetchAll) and the formula engine: minutes, not seconds, under load.
jest.setTimeout(180_000);

const server = useGraph();

function imported() {
  const m = connectedRuntime(server());
  seedAtomSheets(m.rt);
  return m;
}

describe('daily refresh', () => {
  it('admins switch it on at an hour: one trigger, never duplicated; switching off deletes it', () => {
    const { rt, user } = imported();
    const on = rt.runFromSidebar('setDailyRefresh', { enabled: true, hour: 6 }) as DailyRefreshState;
    expect(on).toEqual({ enabled: true, hour: 6, timeZone: 'America/Bogota', canChange: true });
    rt.runFromSidebar('setDailyRefresh', { enabled: true, hour: 7 });
    expect(rt.triggerRecords()).toHaveLength(1);
    expect(rt.triggerRecords()[0]).toMatchObject({
      handler: 'runScheduledMonthClose',
      schedule: { everyDays: 1, atHour: 7, timeZone: 'America/Bogota' },
    });
    user.email = 'bob@example.com';
    expect(() => rt.runFromSidebar('setDailyRefresh', { enabled: false })).toThrow(/Only an admin/);
    expect((rt.runFromSidebar('getMonthCloseSetup') as MonthCloseSetup).dailyRefresh).toMatchObject({
      enabled: true,
      canChange: false,
    });
    user.email = 'ana@example.com';
    expect(rt.runFromSidebar('setDailyRefresh', { enabled: false })).toMatchObject({
      enabled: false,
      hour: null,
    });
    expect(rt.triggerRecords()).toEqual([]);
  });

  it('fires at the hour and re-imports the open month; the ledger says "scheduled"', () => {
    const { rt, clock } = imported();
    runImport(rt, { month: '2025-11', ...WITH_ATOM });
    rt.runFromSidebar('setDailyRefresh', { enabled: true, hour: 6 });
    const [trigger] = rt.triggerRecords();
    clock.set(rt.nextTriggerRun(trigger.uid));
    expect(clock.now()).toBe(Date.UTC(2025, 10, 16, 11)); // 06:00 in Bogota the next day
    rt.runTimeTrigger(trigger.uid);
    const ledger = rt.spreadsheet.getValues("'Imports'!B2:M3");
    expect(ledger[1][1]).toBe('2025-11');
    expect(ledger[1][0]).toBe('ana@example.com');
    expect(ledger[1][11]).toBe('scheduled');
    expect(rt.spreadsheet.getFormulas("'Billing 2025-11'!A17")[0][0]).toMatch(/^=BILLED_BY_GROUP\(/);
  });

  it('another admin switching it on makes theirs the one: the earlier trigger deletes itself when it fires', () => {
    const { rt, clock, user } = imported();
    rt.runFromSidebar('addAdmin', 'bob@example.com');
    rt.runFromSidebar('setDailyRefresh', { enabled: true, hour: 6 });
    user.email = 'bob@example.com';
    rt.runFromSidebar('setDailyRefresh', { enabled: true, hour: 8 });
    const [ana, bob] = rt.triggerRecords();
    expect([ana.owner, bob.owner]).toEqual(['ana@example.com', 'bob@example.com']);
    clock.set(rt.nextTriggerRun(ana.uid));
    expect(rt.runTimeTrigger(ana.uid)).toEqual([]);
    expect(rt.triggerRecords().map((t) => t.owner)).toEqual(['bob@example.com']);
    expect(rt.spreadsheet.getSheet('Imports')).toBeUndefined();
    clock.set(rt.nextTriggerRun(bob.uid));
    rt.runTimeTrigger(bob.uid);
    expect(rt.spreadsheet.getValues("'Imports'!B2:C2")).toEqual([['bob@example.com', '2025-11']]);
  });

  it('the handler refuses to run outside its trigger', () => {
    const { rt } = imported();
    expect(() => rt.runFromSidebar('runScheduledMonthClose')).toThrow(
      'runScheduledMonthClose runs only from the daily refresh trigger',
    );
  });
});

describe("the daily refresh's two months share one execution's 6 minutes", () => {
  it('a month whose writes no longer fit in what is left is refused before its first write; the other is imported', () => {
    // Each Meta answer takes 155 s: the second month's fetch ends past 5 of the 6 minutes.
    const m = connectedRuntime(server(), { fetchLatencyMs: 155_000 });
    seedAtomSheets(m.rt);
    const { rt, clock } = m;
    clock.set(Date.UTC(2025, 10, 2, 12)); // 2 November: on the 3rd, October (in its grace) and November are open
    rt.runFromSidebar('setDailyRefresh', { enabled: true, hour: 6 });
    const [trigger] = rt.triggerRecords();
    clock.set(rt.nextTriggerRun(trigger.uid));
    expect(() => rt.runTimeTrigger(trigger.uid)).toThrow(
      /^The daily refresh failed — 2025-11: The month close of 2025-11 ran out of time \(6-minute limit\) before writing; nothing was written/,
    );
    expect(rt.spreadsheet.getValues("'Imports'!C2:C3")).toEqual([['2025-10'], ['']]);
    expect(rt.spreadsheet.getSheet('Billing 2025-11')).toBeUndefined();
  });
});
