/**
 * Atom's rows of a month into `atom_messages` and `atom_conversations` (src/bigquery/atom-rows.ts), through the fake
 * BigQuery's engine: per-message rows priced as the billing queries read them, conversation rows with their groups
 * and campaigns, wall times read in the spreadsheet's zone.
 */
import { checkScript, SqlEngine } from '../../dev/fake-bigquery/engine';
import { atomMonthNdjson } from '../../src/bigquery/atom-rows';
import { HISTORY_TABLES } from '../../src/bigquery/schema';
import { DATASET } from './billing-helpers';
import { atomRow } from '../support/atom-rows';

const row = atomRow;

test('a month of Atom rows loads into the two tables, times as instants of the spreadsheet’s zone', async () => {
  const engine = await SqlEngine.open();
  try {
    await engine.createDataset(DATASET.projectId, DATASET.datasetId);
    for (const table of ['atom_messages', 'atom_conversations'] as const)
      await engine.createTable(DATASET.projectId, DATASET.datasetId, table, HISTORY_TABLES[table].fields);
    const rows = [
      // 23:30 in Bogotá (UTC−5) is 04:30 UTC the next day: still October's, as the import assigned it.
      row({
        id: 'M-1',
        start: '2025-10-31 23:30:00',
        contact: '573001',
        line: '57601',
        messageKind: 'marketing',
      }),
      row({ id: 'M-2', start: '2025-10-02 08:00:00', contact: '573002', line: '57601', messageKind: 'user' }),
      row({
        id: 'C-1',
        start: '2025-10-05 10:15:00',
        contact: '573001',
        group: 'Ventas',
        campaign: 'Black Friday',
      }),
      // An aggregate row of the groups report: no time, no contact.
      row({ group: 'Soporte', conversations: 12 }),
    ];
    const bodies = atomMonthNdjson('2025-10-01', rows, 'auditoria.csv', 'America/Bogota');
    for (const [table, body] of [
      ['atom_messages', bodies.messages],
      ['atom_conversations', bodies.conversations],
    ] as const)
      await engine.loadNdjson(
        DATASET.projectId,
        DATASET.datasetId,
        table,
        HISTORY_TABLES[table].fields,
        body,
      );
    const read = async (sql: string) => (await engine.run(checkScript(sql), [])).rows;
    const table = (id: string) => `\`${DATASET.projectId}.${DATASET.datasetId}.${id}\``;
    expect(
      await read(
        `SELECT month, UNIX_MILLIS(sent_at) AS ms, line, contact, kind, conversation_id, file_name FROM ${table('atom_messages')} ORDER BY ms`,
      ),
    ).toEqual([
      ['2025-10-01', String(Date.UTC(2025, 9, 2, 13)), '57601', '573002', 'user', 'M-2', 'auditoria.csv'],
      [
        '2025-10-01',
        String(Date.UTC(2025, 10, 1, 4, 30)),
        '57601',
        '573001',
        'marketing',
        'M-1',
        'auditoria.csv',
      ],
    ]);
    expect(
      await read(
        `SELECT conversation_id, UNIX_MILLIS(started_at) AS ms, contact, atom_group, campaign, conversations FROM ${table('atom_conversations')} ORDER BY atom_group`,
      ),
    ).toEqual([
      [null, null, null, 'Soporte', null, '12'],
      ['C-1', String(Date.UTC(2025, 9, 5, 15, 15)), '573001', 'Ventas', 'Black Friday', '1'],
    ]);
  } finally {
    engine.close();
  }
});
