/**
 * One execution, one load: every way Apps Script calls the script starts a fresh global scope and runs the
 * script's top-level code again; only the stores (spreadsheet, properties, cache, triggers) outlive it
 * (https://developers.google.com/apps-script/guides/sheets/functions — globals do not persist between calls).
 */
import { createRuntime, manualClock, type AppsScriptRuntime } from '../../dev/runtime';

const MANIFEST_WITH_TRIGGERS = {
  timeZone: 'America/Bogota',
  oauthScopes: [
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/script.scriptapp',
  ],
};

const SOURCE = `
  var calls = 0;
  var loadedInMode = null;
  function count() { calls += 1; return calls; }
  function COUNT() { return count(); }
  function onOpen(e) { return count(); }
  function tick(e) { return count(); }
  function schedule() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); return count(); }
  function remember(v) { PropertiesService.getDocumentProperties().setProperty('v', v); CacheService.getScriptCache().put('v', v); SpreadsheetApp.getActiveSheet().getRange('A1').setValue(v); globalThis.kept = v; }
  function recall() { return [PropertiesService.getDocumentProperties().getProperty('v'), CacheService.getScriptCache().get('v'), SpreadsheetApp.getActiveSheet().getRange('A1').getValue(), typeof globalThis.kept]; }`;

function runtime(): AppsScriptRuntime {
  const rt = createRuntime({
    clock: manualClock(Date.UTC(2025, 9, 1, 12)),
    manifest: MANIFEST_WITH_TRIGGERS,
  });
  rt.loadSource(SOURCE);
  return rt;
}

describe('one execution, one load', () => {
  it('a global counter reads 1 on every call, however the script is called', () => {
    const rt = runtime();
    expect([rt.run('count'), rt.run('count')]).toEqual([1, 1]);
    expect([rt.runFromSidebar('count'), rt.runFromSidebar('count')]).toEqual([1, 1]);
    expect([rt.runCustomFunction('COUNT'), rt.runCustomFunction('count')]).toEqual([1, 1]);
    expect(rt.runTrigger('onOpen', { authMode: 'NONE' })).toBe(1);
    expect(rt.runTrigger('onOpen', { authMode: 'LIMITED' })).toBe(1);
    expect(rt.run('schedule')).toBe(1);
    const [trigger] = rt.triggerRecords();
    expect([rt.runTimeTrigger(trigger.uid), rt.runTimeTrigger(trigger.uid)]).toEqual([1, 1]);
  });

  it('the spreadsheet, properties and cache outlive the execution; globals do not', () => {
    const rt = runtime();
    rt.run('remember', 'kept');
    expect(rt.run('recall')).toEqual(['kept', 'kept', 'kept', 'undefined']);
  });

  it("the top-level code runs again in each execution's own mode", () => {
    const rt = createRuntime();
    rt.loadSource(`var tz = Session.getScriptTimeZone(); var props = null;
      function load() { props = PropertiesService.getDocumentProperties(); }
      function cf() { return tz; }`);
    expect(rt.counters['Session.getScriptTimeZone']).toBe(1); // the load check
    rt.runCustomFunction('cf');
    rt.run('load');
    expect(rt.counters['Session.getScriptTimeZone']).toBe(3); // and once per execution
  });

  it('a global function defined at run time is not a server function for the next call', () => {
    const rt = createRuntime();
    rt.loadSource(`function define() { globalThis.later = function () { return 1; }; return typeof later; }`);
    expect(rt.run('define')).toBe('function');
    expect(() => rt.run('later')).toThrow('Script function not found: later');
    expect(() => rt.runFromSidebar('later')).toThrow(
      new TypeError('google.script.run.later is not a function'),
    );
  });

  it("top-level code runs under the execution's restrictions: a load-time getUi() fails inside a custom function", () => {
    const rt = createRuntime();
    rt.loadSource(`var ui; try { SpreadsheetApp.getUi(); ui = 'ui'; } catch (e) { ui = e.message; }
      function UI_STATE() { return ui; }`);
    expect(rt.run('UI_STATE')).toBe('ui');
    expect(rt.runCustomFunction('UI_STATE')).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});
