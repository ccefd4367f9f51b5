/** Issue 8 point 6: sheets, ranges, rows, sort, named ranges and protections as Apps Script has them. */
import { createRuntime, type AppsScriptRuntime } from '../../dev/runtime';

function runtimeWith(source: string): AppsScriptRuntime {
  const rt = createRuntime({ spreadsheet: { locale: 'en_US', timeZone: 'America/Bogota' } });
  rt.loadSource(source);
  return rt;
}

describe('sheets', () => {
  it('treats sheet names as unique regardless of case, refuses an empty name', () => {
    const rt = runtimeWith(`
      function dup() { SpreadsheetApp.getActive().insertSheet('SHEET1'); }
      function rename() { SpreadsheetApp.getActive().insertSheet('Data').setName('sheet1'); }
      function empty() { SpreadsheetApp.getActive().getSheets()[0].setName(''); }
      function find() { return SpreadsheetApp.getActive().getSheetByName('SHEET1').getName(); }`);
    expect(() => rt.run('dup')).toThrow(
      'A sheet with the name "SHEET1" already exists. Please enter another name.',
    );
    expect(() => rt.run('rename')).toThrow('A sheet with the name "sheet1" already exists.');
    expect(() => rt.run('empty')).toThrow('Sheet names cannot be empty.');
    expect(rt.run('find')).toBe('Sheet1');
  });

  it('makes a deleted sheet unusable', () => {
    const rt = runtimeWith(`function go() {
      const ss = SpreadsheetApp.getActive();
      const sh = ss.insertSheet('Temp');
      const r = sh.getRange('A1');
      ss.deleteSheet(sh);
      const out = [];
      for (const f of [() => sh.getName(), () => r.getValue(), () => sh.getRange('A1')])
        try { f(); out.push('ok'); } catch (e) { out.push(e.message); }
      return out;
    }`);
    expect(rt.run('go')).toEqual(Array(3).fill('This sheet has been deleted.'));
  });

  it('finds sheets by id; hides and shows them, but never the last visible one', () => {
    const rt = runtimeWith(`function go() {
      const ss = SpreadsheetApp.getActive();
      const data = ss.insertSheet('Data');
      const id = data.getSheetId();
      const found = ss.getSheetById(id).getName();
      data.hideSheet();
      const hidden = data.isSheetHidden();
      let last = '';
      try { ss.getSheetByName('Sheet1').hideSheet(); } catch (e) { last = e.message; }
      data.showSheet();
      return [found, ss.getSheetById(9999), hidden, data.isSheetHidden(), last];
    }`);
    expect(rt.run('go')).toEqual(['Data', null, true, false, "You can't hide all the sheets in a document."]);
  });

  it('clear/clearContents, getDataRange, getLastRow/getLastColumn, frozen rows and column widths', () => {
    const rt = runtimeWith(`function go() {
      const sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:C2').setValues([['a', 'b', 'c'], [1, 2, 3]]).setNumberFormat('0.00');
      sh.setFrozenRows(1);
      sh.setColumnWidths(1, 2, 180);
      const before = [sh.getDataRange().getA1Notation(), sh.getLastRow(), sh.getLastColumn(), sh.getFrozenRows(), sh.getColumnWidth(2), sh.getColumnWidth(3)];
      sh.clearContents();
      const formatKept = sh.getRange('A2').getNumberFormat();
      sh.clear();
      return before.concat([formatKept, sh.getRange('A2').getNumberFormat(), sh.getLastRow()]);
    }`);
    expect(rt.run('go')).toEqual(['A1:C2', 2, 3, 1, 180, 100, '0.00', 'General', 0]);
  });
});

describe('ranges', () => {
  it('refuses getCell outside the range and non-integer coordinates', () => {
    const rt = runtimeWith(`
      function outside() { SpreadsheetApp.getActiveSheet().getRange('A1:B2').getCell(3, 1); }
      function inside() { return SpreadsheetApp.getActiveSheet().getRange('B2:C3').getCell(2, 2).getA1Notation(); }
      function fraction() { SpreadsheetApp.getActiveSheet().getRange(1.5, 1); }
      function missing() { SpreadsheetApp.getActiveSheet().getRange(1, 1, undefined, 3); }`);
    expect(() => rt.run('outside')).toThrow('Cell reference out of range');
    expect(rt.run('inside')).toBe('C3');
    expect(() => rt.run('fraction')).toThrow(
      "The parameters (number,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
    expect(() => rt.run('missing')).toThrow(
      "don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  it('inserts and deletes rows, moving the formulas that point at them', () => {
    const rt = runtimeWith(`function go() {
      const sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:A4').setValues([[1], [2], [3], [4]]);
      sh.getRange('C1').setFormula('=SUM(A1:A4)');
      sh.getRange('C2').setFormula('=A4*10');
      sh.insertRowsBefore(2, 2);        // A1, -, -, 2, 3, 4
      const afterInsert = [sh.getRange('C1').getFormula(), sh.getRange('C4').getFormula(), sh.getRange('C1').getValue(), sh.getMaxRows()];
      sh.insertRowAfter(1);             // A1, -, -, -, 2, 3, 4
      sh.deleteRows(2, 4);              // A1, 3, 4
      return [afterInsert, sh.getRange('C1').getFormula(), sh.getRange('A1:A3').getValues(), sh.getRange('C1').getValue(), sh.getMaxRows()];
    }`);
    expect(rt.run('go')).toEqual([
      ['=SUM(A1:A6)', '=A6*10', 10, 1002],
      '=SUM(A1:A3)',
      [[1], [3], [4]],
      8,
      999,
    ]);
  });

  it('a reference to a deleted row becomes #REF!', () => {
    const rt = runtimeWith(`function go() {
      const sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:A3').setValues([[1], [2], [3]]);
      sh.getRange('B1').setFormula('=A2+1');
      sh.deleteRow(2);
      return [sh.getRange('B1').getFormula(), sh.getRange('B1').getValue()];
    }`);
    expect(rt.run('go')).toEqual(['=#REF!+1', '#REF!']);
  });

  it('sorts rows by columns: numbers before text, blanks last, descending on request', () => {
    const rt = runtimeWith(`function go() {
      const sh = SpreadsheetApp.getActiveSheet();
      const r = sh.getRange('A1:B5');
      r.setValues([['b', 2], ['a', 2], ['', 9], [10, 1], ['c', 3]]);
      r.sort([{ column: 2, ascending: false }, 1]);
      const first = r.getValues();
      r.sort(1);
      return [first, r.getValues()];
    }`);
    expect(rt.run('go')).toEqual([
      [
        ['', 9],
        ['c', 3],
        ['a', 2],
        ['b', 2],
        [10, 1],
      ],
      [
        [10, 1],
        ['a', 2],
        ['b', 2],
        ['c', 3],
        ['', 9],
      ],
    ]);
  });
});

describe('columns', () => {
  it('deletes columns: cells, formats and widths right of them move left, the grid shrinks', () => {
    const rt = runtimeWith(`function go() {
      const sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:D1').setValues([['a', 'b', 'c', 4]]);
      sh.getRange('D1').setNumberFormat('0.00');
      sh.setColumnWidth(4, 250);
      sh.getRange('A2').setFormula('=A1');
      sh.deleteColumns(2, 2);
      sh.deleteColumn(3);
      return [sh.getRange('A1:B1').getValues(), sh.getRange('B1').getNumberFormat(), sh.getColumnWidth(2),
        sh.getRange('A2').getValue(), sh.getMaxColumns()];
    }`);
    expect(rt.run('go')).toEqual([[['a', 4]], '0.00', 250, 'a', 23]);
    expect(rt.spreadsheet.cellCount()).toBe(1000 * 23);
  });

  it("refuses columns out of the sheet and deleting every non-frozen column, with Sheets' messages", () => {
    const rt = runtimeWith(`
      function outside() { SpreadsheetApp.getActiveSheet().deleteColumns(26, 2); }
      function zero() { SpreadsheetApp.getActiveSheet().deleteColumns(2, 0); }
      function all() { SpreadsheetApp.getActiveSheet().deleteColumns(1, 26); }
      function frozen() { const sh = SpreadsheetApp.getActiveSheet(); sh.setFrozenColumns(2); sh.deleteColumns(3, 24); }
      function fraction() { SpreadsheetApp.getActiveSheet().deleteColumns(1.5, 1); }`);
    expect(() => rt.run('outside')).toThrow('Those columns are out of bounds.');
    expect(() => rt.run('zero')).toThrow('Those columns are out of bounds.');
    expect(() => rt.run('all')).toThrow('Sorry, it is not possible to delete all non-frozen columns.');
    expect(() => rt.run('frozen')).toThrow('Sorry, it is not possible to delete all non-frozen columns.');
    expect(() => rt.run('fraction')).toThrow("don't match the method signature");
    expect(rt.spreadsheet.sheet('Sheet1').maxColumns).toBe(26);
  });

  it('refuses, as not modelled, to move formulas, named ranges, protected ranges or charts', () => {
    const rt = runtimeWith(`
      function deleteFrom(column) { SpreadsheetApp.getActive().getSheetByName('Data').deleteColumns(column, 2); }
      function setUp() {
        const ss = SpreadsheetApp.getActive();
        const data = ss.insertSheet('Data');
        ss.insertSheet('Report').getRange('A1').setFormula('=SUM(Data!$E:$E)');
        data.getRange('A1').setFormula('=B1+1');
        ss.setNamedRange('Totals', data.getRange('M1:M2'));
        data.getRange('P1:P2').protect();
        const chart = data.newChart().asColumnChart().addRange(data.getRange('S1:T3')).setPosition(1, 21, 0, 0).build();
        data.insertChart(chart);
      }`);
    rt.run('setUp');
    const notModelled = (column: number, what: string) =>
      expect(() => rt.run('deleteFrom', column)).toThrow(
        `runtime: not modelled — Sheet.deleteColumns(${column}, 2) on "Data" would move ${what}`,
      );
    notModelled(1, 'the formula in Data!A1');
    notModelled(2, 'the formula in Data!A1');
    notModelled(5, 'the formula in Report!A1');
    notModelled(13, 'the named range Totals');
    notModelled(16, 'the protected range Data!P1:P2');
    notModelled(19, 'a chart on Data (Data!S1:T3)');
    notModelled(21, 'a chart on Data (Data!S1:T3)');
    expect(rt.spreadsheet.sheet('Data').maxColumns).toBe(26);
    rt.run('deleteFrom', 25);
    expect(rt.spreadsheet.sheet('Data').maxColumns).toBe(24);
  });

  it('refuses deleting columns of a protected sheet for a user who is not an editor', () => {
    const rt = runtimeWith(`
      function protect() { SpreadsheetApp.getActiveSheet().protect(); }
      function trim() { SpreadsheetApp.getActiveSheet().deleteColumns(12, 15); }`);
    rt.run('protect');
    rt.spreadsheet.activeUser = 'agent@example.com';
    expect(() => rt.run('trim')).toThrow('You are trying to edit a protected cell or object.');
    expect(rt.spreadsheet.sheet('Sheet1').maxColumns).toBe(26);
  });
});

describe('named ranges', () => {
  it('sets, finds (any case), lists and removes named ranges', () => {
    const rt = runtimeWith(`function go() {
      const ss = SpreadsheetApp.getActive();
      ss.setNamedRange('BILLED_UNITS_2025_10', ss.getRange('Sheet1!B2'));
      ss.setNamedRange('META_COST_2025_10', ss.getRange('Sheet1!B3:C3'));
      const found = ss.getRangeByName('billed_units_2025_10').getA1Notation();
      const list = ss.getNamedRanges().map((n) => [n.getName(), n.getRange().getA1Notation()]);
      ss.removeNamedRange('META_COST_2025_10');
      ss.getNamedRanges()[0].remove();
      return [found, list, ss.getNamedRanges().length, ss.getRangeByName('BILLED_UNITS_2025_10')];
    }`);
    expect(rt.run('go')).toEqual([
      'B2',
      [
        ['BILLED_UNITS_2025_10', 'B2'],
        ['META_COST_2025_10', 'B3:C3'],
      ],
      0,
      null,
    ]);
  });

  it("refuses names against Sheets' rules and duplicates", () => {
    const rt = runtimeWith(`function tryName(name) {
      const ss = SpreadsheetApp.getActive();
      try { ss.setNamedRange(name, ss.getRange('A1')); return 'ok'; } catch (e) { return e.message; }
    }`);
    for (const bad of ['', '1ST', 'A1', 'R1C1', 'true', 'with space', 'a-b', 'x'.repeat(251)])
      expect(rt.run('tryName', bad)).toBe('Invalid argument: name');
    expect(rt.run('tryName', 'Total_2025')).toBe('ok');
    expect(rt.run('tryName', 'TOTAL_2025')).toBe('A named range with the name "TOTAL_2025" already exists.');
  });

  it('follow their rows when rows are inserted above them', () => {
    const rt = runtimeWith(`function go() {
      const ss = SpreadsheetApp.getActive();
      ss.setNamedRange('KPI', ss.getRange('Sheet1!B5'));
      ss.getActiveSheet().insertRowsBefore(1, 3);
      return ss.getRangeByName('KPI').getA1Notation();
    }`);
    expect(rt.run('go')).toBe('B8');
  });
});

describe('protections', () => {
  it('protects a range with a description, warning-only flag, editors; remove() lifts it', () => {
    const rt = runtimeWith(`function go() {
      const sh = SpreadsheetApp.getActiveSheet();
      const p = sh.getRange('A1:B2').protect().setDescription('Imported by Atom Billing');
      const out = [p.getDescription(), p.isWarningOnly(), p.getProtectionType() === SpreadsheetApp.ProtectionType.RANGE,
        p.getRange().getA1Notation(), p.getEditors().map((u) => u.getEmail()), p.canEdit(),
        sh.getProtections(SpreadsheetApp.ProtectionType.RANGE).length];
      p.setWarningOnly(true);
      out.push(p.isWarningOnly());
      sh.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].remove();
      out.push(SpreadsheetApp.getActive().getProtections(SpreadsheetApp.ProtectionType.RANGE).length);
      return out;
    }`);
    expect(rt.run('go')).toEqual([
      'Imported by Atom Billing',
      false,
      true,
      'A1:B2',
      ['finance@example.com'],
      true,
      1,
      true,
      0,
    ]);
  });

  it("refuses a write by a user who is not an editor, with Sheets' message, and changes nothing", () => {
    const rt = runtimeWith(`
      function protect() { SpreadsheetApp.getActiveSheet().getRange('A1:A2').protect(); }
      function write() { SpreadsheetApp.getActiveSheet().getRange('A2:A3').setValues([['x'], ['y']]); }
      function outside() { SpreadsheetApp.getActiveSheet().getRange('B1').setValue('ok'); }`);
    rt.run('protect');
    rt.spreadsheet.activeUser = 'agent@example.com';
    expect(() => rt.run('write')).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    expect(rt.spreadsheet.getValues('Sheet1!A3')).toEqual([['']]);
    rt.run('outside');
    expect(rt.spreadsheet.getValues('Sheet1!B1')).toEqual([['ok']]);
  });
});

describe('Sheet.insertColumnsAfter', () => {
  it('adds columns at the right edge, within the 10 million cells; inside the grid it is not modelled', () => {
    const rt = createRuntime();
    rt.loadSource(`
      function widen(after, n) { var s = SpreadsheetApp.getActiveSheet(); s.insertColumnsAfter(after, n); return s.getMaxColumns(); }
    `);
    expect(rt.run('widen', 26, 2)).toBe(28);
    expect(() => rt.run('widen', 29, 1)).toThrow('Those columns are out of bounds.');
    expect(() => rt.run('widen', 3, 1)).toThrow(/not modelled/);
    rt.spreadsheet.getSheet('Sheet1')!.resize(357_142, 28);
    expect(() => rt.run('widen', 28, 1)).toThrow(/above the limit of 10000000 cells/);
  });
});
