/** parseAtomExport on XLSX workbooks written by exceljs: sheets, string kinds, numbers, booleans, date serials. */
import { zipSync, strToU8 } from 'fflate';
import { parseAtomExport } from '../../src/atom/parse';
import { serialToWallTime } from '../../src/atom/dates';
import { AUDIT_ES_HEADER, xlsxOf } from '../../dev/fixtures/atom-exports';

describe('an XLSX Audit export', () => {
  const rows: unknown[][] = [
    AUDIT_ES_HEADER,
    // exceljs writes a Date as its serial in the 1900 system, from its UTC fields: the wall time in the file.
    [
      'C-1',
      new Date(Date.UTC(2025, 9, 1, 8, 15, 30)),
      573001234567,
      'WA +573001110000',
      'Atención al Cliente',
      'Lucía',
      'Fin positivo',
      'Manual',
      'Mensaje restante',
      '',
      'ok',
    ],
    [
      2002,
      '13/10/2025 2:05 p. m.',
      '+57 300 123 4567',
      'WA +573001110000',
      'Ventas',
      'José',
      'Cierre de conversación automático',
      'Automático',
      'Campaña de flujo',
      'Black Friday',
      true,
    ],
    [
      { richText: [{ text: 'C-' }, { text: '3', font: { bold: true } }] },
      45961.5,
      '+52 55 1234 5678',
      'WA',
      'Cobranza',
      '',
      'Seguimiento',
      'Manual',
      '',
      '',
      3.25,
    ],
  ];

  it('reads the first sheet: shared and rich strings, numbers, booleans, serial dates', async () => {
    const bytes = await xlsxOf([
      { name: 'Auditoría', rows },
      {
        name: 'Resumen',
        rows: [
          ['Grupo', 'Conversaciones'],
          ['Ventas', 3],
        ],
      },
    ]);
    const result = parseAtomExport(bytes, 'reporte.xlsx');
    expect(result.sheets).toEqual(['Auditoría', 'Resumen']);
    expect(result.kind).toBe('conversations');
    expect(result.rows.map((r) => [r.id, r.start, r.contact, r.group, r.closingType])).toEqual([
      ['C-1', '2025-10-01 08:15:30', '573001234567', 'Atención al Cliente', 'manual'],
      ['2002', '2025-10-13 14:05:00', '573001234567', 'Ventas', 'automatic'],
      ['C-3', '2025-10-31 12:00:00', '525512345678', 'Cobranza', 'manual'],
    ]);
    expect(result.unknownColumns).toEqual(['Observaciones']);
    expect(result.dates).toMatchObject({ order: 'dayFirst', decidedBy: 'data' });
  });

  it('reads the sheet named in the options, and names the sheets when it is missing', async () => {
    const bytes = await xlsxOf([
      { name: 'Auditoría', rows },
      {
        name: 'Resumen',
        rows: [
          ['Grupo', 'Conversaciones'],
          ['Ventas', 3],
          ['Sin grupo', 0],
        ],
      },
    ]);
    const result = parseAtomExport(bytes, 'reporte.xlsx', { sheet: 'Resumen' });
    expect(result.kind).toBe('groups');
    expect(result.rows.map((r) => [r.group, r.conversations])).toEqual([
      ['Ventas', 3],
      ['Sin grupo', 0],
    ]);
    expect(() => parseAtomExport(bytes, 'reporte.xlsx', { sheet: 'Hoja1' })).toThrow(
      'reporte.xlsx: there is no sheet named "Hoja1" (the workbook has "Auditoría", "Resumen")',
    );
  });

  it('a workbook in the 1904 date system', async () => {
    const bytes = await xlsxOf(
      [
        {
          name: 'S',
          rows: [
            ['Fecha', 'Grupo'],
            [new Date(Date.UTC(2025, 9, 1, 6)), 'A'],
          ],
        },
      ],
      (wb) => {
        wb.properties.date1904 = true;
      },
    );
    expect(parseAtomExport(bytes, 'mac.xlsx').rows[0].start).toBe('2025-10-01 06:00:00');
  });
});

describe('serial dates (1900 system)', () => {
  it.each([
    [1, '1900-01-01 00:00:00'],
    [59, '1900-02-28 00:00:00'],
    [61, '1900-03-01 00:00:00'],
    [45658, '2025-01-01 00:00:00'],
    [45658.999988426, '2025-01-01 23:59:59'],
    [45931.604166667, '2025-10-01 14:30:00'],
  ])('%d → %s', (serial, wall) => {
    expect(serialToWallTime(serial, false)).toBe(wall);
  });

  it('60 is the 1900-02-29 that never was, and 0 or negatives are no dates', () => {
    expect(serialToWallTime(60, false)).toEqual({
      reason: 'serial 60 is 1900-02-29, a day that does not exist',
    });
    expect(serialToWallTime(0, false)).toEqual({ reason: '0 is not a date serial number' });
    expect(serialToWallTime(0, true)).toBe('1904-01-01 00:00:00');
  });
});

it('inline strings, error cells and rows without cell references, in a hand-made workbook', () => {
  const workbook = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><sheets><sheet name="Datos &amp; más" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const rels = `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/hoja.xml"/></Relationships>`;
  const sheet =
    `<worksheet><sheetData>` +
    `<row r="2"><c t="inlineStr"><is><t>Grupo</t></is></c><c t="inlineStr"><is><r><t>Conver</t></r><r><t xml:space="preserve">saciones</t></r></is></c></row>` +
    `<row r="3"><c t="inlineStr"><is><t>Ventas &lt;Norte&gt; _x0041_</t></is></c><c><v>7</v></c></row>` +
    `<row r="4"><c r="A4" t="str"><f>A3</f><v>Soporte</v></c><c r="B4" t="e"><v>#N/A</v></c></row>` +
    `</sheetData></worksheet>`;
  const bytes = zipSync({
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/worksheets/hoja.xml': strToU8(sheet),
  });
  const result = parseAtomExport(bytes, 'hecho-a-mano.xlsx');
  expect(result.sheets).toEqual(['Datos & más']);
  expect(result.headerRow).toBe(2);
  expect(result.rows.map((r) => [r.group, r.conversations])).toEqual([['Ventas <Norte> A', 7]]);
  expect(result.rejected).toEqual([{ row: 4, reason: 'conversations "#N/A" is not a number' }]);
});
