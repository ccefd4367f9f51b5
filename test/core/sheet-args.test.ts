import { argRef } from '../../src/core/sheet-args/arg-errors';
import { readRange, readOptionalCell, requireSameSize } from '../../src/core/sheet-args/range';
import { readNumbers } from '../../src/core/sheet-args/numbers';
import { cellInstant, readInstants } from '../../src/core/sheet-args/date-times';
import { ZoneCalendar } from '../../src/core/zone-calendar';
import { foreignDate } from './helpers';

const ARG = argRef('BILLED_TEST', 'values');
const OTHER = argRef('BILLED_TEST', 'others');

describe('readRange', () => {
  it('flattens a column, a row and a single cell', () => {
    expect(readRange(ARG, [[1], [2], [3]])).toEqual([1, 2, 3]);
    expect(readRange(ARG, [[1, 2, 3]])).toEqual([1, 2, 3]);
    expect(readRange(ARG, 7)).toEqual([7]);
    expect(readRange(ARG, [[7]])).toEqual([7]);
  });

  it('rejects a block with more than one row and column, naming its size', () => {
    expect(() =>
      readRange(ARG, [
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toThrow('BILLED_TEST: values must be a single column or a single row (got 3 rows × 2 columns)');
  });

  it('rejects a missing required range', () => {
    expect(() => readRange(ARG, undefined)).toThrow('BILLED_TEST: values is required');
  });
});

describe('readOptionalCell', () => {
  it('treats omitted and blank as not given, and unwraps a 1×1 range', () => {
    expect(readOptionalCell(ARG, undefined)).toBeUndefined();
    expect(readOptionalCell(ARG, '')).toBeUndefined();
    expect(readOptionalCell(ARG, [[5]])).toBe(5);
  });
  it('rejects several cells', () => {
    expect(() => readOptionalCell(ARG, [[1], [2]])).toThrow(
      'BILLED_TEST: values must be a single cell (got 2 cells)',
    );
  });
});

describe('requireSameSize', () => {
  it('names both arguments and their sizes', () => {
    expect(() => requireSameSize(ARG, [1, 2], OTHER, [1])).toThrow(
      'BILLED_TEST: others has 1 cells but values has 2; they must be the same size',
    );
  });
});

describe('readNumbers', () => {
  it('reads blanks as 0 and rejects text, naming the row', () => {
    expect(readNumbers(ARG, [1.5, '', 0])).toEqual([1.5, 0, 0]);
    expect(() => readNumbers(ARG, [1, 2, 'abc'])).toThrow(
      'BILLED_TEST: values row 3 is not a number ("abc")',
    );
    expect(() => readNumbers(ARG, [true])).toThrow('BILLED_TEST: values row 1 is not a number (TRUE)');
  });
});

describe('date-time cells', () => {
  const madrid = new ZoneCalendar('Europe/Madrid');
  it('reads ISO text as a wall time in the spreadsheet zone', () => {
    expect(cellInstant('2025-10-01', madrid)).toBe(Date.UTC(2025, 8, 30, 22, 0)); // CEST, UTC+2
    expect(cellInstant('2025-12-01 14:30', madrid)).toBe(Date.UTC(2025, 11, 1, 13, 30)); // CET, UTC+1
    expect(cellInstant(' 2025-12-01T14:30:15 ', madrid)).toBe(Date.UTC(2025, 11, 1, 13, 30, 15));
  });
  it('takes Date cells from another realm as the instant they hold', () => {
    expect(cellInstant(foreignDate(Date.UTC(2025, 0, 2)), madrid)).toBe(Date.UTC(2025, 0, 2));
  });
  it.each([
    ['2025-02-30'],
    ['2025-13-01'],
    ['2025-10-01 24:00'],
    ['01/10/2025'],
    ['0025-01-01'],
    [45931],
    [true],
  ])('rejects %p', (value) => {
    expect(cellInstant(value, madrid)).toBeUndefined();
  });
  it('accepts Date cells from 1900-01-01 to 9999-12-31 in the sheet zone, as ISO text', () => {
    // Local midnight 1900-01-01 in Madrid (LMT until 1901, UTC-0:14:44) and the last ms of 9999.
    const first = madrid.instantOf(1900, 1, 1);
    const last = madrid.instantOf(10000, 1, 1) - 1;
    expect(cellInstant(foreignDate(first), madrid)).toBe(first);
    expect(cellInstant(foreignDate(last), madrid)).toBe(last);
    expect(cellInstant('1900-01-01', madrid)).toBe(first);
  });
  it.each([
    ['a time-only cell (1899-12-30 14:30)', Date.UTC(1899, 11, 30, 14, 30)],
    ['the instant before local 1900-01-01', new ZoneCalendar('Europe/Madrid').instantOf(1900, 1, 1) - 1],
    ['year 40000 (beyond what a message log can order exactly)', Date.UTC(40000, 0, 1)],
    ['the last instant a Date can hold', 8.64e15],
    ['the first instant a Date can hold', -8.64e15],
  ])('rejects a Date cell outside those years: %s', (_what, ms) => {
    expect(cellInstant(foreignDate(ms), madrid)).toBeUndefined();
  });
  it('names the row of a bad or blank cell', () => {
    expect(() => readInstants(ARG, ['2025-10-01', '', 'x'], madrid)).toThrow(
      'BILLED_TEST: values row 2 is blank',
    );
    expect(() => readInstants(ARG, ['2025-10-01', 'abc'], madrid)).toThrow(
      'BILLED_TEST: values row 2 is not a date ("abc")',
    );
  });
});
