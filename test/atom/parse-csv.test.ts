/** parseAtomExport on CSV exports: encodings, delimiters, quoted newlines, decimal comma, Spanish and English headers. */
import { parseAtomExport } from '../../src/atom/parse';
import {
  AUDIT_ES_HEADER,
  AUDIT_ES_ROWS,
  csv,
  utf16le,
  utf8,
  windows1252,
} from '../../dev/fixtures/atom-exports';

const auditEs = csv([AUDIT_ES_HEADER, ...AUDIT_ES_ROWS], ';');

const expectedAuditRows = [
  {
    id: 'C-1001',
    start: '2025-10-01 08:15:00',
    contact: '573001234567',
    line: 'WA +573001110000',
    group: 'Atención al Cliente',
    agent: 'Lucía Pérez',
    typification: 'Fin positivo',
    closingType: 'manual',
    origin: 'Mensaje restante',
    campaign: '',
    conversations: 1,
    messageKind: '',
  },
  {
    id: 'C-1002',
    start: '2025-10-13 14:05:00',
    contact: '573001234567',
    line: 'WA +573001110000',
    group: 'Ventas',
    agent: 'José Núñez',
    typification: 'Cierre de conversación automático',
    closingType: 'automatic',
    origin: 'Campaña de flujo',
    campaign: 'Black Friday',
    conversations: 1,
    messageKind: '',
  },
  {
    id: 'C-1003',
    start: '2025-10-31 23:59:00',
    contact: '525512345678',
    line: 'WA +573001110000',
    group: 'Cobranza',
    agent: '',
    typification: 'Seguimiento',
    closingType: 'manual',
    origin: 'Plantilla individual',
    campaign: 'Recordatorio pago',
    conversations: 1,
    messageKind: '',
  },
];

describe('the Spanish Audit export (General report)', () => {
  it.each([
    ['UTF-8', utf8(auditEs)],
    ['UTF-8 with BOM', utf8(auditEs, true)],
    ['UTF-16 LE with BOM', utf16le(auditEs)],
    ['Windows-1252', windows1252(auditEs)],
  ])('%s: every field normalised, accents intact, the extra column listed', (_, bytes) => {
    const result = parseAtomExport(bytes, 'auditoria.csv');
    expect(result.kind).toBe('conversations');
    expect(result.rows).toEqual(expectedAuditRows);
    expect(result.header).toEqual(AUDIT_ES_HEADER);
    expect(result.mapping).toEqual({
      id: 'ID Conversación',
      start: 'Fecha de inicio',
      contact: 'Contacto',
      line: 'Canal',
      group: 'Grupo',
      agent: 'Agente',
      typification: 'Tipificación',
      closingType: 'Tipo de cierre',
      origin: 'Tipo de origen',
      campaign: 'Campaña',
    });
    expect(result.unknownColumns).toEqual(['Observaciones']);
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.dates).toEqual({ order: 'dayFirst', decidedBy: 'data', conflicting: false });
  });

  it('Windows-1252 punctuation from 0x80–0x9F decodes to the characters Excel wrote', () => {
    const text = csv(
      [
        ['Grupo', 'Conversaciones'],
        ['“Atención” – Cliente €', '3'],
      ],
      ';',
    );
    const result = parseAtomExport(windows1252(text), 'grupos.csv');
    expect(result.rows[0].group).toBe('“Atención” – Cliente €');
  });

  it('tab-delimited exports are read too', () => {
    const result = parseAtomExport(utf8(csv([AUDIT_ES_HEADER, ...AUDIT_ES_ROWS], '\t')), 'auditoria.tsv');
    expect(result.rows).toEqual(expectedAuditRows);
  });

  it('keeps a quoted newline inside its field and counts rows as records', () => {
    const text = csv(
      [
        ['Fecha', 'Grupo', 'Nota'],
        ['02/10/2025', 'Ventas', 'una\nnota'],
        ['40/10/2025', 'Ventas', 'x'],
      ],
      ',',
    );
    const result = parseAtomExport(utf8(text), 'x.csv');
    expect(result.rows).toHaveLength(1);
    expect(result.unknownColumns).toEqual(['Nota']);
    expect(result.rejected).toEqual([{ row: 3, reason: 'Fecha: 2025-10-40 is not a calendar day' }]);
  });

  it('finds the header below a title line and reports rows by file row', () => {
    const text =
      'Reporte general;;\r\n;;\r\n' +
      csv(
        [
          ['Fecha de inicio', 'Contacto', 'Grupo'],
          ['05/10/2025', 'abc', 'Ventas'],
          ['', '', ''],
          ['xx', '1', 'Ventas'],
        ],
        ';',
      );
    const result = parseAtomExport(utf8(text), 'titulo.csv');
    expect(result.headerRow).toBe(3);
    expect(result.rows).toEqual([
      expect.objectContaining({ start: '2025-10-05 00:00:00', contact: '', group: 'Ventas' }),
    ]);
    expect(result.rejected).toEqual([{ row: 6, reason: 'Fecha de inicio: "xx" is not a date' }]);
    expect(result.warnings).toEqual([
      'no start date settles day and month; read as dd/mm (day first)',
      '1 row(s) have a contact that is not a phone number (row 4: "abc"): they count as conversations, not as contacts',
    ]);
  });
});

describe('the English interface', () => {
  const header = [
    'Conversation ID',
    'Start date',
    'Phone',
    'Channel',
    'Group',
    'Agent',
    'Typification',
    'Closing type',
    'Source',
    'Campaign',
  ];

  it('mm/dd dates are settled by a second part above 12, times with AM/PM', () => {
    const text = csv(
      [
        header,
        [
          '9001',
          '10/02/2025 09:30 AM',
          '+1 (415) 555-0100',
          'WA +14155550000',
          'Sales',
          'Ann',
          'Positive end',
          'Manual',
          'Inbound',
          '',
        ],
        [
          '9002',
          '10/25/2025 12:10 PM',
          '0014155550100',
          'WA +14155550000',
          'Support',
          'Bob',
          'Automatic conversation closure',
          '',
          'Outbound',
          'Welcome',
        ],
        [
          '9003',
          '10/3/25 12:00 a.m.',
          '14155550199',
          'WA +14155550000',
          'Support',
          'Bob',
          '',
          '',
          'Outbound',
          'Welcome',
        ],
      ],
      ',',
    );
    const result = parseAtomExport(utf8(text), 'audit.csv');
    expect(result.dates).toEqual({ order: 'monthFirst', decidedBy: 'data', conflicting: false });
    expect(result.rows.map((r) => [r.start, r.contact, r.closingType])).toEqual([
      ['2025-10-02 09:30:00', '14155550100', 'manual'],
      ['2025-10-25 12:10:00', '14155550100', 'automatic'],
      ['2025-10-03 00:00:00', '14155550199', ''],
    ]);
    expect(Object.keys(result.mapping)).toHaveLength(10);
  });

  it('ambiguous dates follow dayFirst: false, and the result says the option decided', () => {
    const text = csv(
      [
        ['Date', 'Contact'],
        ['03/04/2025 17:45:10', '5491122334455'],
      ],
      ',',
    );
    const result = parseAtomExport(utf8(text), 'audit.csv', { dayFirst: false });
    expect(result.rows[0].start).toBe('2025-03-04 17:45:10');
    expect(result.dates).toEqual({ order: 'monthFirst', decidedBy: 'option', conflicting: false });
    expect(parseAtomExport(utf8(text), 'audit.csv').rows[0].start).toBe('2025-04-03 17:45:10');
  });

  it('a column with both 13/.. and ../13 dates is read by the default and rejects the misfits', () => {
    const text = csv(
      [
        ['Date', 'Group'],
        ['13/10/2025', 'A'],
        ['10/13/2025', 'B'],
        ['2025-10-14T08:00:00', 'C'],
      ],
      ',',
    );
    const result = parseAtomExport(utf8(text), 'mixed.csv');
    expect(result.dates).toEqual({ order: 'dayFirst', decidedBy: 'default', conflicting: true });
    expect(result.rows.map((r) => r.start)).toEqual(['2025-10-13 00:00:00', '2025-10-14 08:00:00']);
    expect(result.rejected).toEqual([{ row: 3, reason: 'Date: 2025-13-10 is not a calendar day' }]);
  });
});

describe('aggregate reports', () => {
  it('closed conversations by group with a decimal comma and thousands dots', () => {
    const text = csv(
      [
        ['Grupo', 'Conversaciones cerradas'],
        ['Sin grupo', '1.234'],
        ['Ventas', '12,5'],
        ['Soporte', '-1'],
        ['Cobranza', 'n/a'],
      ],
      ';',
    );
    const result = parseAtomExport(utf8(text), 'grupos.csv');
    expect(result.kind).toBe('groups');
    expect(result.rows.map((r) => [r.group, r.conversations])).toEqual([
      ['Sin grupo', 1234],
      ['Ventas', 12.5],
    ]);
    expect(result.rejected).toEqual([
      { row: 4, reason: 'conversations -1 is negative' },
      { row: 5, reason: 'conversations "n/a" is not a number' },
    ]);
  });

  it('conversations per campaign with a decimal dot and thousands commas', () => {
    const text = csv(
      [
        ['Campaign name', 'Conversations'],
        ['Black Friday', '1,200'],
        ['Welcome', '50.5'],
      ],
      ',',
    );
    const result = parseAtomExport(utf8(text), 'outbound.csv');
    expect(result.kind).toBe('campaigns');
    expect(result.rows.map((r) => [r.campaign, r.conversations])).toEqual([
      ['Black Friday', 1200],
      ['Welcome', 50.5],
    ]);
  });

  it('a mapping override renames, and "" unmaps, a field', () => {
    const text = csv(
      [
        ['Equipo', 'Total', 'Grupo'],
        ['Norte', '4', 'x'],
      ],
      ';',
    );
    const result = parseAtomExport(utf8(text), 'g.csv', {
      mapping: { group: 'Equipo', conversations: 'Total' },
    });
    expect(result.rows[0]).toMatchObject({ group: 'Norte', conversations: 4 });
    expect(result.unknownColumns).toEqual(['Grupo']);
    const unmapped = parseAtomExport(utf8(text), 'g.csv', { mapping: { group: '' } });
    expect(unmapped.mapping).toEqual({ conversations: 'Total' });
    expect(unmapped.kind).toBe('unknown');
  });
});

it('folds case, accents, spacing and punctuation in headers', () => {
  const text = csv(
    [
      ['  TIPIFICACION ', 'fecha_de_inicio', 'Teléfono.', 'LÍNEA', 'CAMPAÑA'],
      ['x', '2025-10-01', '1', 'l', 'c'],
    ],
    ';',
  );
  expect(parseAtomExport(utf8(text), 'f.csv').mapping).toEqual({
    typification: 'TIPIFICACION',
    start: 'fecha_de_inicio',
    contact: 'Teléfono.',
    line: 'LÍNEA',
    campaign: 'CAMPAÑA',
  });
});

describe('implausible start dates', () => {
  const now = new Date('2026-12-04T04:00:00Z');
  it('refuses placeholders and far-future years per row, and reads two-digit years as 20yy', () => {
    const text = csv(
      [
        ['Fecha', 'Grupo'],
        ['02/10/2025', 'Ventas'],
        ['01/01/0001', 'Ventas'],
        ['31/12/9999', 'Ventas'],
        ['31/12/99', 'Ventas'],
        ['31/12/13', 'Ventas'],
        ['31/12/27', 'Ventas'],
        ['2028-01-01', 'Ventas'],
      ],
      ',',
    );
    const result = parseAtomExport(utf8(text), 'dates.csv', { now });
    expect(result.rows.map((r) => r.start)).toEqual(['2025-10-02 00:00:00', '2027-12-31 00:00:00']);
    expect(result.rejected).toEqual([
      { row: 3, reason: 'Fecha: 0001-01-01 is before 2014-01-01, the earliest plausible start' },
      { row: 4, reason: 'Fecha: 9999-12-31 is after 2027-12-31, the latest plausible start' },
      { row: 5, reason: 'Fecha: 2099-12-31 is after 2027-12-31, the latest plausible start' },
      { row: 6, reason: 'Fecha: 2013-12-31 is before 2014-01-01, the earliest plausible start' },
      { row: 8, reason: 'Fecha: 2028-01-01 is after 2027-12-31, the latest plausible start' },
    ]);
  });
});
