/**
 * How many Spreadsheet calls a month-close import makes that change the spreadsheet (issue 9 point 9: at most 12,
 * whatever the number of rows), counted by the offline runtime through the built bundle, call by call.
 */
import { writeCalls, writeCallsByMethod } from '../../dev/runtime/testing/write-calls';
import { connectedRuntime, useGraph } from './meta-helpers';
import { runImport } from './month-close-helpers';

// Each import runs real HTTP (a child process per fetchAll) and the formula engine.
jest.setTimeout(180_000);

const server = useGraph();

/** The write calls of one import, by Class.method. */
function writesOf(run: () => unknown, rt: ReturnType<typeof connectedRuntime>['rt']): Record<string, number> {
  rt.resetCounters();
  run();
  return writeCallsByMethod(rt.counters);
}

describe('write calls of a month-close import', () => {
  let rt: ReturnType<typeof connectedRuntime>['rt'];
  beforeAll(() => {
    rt = connectedRuntime(server()).rt;
  });
  const month = (m: string) => () => runImport(rt, { month: m });

  it('the first import in a new document: three sheets (the two data sheets trimmed to their columns), one frozen header, four names, two charts, the summary columns sized', () => {
    expect(writesOf(month('2025-10'), rt)).toEqual({
      'Sheet.setColumnWidths': 5,
      'Spreadsheet.insertSheet': 3,
      'Sheet.deleteColumns': 2,
      'Sheet.setFrozenRows': 1,
      'Sheet.insertRowsAfter': 1,
      'Range.setValues': 3,
      'Range.setNumberFormats': 3,
      'Spreadsheet.setNamedRange': 4,
      'Sheet.insertChart': 2,
    });
    const widths = Object.fromEntries(rt.spreadsheet.sheets.map((s) => [s.name, s.maxColumns]));
    expect(widths).toEqual({ Sheet1: 26, 'Meta data': 12, Imports: 17, 'Billing 2025-10': 26 });
  });

  it('a re-import of the same month: one setValues a sheet, nothing else', () => {
    expect(writesOf(month('2025-10'), rt)).toEqual({ 'Range.setValues': 3 });
  });

  it('the first import of another month: its sheet, names and charts, its columns sized, the inserted rows formatted', () => {
    const writes = writesOf(month('2025-09'), rt);
    expect(writes).toEqual({
      'Sheet.setColumnWidths': 5,
      'Sheet.insertRowsAfter': 1,
      'Range.setValues': 3,
      'Range.setNumberFormats': 2,
      'Spreadsheet.insertSheet': 1,
      'Spreadsheet.setNamedRange': 4,
      'Sheet.insertChart': 2,
    });
    expect(writeCalls(writes)).toBe(18);
    // The rows inserted for September carry the same formats as October's, which were not rewritten.
    const formats = rt.spreadsheet.getNumberFormats("'Meta data'!A2:L");
    const rows = rt.spreadsheet.getSheet('Meta data')!.lastRow - 1;
    expect(new Set(formats.slice(0, rows).map((r) => r.join('|'))).size).toBe(1);
  });

  it('a full ledger grows once by a thousand preformatted rows', () => {
    const ledger = rt.spreadsheet.getSheet('Imports')!;
    ledger.deleteRows(ledger.lastRow + 1, ledger.maxRows - ledger.lastRow);
    const writes = writesOf(month('2025-10'), rt);
    expect(writes).toEqual({ 'Range.setValues': 3, 'Sheet.insertRowsAfter': 1, 'Range.setNumberFormats': 1 });
    expect(ledger.maxRows).toBe(ledger.lastRow + 1000);
    const last = ledger.lastRow;
    expect(rt.spreadsheet.getNumberFormats(`'Imports'!A${last + 1}:N${ledger.maxRows}`)).toEqual(
      new Array(1000).fill(rt.spreadsheet.getNumberFormats(`'Imports'!A${last}:N${last}`)[0]),
    );
    expect(writesOf(month('2025-10'), rt)).toEqual({ 'Range.setValues': 3 });
  });
});
