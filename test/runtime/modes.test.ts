/** How Apps Script calls the script: custom functions, simple triggers by AuthMode, google.script.run. */
import { createRuntime, type AppsScriptRuntime } from '../../dev/runtime';

function runtimeWith(source: string): AppsScriptRuntime {
  const rt = createRuntime({
    spreadsheet: { timeZone: 'America/Bogota' },
    user: { email: 'ana@contoso.co', locale: 'es' },
  });
  rt.loadSource(source);
  return rt;
}

describe('custom functions', () => {
  const source = `
    function DESCRIBE(x) {
      const kind = v => v instanceof Date ? 'date:' + v.toISOString() : typeof v + ':' + JSON.stringify(v);
      return Array.isArray(x) ? x.map(row => row.map(kind)) : kind(x);
    }
    function WRITE() { SpreadsheetApp.getActiveSheet().getRange('Z1').setValue(1); }
    function FORMAT() { SpreadsheetApp.getActiveSheet().getRange('Z1').setNumberFormat('0'); }
    function ADD_SHEET() { SpreadsheetApp.getActive().insertSheet('x'); }
    function UI() { SpreadsheetApp.getUi(); }
    function WHO() { return Session.getActiveUser().getEmail(); }
    function PROPS() { return PropertiesService.getUserProperties().getProperty('owner'); }
    function SET_PROP() { PropertiesService.getDocumentProperties().setProperty('a', 'b'); }
    function READ() { return SpreadsheetApp.getActive().getRange('Data!A1').getValue(); }
    function SHARED() { CacheService.getScriptCache().put('k', 'v'); return Utilities.formatDate(new Date(0), 'UTC', 'yyyy'); }
    function PRIVATE_() { return 1; }`;

  it('receives a range as a row-major 2-D array with "" for empty cells and Dates for date cells', () => {
    const rt = runtimeWith(source);
    rt.spreadsheet.setValues('Data!A1', [
      [1, 'a'],
      ['', rt.sheetDate('2025-10-01')],
    ]);
    expect(rt.runCustomFunction('DESCRIBE', rt.range('Data!A1:B2'))).toEqual([
      ['number:1', 'string:"a"'],
      ['string:""', 'date:2025-10-01T05:00:00.000Z'],
    ]);
  });

  it('receives a 1×N range as a 2-D array, a single cell as its value', () => {
    const rt = runtimeWith(source);
    rt.spreadsheet.setValues('Data!A1', [[1, 2]]);
    expect(rt.runCustomFunction('DESCRIBE', rt.range('Data!A1:B1'))).toEqual([['number:1', 'number:2']]);
    expect(rt.runCustomFunction('DESCRIBE', rt.range('Data!B1'))).toBe('number:2');
    expect(rt.runCustomFunction('DESCRIBE', rt.range('Data!C1'))).toBe('string:""');
  });

  it('re-creates plain Date arguments in the script realm and copies results back to Node', () => {
    const rt = runtimeWith(source + `function ECHO(x) { return [[x, x instanceof Date]]; }`);
    const [[date, isVmDate]] = rt.runCustomFunction('ECHO', new Date(Date.UTC(2025, 0, 2))) as [
      [Date, boolean],
    ];
    expect(isVmDate).toBe(true);
    expect(date).toBeInstanceOf(Date); // a Node-realm Date again
    expect(date.toISOString()).toBe('2025-01-02T00:00:00.000Z');
  });

  it('is called case-insensitively; names ending in "_" are not custom functions', () => {
    const rt = runtimeWith(source);
    expect(rt.runCustomFunction('describe', 5)).toBe('number:5');
    expect(() => rt.runCustomFunction('PRIVATE_')).toThrow("Unknown function: 'PRIVATE_'.");
  });

  it('may read the spreadsheet but not write it', () => {
    const rt = runtimeWith(source);
    rt.spreadsheet.setValues('Data!A1', [['ok']]);
    expect(rt.runCustomFunction('READ')).toBe('ok');
    expect(() => rt.runCustomFunction('WRITE')).toThrow('You do not have permission to call setValue');
    expect(() => rt.runCustomFunction('FORMAT')).toThrow(
      'You do not have permission to call setNumberFormat',
    );
    expect(() => rt.runCustomFunction('ADD_SHEET')).toThrow('You do not have permission to call insertSheet');
    expect(rt.spreadsheet.getValues('Sheet1!Z1')).toEqual([['']]);
  });

  it('cannot use the UI, runs as an anonymous user, reads (owner) properties but cannot write them', () => {
    const rt = runtimeWith(source);
    rt.properties.user.set('owner', 'yes');
    expect(() => rt.runCustomFunction('UI')).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(rt.runCustomFunction('WHO')).toBe('');
    expect(rt.run('WHO')).toBe('ana@contoso.co');
    expect(rt.runCustomFunction('PROPS')).toBe('yes');
    expect(() => rt.runCustomFunction('SET_PROP')).toThrow('You do not have permission to call setProperty');
  });

  it('may use Cache and Utilities', () => {
    const rt = runtimeWith(source);
    expect(rt.runCustomFunction('SHARED')).toBe('1970');
    expect(rt.cache.script.get('k')).toBe('v');
  });
});

describe('simple triggers and AuthMode', () => {
  const source = `
    function onOpen(e) {
      const menu = SpreadsheetApp.getUi().createAddonMenu();
      if (e && e.authMode === ScriptApp.AuthMode.NONE) {
        menu.addItem('Start', 'start');
      } else {
        menu.addItem(PropertiesService.getDocumentProperties().getProperty('label') || 'Start', 'start');
      }
      menu.addToUi();
      return e.authMode;
    }
    function onInstall(e) { return onOpen(e); }`;

  it('passes e.authMode as ScriptApp.AuthMode.X', () => {
    const rt = runtimeWith(source);
    rt.properties.document.set('label', 'Resume');
    expect(rt.runTrigger('onOpen', { authMode: 'NONE' })).toBe('NONE');
    expect(rt.ui.menus[0].items).toEqual([{ caption: 'Start', functionName: 'start' }]);
    expect(rt.runTrigger('onInstall', { authMode: 'FULL' })).toBe('FULL');
    expect(rt.ui.menus).toEqual([
      { addon: true, title: '', items: [{ caption: 'Resume', functionName: 'start' }] },
    ]);
  });

  it('gives e.source (the spreadsheet) outside NONE without counting a call', () => {
    const rt = runtimeWith(`function onOpen(e) { return e.source ? e.source.getName() : null; }`);
    expect(rt.runTrigger('onOpen', { authMode: 'NONE' })).toBeNull();
    expect(rt.totalCalls()).toBe(0);
    expect(rt.runTrigger('onOpen', { authMode: 'LIMITED' })).toBe('Untitled spreadsheet');
    expect(rt.counters).toEqual({ 'Spreadsheet.getName': 1 });
  });

  it('in AuthMode.NONE, Properties and the spreadsheet throw; in LIMITED, UrlFetch throws', () => {
    const rt = runtimeWith(
      source +
        `function onOpenBad(e) { return PropertiesService.getDocumentProperties(); }
         function onOpenSheet(e) { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
         function onOpenFetch(e) { UrlFetchApp.fetch('http://127.0.0.1:9/'); }`,
    );
    const trigger =
      (name: string, authMode: 'NONE' | 'LIMITED'): (() => unknown) =>
      () =>
        rt.runTrigger(name as 'onOpen', { authMode });
    expect(trigger('onOpenBad', 'NONE')).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    expect(trigger('onOpenSheet', 'NONE')).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
    expect(trigger('onOpenSheet', 'LIMITED')).not.toThrow();
    expect(trigger('onOpenFetch', 'LIMITED')).toThrow(
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
  });

  it('loading runs like the start of an AuthMode.NONE execution and counts what it calls', () => {
    const rt = createRuntime();
    rt.loadSource(`var tz = Session.getScriptTimeZone(); function f() {}`);
    expect(rt.counters).toEqual({ 'Session.getScriptTimeZone': 1 });
    expect(() => rt.loadSource(`var p = PropertiesService.getScriptProperties();`)).toThrow(
      'You do not have permission to call PropertiesService.getScriptProperties',
    );
  });
});

describe('google.script.run (runFromSidebar)', () => {
  const source = `
    function echo(x) { return x; }
    function kinds(a) { return a.map(v => v === null ? 'null' : typeof v); }
    function today() { return new Date(); }
    function nested() { return { when: { at: new Date() } }; }
    function fn() { return function () {}; }
    function fails() { throw new Error('Nothing to import'); }
    function hidden_() { return 1; }`;

  it('copies plain values both ways; undefined in arrays becomes null', () => {
    const rt = runtimeWith(source);
    expect(rt.runFromSidebar('echo', { a: [1, 'x', true, null], b: { c: 2 }, u: undefined })).toEqual({
      a: [1, 'x', true, null],
      b: { c: 2 },
    });
    expect(rt.runFromSidebar('kinds', [1, undefined, 'x'])).toEqual(['number', 'null', 'string']);
  });

  it('an illegal argument (Date, function, circular), also nested, is a TypeError at the call site: nothing runs', () => {
    const rt = runtimeWith(source);
    const illegal =
      (...args: unknown[]) =>
      () =>
        rt.runFromSidebar('echo', ...args);
    expect(illegal(new Date())).toThrow(new TypeError('Failed due to illegal value in property: 0'));
    expect(illegal(1, { at: new Date() })).toThrow(
      new TypeError('Failed due to illegal value in property: at'),
    );
    expect(illegal(() => 1)).toThrow(TypeError);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(illegal(circular)).toThrow(new TypeError('Failed due to illegal value in property: self'));
    expect(rt.totalCalls()).toBe(0);
  });

  it('a result holding a Date or a function reaches the success handler as null (the whole result)', () => {
    const rt = runtimeWith(source);
    expect(rt.runFromSidebar('today')).toBeNull();
    expect(rt.runFromSidebar('nested')).toBeNull();
    expect(rt.runFromSidebar('fn')).toBeNull();
    expect(rt.runFromSidebar('echo', { ok: [1] })).toEqual({ ok: [1] });
  });

  it('refuses private (name_) and unknown functions; server errors reach the failure path with their message', () => {
    const rt = runtimeWith(source);
    expect(() => rt.runFromSidebar('hidden_')).toThrow(
      new TypeError('google.script.run.hidden_ is not a function'),
    );
    expect(() => rt.runFromSidebar('nope')).toThrow(
      new TypeError('google.script.run.nope is not a function'),
    );
    expect(() => rt.runFromSidebar('fails')).toThrow(new Error('Nothing to import'));
  });
});
