/**
 * Issue 15, points 1 and 3 for the month close, through the built bundle: an empty answer from Meta keeps the month's
 * stored rows (and says so on the result card, the sheet and the ledger); an import that would pass the 10 million
 * cells is refused before its first write, every sheet as it was; a ledger from before the Note column gains it.
 */
import { connectedRuntime, thrown, useGraph } from './meta-helpers';
import { runImport, seedAtomSheets, snapshot, WITH_ATOM } from './month-close-helpers';
import type { AppsScriptRuntime } from '../../dev/runtime';

jest.setTimeout(180_000);

const server = useGraph();

function imported() {
  const m = connectedRuntime(server());
  seedAtomSheets(m.rt);
  return m;
}

const ledgerRows = (rt: AppsScriptRuntime) => rt.spreadsheet.getSheet('Imports')!.lastRow - 1;

describe('an empty answer from Meta never replaces the stored history', () => {
  afterEach(() => server().clearFaults());

  it('keeps the stored rows and their figures, and says so on the result card, the sheet and the ledger', async () => {
    const { rt } = imported();
    const first = runImport(rt, { month: '2025-10', ...WITH_ATOM });
    const stored = rt.spreadsheet.getSheet('Meta data')!.lastRow - 1;
    expect(stored).toBe(first.rowsWritten);
    const dataBefore = rt.spreadsheet.getValues(`'Meta data'!A1:K${stored + 1}`);
    await server().setFault({ kind: 'emptyData', times: 'always', pathIncludes: 'analytics' });

    const again = runImport(rt, { month: '2025-10', ...WITH_ATOM });

    const note = `Meta returned no data for 2025-10; the ${stored.toLocaleString('en-US')} stored rows were kept`;
    expect(again.notes).toContain(note);
    expect(again).toMatchObject({ billedUnits: first.billedUnits, cost: first.cost, rowsWritten: 0 });
    expect(rt.spreadsheet.getValues(`'Meta data'!A1:K${stored + 1}`)).toEqual(dataBefore);
    expect(rt.spreadsheet.getSheet('Meta data')!.lastRow).toBe(stored + 1);
    expect(rt.spreadsheet.getValues("'Billing 2025-10'!B3")).toEqual([[first.billedUnits]]);
    expect(rt.spreadsheet.getValues("'Billing 2025-10'!C11")).toEqual([[note]]);
    expect(rt.spreadsheet.getValues("'Imports'!F3:G3")).toEqual([[0, first.billedUnits]]);
    expect(rt.spreadsheet.getValues("'Imports'!K3:O3")).toEqual([[0, 0, 'manual', 'Meta', note]]);
  });

  it('a month Meta has no rows for, and nothing stored: nothing to keep, no note', async () => {
    const { rt } = imported();
    await server().setFault({ kind: 'emptyData', times: 'always', pathIncludes: 'analytics' });
    const result = runImport(rt, { month: '2025-10', ...WITH_ATOM });
    expect(result).toMatchObject({ billedUnits: 0, rowsWritten: 0 });
    expect(result.notes.some((n) => n.includes('stored rows'))).toBe(false);
    expect(rt.spreadsheet.getValues("'Billing 2025-10'!C11")).toEqual([['']]);
  });
});

describe("Sheets' 10 million cells", () => {
  /** A sheet that takes all but `free` of the spreadsheet's cells. */
  function leaveFree(rt: AppsScriptRuntime, free: number): void {
    const filler = rt.spreadsheet.insertSheet('Archive');
    filler.resize(1, 1);
    filler.resize(10_000_000 - free - (rt.spreadsheet.cellCount() - 1), 1);
    expect(10_000_000 - rt.spreadsheet.cellCount()).toBe(free);
  }

  it.each([50_000, 80_000])(
    'with %i cells free, a first import is refused before its first write, naming the cells and what to archive',
    (free) => {
      const { rt } = imported();
      leaveFree(rt, free);
      const before = snapshot(rt);
      const properties = new Map(rt.properties.document);
      const e = thrown(() => runImport(rt, { month: '2025-10', ...WITH_ATOM }));
      expect(e.message).toMatch(
        /^The month close of 2025-10 needs [\d,]+ more cells, but the spreadsheet has [\d,]+ of its 10,000,000 cells free; nothing was written\. Archive or delete sheets you no longer need — the largest are "Archive" \([\d,]+\)/,
      );
      expect(snapshot(rt)).toEqual(before);
      expect(rt.spreadsheet.sheets.map((s) => s.name)).toEqual([
        'Sheet1',
        'Atom groups',
        'Atom campaigns',
        'Archive',
      ]);
      expect(rt.properties.document).toEqual(properties);
      // Once there is room, the same import goes through.
      rt.spreadsheet.deleteSheet(rt.spreadsheet.getSheet('Archive')!);
      expect(runImport(rt, { month: '2025-10', ...WITH_ATOM }).month).toBe('2025-10');
    },
  );

  it('the prediction is exact: one cell fewer than the import takes at its peak is refused, that many goes through', () => {
    const probe = imported().rt;
    const cellsBefore = probe.spreadsheet.cellCount();
    runImport(probe, { month: '2025-10', ...WITH_ATOM });
    // insertSheet's full grid (26 columns) is taken before a narrow sheet is trimmed: the peak, what must fit, comes
    // when the ledger (made last, 15 columns) is inserted.
    const peak = probe.spreadsheet.cellCount() - cellsBefore + (26 - 15) * 1000;
    const short = imported().rt;
    leaveFree(short, peak - 1);
    expect(thrown(() => runImport(short, { month: '2025-10', ...WITH_ATOM })).message).toMatch(
      new RegExp(`needs ${peak.toLocaleString('en-US')} more cells`),
    );
    const { rt } = imported();
    leaveFree(rt, peak);
    expect(runImport(rt, { month: '2025-10', ...WITH_ATOM }).month).toBe('2025-10');
  });
});

describe('a ledger from before the Note column', () => {
  it('gains the column with its next entry; earlier rows are read as before (the drift is measured against them)', () => {
    const { rt } = imported();
    const first = runImport(rt, { month: '2025-10', ...WITH_ATOM });
    const ledger = rt.spreadsheet.getSheet('Imports')!;
    rt.spreadsheet.setValues("'Imports'!O1:O2", [[''], ['']]);
    ledger.resize(ledger.maxRows, 14);
    const again = runImport(rt, { month: '2025-10', ...WITH_ATOM });
    expect(again.previous).toEqual({ billedUnits: first.billedUnits, cost: first.cost });
    expect(ledger.maxColumns).toBe(15);
    expect(rt.spreadsheet.getValues("'Imports'!N1:O1")).toEqual([['Cost source', 'Note']]);
    expect(ledgerRows(rt)).toBe(2);
    expect(rt.spreadsheet.getValues("'Imports'!K3:L3")).toEqual([[0, 0]]);
  });
});
