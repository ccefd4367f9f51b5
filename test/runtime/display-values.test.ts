/** Issue 8 point 10: display values as Sheets shows them, for the cell's number format and the locale. */
import { createRuntime } from '../../dev/runtime';

function display(locale: string, value: unknown, numberFormat: string): string {
  const rt = createRuntime({ spreadsheet: { locale, timeZone: 'America/Bogota' } });
  rt.loadSource(`function show(v, f) {
    const r = SpreadsheetApp.getActiveSheet().getRange('A1');
    r.setNumberFormat(f).setValue(v);
    return [r.getDisplayValue(), r.getDisplayValues()];
  }`);
  const [one, all] = rt.run('show', value, numberFormat) as [string, string[][]];
  expect(all).toEqual([[one]]);
  return one;
}

describe('getDisplayValue(s)', () => {
  it('never shows a non-zero share as 0 under 0.00##########%', () => {
    expect(display('en_US', 0.0001234, '0.00##########%')).toBe('0.01234%');
  });

  it('groups thousands and rounds decimals by the locale: en_US and es_CO', () => {
    expect(display('en_US', 7017.49567, '#,##0.00')).toBe('7,017.50');
    expect(display('es_CO', 7017.49567, '#,##0.00')).toBe('7.017,50');
  });

  it('shows a date under yyyy-mm-dd in the spreadsheet zone', () => {
    expect(display('es_CO', new Date(Date.UTC(2025, 9, 1, 4, 59)), 'yyyy-mm-dd')).toBe('2025-09-30');
    expect(display('es_CO', new Date(Date.UTC(2025, 9, 1, 5, 0)), 'yyyy-mm-dd')).toBe('2025-10-01');
  });

  it('shows text as typed, booleans in the locale, and computed formulas formatted', () => {
    const rt = createRuntime({ spreadsheet: { locale: 'es_CO' } });
    rt.spreadsheet.setValues('Sheet1!A1', [['Ventas', true, 1234.5]]);
    rt.spreadsheet.setFormula('Sheet1!D1', '=C1*2');
    rt.spreadsheet.sheet('Sheet1').setCell(1, 4, {
      ...rt.spreadsheet.sheet('Sheet1').cell(1, 4)!,
      numberFormat: '#,##0.00',
    });
    expect(rt.spreadsheet.getDisplayValues('Sheet1!A1:D1')).toEqual([
      ['Ventas', 'VERDADERO', '1234,5', '2.469,00'],
    ]);
  });

  it('an empty cell displays as ""', () => {
    const rt = createRuntime();
    expect(rt.spreadsheet.getDisplayValues('Sheet1!A1')).toEqual([['']]);
  });
});
