/** The user's selection: getActiveRange follows what the user (the test, the preview grid) or Range.activate selects. */
import { createRuntime } from '../../dev/runtime';

it('reports the selection on the active sheet, A1 on a sheet never selected, and follows Range.activate', () => {
  const rt = createRuntime();
  rt.spreadsheet.setValues("'Atom groups'!A1", [['Group', 'Closed']]);
  rt.loadSource(`function selected() {
    const r = SpreadsheetApp.getActiveRange();
    const s = SpreadsheetApp.getActiveSpreadsheet().getActiveRange();
    return [r.getSheet().getName(), r.getA1Notation(), s.getA1Notation()];
  }
  function pick() { SpreadsheetApp.getActive().getRange('Sheet1!C3:D4').activate(); }`);
  rt.spreadsheet.activeSheet = rt.spreadsheet.sheet('Sheet1');
  expect(rt.run('selected')).toEqual(['Sheet1', 'A1', 'A1']);
  rt.spreadsheet.select("'Atom groups'!A1:B5");
  expect(rt.run('selected')).toEqual(['Atom groups', 'A1:B5', 'A1:B5']);
  rt.run('pick');
  expect(rt.run('selected')).toEqual(['Sheet1', 'C3:D4', 'C3:D4']);
  // Each sheet keeps its own selection.
  rt.spreadsheet.activeSheet = rt.spreadsheet.sheet('Atom groups');
  expect(rt.run('selected')).toEqual(['Atom groups', 'A1:B5', 'A1:B5']);
});
