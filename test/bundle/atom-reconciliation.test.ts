/**
 * Reconciling Atom's per-message log with Meta's bill: a per-message export (Spanish headers and kinds) imported in
 * two batches, October closed from a fake Graph account that has traffic on 4 and 5 October only. The month's sheet
 * gets live formulas — BILLED_BREAKDOWN's charged units per day beside Meta's billed units — evaluated here by the
 * runtime's formula engine.
 */
import { createDataset, expectedTotals } from '../../dev/fake-graph/generator';
import type { MonthCloseResult } from '../../src/rpc/contract';
import { atomSheetLabels } from '../../src/atom/sheet-labels';
import { atomRuntime, importParsed, parsedCsv } from './atom-helpers';
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
    const meta4 = () => rt.spreadsheet.getDisplayValues(`'Billing 2025-10'!Y${shareRow + 5}`)[0][0];
    const labels = rt.spreadsheet
      .sheet('Billing 2025-10')
      .values('W1:W400')
      .map((r) => r[0]);
    const shareRow = labels.indexOf('Days that agree (of the days with units)') + 1;
    expect(shareRow).toBeGreaterThan(300);
    // Before the month close there is no "Meta data" to read; closing the month fills the same formulas.
    expect(meta4()).toBe('#REF!');
    const closed = rt.runFromSidebar('runMonthClose', { month: '2025-10' }) as MonthCloseResult;
    expect(closed.billedUnits).toBe(oct4 + oct5);
    expect(meta4()).toBe(oct4.toLocaleString('en-US'));

    const sheet = rt.spreadsheet.sheet('Billing 2025-10');
    expect(sheet.values('W4:X4')).toEqual([
      ['Reconciliation with Meta', 'billable units per day, below the daily table'],
    ]);
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
      "=SUMIFS('Atom billable units'!$D:$D, 'Atom billable units'!$A:$A, W" + (shareRow + 5) + ')',
    );
    expect(rt.spreadsheet.getFormulas("'Atom billable units'!A2")[0][0]).toBe(
      "=BILLED_BREAKDOWN('Atom conversations'!$C$2:$C, 'Atom conversations'!$D$2:$D, 'Atom conversations'!$N$2:$N)",
    );
    // The sheet is as wide as BILLED_BREAKDOWN's table, which fills it.
    expect(rt.spreadsheet.sheet('Atom billable units').maxColumns).toBe(5);
    expect(rt.spreadsheet.sheet('Atom billable units').lastColumn).toBe(5);
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

it('in Spanish: a month without kinds says so, a month with messages gets its table, and the store written before kinds is still ours', () => {
  const rt = atomRuntime();
  // "Atom conversations" as an import wrote it before messages had kinds (13 columns).
  rt.spreadsheet.setValues("'Atom conversations'!A1", [
    atomSheetLabels('es_CO').conversationsHeader.slice(0, 13),
    ['2025-09', 'S-1', '', '573001112233', '', 'Ventas', '', '', 'manual', '', '', 1, 'septiembre.csv'],
  ]);
  const september = parsedCsv(
    [
      ['ID Conversación', 'Fecha de inicio', 'Contacto', 'Grupo', 'Tipo de cierre'],
      ['S-2', '02/09/2025 10:00', '573001112233', 'Soporte', 'Manual'],
    ],
    'septiembre.csv',
  );
  importParsed(rt, september, 'septiembre.csv');
  const sep = rt.spreadsheet.sheet('Billing 2025-09');
  expect(sep.values('W4:X4')).toEqual([
    [
      'Conciliación con Meta',
      'no hay: ninguna fila del mes tiene tipo de mensaje (asigne una columna de tipo de mensaje)',
    ],
  ]);
  expect(rt.spreadsheet.getSheet('Atom billable units')).toBeUndefined();

  const october = parsedCsv(
    [
      ['Id conversación', 'Fecha y hora', 'Celular', 'Categoría'],
      ['O-1', '01/10/2025 09:00', '573004445566', 'Usuario'],
      ['O-1', '01/10/2025 09:01', '573004445566', 'Servicio'],
      ['O-2', '02/10/2025 08:00', '573007778899', 'Marketing'],
    ],
    'octubre.csv',
  );
  importParsed(rt, october, 'octubre.csv');
  const store = rt.spreadsheet.sheet('Atom conversations');
  expect(store.values('A1:N1')[0][13]).toBe('Tipo de mensaje');
  // Conversation rows first (September's two), then October's messages from row 4.
  expect(store.values('B2:B6').map((r) => r[0])).toEqual(['S-1', 'S-2', 'O-1', 'O-1', 'O-2']);
  expect(rt.spreadsheet.getFormulas("'Atom billable units'!A2")[0][0]).toBe(
    "=BILLED_BREAKDOWN('Atom conversations'!$C$4:$C, 'Atom conversations'!$D$4:$D, 'Atom conversations'!$N$4:$N)",
  );
  const oct = rt.spreadsheet.sheet('Billing 2025-10');
  expect(oct.values('W4:X4')).toEqual([
    ['Conciliación con Meta', 'unidades facturables por día, debajo de la tabla diaria'],
  ]);
  // Two conversations (O-1 counted once) started on 1 and 2 October.
  const labels = oct.values('W1:W400').map((r) => r[0]);
  const shareRow = labels.indexOf('Días que coinciden (de los días con unidades)') + 1;
  expect(oct.values(`W${shareRow + 1}:Z${shareRow + 1}`)).toEqual([
    ['Día', 'Unidades facturables Atom', 'Unidades facturadas Meta', 'Diferencia (Atom − Meta)'],
  ]);
  expect(rt.spreadsheet.getDisplayValues(`'Billing 2025-10'!W${shareRow + 2}:X${shareRow + 3}`)).toEqual([
    ['2025-10-01', '0'],
    ['2025-10-02', '1'],
  ]);

  // A sheet of that name someone else made is never written over.
  rt.spreadsheet.deleteSheet(rt.spreadsheet.sheet('Atom billable units'));
  rt.spreadsheet.setValues("'Atom billable units'!A1", [['mis notas']]);
  expect(() => importParsed(rt, october, 'octubre.csv')).toThrow(
    'The sheet "Atom billable units" was not made by Atom Billing (its header row differs) — rename it so the import can create its own',
  );
});
