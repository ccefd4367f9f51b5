/** The free service allowance per line (src/month-close/allowance.ts), from Meta's FREE_CUSTOMER_SERVICE rows. */
import { ALLOWANCE_FROM, lineAllowance, perLineAllowance } from '../../src/month-close/allowance';

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
