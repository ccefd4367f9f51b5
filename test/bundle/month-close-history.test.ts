/**
 * Issue 15 points 1 and 3 for the month close, through the built bundle: an empty or smaller answer from Meta
 * never silently replaces the stored "Meta data" rows, and a month close that would cross Sheets' 10-million cell
 * limit is refused before its first write, every sheet as it was.
 */
import { expectedTotals } from '../../dev/fake-graph/generator';
import {
  connect,
  connectedRuntime,
  DATASET,
  SEED,
  thrown,
  TOKEN,
  useGraph,
  withOtherGraph,
} from './meta-helpers';
import { runImport, seedAtomSheets, snapshot, WITH_ATOM } from './month-close-helpers';

jest.setTimeout(180_000);

const server = useGraph();
const OCTOBER = expectedTotals(DATASET, { fromDay: 20251001, toDay: 20251031 });
const count = (n: number) => n.toLocaleString('en-US');

function imported() {
  const m = connectedRuntime(server());
  seedAtomSheets(m.rt);
  return m;
}

const dataRows = (rt: ReturnType<typeof imported>['rt']) => rt.spreadsheet.getSheet('Meta data')!.lastRow - 1;

describe('point 1: an empty or smaller answer never silently replaces the stored rows', () => {
  it('Meta returns no data for a month with stored rows: they are kept, the figures come from them, and the card, the Billing sheet and the ledger say so', async () => {
    const { rt } = imported();
    const first = runImport(rt, { month: '2025-10', ...WITH_ATOM });
    expect(dataRows(rt)).toBe(OCTOBER.records);
    const metaData = snapshot(rt).sheets.find((s) => s.name === 'Meta data');
    await server().setFault({ kind: 'emptyData', times: 'always' });
    const again = runImport(rt, { month: '2025-10', ...WITH_ATOM });
    const note = `Meta returned no data for 2025-10; the ${count(OCTOBER.records)} stored rows were kept`;
    expect(again.notes).toContainEqual({ code: 'noData', month: '2025-10', kept: OCTOBER.records });
    expect(again).toMatchObject({ billedUnits: first.billedUnits, cost: first.cost, status: 'closed' });
    expect(again.billedUnits).toBe(OCTOBER.billable);
    expect(snapshot(rt).sheets.find((s) => s.name === 'Meta data')).toEqual(metaData);
    expect(rt.spreadsheet.getDisplayValues("'Billing 2025-10'!A2")).toEqual([[note]]);
    expect(rt.spreadsheet.getValues("'Billing 2025-10'!B3")).toEqual([[OCTOBER.billable]]);
    expect(rt.spreadsheet.getValues("'Imports'!O1:O3")).toEqual([['Notes'], [''], [note]]);
    expect(rt.spreadsheet.getValues("'Imports'!K3")).toEqual([[0]]); // no drift: nothing was lost
  });

  it("days past Meta's one-year lookback keep their stored rows when Meta no longer returns them", async () => {
    const { rt, clock } = imported();
    const first = runImport(rt, { month: '2025-10' });
    // A year later Meta answers from 2025-10-20 only: 1–19 October are past its lookback.
    clock.set(Date.UTC(2026, 9, 20, 15));
    const past = expectedTotals(DATASET, { fromDay: 20251001, toDay: 20251019 }).records;
    await withOtherGraph({ token: TOKEN, seed: SEED, firstDay: 20251020 }, (other) => {
      connect(rt, other);
      const again = runImport(rt, { month: '2025-10' });
      const note =
        `Meta no longer returns 19 day(s) of 2025-10 (past its one-year lookback); the ${count(past)} stored ` +
        'rows of those days were kept';
      expect(again.notes).toContainEqual({ code: 'pastLookback', month: '2025-10', days: 19, kept: past });
      expect(again.billedUnits).toBe(first.billedUnits);
      expect(dataRows(rt)).toBe(OCTOBER.records);
      expect(rt.spreadsheet.getValues("'Imports'!O3")).toEqual([[note]]);
    });
  });

  it('within the lookback a smaller answer replaces the stored rows, and the card and the ledger say how many with how many', async () => {
    const { rt } = imported();
    runImport(rt, { month: '2025-10' });
    const fresh = expectedTotals(DATASET, { fromDay: 20251020, toDay: 20251031 });
    await withOtherGraph({ token: TOKEN, seed: SEED, firstDay: 20251020 }, (other) => {
      connect(rt, other);
      const again = runImport(rt, { month: '2025-10' });
      const note = `Meta's answer replaced the ${count(OCTOBER.records)} stored rows of 2025-10 with ${count(fresh.records)}`;
      expect(again.notes).toContainEqual({
        code: 'replaced',
        month: '2025-10',
        replaced: OCTOBER.records,
        rows: fresh.records,
      });
      expect(again.billedUnits).toBe(fresh.billable);
      expect(dataRows(rt)).toBe(fresh.records);
      expect(rt.spreadsheet.getValues("'Imports'!O3")).toEqual([[note]]);
    });
  });
});

it.each([14, 15])(
  'a ledger made before the Notes and cost-to-allocate columns (%d columns) gains them on the next import; its entries still count',
  (width) => {
    const { rt } = imported();
    runImport(rt, { month: '2025-10' });
    const ledger = rt.spreadsheet.getSheet('Imports')!;
    rt.spreadsheet.setValues("'Imports'!O1:Q2", [
      ['', '', ''],
      ['', '', ''],
    ]);
    if (width === 15) rt.spreadsheet.setValues("'Imports'!O1", [['Notes']]);
    ledger.resize(ledger.maxRows, width);
    const again = runImport(rt, { month: '2025-10' });
    expect(again.previous).not.toBeNull();
    expect(ledger.maxColumns).toBe(17);
    expect(rt.spreadsheet.getValues("'Imports'!O1:Q1")).toEqual([
      ['Notes', 'Cost to allocate', 'Cost to allocate from'],
    ]);
    expect(rt.spreadsheet.getValues("'Imports'!K3:Q3")).toEqual([
      [0, 0, 'manual', 'Meta', '', again.cost, 'Meta’s cost'],
    ]);
    expect(rt.spreadsheet.getNumberFormats("'Imports'!P3")).toEqual(
      rt.spreadsheet.getNumberFormats("'Imports'!H3"),
    );
  },
);

describe("point 3: Sheets' 10-million cell limit is checked before the first write", () => {
  /** Fills the spreadsheet with an archive sheet so that `free` cells are left. */
  function leaveFree(rt: ReturnType<typeof imported>['rt'], free: number): void {
    const archive = rt.spreadsheet.insertSheet('Archive 2019');
    const others = rt.spreadsheet.cellCount() - archive.maxRows * archive.maxColumns;
    archive.resize(10_000_000 - free - others, 1);
    expect(rt.spreadsheet.cellCount()).toBe(10_000_000 - free);
  }

  it.each([50_000, 80_000])(
    'with %d cells free the month close is refused with the cells needed and free, every sheet as it was; with room it runs',
    (free) => {
      const { rt } = imported();
      leaveFree(rt, free);
      const before = snapshot(rt);
      const e = thrown(() => runImport(rt, { month: '2025-10', ...WITH_ATOM }));
      expect(e.message).toMatch(
        new RegExp(
          `^The month close of 2025-10 needs [\\d,]+ more cells, but the spreadsheet has ${count(free)} of its ` +
            '10,000,000 cells free; nothing was written\\. Archive or delete sheets you no longer need — the ' +
            'largest are "Archive 2019"',
        ),
      );
      // Meta data's rows × 12 columns, then "Billing 2025-10" and "Imports" made 1000 × 26 (the peak)
      expect(e.message).toContain(`needs ${count((OCTOBER.records + 1) * 12 + 2 * 26_000)} more cells`);
      expect(snapshot(rt)).toEqual(before);
      expect(rt.spreadsheet.getSheet('Meta data')).toBeUndefined();
      // Archiving makes room: the same import then runs.
      rt.spreadsheet.getSheet('Archive 2019')!.resize(1000, 1);
      expect(runImport(rt, { month: '2025-10', ...WITH_ATOM }).billedUnits).toBe(OCTOBER.billable);
    },
  );
});
