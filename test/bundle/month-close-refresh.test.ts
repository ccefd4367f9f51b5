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
    expect(rt.spreadsheet.getFormulas("'Billing 2025-11'!J9")[0][0]).toMatch(/^=BILLED_BY_GROUP\(/);
  });

  it('the handler refuses to run outside its trigger', () => {
    const { rt } = imported();
    expect(() => rt.runFromSidebar('runScheduledMonthClose')).toThrow(
      'runScheduledMonthClose runs only from the daily refresh trigger',
    );
  });
});
