/** The free service allowance per line (src/month-close/allowance.ts), from Meta's FREE_CUSTOMER_SERVICE rows. */
import { ALLOWANCE_FROM, lineAllowance, perLineAllowance } from '../../src/month-close/allowance';
import { allowanceBlock, type AllowanceCell } from '../../src/month-close/allowance-block';
import { monthCloseLabels } from '../../src/month-close/labels';

const row = (day: string, line: string | null, type: string | null, volume: number) => ({
  day,
  line,
  type,
  volume,
});
const OCT = { year: 2026, month: 10 };
const BR = '+55 11 4002-8922';

describe('perLineAllowance', () => {
  it('is 1,000 from 2026-10 and absent before (service free without limit, or per account)', () => {
    expect(ALLOWANCE_FROM).toBe('2026-10-01');
    expect(perLineAllowance(OCT)).toBe(1000);
    expect(perLineAllowance({ year: 2027, month: 3 })).toBe(1000);
    expect(perLineAllowance({ year: 2026, month: 9 })).toBeNull();
    expect(perLineAllowance({ year: 2024, month: 1 })).toBeNull(); // 1,000 conversations a month per account then
  });
});

describe('lineAllowance', () => {
  it('counts the running total by day: the day it reached 1,000 is the day it ran out', () => {
    const rows = [
      row('2026-10-03', '5511 4002 8922', 'FREE_CUSTOMER_SERVICE', 300),
      row('2026-10-01', '551140028922', 'FREE_CUSTOMER_SERVICE', 400),
      row('2026-10-03', '551140028922', 'FREE_CUSTOMER_SERVICE', 300), // another market, same day
      row('2026-10-03', '551140028922', 'REGULAR', 250), // beyond the allowance
      row('2026-10-04', '551140028922', 'REGULAR', 90),
    ];
    expect(lineAllowance(rows, OCT, BR, 1000)).toEqual({ used: 1000, left: 0, ranOutOn: '2026-10-03' });
  });

  it('a line that has not run out keeps the rest; other lines, months and types are not counted', () => {
    const rows = [
      row('2026-10-02', BR, 'FREE_CUSTOMER_SERVICE', 120),
      row('2026-10-05', BR, 'FREE_ENTRY_POINT', 500),
      row('2026-10-05', BR, 'REGULAR', 500),
      row('2026-10-05', '+52 55 1234 5678', 'FREE_CUSTOMER_SERVICE', 900),
      row('2026-09-30', BR, 'FREE_CUSTOMER_SERVICE', 900),
      row('2026-11-01', BR, 'FREE_CUSTOMER_SERVICE', 900),
      row('2026-10-06', null, 'FREE_CUSTOMER_SERVICE', 900),
    ];
    expect(lineAllowance(rows, OCT, BR, 1000)).toEqual({ used: 120, left: 880, ranOutOn: null });
    expect(lineAllowance([], OCT, BR, 1000)).toEqual({ used: 0, left: 1000, ranOutOn: null });
  });

  it('more free volume than the allowance (as Meta reported it) is shown as used, with nothing left', () => {
    const rows = [
      row('2026-10-01', BR, 'FREE_CUSTOMER_SERVICE', 999),
      row('2026-10-02', BR, 'FREE_CUSTOMER_SERVICE', 1),
      row('2026-10-09', BR, 'FREE_CUSTOMER_SERVICE', 50),
    ];
    expect(lineAllowance(rows, OCT, BR, 1000)).toEqual({ used: 1050, left: 0, ranOutOn: '2026-10-02' });
  });
});

describe('allowanceBlock (the live table on the month sheet)', () => {
  const dayDate = (iso: string) => new Date(`${iso}T05:00:00Z`);
  const at = (cells: AllowanceCell[], row: number, column: number) =>
    cells.find((c) => c.row === row && c.column === column)?.value;

  it('per line: used is the running total on the last day, left and the day it ran out follow it', () => {
    const cells = allowanceBlock(OCT, [BR, '+52 55 1234 5678'], 50, monthCloseLabels('es_CO'), dayDate);
    expect(at(cells, 50, 1)).toBe('Mensajes de servicio gratis por línea (Meta: FREE_CUSTOMER_SERVICE)');
    expect([1, 2, 3, 4].map((c) => at(cells, 51, c))).toEqual([
      'Línea',
      'Usados',
      'Quedan',
      'Se agotaron el',
    ]);
    // Running table: title at 55, header at 56, 31 days at 57..87.
    expect(at(cells, 56, 1)).toBe('Día');
    expect([at(cells, 56, 2), at(cells, 56, 3)]).toEqual([BR, '+52 55 1234 5678']);
    expect(at(cells, 87, 1)).toEqual(dayDate('2026-10-31'));
    expect(at(cells, 53, 2)).toEqual({ formula: '=C87' });
    expect(at(cells, 53, 3)).toEqual({ formula: '=MAX(0, 1000-B53)' });
    expect(at(cells, 53, 4)).toEqual({
      formula: '=IF(B53<1000, "", MINIFS($A$57:$A$87, C$57:C$87, ">="&1000))',
    });
  });

  it('with the history in BigQuery (no "Meta data") the running totals are values from the month\'s rows', () => {
    const usage = (day: string, line: string, type: string, volume: number) =>
      ({
        ...row(day, line, type, volume),
        country: 'BR',
        pricingModel: 'message',
        category: null,
        tier: null,
        cost: null,
      }) as const;
    const rows = [
      usage('2026-10-03', '5511 4002 8922', 'FREE_CUSTOMER_SERVICE', 300),
      usage('2026-10-01', BR, 'FREE_CUSTOMER_SERVICE', 400),
      usage('2026-10-01', BR, 'REGULAR', 90),
      usage('2026-10-02', '+52 55 1234 5678', 'FREE_CUSTOMER_SERVICE', 7),
    ];
    const lines = [BR, '+52 55 1234 5678'];
    const cells = allowanceBlock(OCT, lines, 50, monthCloseLabels('en_US'), dayDate, rows);
    // Days 1..31 at rows 57..87: BR in column B, the Mexican line in C.
    expect([57, 58, 59, 87].map((r) => at(cells, r, 2))).toEqual([400, 400, 700, 700]);
    expect([57, 58, 87].map((r) => at(cells, r, 3))).toEqual([0, 7, 7]);
    // The per-line figures still read the running table; nothing reads "Meta data".
    expect(at(cells, 52, 2)).toEqual({ formula: '=B87' });
    expect(JSON.stringify(cells)).not.toContain('Meta data');
    const live = allowanceBlock(OCT, lines, 50, monthCloseLabels('en_US'), dayDate);
    expect(cells.map((c) => [c.row, c.column])).toEqual(live.map((c) => [c.row, c.column]));
  });

  it('more than 13 lines go on in a second band, left of the charts and the Atom block', () => {
    const lines = Array.from({ length: 15 }, (_, i) => `+57 300 000 ${String(i).padStart(4, '0')}`);
    const cells = allowanceBlock(OCT, lines, 60, monthCloseLabels('en_US'), dayDate);
    expect(Math.max(...cells.map((c) => c.column))).toBe(14); // column N
    const running = 60 + 15 + 3;
    const second = running + 1 + 33; // header + 31 days + a blank row
    expect([at(cells, second, 1), at(cells, second, 2), at(cells, second, 3)]).toEqual([
      'Day',
      lines[13],
      lines[14],
    ]);
    expect(at(cells, 60 + 2 + 14, 2)).toEqual({ formula: `=C${second + 31}` });
  });

  it('a month before 2026-10 gets only a note', () => {
    const cells = allowanceBlock({ year: 2026, month: 9 }, [BR], 50, monthCloseLabels('en'), dayDate);
    expect(cells.map((c) => c.value)).toEqual([
      'Free service messages a line (Meta: FREE_CUSTOMER_SERVICE)',
      'No free allowance per line before 2026-10-01',
    ]);
  });
});
