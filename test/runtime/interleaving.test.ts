/**
 * Executions side by side: in Apps Script each google.script.run call, menu item or trigger is an execution of
 * its own, and a user's executions run at the same time (up to 30,
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations). The runtime runs others
 * at a running execution's wait points (onWait): each in a fresh realm, with its own time limit and locks, over
 * the shared stores.
 */
import {
  createRuntime,
  manualClock,
  ServiceFault,
  SIMULTANEOUS_EXECUTIONS,
  type WaitPoint,
} from '../../dev/runtime';

const START = Date.UTC(2025, 9, 1, 12);

const SOURCE = `
  var mark = 'fresh';
  function steps() {
    const cache = CacheService.getScriptCache();
    cache.put('step', 'one');
    mark = 'touched by steps';
    Utilities.sleep(1000);
    cache.put('step', 'two');
    SpreadsheetApp.getActiveSheet().getRange('A1').setValue('written');
    cache.remove('step');
    return 'done';
  }
  function peek() {
    return [CacheService.getScriptCache().get('step'), mark, SpreadsheetApp.getActiveSheet().getRange('A1').getValue()];
  }
  function nap() { Utilities.sleep(300000); return 'rested'; }
  function forever() { for (;;) Utilities.sleep(300000); }
  function take(ms) { const l = LockService.getDocumentLock(); return l.tryLock(ms); }
  function holdWhile(ms) { const l = LockService.getDocumentLock(); l.waitLock(0); Utilities.sleep(ms); return l.hasLock(); }
  function swallow() { try { CacheService.getScriptCache().put('a', 'b'); } catch (e) { return 'caught'; } return 'not caught'; }
  function touch() { return CacheService.getScriptCache().get('a'); }`;

function runtime() {
  const clock = manualClock(START);
  const rt = createRuntime({ clock, manifest: { timeZone: 'America/Bogota' } });
  rt.loadSource(SOURCE);
  return { rt, clock };
}

describe('executions interleaved at wait points', () => {
  it('another execution sees the shared stores as written so far, from a fresh realm', () => {
    const { rt } = runtime();
    const seen: unknown[] = [];
    const points: string[] = [];
    rt.onWait = (p: WaitPoint) => {
      if (p.executions > 1) return;
      points.push(`${p.kind} ${p.name}`);
      seen.push(rt.runFromSidebar('peek'));
    };
    expect(rt.run('steps')).toBe('done');
    rt.onWait = undefined;
    expect(points[0]).toBe('call CacheService.getScriptCache');
    expect(points).toContain('sleep Utilities.sleep');
    expect(points).toContain('call Range.setValue');
    const distinct = seen.filter((s, i) => JSON.stringify(s) !== JSON.stringify(seen[i - 1]));
    expect(distinct).toEqual([
      [null, 'fresh', ''],
      ['one', 'fresh', ''],
      ['two', 'fresh', ''],
      ['two', 'fresh', 'written'],
    ]);
    expect(rt.runFromSidebar('peek')).toEqual([null, 'fresh', 'written']);
  });

  it('has its own time limit, and its time does not count against the waiting execution', () => {
    const { rt, clock } = runtime();
    const results: string[] = [];
    rt.onWait = (p) => {
      if (p.executions > 1 || results.length > 0) return;
      results.push(String(rt.runFromSidebar('nap')), String(rt.runFromSidebar('nap')));
      try {
        rt.runFromSidebar('forever');
      } catch (e) {
        results.push((e as Error).message);
      }
    };
    // 5 + 5 + 6 minutes run beside it, far past its own 6 minutes: the import still finishes.
    expect(rt.run('steps')).toBe('done');
    expect(results).toEqual(['rested', 'rested', 'Exceeded maximum execution time']);
    expect(clock.now() - START).toBeGreaterThan(16 * 60_000);
  });

  it('waits for a lock the running execution holds, and gets none while it runs', () => {
    const { rt, clock } = runtime();
    const tries: { got: unknown; waitedMs: number }[] = [];
    rt.onWait = (p) => {
      if (p.executions > 1 || tries.length > 0 || p.name !== 'Utilities.sleep') return;
      const from = clock.now();
      tries.push({ got: rt.runFromSidebar('take', 30_000), waitedMs: clock.now() - from });
    };
    expect(rt.run('holdWhile', 1000)).toBe(true);
    expect(tries).toEqual([{ got: false, waitedMs: 30_000 }]);
    rt.onWait = undefined;
    expect(rt.run('take', 0)).toBe(true); // released when the holder ended
  });

  it('a lock wait ends as soon as the holder lets go, and an interleaved holder releases at its end', () => {
    const { rt, clock } = runtime();
    const release = rt.holdDocumentLock();
    let steps = 0;
    rt.onWait = (p) => {
      if (p.kind === 'sleep' && ++steps === 20) release();
    };
    const from = clock.now();
    expect(rt.run('take', 30_000)).toBe(true);
    expect(clock.now() - from).toBe(2000);

    let interleavedGot: unknown;
    rt.onWait = (p) => {
      if (p.executions === 1 && interleavedGot === undefined) interleavedGot = rt.runFromSidebar('take', 0);
    };
    expect(rt.run('take', 0)).toBe(true);
    expect(interleavedGot).toBe(true);
  });

  it('what the hook throws reaches the caller, never the script', () => {
    const { rt } = runtime();
    rt.onWait = () => {
      throw new Error('assertion in the hook');
    };
    expect(() => rt.run('swallow')).toThrow('assertion in the hook');
    rt.onWait = undefined;
    expect(rt.run('swallow')).toBe('not caught');
  });

  it('a ServiceFault the hook throws fails that service call in the script, as an Apps Script exception', () => {
    const { rt } = runtime();
    rt.onWait = () => {
      throw new ServiceFault('Service Spreadsheets failed');
    };
    expect(rt.run('swallow')).toBe('caught');
    let first = true;
    rt.onWait = (p) => {
      if (p.name === 'Range.setValue' && first) {
        first = false;
        throw new ServiceFault('Service Spreadsheets failed');
      }
    };
    // What ran before the failing call stays done: the cache holds "two", A1 is not written.
    expect(() => rt.run('steps')).toThrow('Service Spreadsheets failed');
    rt.onWait = undefined;
    expect(rt.run('peek')).toEqual(['two', 'fresh', '']);
  });

  it(`runs at most ${SIMULTANEOUS_EXECUTIONS} of a user's executions at once`, () => {
    const { rt } = runtime();
    let peak = 0;
    const refused: string[] = [];
    rt.onWait = (p) => {
      peak = Math.max(peak, p.executions);
      if (refused.length > 0) return;
      try {
        rt.runFromSidebar('touch');
      } catch (e) {
        refused.push((e as Error).message);
      }
    };
    rt.run('touch');
    expect(peak).toBe(SIMULTANEOUS_EXECUTIONS);
    expect(refused).toEqual(['There are too many scripts running.']);
  });
});
