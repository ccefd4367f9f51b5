/** The Month close form's pure parts: typed ranges, the cost to allocate, the chart's geometry. */
import { chartGeometry } from '../../src/sidebar/month-close/chart-geometry';
import {
  costText,
  rangeText,
  readCost,
  readRange,
  separatorsOf,
} from '../../src/sidebar/month-close/form-values';
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
  const esCO = separatorsOf('es_CO');
  const enUS = separatorsOf('en_US');

  it('knows each locale’s separators (English’s for a locale the browser does not know)', () => {
    expect(esCO).toEqual({ decimal: ',', group: '.' });
    expect(enUS).toEqual({ decimal: '.', group: ',' });
    expect(separatorsOf('pt_BR')).toEqual({ decimal: ',', group: '.' });
    expect(separatorsOf('not a locale!')).toEqual({ decimal: '.', group: ',' });
  });

  it('reads the spreadsheet locale’s way and the plain way; blank is Meta’s cost (issue 16 point 6)', () => {
    expect(readCost('7.500,25', esCO)).toEqual({ ok: true, value: 7500.25 });
    expect(readCost('7500,25', esCO)).toEqual({ ok: true, value: 7500.25 });
    expect(readCost('7500.25', esCO)).toEqual({ ok: true, value: 7500.25 });
    expect(readCost('1.250.000', esCO)).toEqual({ ok: true, value: 1250000 });
    expect(readCost('0,1', esCO)).toEqual({ ok: true, value: 0.1 });
    expect(readCost('7,500.25', enUS)).toEqual({ ok: true, value: 7500.25 });
    expect(readCost('7500.25', enUS)).toEqual({ ok: true, value: 7500.25 });
    expect(readCost('7,500', enUS)).toEqual({ ok: true, value: 7500 });
    expect(readCost(' 7 ', enUS)).toEqual({ ok: true, value: 7 });
    expect(readCost('', esCO)).toEqual({ ok: true, value: null });
    // A space-like group separator (French) may be typed as any space.
    expect(readCost('7 500,25', separatorsOf('fr_FR'))).toEqual({ ok: true, value: 7500.25 });
  });

  it('the digits typed are the amount: the number nearest them, whose shortest form is those digits', () => {
    for (const text of ['0,1', '1.234.567,89', '12345678,9012', '0,0085']) {
      const read = readCost(text, esCO);
      expect(read.ok && String(read.value)).toBe(text.replace(/\./g, '').replace(',', '.'));
    }
  });

  it('refuses what reads two ways as different amounts, saying both', () => {
    expect(readCost('7.500', esCO)).toEqual({ ok: false, problem: 'ambiguousCost', readings: [7500, 7.5] });
    expect(readCost('1.250', esCO)).toEqual({ ok: false, problem: 'ambiguousCost', readings: [1250, 1.25] });
  });

  it('refuses signs, words, misplaced separators and the other locale’s way', () => {
    for (const text of ['-5', '12 USD', 'abc', '1e3', '1.2.3', '7,50.0', '1,234.56'])
      expect(readCost(text, esCO)).toEqual({ ok: false, problem: 'cost' });
    for (const text of ['7,5', '1.234,56', '12,34'])
      expect(readCost(text, enUS)).toEqual({ ok: false, problem: 'cost' });
  });

  it('writes an amount back the locale’s way, so that it reads back the same', () => {
    expect(costText(7500, 'es_CO')).toBe('7.500,00');
    expect(costText(7500.255, 'es_CO')).toBe('7.500,255');
    expect(costText(7500.25, 'en_US')).toBe('7,500.25');
    for (const value of [7500, 0.1, 1250000.5, 0.0085])
      expect(readCost(costText(value, 'es_CO'), esCO)).toEqual({ ok: true, value });
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
