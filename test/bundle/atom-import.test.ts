/** importAtomRows through the built bundle: what an Atom import writes, stage-then-commit, upserts, literal text. */
import type { ImportAtomRowsResult } from '../../src/rpc/contract';
import { atomRuntime, AUDIT_HEADER, importParsed, namedMonthRanges, parsedCsv } from './atom-helpers';

const OCTOBER = [
  AUDIT_HEADER,
  [
    'C-1',
    '01/10/2025 08:15',
    '+57 300 123 4567',
    'Ventas',
    'Lucía',
    'Fin positivo',
    'Manual',
    'Campaña de flujo',
    'Black Friday',
  ],
  [
    'C-2',
    '01/10/2025 23:30',
    '573001234567',
    'Ventas',
    'Lucía',
    'Cierre de conversación automático',
    'Automático',
    'Mensaje restante',
    '',
  ],
  [
    'C-3',
    '13/10/2025 2:05 p. m.',
    '+52 55 1234 5678',
    'Atención al Cliente',
    'José',
    'Seguimiento',
    'Manual',
    'Campaña de flujo',
    'Bienvenida',
  ],
  ['C-4', '31/10/2025 11:59 p. m.', '+1 415 555 0100', '', '', '', '', 'Mensaje restante', 'Black Friday'],
];

describe.each(['America/Bogota', 'Europe/Madrid'])(
  'an Audit export imported in a %s spreadsheet',
  (timeZone) => {
    const rt = atomRuntime(timeZone);
    const parsed = parsedCsv(OCTOBER, 'auditoria-octubre.csv');
    let result: ImportAtomRowsResult;

    beforeAll(() => {
      result = importParsed(rt, parsed, 'auditoria-octubre.csv');
    });

    it('commits in one batch and says what it wrote', () => {
      expect(result).toEqual({
        batch: { index: 0, count: 1 },
        received: 4,
        committed: true,
        rowsWritten: 4,
        replaced: 0,
        duplicatesInFile: 0,
        months: ['2025-10'],
        sheets: [
          { name: 'Atom conversations', sheetId: expect.any(Number) },
          { name: 'Billing 2025-10', sheetId: expect.any(Number) },
        ],
      });
    });

    it('"Atom conversations" holds the normalised columns, start as a date-time in the spreadsheet zone', () => {
      const sheet = rt.spreadsheet.sheet('Atom conversations');
      expect(sheet.frozenRows).toBe(1);
      expect(sheet.values('A1:M1')[0]).toEqual([
        'Mes',
        'ID de conversación',
        'Inicio',
        'Contacto',
        'Línea',
        'Grupo',
        'Agente',
        'Tipificación',
        'Tipo de cierre',
        'Origen',
        'Campaña',
        'Conversaciones',
        'Archivo de origen',
      ]);
      const body = sheet.values('A2:M5');
      expect(body.map((r) => r[2])).toEqual(
        ['2025-10-01 08:15', '2025-10-01 23:30', '2025-10-13 14:05', '2025-10-31 23:59'].map((w) =>
          rt.sheetDate(w),
        ),
      );
      expect(body[0]).toEqual([
        '2025-10',
        'C-1',
        rt.sheetDate('2025-10-01 08:15'),
        '573001234567',
        '',
        'Ventas',
        'Lucía',
        'Fin positivo',
        'manual',
        'Campaña de flujo',
        'Black Friday',
        1,
        'auditoria-octubre.csv',
      ]);
      expect(sheet.numberFormats('C2:C5').flat()).toEqual(Array(4).fill('yyyy-mm-dd hh:mm:ss'));
      expect(sheet.values('A6:M6')[0].every((v) => v === '')).toBe(true);
    });

    it('"Billing 2025-10" gets the month tables: groups, campaigns, days by origin, unique contacts', () => {
      const sheet = rt.spreadsheet.sheet('Billing 2025-10');
      expect(sheet.values('A1')[0][0]).toBe('Facturación de WhatsApp 2025-10');
      expect(sheet.values('W1:X3')).toEqual([
        ['Datos de Atom 2025-10', ''],
        ['Conversaciones cerradas por grupo cuenta', 'tipificaciones manuales y cierres automáticos'],
        ['Contactos únicos', 3],
      ]);
      expect(sheet.values('W5:Z8')).toEqual([
        ['Grupo', 'Conversaciones cerradas', 'Campaña', 'Conversaciones'],
        ['Ventas', 2, 'Black Friday', 2],
        ['Atención al Cliente', 1, 'Bienvenida', 1],
        ['', '', '', ''],
      ]);
      // Below the tables' 300 reserved rows: 31 days × 2 origins.
      expect(sheet.values('W308:Y310')).toEqual([
        ['Día', 'Origen', 'Conversaciones iniciadas'],
        [rt.sheetDate('2025-10-01'), 'Campaña de flujo', 1],
        [rt.sheetDate('2025-10-01'), 'Mensaje restante', 1],
      ]);
      // The last day holds C-4 (23:59 local, whatever the zone).
      expect(sheet.values('W369:Y371')).toEqual([
        [rt.sheetDate('2025-10-31'), 'Campaña de flujo', 0],
        [rt.sheetDate('2025-10-31'), 'Mensaje restante', 1],
        ['', '', ''],
      ]);
      expect(
        sheet
          .numberFormats('W309:W370')
          .flat()
          .every((f) => f === 'yyyy-mm-dd'),
      ).toBe(true);
    });

    it('remembers the tables for the month close, the mapping per kind and the option', () => {
      expect(namedMonthRanges(rt)).toEqual({
        '2025-10': {
          groups: { sheet: 'Billing 2025-10', range: 'W5:X305' },
          campaigns: { sheet: 'Billing 2025-10', range: 'Y5:Z305' },
          capacity: 300,
        },
      });
      const setup = rt.runFromSidebar('getAtomImportSetup');
      expect(setup).toEqual({
        timeZone,
        mappings: { conversations: parsed.mapping },
        closedConversations: 'all',
        sheets: ['Sheet1', 'Atom conversations', 'Billing 2025-10'],
        batchRows: 5000,
      });
    });
  },
);

it('manual typifications only: automatic closures are left out of the group table, and the choice is shown', () => {
  const rt = atomRuntime();
  importParsed(rt, parsedCsv(OCTOBER, 'a.csv'), 'a.csv', { closedConversations: 'manual' });
  const sheet = rt.spreadsheet.sheet('Billing 2025-10');
  expect(sheet.values('W2:X2')[0]).toEqual([
    'Conversaciones cerradas por grupo cuenta',
    'solo tipificaciones manuales',
  ]);
  expect(sheet.values('W5:X7')).toEqual([
    ['Grupo', 'Conversaciones cerradas'],
    ['Atención al Cliente', 1],
    ['Ventas', 1],
  ]);
});

it('strings from the file are written as literal text and read back exactly, never as formulas', () => {
  const rt = atomRuntime('America/Bogota', 'en_US');
  const hostile = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    '-1+1',
    '@SUM(A1)',
    '00123',
    'TRUE',
    '1,5',
  ];
  const rows = [
    AUDIT_HEADER,
    ['00123', '2025-10-02 10:00', '', hostile[0], hostile[1], hostile[2], '', hostile[3], hostile[4]],
    ['C-2', '2025-10-02 11:00', '', hostile[5], hostile[6], '', '', '', hostile[0]],
  ];
  importParsed(rt, parsedCsv(rows, 'hostil.csv'), 'hostil.csv');
  const sheet = rt.spreadsheet.sheet('Atom conversations');
  expect(sheet.values('A2:K3').map((r) => [r[1], r[5], r[6], r[7], r[9], r[10]])).toEqual([
    ['00123', hostile[0], hostile[1], hostile[2], hostile[3], hostile[4]],
    ['C-2', hostile[5], hostile[6], '', '', hostile[0]],
  ]);
  expect(
    sheet
      .formulas('A1:M3')
      .flat()
      .every((f) => f === ''),
  ).toBe(true);
  const month = rt.spreadsheet.sheet('Billing 2025-10');
  expect(
    month
      .formulas('X1:Z80')
      .flat()
      .every((f) => f === ''),
  ).toBe(true);
  expect(month.values('Y5:Z7')).toEqual([
    ['Campaign', 'Conversations'],
    ['00123', 1],
    [hostile[0], 1],
  ]);
});

describe('keyed upsert', () => {
  it('by conversation id: replaced rows change, every other row stays identical, ids repeated in the file keep the last', () => {
    const rt = atomRuntime();
    importParsed(rt, parsedCsv(OCTOBER, 'uno.csv'), 'uno.csv');
    const before = rt.spreadsheet.sheet('Atom conversations').values('A2:M5');
    const second = parsedCsv(
      [
        AUDIT_HEADER,
        [
          'C-2',
          '01/10/2025 23:30',
          '573001234567',
          'Cobranza',
          'Lucía',
          'Fin negativo',
          'Manual',
          'Mensaje restante',
          '',
        ],
        [
          'C-9',
          '02/11/2025 09:00',
          '573001234567',
          'Ventas',
          '',
          'Fin positivo',
          'Manual',
          'Mensaje restante',
          '',
        ],
        [
          'C-9',
          '02/11/2025 09:05',
          '573001234567',
          'Ventas',
          '',
          'Fin positivo',
          'Manual',
          'Mensaje restante',
          '',
        ],
      ],
      'dos.csv',
    );
    const result = importParsed(rt, second, 'dos.csv');
    expect(result).toMatchObject({
      rowsWritten: 2,
      replaced: 1,
      duplicatesInFile: 1,
      months: ['2025-10', '2025-11'],
    });
    const after = rt.spreadsheet.sheet('Atom conversations').values('A2:M6');
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toEqual([
      ...before[1].slice(0, 5),
      'Cobranza',
      'Lucía',
      'Fin negativo',
      'manual',
      ...before[1].slice(9, 12),
      'dos.csv',
    ]);
    expect(after.slice(2, 4)).toEqual(before.slice(2, 4));
    expect(after[4].slice(0, 3)).toEqual(['2025-11', 'C-9', rt.sheetDate('2025-11-02 09:05')]);
    expect(rt.spreadsheet.sheet('Billing 2025-10').values('W5:X8')).toEqual([
      ['Grupo', 'Conversaciones cerradas'],
      ['Atención al Cliente', 1],
      ['Cobranza', 1],
      ['Ventas', 1],
    ]);
  });

  it('without ids: the months in the file are replaced, other months stay', () => {
    const rt = atomRuntime();
    const noIds = (rows: string[][]) => rows.map((r) => r.slice(1));
    const first = [
      AUDIT_HEADER,
      ...OCTOBER.slice(1, 3),
      ['C-5', '03/11/2025 10:00', '1', 'Ventas', '', 'Fin positivo', '', '', ''],
    ];
    importParsed(rt, parsedCsv(noIds(first), 'a.csv'), 'a.csv');
    const november = rt.spreadsheet.sheet('Atom conversations').values('A4:M4');
    importParsed(rt, parsedCsv(noIds([AUDIT_HEADER, OCTOBER[3]]), 'b.csv'), 'b.csv');
    const sheet = rt.spreadsheet.sheet('Atom conversations');
    expect(sheet.values('A2:M3')).toEqual([
      [
        '2025-10',
        '',
        rt.sheetDate('2025-10-13 14:05'),
        '525512345678',
        '',
        'Atención al Cliente',
        'José',
        'Seguimiento',
        'manual',
        'Campaña de flujo',
        'Bienvenida',
        1,
        'b.csv',
      ],
      november[0],
    ]);
    expect(sheet.values('A4:M4')[0].every((v) => v === '')).toBe(true);
  });
});

describe('aggregate reports', () => {
  it("Atom's distribution by group, for a chosen month, is used as is for that month's group table", () => {
    const rt = atomRuntime();
    importParsed(rt, parsedCsv(OCTOBER, 'a.csv'), 'a.csv');
    const groups = parsedCsv(
      [
        ['Grupo', 'Conversaciones cerradas'],
        ['Sin grupo', '1.234'],
        ['Ventas', '12'],
      ],
      'grupos.csv',
    );
    expect(groups.kind).toBe('groups');
    const result = importParsed(rt, groups, 'grupos.csv', { month: '2025-10' });
    expect(result).toMatchObject({ committed: true, rowsWritten: 2, months: ['2025-10'] });
    expect(rt.spreadsheet.sheet('Atom groups by month').values('A1:D3')).toEqual([
      ['Mes', 'Grupo', 'Conversaciones cerradas', 'Archivo de origen'],
      ['2025-10', 'Sin grupo', 1234, 'grupos.csv'],
      ['2025-10', 'Ventas', 12, 'grupos.csv'],
    ]);
    const month = rt.spreadsheet.sheet('Billing 2025-10');
    expect(month.values('W2:X2')[0]).toEqual([
      'Conversaciones cerradas por grupo cuenta',
      'como en el reporte de Atom importado',
    ]);
    expect(month.values('W5:X7')).toEqual([
      ['Grupo', 'Conversaciones cerradas'],
      ['Sin grupo', 1234],
      ['Ventas', 12],
    ]);
    expect(month.values('W3:X3')[0]).toEqual(['Contactos únicos', 3]);
  });

  it('conversations per campaign without a month is refused, naming the file and the row', () => {
    const rt = atomRuntime();
    const campaigns = parsedCsv(
      [
        ['Campaña', 'Conversaciones'],
        ['Black Friday', '10'],
      ],
      'campañas.csv',
    );
    expect(() => importParsed(rt, campaigns, 'campañas.csv')).toThrow(
      'campañas.csv: row 1 has no start date: choose the month the report covers',
    );
    expect(rt.spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    importParsed(rt, campaigns, 'campañas.csv', { month: '2025-09' });
    // No group table that month: its header stays, empty.
    expect(rt.spreadsheet.sheet('Billing 2025-09').values('W5:Z6')).toEqual([
      ['Grupo', 'Conversaciones cerradas', 'Campaña', 'Conversaciones'],
      ['', '', 'Black Friday', 10],
    ]);
    expect(namedMonthRanges(rt)['2025-09']).toEqual({
      groups: null,
      campaigns: { sheet: 'Billing 2025-09', range: 'Y5:Z305' },
      capacity: 300,
    });
  });
});
