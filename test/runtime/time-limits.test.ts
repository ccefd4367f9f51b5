/**
 * Time: custom functions and simple triggers stop at 30 s, other executions at 6 minutes
 * (https://developers.google.com/apps-script/guides/services/quotas#current_limitations); on a manual clock,
 * spreadsheet calls and fetches take modelled time; Utilities.sleep refuses more than 300,000 ms.
 */
import { createRuntime, manualClock, type AppsScriptRuntime, type ManualClock } from '../../dev/runtime';
import { startLoopbackServer, type LoopbackServer } from '../../dev/runtime/testing/loopback-server';

const START = Date.UTC(2025, 9, 1, 12);

const SOURCE = `
  function NAP(seconds) { Utilities.sleep(seconds * 1000); return 'awake'; }
  function nap(seconds) { return NAP(seconds); }
  function onOpen(e) { Utilities.sleep(31000); }
  function napsForever() { for (var i = 0; i < 100; i++) Utilities.sleep(300000); }
  function swallow() { try { Utilities.sleep(31000); } catch (e) { return 'caught: ' + e.message; } }
  function SWALLOW() { return swallow(); }
  function tooLong() { Utilities.sleep(300001); }
  function cells(n) { var r = SpreadsheetApp.getActiveSheet().getRange('A1'); for (var i = 0; i < n; i++) r.getValue(); }
  function FETCH(url) { return UrlFetchApp.fetch(url).getContentText(); }
  function FETCH_OR(url) { try { return UrlFetchApp.fetch(url).getContentText(); } catch (e) { return 'fallback'; } }`;

let clock: ManualClock;
function runtime(options: { fetchLatencyMs?: number } = {}): AppsScriptRuntime {
  clock = manualClock(START);
  const rt = createRuntime({ clock, ...options });
  rt.loadSource(SOURCE);
  return rt;
}

describe('execution time limits', () => {
  it('a custom function gets 30 s, then "Exceeded maximum execution time (line 0)."', () => {
    const rt = runtime();
    expect(rt.runCustomFunction('NAP', 29)).toBe('awake');
    expect(() => rt.runCustomFunction('NAP', 31)).toThrow('Exceeded maximum execution time (line 0).');
  });

  it('a simple trigger gets 30 s; a menu item or a sidebar call gets 6 minutes', () => {
    const rt = runtime();
    expect(() => rt.runTrigger('onOpen', { authMode: 'LIMITED' })).toThrow('Exceeded maximum execution time');
    expect(rt.run('nap', 299)).toBe('awake');
    expect(rt.runFromSidebar('nap', 299)).toBe('awake');
    const before = clock.now();
    expect(() => rt.run('napsForever')).toThrow(/^Exceeded maximum execution time$/);
    expect(clock.now() - before).toBe(6 * 60_000); // stopped at the limit, not after all the naps
  });

  it('the script cannot catch the stop: whatever it does afterwards, the execution fails', () => {
    const rt = runtime();
    expect(() => rt.runCustomFunction('SWALLOW')).toThrow('Exceeded maximum execution time (line 0).');
    expect(rt.run('swallow')).toBe(undefined); // 31 s is fine outside custom functions
  });

  it('Utilities.sleep refuses more than 300,000 ms', () => {
    const rt = runtime();
    expect(() => rt.run('tooLong')).toThrow('Invalid argument: milliseconds');
    expect(rt.run('nap', 300)).toBe('awake');
  });

  it('each spreadsheet call takes 7 ms of modelled time, so 5,000 single-cell reads cannot fit in 30 s', () => {
    const rt = runtime();
    const before = clock.now();
    rt.run('cells', 10);
    expect(clock.now() - before).toBe(7 * (2 + 10)); // getActiveSheet, getRange, 10 × getValue
    expect(rt.timeSpent.callMs).toBe(84);
  });
});

describe('fetch time', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer({
      '/slow': { status: 200, body: 'late', delayMs: 400 },
      '/fast': { status: 200, body: 'ok' },
    });
  });
  afterAll(() => server.close());

  it("takes at least the loopback server's real answer time on the manual clock", () => {
    const rt = runtime();
    expect(rt.runCustomFunction('FETCH', `${server.url}/slow`)).toBe('late');
    expect(rt.timeSpent.fetchMs).toBeGreaterThanOrEqual(400);
    expect(clock.now() - START).toBe(rt.timeSpent.fetchMs);
  });

  it('plus the modelled latency; an answer due after the deadline ends the execution, even if the script catches', () => {
    const rt = runtime({ fetchLatencyMs: 25_000 });
    expect(rt.runCustomFunction('FETCH', `${server.url}/fast`)).toBe('ok');
    expect(rt.timeSpent.fetchMs).toBeGreaterThanOrEqual(25_000);
    const slow = runtime({ fetchLatencyMs: 29_800 });
    expect(() => slow.runCustomFunction('FETCH_OR', `${server.url}/slow`)).toThrow(
      'Exceeded maximum execution time (line 0).',
    );
    expect(clock.now() - START).toBe(30_000);
    const hopeless = runtime({ fetchLatencyMs: 31_000 });
    expect(() => hopeless.runCustomFunction('FETCH_OR', `${server.url}/fast`)).toThrow(
      'Exceeded maximum execution time (line 0).',
    );
  });
});
