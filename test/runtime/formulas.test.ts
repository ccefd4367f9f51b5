/** Issue 8 point 11: formulas evaluated (HyperFormula) and custom functions called the way Sheets calls them. */
import { createRuntime, type AppsScriptRuntime } from '../../dev/runtime';

const SCRIPT = `
  // Globals do not outlive an execution, so calls are counted through the execution log.
  function TABLE(n, label) {
    console.log('TABLE');
    const out = [];
    for (let i = 1; i <= n; i++) out.push([(label || 'row') + i, i * 10]);
    return out;
  }
  function KIND(v) { console.log('KIND'); return v instanceof Date ? 'date ' + v.toISOString() : Array.isArray(v) ? 'table ' + JSON.stringify(v) : typeof v + ' ' + v; }
  function FAIL_ON(x) { if (x < 0) throw new Error('FAIL_ON: x is negative (' + x + ')'); return x * 2; }
  function WRITE() { SpreadsheetApp.getActiveSheet().getRange('Z1').setValue(1); return 'wrote'; }
`;

function runtime(): AppsScriptRuntime {
  const rt = createRuntime({ spreadsheet: { locale: 'en_US', timeZone: 'America/Bogota' } });
  rt.loadSource(SCRIPT);
  return rt;
}

describe('built-in formulas', () => {
  it('computes references, cross-sheet ranges and the built-ins the add-on uses', () => {
    const rt = runtime();
    const ss = rt.spreadsheet;
    ss.setValues("'Meta data'!A1", [
      ['Day', 'Category', 'Volume'],
      ['2025-10-01', 'marketing', 5],
      ['2025-10-02', 'utility', 7],
      ['2025-10-02', 'marketing', 3],
    ]);
    const formulas: [string, string][] = [
      ['B1', "=SUM('Meta data'!C2:C)"],
      ['B2', "=SUMIFS('Meta data'!C2:C4, 'Meta data'!B2:B4, \"marketing\")"],
      ['B3', '=COUNTIFS(\'Meta data\'!B2:B4, "marketing", \'Meta data\'!C2:C4, ">4")'],
      ['B4', '=IF(B1>10, "over", "under")'],
      ['B5', "=INDEX('Meta data'!B2:B4, MATCH(7, 'Meta data'!C2:C4, 0))"],
      ['B6', '=TEXT(B1/3, "0.00")'],
      ['B7', '=DATE(2025, 10, 31)'],
      ['B8', '=EOMONTH(DATE(2025, 2, 10), 0)'],
    ];
    for (const [cell, f] of formulas) ss.setFormula(`Sheet1!${cell}`, f);
    const values = ss.getValues('Sheet1!B1:B8').map(([v]) => (v instanceof Date ? v.toISOString() : v));
    expect(values).toEqual([
      15,
      8,
      1,
      'over',
      'utility',
      '5.00',
      '2025-10-31T05:00:00.000Z', // a date built-in gives a date: midnight in Bogotá
      '2025-02-28T05:00:00.000Z',
    ]);
    expect(ss.getFormulas('Sheet1!B1')).toEqual([["=SUM('Meta data'!C2:C)"]]);
  });

  it('reads named ranges in formulas, and recomputes when a referenced cell changes', () => {
    const rt = runtime();
    rt.loadSource(`function name() {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      ss.setNamedRange('BILLED_UNITS_2025_10', ss.getRange('Sheet1!A1'));
      ss.getRange('Sheet1!B1').setFormula('=BILLED_UNITS_2025_10 * 2');
      return ss.getRange('Sheet1!B1').getValue();
    }
    function change() {
      SpreadsheetApp.getActiveSpreadsheet().getRange('Sheet1!A1').setValue(21);
      return SpreadsheetApp.getActiveSpreadsheet().getRange('Sheet1!B1').getValue();
    }`);
    rt.spreadsheet.setValues('Sheet1!A1', [[5]]);
    expect(rt.run('name')).toBe(10);
    expect(rt.run('change')).toBe(42);
  });

  it('shows Sheets error values: #DIV/0!, #NAME? for an unknown function, #REF! for a circular reference', () => {
    const rt = runtime();
    const ss = rt.spreadsheet;
    ss.setFormula('Sheet1!A1', '=1/0');
    ss.setFormula('Sheet1!A2', '=NOT_A_FUNCTION(1)');
    ss.setFormula('Sheet1!A3', '=A3+1');
    expect(ss.getValues('Sheet1!A1:A3')).toEqual([['#DIV/0!'], ['#NAME?'], ['#REF!']]);
  });

  it('gives #REF! for a sheet that does not exist, and computes once a sheet of that name holds data', () => {
    const rt = runtime();
    const ss = rt.spreadsheet;
    ss.setFormula('Sheet1!A1', "=SUM('Meta data'!$H:$H)");
    expect(ss.getValues('Sheet1!A1')).toEqual([['#REF!']]);
    // Only the new sheet changes: the formula that names it is evaluated again.
    ss.setValues("'Meta data'!H1", [['Volume'], [4], [5]]);
    expect(ss.getValues('Sheet1!A1')).toEqual([[9]]);
  });
});

describe('custom functions in cells', () => {
  it('runs one CUSTOM_FUNCTION execution per formula cell and spills a returned table', () => {
    const rt = runtime();
    rt.spreadsheet.setValues('Sheet1!A1', [[3]]);
    rt.spreadsheet.setFormula('Sheet1!C1', '=TABLE(A1)');
    rt.spreadsheet.setFormula('Sheet1!F1', '=SUM(D1:D10)');
    expect(rt.spreadsheet.getValues('Sheet1!C1:D4')).toEqual([
      ['row1', 10],
      ['row2', 20],
      ['row3', 30],
      ['', ''],
    ]);
    expect(rt.spreadsheet.getValues('Sheet1!F1')).toEqual([[60]]);
    // Spilled cells hold values, not formulas; the formula is in the top-left cell only.
    expect(rt.spreadsheet.getFormulas('Sheet1!C1:C2')).toEqual([['=TABLE(A1)'], ['']]);
    expect(rt.logs).toEqual(['TABLE']);
  });

  it('re-runs only when an argument changes, and the spill follows the new size', () => {
    const rt = runtime();
    const ss = rt.spreadsheet;
    ss.setValues('Sheet1!A1', [[2]]);
    ss.setFormula('Sheet1!C1', '=TABLE(A1)');
    expect(ss.getValues('Sheet1!C1:C3')).toEqual([['row1'], ['row2'], ['']]);
    ss.setValues('Sheet1!H1', [['unrelated']]);
    expect(ss.getValues('Sheet1!C1:C3')).toEqual([['row1'], ['row2'], ['']]);
    ss.setValues('Sheet1!A1', [[3]]);
    expect(ss.getValues('Sheet1!C1:C4')).toEqual([['row1'], ['row2'], ['row3'], ['']]);
    ss.setValues('Sheet1!A1', [[1]]);
    expect(ss.getValues('Sheet1!C1:C3')).toEqual([['row1'], [''], ['']]);
    expect(rt.logs).toEqual(['TABLE', 'TABLE', 'TABLE']);
  });

  it('gives #REF! when the table would overwrite a value, and spills again once the cell is cleared', () => {
    const rt = runtime();
    const ss = rt.spreadsheet;
    ss.setValues('Sheet1!C3', [['in the way']]);
    ss.setFormula('Sheet1!C1', '=TABLE(3)');
    expect(ss.getValues('Sheet1!C1:C3')).toEqual([['#REF!'], [''], ['in the way']]);
    ss.setValues('Sheet1!C3', [['']]);
    expect(ss.getValues('Sheet1!C1:C3')).toEqual([['row1'], ['row2'], ['row3']]);
  });

  it('converts arguments as the guide says: ranges 2-D, one cell a scalar, dates Dates, empty ""', () => {
    const rt = runtime();
    const ss = rt.spreadsheet;
    ss.setValues('Sheet1!A1', [
      ['2025-10-01', 5],
      ['', 'x'],
    ]);
    ss.setFormula('Sheet1!D1', '=KIND(A1)');
    ss.setFormula('Sheet1!D2', '=KIND(B1)');
    ss.setFormula('Sheet1!D3', '=KIND(A2:B2)');
    ss.setFormula('Sheet1!D4', '=KIND("text")');
    ss.setFormula('Sheet1!D5', '=KIND(DATE(2025,10,1))');
    expect(ss.getValues('Sheet1!D1:D5')).toEqual([
      ['date 2025-10-01T05:00:00.000Z'],
      ['number 5'],
      ['table [["","x"]]'], // a 1×N range is still 2-D (guide: "even for a 1×N or N×1 range")
      ['string text'],
      ['date 2025-10-01T05:00:00.000Z'], // a computed date is a date too
    ]);
  });

  it('shows #ERROR! when the function throws, and the message is kept for the note', () => {
    const rt = runtime();
    rt.spreadsheet.setFormula('Sheet1!A1', '=FAIL_ON(-1)');
    rt.spreadsheet.setFormula('Sheet1!A2', '=FAIL_ON(4)');
    expect(rt.spreadsheet.getValues('Sheet1!A1:A2')).toEqual([['#ERROR!'], [8]]);
    expect(rt.spreadsheet.engine.errorMessage(rt.spreadsheet.sheet('Sheet1'), 1, 1)).toBe(
      'FAIL_ON: x is negative (-1)',
    );
  });

  it('runs the function in CUSTOM_FUNCTION mode: a write from a cell fails', () => {
    const rt = runtime();
    rt.spreadsheet.setFormula('Sheet1!A1', '=WRITE()');
    expect(rt.spreadsheet.getValues('Sheet1!A1')).toEqual([['#ERROR!']]);
    expect(rt.spreadsheet.engine.errorMessage(rt.spreadsheet.sheet('Sheet1'), 1, 1)).toBe(
      'You do not have permission to call setValue',
    );
  });

  it('getValues from the script returns computed values of custom functions; getFormulas the text', () => {
    const rt = runtime();
    rt.loadSource(`function readBack() {
      const sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1').setFormula('=TABLE(2, "g")');
      return [sh.getRange('A1:B2').getValues(), sh.getRange('A1').getFormula(), sh.getLastRow()];
    }`);
    expect(rt.run('readBack')).toEqual([
      [
        ['g1', 10],
        ['g2', 20],
      ],
      '=TABLE(2, "g")',
      2,
    ]);
  });
});
