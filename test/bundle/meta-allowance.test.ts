/**
 * Issue 17 point 4: the free service messages left per line (1,000 a month since 2026-10), from Meta's
 * FREE_CUSTOMER_SERVICE volume, through the built bundle against the fake Graph server: the live block on
 * "Billing 2026-10" and META_ALLOWANCE agree with a month counted by hand from the fake's records — a busy line
 * that ran out on the 1st, a quieter one that ran out mid-month, a quiet one that did not — the block follows an
 * edit of "Meta data", and a month before 2026-10 says it has no allowance.
 */
import { startFakeGraphServerProcess, type FakeGraphServer } from '../../dev/fake-graph';
import { createDataset, dailyRecords, type DatasetOptions } from '../../dev/fake-graph/generator';
import { addDays, dayKeyToIso, type DayKey } from '../../src/core/time';
import { connect, metaRuntime, thrown, TOKEN, type MetaRuntime } from './meta-helpers';

jest.setTimeout(180_000);

const OPTIONS: DatasetOptions = { seed: 42, lineTraffic: [1, 0.05, 0.02] };
const ds = createDataset(OPTIONS);
const LINES = ds.lines.map((l) => l.displayPhoneNumber);
/** 2026-11-20 12:00 in São Paulo (the WABA zone): October 2026 has ended, November is this month. */
const NOW = Date.UTC(2026, 10, 20, 15);
const SHEET = "'Billing 2026-10'";

/** The month by hand: each line's free service messages day by day, and the day the total reached 1,000. */
function byHand(first: DayKey, last: DayKey, line: string): { used: number; left: number; ranOut: string } {
  let used = 0;
  let ranOut = '';
  for (let day = first; day <= last; day = addDays(day, 1)) {
    for (const r of dailyRecords(ds, day)) {
      if (r.line.displayPhoneNumber === line && r.type === 'FREE_CUSTOMER_SERVICE') used += r.volume;
    }
    if (!ranOut && used >= 1000) ranOut = dayKeyToIso(day);
  }
  return { used, left: Math.max(0, 1000 - used), ranOut };
}

let graph: FakeGraphServer;
beforeAll(async () => {
  graph = await startFakeGraphServerProcess({ token: TOKEN, ...OPTIONS });
});
afterAll(() => graph.close());

function connected(): MetaRuntime {
  const m = metaRuntime();
  m.clock.set(NOW);
  connect(m.rt, graph, TOKEN, ds.waba.id);
  return m;
}

/** The block's line rows (under its title and header): line, used, left, ran out on (yyyy-MM-dd or blank). */
function blockRows(m: MetaRuntime, sheet = SHEET): (string | number)[][] {
  const values = m.rt.spreadsheet.getValues(`${sheet}!A50:D${52 + LINES.length}`);
  expect(values[0][0]).toBe('Free service messages a line (Meta: FREE_CUSTOMER_SERVICE)');
  expect(values[1]).toEqual(['Line', 'Used', 'Left', 'Ran out on']);
  const display = m.rt.spreadsheet.getDisplayValues(`${sheet}!D52:D${51 + LINES.length}`);
  return values
    .slice(2, 2 + LINES.length)
    .map((r, i) => [r[0], r[1], r[2], display[i][0]] as (string | number)[]);
}

describe('October 2026, the first month with the allowance', () => {
  const expected = LINES.map((line) => ({ line, ...byHand(20261001, 20261031, line) }));

  it('the hand count has a line that ran out on the 1st, one mid-month and one that did not', () => {
    expect(expected.map((e) => e.ranOut)).toEqual([
      '2026-10-01',
      expect.stringMatching(/^2026-10-(1\d|2\d)$/),
      '',
    ]);
    expect(expected[0].used).toBe(1000);
    expect(expected[2].used).toBeLessThan(1000);
  });

  it('the month sheet shows used, left and the day each line ran out, from Meta data', () => {
    const m = connected();
    m.rt.runFromSidebar('runMonthClose', { month: '2026-10' });
    expect(blockRows(m)).toEqual(expected.map((e) => [e.line, e.used, e.left, e.ranOut]));
    // The running total by day the rows read: one column per line, dated down column A.
    const runningTop = 50 + LINES.length + 3;
    expect(m.rt.spreadsheet.getValues(`${SHEET}!A${runningTop + 1}:D${runningTop + 1}`)[0]).toEqual([
      'Day',
      ...LINES,
    ]);
    expect(m.rt.spreadsheet.getFormulas(`${SHEET}!B${runningTop + 2}`)[0][0]).toBe(
      `=SUMIFS('Meta data'!$H:$H, 'Meta data'!$B:$B, B$${runningTop + 1}, 'Meta data'!$F:$F, ` +
        `"FREE_CUSTOMER_SERVICE", 'Meta data'!$A:$A, ">="&$A$${runningTop + 2}, 'Meta data'!$A:$A, "<="&$A${runningTop + 2})`,
    );
  });

  it('META_ALLOWANCE gives the same for each line, and this month by default', () => {
    const m = connected();
    for (const e of expected) {
      const [[used, left, day]] = m.rt.runCustomFunction('META_ALLOWANCE', e.line, '2026-10') as unknown[][];
      expect([used, left]).toEqual([e.used, e.left]);
      if (e.ranOut) expect((day as Date).getTime()).toBe(m.rt.sheetDate(e.ranOut).getTime());
      else expect(day).toBe('');
    }
    // A date in the month works as well as yyyy-MM text; blank is this month (November) in the sheet's zone.
    const quiet = LINES[2];
    expect(m.rt.runCustomFunction('META_ALLOWANCE', quiet, m.rt.sheetDate('2026-10-17'))).toEqual([
      [expected[2].used, expected[2].left, ''],
    ]);
    const november = byHand(20261101, 20261130, quiet);
    expect((m.rt.runCustomFunction('META_ALLOWANCE', quiet) as unknown[][])[0].slice(0, 2)).toEqual([
      november.used,
      november.left,
    ]);
  });

  it('the block follows an edit of Meta data: the quiet line now runs out on the 5th', () => {
    const m = connected();
    m.rt.runFromSidebar('runMonthClose', { month: '2026-10' });
    const data = m.rt.spreadsheet.getValues("'Meta data'!A1:H20000");
    const quiet = LINES[2];
    const row = data.findIndex(
      (r) =>
        r[1] === quiet &&
        r[5] === 'FREE_CUSTOMER_SERVICE' &&
        (r[0] as Date).getTime() === m.rt.sheetDate('2026-10-05').getTime(),
    );
    expect(row).toBeGreaterThan(0);
    // Just enough on the 5th for the running total to reach 1,000 that day.
    const extra = 1000 - byHand(20261001, 20261005, quiet).used;
    m.rt.spreadsheet.setValues(`'Meta data'!H${row + 1}`, [[(data[row][7] as number) + extra]]);
    const [, used, left, ranOut] = blockRows(m)[2];
    expect([used, left]).toEqual([expected[2].used + extra, 0]);
    expect(ranOut).toBe('2026-10-05');
  });

  it('errors name META_ALLOWANCE and the argument', () => {
    const m = connected();
    expect(
      thrown(() => m.rt.runCustomFunction('META_ALLOWANCE', '+57 300 123 4567', '2026-10')).message,
    ).toMatch(
      /^META_ALLOWANCE: line \+573001234567 is not a line of the connected WhatsApp Business Account/,
    );
    expect(thrown(() => m.rt.runCustomFunction('META_ALLOWANCE', '', '2026-10')).message).toBe(
      'META_ALLOWANCE: line is required',
    );
    expect(thrown(() => m.rt.runCustomFunction('META_ALLOWANCE', LINES[0], 'octubre')).message).toBe(
      'META_ALLOWANCE: month must be yyyy-MM text or a date ("octubre")',
    );
  });
});

describe('a month before 2026-10', () => {
  it('has no allowance: META_ALLOWANCE says so, the month sheet carries a note', () => {
    const m = connected();
    expect(thrown(() => m.rt.runCustomFunction('META_ALLOWANCE', LINES[0], '2026-09')).message).toBe(
      "META_ALLOWANCE: month 2026-09 is before 2026-10-01, when Meta's free service messages per line began",
    );
    m.rt.runFromSidebar('runMonthClose', { month: '2026-09' });
    expect(m.rt.spreadsheet.getValues("'Billing 2026-09'!A50:A52")).toEqual([
      ['Free service messages a line (Meta: FREE_CUSTOMER_SERVICE)'],
      ['No free allowance per line before 2026-10-01'],
      [''],
    ]);
  });
});
