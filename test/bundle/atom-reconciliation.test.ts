/**
 * Reconciling Atom's per-message log with Meta's bill: a per-message export (Spanish headers and kinds) imported in
 * two batches, October closed from a fake Graph account that has traffic on 4 and 5 October only. The month's sheet
 * gets live formulas — BILLED_BREAKDOWN's charged units per day beside Meta's billed units — evaluated here by the
 * runtime's formula engine.
 */
import { createDataset, expectedTotals } from '../../dev/fake-graph/generator';
import type { MonthCloseResult } from '../../src/rpc/contract';
import { importParsed, parsedCsv } from './atom-helpers';
import { connectedRuntime, SEED, TOKEN, withOtherGraph } from './meta-helpers';

jest.setTimeout(240_000);

const FIRST = 20251004;
const LAST = 20251005;
const metaBilled = (day: number) =>
  expectedTotals(createDataset({ seed: SEED, firstDay: FIRST, lastDay: LAST }), { fromDay: day, toDay: day })
    .billable;

const HEADER = ['ID Conversación', 'Fecha y hora', 'Teléfono', 'Tipo de mensaje', 'Grupo'];
const CHARGED_KINDS = ['Marketing', 'Utilidad', 'Autenticación'];

/**
 * A day of Atom's log: `free` conversations a customer opens (their service reply and a utility template inside
 * the window are free), then `charged` templates to contacts with no open window (each one billed).
 */
function dayRows(day: number, free: number, charged: number): string[][] {
  const dd = String(day).padStart(2, '0');
  const at = (h: number, s: number) =>
    `${dd}/10/2025 ${String(h).padStart(2, '0')}:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  const rows: string[][] = [];
  for (let k = 0; k < free; k++) {
    const contact = `+57 310 ${dd}${String(k).padStart(5, '0')}`;
    rows.push([`F-${dd}-${k}`, at(9, k), contact, 'Usuario', 'Soporte']);
    rows.push([`F-${dd}-${k}`, at(10, k), contact, 'Servicio', 'Soporte']);
    rows.push([`F-${dd}-${k}`, at(11, k), contact, 'utility', 'Soporte']);
  }
  for (let i = 0; i < charged; i++) {
    const contact = `+57 320 ${dd}${String(i).padStart(5, '0')}`;
    rows.push([
      `M-${dd}-${i}`,
      at(12 + Math.floor(i / 3600), i % 3600),
      contact,
      CHARGED_KINDS[i % 3],
      'Ventas',
    ]);
  }
  return rows;
}

it('the month sheet reconciles BILLED_BREAKDOWN over Atom’s messages with Meta’s billed units, day by day', async () => {
  const oct4 = metaBilled(20251004);
  const oct5 = metaBilled(20251005);
  expect(oct4).toBeGreaterThan(1000);
  await withOtherGraph({ token: TOKEN, seed: SEED, firstDay: FIRST, lastDay: LAST }, (graph) => {
    const { rt } = connectedRuntime(graph);
    const closed = rt.runFromSidebar('runMonthClose', { month: '2025-10' }) as MonthCloseResult;
    expect(closed.billedUnits).toBe(oct4 + oct5);

    const parsed = parsedCsv(
      [
        HEADER,
        ...dayRows(3, 15, 0),
        ...dayRows(4, 20, oct4),
        ...dayRows(5, 20, oct5 - 7),
        ...dayRows(6, 0, 2),
      ],
      'mensajes.csv',
    );
    expect(parsed.rejected).toEqual([]);
    expect(parsed.mapping.messageKind).toBe('Tipo de mensaje');
    const result = importParsed(rt, parsed, 'mensajes.csv', {}, 5000);
    expect(result).toMatchObject({ committed: true, months: ['2025-10'] });

    const sheet = rt.spreadsheet.sheet('Billing 2025-10');
    expect(sheet.values('W4:X4')).toEqual([
      ['Reconciliation with Meta', 'billable units per day, below the daily table'],
    ]);
    const labels = sheet.values('W1:W400').map((r) => r[0]);
    const shareRow = labels.indexOf('Days that agree (of the days with units)') + 1;
    expect(shareRow).toBeGreaterThan(300);
    expect(sheet.values(`W${shareRow + 1}:Z${shareRow + 1}`)).toEqual([
      ['Day', 'Atom billable units', 'Meta billed units', 'Difference (Atom − Meta)'],
    ]);
    const days = rt.spreadsheet.getDisplayValues(`'Billing 2025-10'!W${shareRow + 4}:Z${shareRow + 7}`);
    const fmt = (n: number) => n.toLocaleString('en-US');
    expect(days).toEqual([
      ['2025-10-03', '0', '0', '0'],
      ['2025-10-04', fmt(oct4), fmt(oct4), '0'],
      ['2025-10-05', fmt(oct5 - 7), fmt(oct5), '-7'],
      ['2025-10-06', '2', '0', '2'],
    ]);
    // Three days have units (4, 5 and 6 October); one of them agrees.
    expect(rt.spreadsheet.getValues(`'Billing 2025-10'!X${shareRow}`)[0][0]).toBeCloseTo(1 / 3, 12);
    expect(rt.spreadsheet.getDisplayValues(`'Billing 2025-10'!X${shareRow}`)[0][0]).toBe('33.333333333333%');
    expect(rt.spreadsheet.getFormulas(`'Billing 2025-10'!X${shareRow + 5}`)[0][0]).toBe(
      "=SUMIFS('Atom billable units'!$D$3:$D, 'Atom billable units'!$A$3:$A, W" + (shareRow + 5) + ')',
    );
    expect(rt.spreadsheet.getFormulas("'Atom billable units'!A2")[0][0]).toBe(
      "=BILLED_BREAKDOWN('Atom conversations'!$C$2:$C, 'Atom conversations'!$D$2:$D, 'Atom conversations'!$N$2:$N)",
    );
    // Live: a message whose kind is corrected in the store moves the day's units without another import.
    // The store's last two rows are 6 October's two templates.
    const lastRow = rt.spreadsheet.sheet('Atom conversations').values().length;
    expect(rt.spreadsheet.getValues(`'Atom conversations'!N${lastRow - 1}:N${lastRow}`)).toEqual([
      ['marketing'],
      ['utility'],
    ]);
    rt.spreadsheet.setValues(`'Atom conversations'!N${lastRow}`, [['service']]);
    expect(rt.spreadsheet.getDisplayValues(`'Billing 2025-10'!X${shareRow + 7}:Z${shareRow + 7}`)).toEqual([
      ['1', '0', '1'],
    ]);
  });
});
