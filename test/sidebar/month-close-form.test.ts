/** The Month close form's pure parts: typed ranges, the cost to allocate, the chart's geometry. */
import { chartGeometry } from '../../src/sidebar/month-close/chart-geometry';
import { rangeText, readCost, readRange } from '../../src/sidebar/month-close/form-values';
import type { MonthCloseDay } from '../../src/rpc/contract';

describe('ranges', () => {
  it('reads a range the way Sheets writes it, quoted sheet names included', () => {
    expect(readRange("'Atom groups'!A1:B20")).toEqual({
      ok: true,
      value: { sheet: 'Atom groups', range: 'A1:B20' },
    });
    expect(readRange('Groups!a2:b')).toEqual({ ok: true, value: { sheet: 'Groups', range: 'A2:B' } });
    expect(readRange(" 'O''Brien'!$A$1:$B$9 ")).toEqual({
      ok: true,
      value: { sheet: "O'Brien", range: 'A1:B9' },
    });
    expect(readRange('Data!A:B')).toEqual({ ok: true, value: { sheet: 'Data', range: 'A:B' } });
  });

  it('treats a blank range as not given', () => {
    expect(readRange('   ')).toEqual({ ok: true, value: null });
  });

  it('refuses what is not Sheet!A1 notation', () => {
    for (const text of [
      'A1:B20',
      '!A1:B2',
      'Groups!',
      'Groups!1:2',
      'Groups!A1:B2:C3',
      "Bad'name!A1",
      'G!ABCD1',
    ])
      expect(readRange(text)).toEqual({ ok: false, problem: 'range' });
  });

  it('writes a range back with the sheet quoted only when Sheets would', () => {
    expect(rangeText({ sheet: 'Groups', range: 'A1:B5' })).toBe('Groups!A1:B5');
    expect(rangeText({ sheet: 'Atom groups', range: 'A1:B5' })).toBe("'Atom groups'!A1:B5");
    expect(rangeText({ sheet: "O'Brien", range: 'A:B' })).toBe("'O''Brien'!A:B");
    expect(rangeText({ sheet: '<img src=x>', range: 'A1' })).toBe("'<img src=x>'!A1");
    for (const sheet of ['Atom groups', "O'Brien", 'Grupos 2025-10'])
      expect(readRange(rangeText({ sheet, range: 'A1:B2' }))).toEqual({
        ok: true,
        value: { sheet, range: 'A1:B2' },
      });
  });
});

describe('cost to allocate', () => {
  it('reads a point or a comma as the decimal separator; blank is Meta’s cost', () => {
    expect(readCost('1250.50')).toEqual({ ok: true, value: 1250.5 });
    expect(readCost('1250,50')).toEqual({ ok: true, value: 1250.5 });
    expect(readCost(' 7 ')).toEqual({ ok: true, value: 7 });
    expect(readCost('')).toEqual({ ok: true, value: null });
  });

  it('refuses thousands separators, signs and words instead of guessing', () => {
    for (const text of ['1.234,56', '1,234.56', '-5', '12 USD', 'abc', '1e3'])
      expect(readCost(text)).toEqual({ ok: false, problem: 'cost' });
  });
});

describe('cumulative chart', () => {
  const box = { width: 110, height: 60, left: 10, right: 0, top: 0, bottom: 10 };
  const day = (n: number, cumulative: number | null, projected: number | null = null): MonthCloseDay => ({
    day: `2025-11-0${n}`,
    billedUnits: cumulative,
    cumulative,
    projectedCumulative: projected,
  });

  it('draws a closed month as one line scaled to its total', () => {
    const g = chartGeometry([day(1, 0), day(2, 25), day(3, 50)], box);
    expect(g.actual).toBe('10,50 60,25 110,0');
    expect(g.projected).toBe('');
    expect(g.maxValue).toBe(50);
    expect(g.lastActual).toEqual({ day: '2025-11-03', cumulative: 50 });
  });

  it('continues an open month with the projection from the last imported day', () => {
    const g = chartGeometry([day(1, 10), day(2, 20), day(3, null, 30), day(4, null, 40)], box);
    expect(g.actual.split(' ')).toHaveLength(2);
    expect(g.projected.split(' ')).toEqual(['43.3,25', '76.7,12.5', '110,0']);
    expect(g.lastProjected).toEqual({ day: '2025-11-04', cumulative: 40 });
  });

  it('draws no projection for a month whose every day is imported', () => {
    const g = chartGeometry([day(1, 10, 10), day(2, 20, 20)], box);
    expect(g.projected).toBe('');
    expect(g.lastProjected).toBeNull();
  });

  it('keeps a month with no billed units on the baseline', () => {
    expect(chartGeometry([day(1, 0), day(2, 0)], box).actual).toBe('10,50 110,50');
  });
});
