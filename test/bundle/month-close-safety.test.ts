/**
 * Status and grace, safety (lock, failures before and while writing, Meta errors), progress and the daily refresh
 * of the month close, through the built bundle (issue 9 points 3–4; the daily refresh is in month-close-refresh).
 */
import { formatA1 } from '../../dev/runtime/a1';
import type { ProtectionRecord } from '../../dev/runtime/spreadsheet-model';
import type { MonthCloseProgress, MonthCloseSetup } from '../../src/rpc/contract';
import { expectedTotals } from '../../dev/fake-graph/generator';
import { connect, connectedRuntime, DATASET, thrown, TOKEN, useGraph, withOtherGraph } from './meta-helpers';
import { runImport, seedAtomSheets, snapshot, WITH_ATOM } from './month-close-helpers';
import { noted } from '../support/error-notes';
import { serverFailureText } from '../../src/sidebar/server-errors';

// Each import runs real HTTP (a child process per fetchAll) and the formula engine: minutes, not seconds, under load.
jest.setTimeout(180_000);

const server = useGraph();
const OCT_RECORDS = expectedTotals(DATASET, { fromDay: 20251001, toDay: 20251031 }).records;

function imported(options: Parameters<typeof connectedRuntime>[1] = {}) {
  const m = connectedRuntime(server(), options);
  seedAtomSheets(m.rt);
  return m;
}

describe('status: estimate until the month has ended plus the grace', () => {
  it('the open month is an estimate with a projection and its projected cumulative', () => {
    const { rt } = imported();
    const result = runImport(rt, { month: '2025-11', ...WITH_ATOM });
    expect(result.status).toBe('estimate');
    expect(result.projection).toBeGreaterThan(result.billedUnits);
    expect(result.daily[14].cumulative).toBe(result.billedUnits);
    expect(result.daily[15]).toMatchObject({ billedUnits: null, cumulative: null });
    expect(result.daily[29].projectedCumulative).toBe(result.projection);
    expect(rt.spreadsheet.getDisplayValues("'Billing 2025-11'!A8:B10")).toEqual([
      ['Projected month end', Math.round(result.projection!).toLocaleString('en-US')],
      ['Projection method', 'linear'],
      ['Status', 'Estimate'],
    ]);
    expect(formatA1(rt.spreadsheet.namedRange('PROJECTION_2025_11')!.box)).toBe('B8');
  });

  it('a month just ended stays an estimate during the grace (5 days), then is closed; admins change the grace', () => {
    const { rt, clock, user } = imported();
    clock.set(Date.UTC(2025, 10, 5, 15)); // 5 November, noon in São Paulo
    expect(runImport(rt, { month: '2025-10' })).toMatchObject({ status: 'estimate' });
    expect(rt.runFromSidebar('setConsolidationGrace', 3)).toBe(3);
    expect(runImport(rt, { month: '2025-10' })).toMatchObject({ status: 'closed', projection: null });
    expect((rt.runFromSidebar('getMonthCloseSetup') as MonthCloseSetup).graceDays).toBe(3);
    user.email = 'bob@example.com';
    expect(() => rt.runFromSidebar('setConsolidationGrace', 10)).toThrow(/Only an admin/);
    expect(rt.spreadsheet.getValues("'Imports'!J2:J3")).toEqual([['Estimate'], ['Closed']]);
  });
});

describe('safety', () => {
  it('a second import waits up to 30 s for the lock, then "another import is running"; nothing changes', () => {
    const { rt, clock } = imported();
    runImport(rt, { month: '2025-10' });
    const before = snapshot(rt);
    const release = rt.holdDocumentLock();
    const started = clock.now();
    expect(() => runImport(rt, { month: '2025-10' })).toThrow(
      'Another import is running in this spreadsheet — try again when it has finished',
    );
    expect(clock.now() - started).toBeGreaterThanOrEqual(30_000);
    release();
    expect(snapshot(rt)).toEqual(before);
    expect(rt.runFromSidebar('getMonthCloseProgress')).toBeNull();
  });

  it('a Meta error (expired token) is shown in plain words and leaves every sheet exactly as it was', async () => {
    const { rt } = imported();
    runImport(rt, { month: '2025-10', ...WITH_ATOM });
    const before = snapshot(rt);
    await server().setFault({ kind: 'token190', times: 'always' });
    const e = thrown(() => runImport(rt, { month: '2025-10', ...WITH_ATOM }));
    expect(serverFailureText(e, 'en')).toBe(
      'Nothing was imported: Meta token expired or revoked — ask an admin to reconnect.',
    );
    // A Spanish user reads it in Spanish (issue 16 point 4).
    expect(serverFailureText(e, 'es')).toBe(
      'No se importó nada. El token de Meta venció o fue revocado: pida a un administrador que vuelva a conectar.',
    );
    expect(snapshot(rt)).toEqual(before);
  });

  it('bad input is refused before anything is fetched or written', () => {
    const { rt } = imported();
    const before = snapshot(rt);
    expect(() => runImport(rt, { month: '2025-13' })).toThrow(/YYYY-MM/);
    expect(() => runImport(rt, { month: '2025-12' })).toThrow('2025-12 has not started yet');
    expect(() => runImport(rt, { month: '2025-10', lines: ['+1 555 0100'] })).toThrow(
      '+1 555 0100 is not a phone number of the connected WhatsApp Business Account',
    );
    expect(() => runImport(rt, { month: '2025-10', groups: { sheet: 'Nope', range: 'A1:B3' } })).toThrow(
      'The groups sheet "Nope" does not exist',
    );
    expect(() => runImport(rt, { month: '2025-10', costToAllocate: -1 })).toThrow(/0 or more/);
    expect(snapshot(rt)).toEqual(before);
  });

  it('a sheet of the same name that is not ours is never written over', () => {
    const { rt } = imported();
    rt.spreadsheet.insertSheet('Imports');
    rt.spreadsheet.setValues("'Imports'!A1", [['my notes']]);
    expect(() => runImport(rt, { month: '2025-10' })).toThrow(
      /The sheet "Imports" was not made by Atom Billing/,
    );
    expect(rt.spreadsheet.getSheet('Meta data')).toBeUndefined();
  });

  it('a failure while writing is reported; running the import again repairs the sheets', async () => {
    const { rt } = imported();
    runImport(rt, { month: '2025-10', ...WITH_ATOM });
    runImport(rt, { month: '2025-09', ...WITH_ATOM });
    await withOtherGraph({ token: TOKEN, seed: 7 }, (other) => {
      connect(rt, other);
      // Meta's September changed, and someone protected its summary: "Meta data" is rewritten, the summary fails.
      rt.spreadsheet.activeUser = 'ana@example.com';
      const unprotect = protectSheet(rt, 'Billing 2025-09');
      const e = thrown(() => runImport(rt, { month: '2025-09', ...WITH_ATOM }));
      expect(e.message).toMatch(
        /^Writing the sheets failed part-way \(.+\) — nothing was added to the Imports ledger; run the import again/,
      );
      expect(rt.spreadsheet.getSheet('Imports')!.lastRow).toBe(3);
      unprotect();
      const repaired = runImport(rt, { month: '2025-09', ...WITH_ATOM });
      const seven = expectedTotals({ ...DATASET, seed: 7 }, { fromDay: 20250901, toDay: 20250930 });
      expect(repaired.billedUnits).toBe(seven.billable);
      expect(rt.spreadsheet.getValues("'Billing 2025-09'!B3")).toEqual([[seven.billable]]);
      const rows = OCT_RECORDS + seven.records;
      expect(rt.spreadsheet.getSheet('Meta data')!.lastRow).toBe(rows + 1);
      expect(rt.spreadsheet.getValues("'Imports'!C2:C4")).toEqual([['2025-10'], ['2025-09'], ['2025-09']]);
    });
  });
});

describe('progress', () => {
  // Each google.script.run call is an execution of its own, run beside the import: the polls are executions
  // interleaved at the import's wait points (service calls, fetches, lock waits).
  it('polls while an import runs see its steps in order, "fetching" through the fetches and "writing" through the writes; null before and after', () => {
    const { rt } = imported();
    expect(rt.runFromSidebar('getMonthCloseProgress')).toBeNull();
    const polls: { at: string; progress: MonthCloseProgress | null }[] = [];
    rt.onWait = (point) => {
      if (point.executions > 1) return; // the import's own wait points, not the polls'
      const progress = rt.runFromSidebar('getMonthCloseProgress') as MonthCloseProgress | null;
      polls.push({ at: `${point.kind} ${point.name}`, progress });
    };
    const result = runImport(rt, { month: '2025-10', ...WITH_ATOM });
    rt.onWait = undefined;
    const seen = polls.map((p) => p.progress && `${p.progress.step} ${p.progress.done}/${p.progress.total}`);
    expect(seen.filter((s, i) => s !== seen[i - 1])).toEqual([
      null,
      'fetching 1/4',
      'computing 2/4',
      'writing 3/4',
      'done 4/4',
      null, // cleared before the lock is let go
    ]);
    const during = (at: RegExp) => new Set(polls.filter((p) => at.test(p.at)).map((p) => p.progress?.step));
    expect(during(/^fetched /)).toEqual(new Set(['fetching']));
    expect(during(/^call Range\.set/)).toEqual(new Set(['writing']));
    expect(polls.find((p) => p.progress?.step === 'fetching')!.progress!.message).toBe(
      'Fetching Meta data… 1/4',
    );
    expect(result.rowsWritten).toBeGreaterThan(0);
    expect(rt.runFromSidebar('getMonthCloseProgress')).toBeNull();
  });

  it('a second import started while one runs finds the document lock held: 30 s on the clock, then "another import is running"', () => {
    const { rt, clock } = imported();
    const second: { error?: string; waitedMs?: number; progressAfter?: string } = {};
    rt.onWait = (point) => {
      if (point.executions > 1 || point.kind !== 'fetched' || second.error) return;
      const from = clock.now();
      second.error = thrown(() => runImport(rt, { month: '2025-10' })).message;
      second.waitedMs = clock.now() - from;
      // Same user, same progress key: the running import's progress is neither replaced nor wiped.
      second.progressAfter = (rt.runFromSidebar('getMonthCloseProgress') as MonthCloseProgress).message;
    };
    const first = runImport(rt, { month: '2025-10', ...WITH_ATOM });
    rt.onWait = undefined;
    expect(second.error).toBe(
      noted('Another import is running in this spreadsheet — try again when it has finished', {
        code: 'importRunning',
      }).message,
    );
    // The runtime resumes the first only once the second has ended, so the second waits its whole 30 s.
    expect(second.waitedMs).toBeGreaterThanOrEqual(30_000);
    expect(second.progressAfter).toBe('Fetching Meta data… 1/4');
    expect(first.month).toBe('2025-10');
    expect(rt.spreadsheet.getSheet('Imports')!.lastRow).toBe(2); // the header and the first import only
    expect(runImport(rt, { month: '2025-10' }).month).toBe('2025-10'); // the lock went with the first
  });
});

/** Protects a whole sheet against the current user; returns the undo. */
function protectSheet(rt: ReturnType<typeof connectedRuntime>['rt'], name: string): () => void {
  const record: ProtectionRecord = {
    id: rt.spreadsheet.newProtectionId(),
    type: 'SHEET',
    sheet: rt.spreadsheet.getSheet(name)!,
    description: 'finance only',
    warningOnly: false,
    editors: ['someone.else@example.com'],
    domainEdit: false,
  };
  rt.spreadsheet.protections.push(record);
  return () => {
    rt.spreadsheet.protections.splice(rt.spreadsheet.protections.indexOf(record), 1);
  };
}
