/** Issue 8 point 3: cells as Sheets types them (plain-text format, dates as serials, typed input, limits). */
import { createRuntime, type AppsScriptRuntime } from '../../dev/runtime';

function runtimeWith(source: string, locale = 'en_US'): AppsScriptRuntime {
  const rt = createRuntime({ spreadsheet: { timeZone: 'America/Bogota', locale } });
  rt.loadSource(source);
  return rt;
}

describe('cell typing', () => {
  it('keeps text under a plain-text ("@") format: "00123" stays text', () => {
    const rt = runtimeWith(`function go() {
      const r = SpreadsheetApp.getActiveSheet().getRange('A1:B1');
      r.setNumberFormat('@').setValues([['00123', '2025-10-01']]);
      const plain = SpreadsheetApp.getActiveSheet().getRange('C1');
      plain.setValue('00123');
      return [r.getValues(), plain.getValue()];
    }`);
    expect(rt.run('go')).toEqual([[['00123', '2025-10-01']], 123]);
  });

  it('a written Date sets a date format and reads back as the same instant', () => {
    const rt = runtimeWith(`function go() {
      const r = SpreadsheetApp.getActiveSheet().getRange('A1');
      r.setValue(new Date(Date.UTC(2025, 9, 1, 5, 30)));
      const v = r.getValue();
      return [v instanceof Date, v.getTime(), r.getNumberFormat()];
    }`);
    expect(rt.run('go')).toEqual([true, Date.UTC(2025, 9, 1, 5, 30), 'm/d/yyyy h:mm:ss']);
  });

  it('stores dates as serials: a number under a date format reads back as a Date, and back to a number', () => {
    const rt = runtimeWith(`function go() {
      const r = SpreadsheetApp.getActiveSheet().getRange('A1');
      r.setValue(45931);
      const before = r.getValue();
      r.setNumberFormat('yyyy-mm-dd');
      const asDate = r.getValue();
      r.setNumberFormat('0');
      return [before, asDate instanceof Date, asDate.getTime(), r.getValue()];
    }`);
    // 45931 = 2025-10-01 at midnight in the spreadsheet's zone (Bogotá, UTC−5).
    expect(rt.run('go')).toEqual([45931, true, Date.UTC(2025, 9, 1, 5), 45931]);
  });

  it('keeps the wall time when the spreadsheet time zone changes, as Sheets does', () => {
    const rt = runtimeWith(`function go() {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const r = ss.getActiveSheet().getRange('A1');
      r.setValue(new Date(Date.UTC(2025, 9, 1, 5)));
      ss.setSpreadsheetTimeZone('Europe/Madrid');
      return [r.getValue().getTime(), r.getDisplayValue()];
    }`);
    expect(rt.run('go')).toEqual([Date.UTC(2025, 9, 1) - 2 * 3600_000, '10/1/2025 0:00:00']);
  });

  it('parses typed input per the reference examples, giving percent/currency/date formats', () => {
    const rt = runtimeWith(`function go() {
      const r = SpreadsheetApp.getActiveSheet().getRange('A1:F1');
      r.setValues([['1,000,000', '$2.99', '2.000', '10%', 'TRUE', '2025-10-01']]);
      return [r.getValues()[0].map((v) => v instanceof Date ? v.toISOString() : v), r.getNumberFormats()[0]];
    }`);
    const [values, formats] = rt.run('go') as [unknown[], string[]];
    expect(values).toEqual([1000000, 2.99, 2, 0.1, true, '2025-10-01T05:00:00.000Z']);
    expect(formats[3]).toBe('0%');
    expect(formats[5]).toBe('yyyy-mm-dd');
  });

  it('parses numbers with the locale separators (es_CO: "1.234,5")', () => {
    const rt = createRuntime({ spreadsheet: { locale: 'es_CO' } });
    rt.spreadsheet.setValues('Sheet1!A1', [['1.234,5', 'Ventas', "'1.234,5"]]);
    expect(rt.spreadsheet.getValues('Sheet1!A1:C1')).toEqual([[1234.5, 'Ventas', '1.234,5']]);
  });

  it("refuses more than 50,000 characters in a cell with Apps Script's message", () => {
    const rt = runtimeWith(
      `function go(n) { SpreadsheetApp.getActiveSheet().getRange('A1').setValue('x'.repeat(n)); }`,
    );
    expect(() => rt.run('go', 50_000)).not.toThrow();
    expect(() => rt.run('go', 50_001)).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  it("refuses to grow a spreadsheet beyond 10,000,000 cells with Apps Script's message", () => {
    const rt = runtimeWith(`function grow() {
      const sh = SpreadsheetApp.getActiveSheet();
      sh.insertRowsAfter(1000, 384000); // 385,000 rows × 26 columns = 10,010,000 cells
    }
    function fits() { SpreadsheetApp.getActiveSheet().insertRowsAfter(1000, 383000); }`);
    expect(() => rt.run('grow')).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(() => rt.run('fits')).not.toThrow();
    expect(rt.spreadsheet.sheet('Sheet1').maxRows).toBe(384000);
  });
});
