/** SpreadsheetApp emulation: sheets, ranges, values, formulas, formats, charts, UI. */
import { createRuntime, type AppsScriptRuntime } from '../../dev/runtime';

function runtimeWith(source: string): AppsScriptRuntime {
  const rt = createRuntime({ spreadsheet: { name: 'Billing', timeZone: 'America/Bogota', locale: 'en_US' } });
  rt.loadSource(source);
  return rt;
}

describe('spreadsheet and sheets', () => {
  it('exposes name, id, time zone and locale of the active spreadsheet', () => {
    const rt = runtimeWith(`function info() {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      return [ss.getName(), ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale(), ss.getId() === SpreadsheetApp.getActive().getId()];
    }`);
    expect(rt.run('info')).toEqual(['Billing', 'America/Bogota', 'en_US', true]);
  });

  it('defaults to a Bogotá/es_CO spreadsheet with one sheet "Sheet1"', () => {
    const rt = createRuntime();
    expect([
      rt.spreadsheet.timeZone,
      rt.spreadsheet.locale,
      rt.spreadsheet.sheets.map((s) => s.name),
    ]).toEqual(['America/Bogota', 'es_CO', ['Sheet1']]);
  });

  it('inserts, finds, renames and deletes sheets', () => {
    const rt = runtimeWith(`function go() {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const a = ss.insertSheet('Data');
      ss.insertSheet('First', 0);
      a.setName('Export');
      const out = [ss.getSheets().map(s => s.getName()), ss.getSheetByName('Data'), ss.getSheetByName('Export').getIndex()];
      ss.deleteSheet(ss.getSheetByName('First'));
      out.push(ss.getSheets().map(s => s.getName()));
      return out;
    }`);
    expect(rt.run('go')).toEqual([['First', 'Sheet1', 'Export'], null, 3, ['Sheet1', 'Export']]);
  });

  it("refuses a duplicate sheet name with Apps Script's message", () => {
    const rt = runtimeWith(`function dup() { SpreadsheetApp.getActive().insertSheet('Sheet1'); }`);
    expect(() => rt.run('dup')).toThrow(
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
  });
});

describe('ranges', () => {
  it('reads by A1 notation (with sheet) and by row/column/rows/columns', () => {
    const rt = runtimeWith(`function go() {
      const sh = SpreadsheetApp.getActive().getSheetByName('Data');
      const a = SpreadsheetApp.getActive().getRange('Data!B2:C3');
      const b = sh.getRange(2, 2, 2, 2);
      return [a.getA1Notation(), b.getA1Notation(), a.getValues(), sh.getRange('B3').getValue(), sh.getRange(1, 1).getValue()];
    }`);
    rt.spreadsheet.setValues('Data!B2', [
      [1, 'x'],
      [true, 2.5],
    ]);
    expect(rt.run('go')).toEqual([
      'B2:C3',
      'B2:C3',
      [
        [1, 'x'],
        [true, 2.5],
      ],
      true,
      '',
    ]);
  });

  it("rejects a data/range size mismatch with Apps Script's messages", () => {
    const rt = runtimeWith(`
      function rows() { SpreadsheetApp.getActiveSheet().getRange('A1:B2').setValues([[1, 2]]); }
      function cols() { SpreadsheetApp.getActiveSheet().getRange('A1:B2').setValues([[1, 2], [3]]); }`);
    expect(() => rt.run('rows')).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => rt.run('cols')).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('errors from services arrive as Error named "Exception"', () => {
    const rt = runtimeWith(`function inside() {
      try { SpreadsheetApp.getActiveSheet().getRange(0, 1); } catch (e) { return [e instanceof Error, e.name, e.message]; }
    }`);
    expect(rt.run('inside')).toEqual([true, 'Exception', 'The starting row of the range is too small.']);
  });

  it('refuses ranges outside the sheet', () => {
    const rt = runtimeWith(`function far() { SpreadsheetApp.getActiveSheet().getRange(1001, 1); }`);
    expect(() => rt.run('far')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  it('keeps "=..." as a formula: values read as the computed value, getFormulas returns the text', () => {
    const rt = runtimeWith(`function go() {
      const r = SpreadsheetApp.getActiveSheet().getRange('A1:B1');
      r.setValues([[2, '=A1*2']]);
      return [r.getValues(), r.getFormulas()];
    }`);
    expect(rt.run('go')).toEqual([[[2, 4]], [['', '=A1*2']]]);
    expect(rt.spreadsheet.getFormulas('Sheet1!B1')).toEqual([['=A1*2']]);
  });

  it('a leading apostrophe forces text and is stripped; numerals become numbers', () => {
    const rt = runtimeWith(`function go() {
      const r = SpreadsheetApp.getActiveSheet().getRange('A1:D1');
      r.setValues([["'=not a formula", "'00123", '00123', '2.5']]);
      return [r.getValues(), r.getFormulas()];
    }`);
    expect(rt.run('go')).toEqual([[['=not a formula', '00123', 123, 2.5]], [['', '', '', '']]]);
  });

  it('reads the decimal separator from the spreadsheet locale when parsing typed numbers', () => {
    const rt = createRuntime({ spreadsheet: { locale: 'es_CO' } });
    rt.spreadsheet.setValues('Sheet1!A1', [['2,5', '2.5']]);
    expect(rt.spreadsheet.getValues('Sheet1!A1:B1')).toEqual([[2.5, '2.5']]);
  });

  it('keeps Dates as instants and returns them as Dates of the script realm', () => {
    const rt = runtimeWith(`function go() {
      const r = SpreadsheetApp.getActiveSheet().getRange('A1');
      r.setValue(new Date(Date.UTC(2025, 9, 1, 5)));
      const v = r.getValue();
      return [v instanceof Date, Object.prototype.toString.call(v), v.getTime()];
    }`);
    expect(rt.run('go')).toEqual([true, '[object Date]', Date.UTC(2025, 9, 1, 5)]);
    expect((rt.spreadsheet.getValues('Sheet1!A1')[0][0] as Date).toISOString()).toBe(
      '2025-10-01T05:00:00.000Z',
    );
  });

  it('records number formats, and clear/clearContent/clearFormat remove the right parts', () => {
    const rt = runtimeWith(`function go() {
      const sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:B1').setValues([[0.25, 3]]).setNumberFormat('0.00%');
      sh.getRange('A2:B2').setNumberFormats([['yyyy-mm-dd', '#,##0']]);
      const before = [sh.getRange('A1').getNumberFormat(), sh.getRange('A2:B2').getNumberFormats()];
      sh.getRange('A1').clearContent();
      sh.getRange('B1').clearFormat();
      return before.concat([sh.getRange('A1:B1').getValues(), sh.getRange('A1:B1').getNumberFormats()]);
    }`);
    expect(rt.run('go')).toEqual(['0.00%', [['yyyy-mm-dd', '#,##0']], [['', 3]], [['0.00%', 'General']]]);
    expect(rt.spreadsheet.getNumberFormats('Sheet1!A2:B2')).toEqual([['yyyy-mm-dd', '#,##0']]);
  });

  it('tracks the last row/column, data range and appendRow', () => {
    const rt = runtimeWith(`function go() {
      const sh = SpreadsheetApp.getActiveSheet();
      const empty = [sh.getLastRow(), sh.getLastColumn()];
      sh.appendRow(['a', 1]);
      sh.appendRow(['b', 2, '=B2*2']);
      return [empty, sh.getLastRow(), sh.getLastColumn(), sh.getDataRange().getA1Notation()];
    }`);
    expect(rt.run('go')).toEqual([[0, 0], 2, 3, 'A1:C2']);
  });

  it('sheet.clear empties the sheet; frozen rows and autoResize are recorded; flush is counted', () => {
    const rt = runtimeWith(`function go() {
      const sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1').setValue('x');
      sh.setFrozenRows(1);
      sh.autoResizeColumns(1, 2);
      SpreadsheetApp.flush();
      sh.clear();
      return sh.getLastRow();
    }`);
    expect(rt.run('go')).toBe(0);
    const sheet = rt.spreadsheet.sheet('Sheet1');
    expect([sheet.frozenRows, [...sheet.autoResizedColumns]]).toEqual([1, [1, 2]]);
    expect(rt.counters['SpreadsheetApp.flush']).toBe(1);
  });
});

describe('counters', () => {
  it('count every service call by Class.method and can be reset', () => {
    const rt = runtimeWith(`function go() {
      const sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:B2').getValues();
      sh.getRange('A1:B2').getValues();
      sh.getRange('A1').setValues([[1]]);
    }`);
    rt.run('go');
    expect(rt.counters).toEqual({
      'SpreadsheetApp.getActiveSheet': 1,
      'Sheet.getRange': 3,
      'Range.getValues': 2,
      'Range.setValues': 1,
    });
    rt.resetCounters();
    expect(rt.totalCalls()).toBe(0);
  });
});

describe('charts', () => {
  it('records type, ranges (A1 with sheet) and options of inserted charts', () => {
    const rt = runtimeWith(`function go() {
      const sh = SpreadsheetApp.getActive().getSheetByName('Summary');
      const chart = sh.newChart().setChartType(Charts.ChartType.COLUMN)
        .addRange(sh.getRange('A1:B13')).setPosition(2, 4, 0, 0)
        .setOption('title', 'Cost by month').build();
      sh.insertChart(chart);
      return sh.getCharts().length;
    }
    function remove() { const sh = SpreadsheetApp.getActive().getSheetByName('Summary'); sh.removeChart(sh.getCharts()[0]); }`);
    rt.spreadsheet.insertSheet('Summary');
    expect(rt.run('go')).toBe(1);
    expect(rt.spreadsheet.charts()).toEqual([
      {
        sheet: 'Summary',
        chartId: expect.any(String),
        type: 'COLUMN',
        ranges: ['Summary!A1:B13'],
        options: { title: 'Cost by month' },
        position: { row: 2, column: 4, offsetX: 0, offsetY: 0 },
      },
    ]);
    rt.run('remove');
    expect(rt.spreadsheet.charts()).toEqual([]);
  });
});

describe('getUi', () => {
  it('records add-on menus, sidebars and alerts', () => {
    const rt = createRuntime({ distDir: 'nonexistent' });
    rt.loadSource(`
      function onOpen() {
        SpreadsheetApp.getUi().createAddonMenu().addItem('Open sidebar', 'showSidebar').addSeparator().addItem('Help', 'help').addToUi();
      }
      function showSidebar() {
        SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>hi</p>').setTitle('Atom Billing'));
      }
      function ask() {
        const ui = SpreadsheetApp.getUi();
        return [ui.alert('Done'), ui.alert('Sure?', 'Replace data?', ui.ButtonSet.YES_NO), ui.alert('Again?', ui.ButtonSet.YES_NO)];
      }`);
    rt.run('onOpen');
    rt.run('onOpen'); // menus are rebuilt, not duplicated
    expect(rt.ui.menus).toEqual([
      {
        addon: true,
        title: '',
        items: [
          { caption: 'Open sidebar', functionName: 'showSidebar' },
          { separator: true },
          { caption: 'Help', functionName: 'help' },
        ],
      },
    ]);
    rt.run('showSidebar');
    expect(rt.ui.sidebars).toEqual([{ title: 'Atom Billing', html: '<p>hi</p>' }]);
    rt.ui.alertResponses.push('OK', 'NO'); // the third alert gets the default: the set's first button
    expect(rt.run('ask')).toEqual(['OK', 'NO', 'YES']);
    expect(rt.ui.alerts.map((a) => [a.title, a.prompt, a.buttons])).toEqual([
      ['', 'Done', 'OK'],
      ['Sure?', 'Replace data?', 'YES_NO'],
      ['', 'Again?', 'YES_NO'],
    ]);
  });
});
