/** Per-message exports: the message-kind column, its Spanish and English names and values, and rows it rejects. */
import { parseAtomExport } from '../../src/atom/parse';
import { upsertRecords } from '../../src/atom/import-store';
import { monthBlock } from '../../src/atom/month-block';
import { monthTables, type MonthConversation } from '../../src/atom/month-tables';
import { atomSheetLabels } from '../../src/atom/sheet-labels';
import { csv, utf8, windows1252 } from '../../dev/fixtures/atom-exports';

const parse = (rows: string[][], delimiter = ';', bytes = utf8) =>
  parseAtomExport(bytes(csv(rows, delimiter)), 'mensajes.csv');

describe('the message kind of a per-message export', () => {
  it.each([
    ['Tipo de mensaje'],
    ['TIPO_DE_MENSAJE'],
    ['Categoría'],
    ['Tipo'],
    ['Message type'],
    ['Kind'],
    ['Category'],
  ])('is read from a column headed %s', (header) => {
    const parsed = parse([
      ['ID', 'Fecha y hora', 'Teléfono', header],
      ['C-1', '01/10/2025 09:00', '+57 300 123 4567', 'Marketing'],
    ]);
    expect(parsed.mapping.messageKind).toBe(header);
    expect(parsed.rows[0].messageKind).toBe('marketing');
  });

  it('accepts BILLED_BREAKDOWN’s kinds and their Spanish words, accents and case aside (Windows-1252 bytes)', () => {
    const values = [
      ['Usuario', 'user'],
      ['USER', 'user'],
      ['user_ad', 'user_ad'],
      ['Anuncio', 'user_ad'],
      ['Servicio', 'service'],
      ['marketing', 'marketing'],
      ['Utilidad', 'utility'],
      ['Autenticación', 'authentication'],
      ['autenticacion', 'authentication'],
      ['AUTHENTICATION_INTERNATIONAL', 'authentication_international'],
      ['Autenticación internacional', 'authentication_international'],
      ['', ''],
    ];
    const parsed = parse(
      [
        ['Fecha', 'Celular', 'Tipo de mensaje'],
        ...values.map(([v], i) => [`0${1 + (i % 9)}/10/2025 10:00`, `57300000${1000 + i}`, v]),
      ],
      ',',
      windows1252,
    );
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows.map((r) => r.messageKind)).toEqual(values.map(([, kind]) => kind));
  });

  it('rejects, row by row, a kind it does not know and a message without a phone number', () => {
    const parsed = parse([
      ['Id conversación', 'Fecha de inicio', 'Contacto', 'Message type'],
      ['C-1', '01/10/2025 09:00', '573001234567', 'Template'],
      ['C-2', '01/10/2025 09:05', 'Cliente web', 'Servicio'],
      ['C-3', '01/10/2025 09:10', 'Cliente web', ''],
      ['C-4', '01/10/2025 09:15', '573001234567', 'Utilidad'],
    ]);
    expect(parsed.rejected).toEqual([
      {
        row: 2,
        reason:
          'message kind "Template" is not one of user, user_ad, marketing, utility, authentication, authentication_international, service',
      },
      { row: 3, reason: 'a service message needs a phone number in the contact column' },
    ]);
    expect(parsed.rows.map((r) => [r.id, r.messageKind])).toEqual([
      ['C-3', ''],
      ['C-4', 'utility'],
    ]);
  });

  it('ignores kinds, with a warning, when the export has no contact column', () => {
    const parsed = parse([
      ['Fecha de inicio', 'Grupo', 'Tipo de mensaje'],
      ['01/10/2025 09:00', 'Ventas', 'Marketing'],
    ]);
    expect(parsed.rows[0].messageKind).toBe('');
    expect(parsed.warnings).toContain(
      'message kinds are ignored without a start and a contact column: the reconciliation with Meta needs all three',
    );
  });

  it('is unmapped on request, like any field', () => {
    const parsed = parseAtomExport(
      utf8(
        csv(
          [
            ['Fecha', 'Contacto', 'Tipo'],
            ['01/10/2025 09:00', '573001234567', 'cualquier cosa'],
          ],
          ';',
        ),
      ),
      'x.csv',
      { mapping: { messageKind: '' } },
    );
    expect(parsed.mapping.messageKind).toBeUndefined();
    expect(parsed.rejected).toEqual([]);
    expect(parsed.unknownColumns).toEqual(['Tipo']);
  });
});

describe('messages in the store and the month tables', () => {
  it('a per-message import replaces the messages of the months it covers, never the conversation rows (issue 15)', () => {
    const stored = [
      { month: '2025-10', id: 'C-1', startMs: 1, message: false },
      { month: '2025-11', id: 'C-9', startMs: 9, message: false },
    ];
    const incoming = [
      { month: '2025-10', id: 'C-1', startMs: 2, message: true },
      { month: '2025-10', id: 'C-1', startMs: 3, message: true },
    ];
    const outcome = upsertRecords(stored, incoming);
    expect(outcome).toMatchObject({ byId: false, replaced: 0, added: 2, duplicatesInFile: 0 });
    // Conversation rows first, then the messages as one block.
    expect(outcome.rows.map((r) => [r.id, r.startMs])).toEqual([
      ['C-1', 1],
      ['C-9', 9],
      ['C-1', 2],
      ['C-1', 3],
    ]);
  });

  it('counts a conversation once however many messages it has, and asks for the reconciliation', () => {
    const msg = (id: string, group: string, day = '2025-10-01'): MonthConversation => ({
      day,
      id,
      message: true,
      contact: '573001234567',
      group,
      closingType: 'manual',
      origin: 'Inbound',
      campaign: '',
      conversations: 1,
    });
    const t = monthTables(
      '2025-10',
      [msg('C-1', 'Ventas'), msg('C-1', 'Ventas'), msg('C-2', 'Soporte'), msg('', 'Soporte')],
      { groups: [], campaigns: [] },
      'all',
    );
    expect(t.groups).toEqual([
      { label: 'Soporte', conversations: 2 },
      { label: 'Ventas', conversations: 1 },
    ]);
    expect(t.reconciliationDays).toHaveLength(31);
    expect(t.reconciliationDays[30]).toBe('2025-10-31');

    // Below the daily table (one origin: 31 rows from W309): a blank row, the share, the header, the days.
    const block = monthBlock(t, atomSheetLabels('en_US'));
    expect(block.reconciliation).toEqual({ shareRow: 340, days: 31 });
    expect(block.cells[340]).toEqual([
      'Days that agree (of the days with units)',
      {
        formula:
          '=IF(ROWS(Z343:Z373)-COUNTIFS(X343:X373, 0, Y343:Y373, 0)=0, "", ' +
          '(COUNTIF(Z343:Z373, 0)-COUNTIFS(X343:X373, 0, Y343:Y373, 0))/(ROWS(Z343:Z373)-COUNTIFS(X343:X373, 0, Y343:Y373, 0)))',
      },
      '',
      '',
    ]);
    expect(block.cells[342]).toEqual([
      { day: '2025-10-01' },
      { formula: "=SUMIFS('Atom billable units'!$D:$D, 'Atom billable units'!$A:$A, W343)" },
      { formula: "=SUMIFS('Meta data'!$H:$H, 'Meta data'!$A:$A, W343, 'Meta data'!$F:$F, \"REGULAR\")" },
      { formula: '=X343-Y343' },
    ]);
    expect(block.cells).toHaveLength(373);
  });
});
