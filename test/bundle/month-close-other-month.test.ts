/**
 * Issue 15 point 9: the month close never splits a month by another month's Atom tables silently. The setup gives
 * each month's own tables (the panel proposes the chosen month's), and a range on another month's table is noted
 * on the result.
 */
import type { MonthCloseResult, MonthCloseSetup } from '../../src/rpc/contract';
import { campaignsCsv, importParsed } from './atom-helpers';
import { connectedRuntime, useGraph } from './meta-helpers';

jest.setTimeout(180_000);

const server = useGraph();

const OCTOBER_NOTE = {
  code: 'otherMonthTable',
  what: 'campaigns',
  range: "'Billing 2025-10'!Y5:Z305",
  month: '2025-11',
  owner: '2025-10',
};

it("the setup gives each month's own Atom tables; October's table used for November is noted", () => {
  const { rt } = connectedRuntime(server());
  importParsed(rt, campaignsCsv(), 'campañas.csv', { month: '2025-10' });

  const setup = rt.runFromSidebar('getMonthCloseSetup') as MonthCloseSetup;
  expect(setup.atomRanges['2025-10'].campaigns).toEqual({ sheet: 'Billing 2025-10', range: 'Y5:Z305' });
  expect(setup.atomRanges['2025-11']).toBeUndefined();

  const october = rt.runFromSidebar('runMonthClose', { month: '2025-10' }) as MonthCloseResult;
  expect(october.notes.filter((n) => n.code === 'otherMonthTable')).toEqual([]);

  const november = rt.runFromSidebar('runMonthClose', {
    month: '2025-11',
    campaigns: { sheet: 'Billing 2025-10', range: 'Y5:Z305' },
  }) as MonthCloseResult;
  expect(november.notes).toContainEqual(OCTOBER_NOTE);
});

it("the daily refresh does not split the open month by the last request's table of another month", () => {
  const { rt, clock } = connectedRuntime(server());
  importParsed(rt, campaignsCsv(), 'campañas.csv', { month: '2025-10' });
  rt.runFromSidebar('runMonthClose', { month: '2025-10' });
  expect(rt.spreadsheet.getFormulas("'Billing 2025-10'!I17")[0][0]).toContain("'Billing 2025-10'!Y6:Y305");
  rt.runFromSidebar('setDailyRefresh', { enabled: true, hour: 6 });
  const [trigger] = rt.triggerRecords();
  clock.set(rt.nextTriggerRun(trigger.uid));
  rt.runTimeTrigger(trigger.uid); // November only: October is closed
  expect(rt.spreadsheet.getValues("'Imports'!C3")[0][0]).toBe('2025-11');
  expect(rt.spreadsheet.getFormulas("'Billing 2025-11'!A17:I17")[0].join(' ')).not.toContain(
    'Billing 2025-10',
  );
});
