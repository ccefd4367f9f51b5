/**
 * The Atom import with the history in BigQuery (issue 19), through the built bundle and the fake BigQuery in a child
 * process: the batches are staged in atom_staging and one transaction moves them into atom_conversations /
 * atom_messages (no sheet holds them); importing a file again replaces its rows; an Audit id moves between months;
 * the month blocks (counted by aggregate SQL) and the reconciliation (billedDailySql) equal Sheets mode's; a failed
 * load or any statement of the transaction failing leaves BigQuery, the staging table and the sheets as they were;
 * a transaction still running at the deadline is finished by the next run by its job id; a batch over 50 MB goes
 * in two loads.
 */
import { fakeSession, switchHistoryTo, useFakeBigQuery } from '../support/fake-bigquery';
import { manualClock, type AppsScriptRuntime } from '../../dev/runtime';
import { loadBundle } from '../../dev/runtime/testing/bundle';
import { query, type BigQuerySession } from '../../src/bigquery/client';
import type { ImportAtomRowsResult } from '../../src/rpc/contract';
import { thrown } from '../meta/helpers';
import { AUDIT_HEADER, atomRuntime, importParsed, parsedCsv } from './atom-helpers';
import { atomRow } from '../support/atom-rows';

jest.setTimeout(240_000);

const PROJECT = 'atom-billing-test';
const TOKEN = 'ya29.bundle-atom-token-Zp3';

const fake = useFakeBigQuery(TOKEN);
let datasets = 0;
let runs = 0;

afterEach(async () => {
  await fake().clearFaults();
});

/** The built add-on, Bogotá's zone, with the history switched to a fresh dataset by its admin. */
async function bigQueryRuntime(): Promise<{ rt: AppsScriptRuntime; session: BigQuerySession }> {
  const dataset = `atom_${++datasets}`;
  const rt = loadBundle({
    spreadsheet: { timeZone: 'America/Bogota', locale: 'en_US' },
    user: { email: 'ana@example.com', locale: 'es' },
    oauthToken: TOKEN,
    // Backoff sleeps pass on this clock, not in real time.
    clock: manualClock(Date.UTC(2025, 10, 3)),
  });
  await switchHistoryTo(rt, fake(), PROJECT, dataset);
  const session = fakeSession(fake(), { project: PROJECT, dataset, token: TOKEN });
  return { rt, session };
}

/** Rows of a history table as the test reads them back, in a stable order. */
function tableRows(session: BigQuerySession, table: string, columns: string, order: string) {
  const sql = `SELECT ${columns} FROM \`${PROJECT}.${session.dataset}.${table}\` ORDER BY ${order}`;
  return query(session, sql, [], { deadlineAt: session.clock.now() + 60_000, runId: `t${++runs}` }).rows;
}

const conversations = (session: BigQuerySession) =>
  tableRows(
    session,
    'atom_conversations',
    'month, conversation_id, started_at, contact, atom_group, closing_type, campaign, file_name',
    'month, conversation_id',
  );
const messages = (session: BigQuerySession) =>
  tableRows(
    session,
    'atom_messages',
    'month, sent_at, contact, kind, conversation_id',
    'sent_at, contact, kind',
  );

const AUDIT = [
  AUDIT_HEADER,
  [
    'C-1',
    '30/09/2025 23:50',
    '+57 300 123 4567',
    'Ventas',
    'Lucía',
    'Fin positivo',
    'Manual',
    'WhatsApp',
    '',
  ],
  [
    'C-2',
    '01/10/2025 08:15',
    '+57 300 765 4321',
    'Cobranza',
    'Pedro',
    'Promesa',
    'Automático',
    'WhatsApp',
    'BF',
  ],
  ['C-3', '02/10/2025 09:00', '+57 300 111 2222', 'Ventas', 'Lucía', '', '', 'Web', ''],
];

const MESSAGE_HEADER = ['ID Conversación', 'Fecha y hora', 'Teléfono', 'Tipo de mensaje', 'Grupo'];

/** Oct 3–6: customer-opened conversations (free replies) and templates to contacts with no window (charged). */
function messageLog(): string[][] {
  const rows: string[][] = [MESSAGE_HEADER];
  const kinds = ['Marketing', 'Utilidad', 'Autenticación'];
  for (const [day, free, charged] of [
    [3, 4, 0],
    [4, 5, 7],
    [5, 3, 4],
    [6, 0, 2],
  ]) {
    const dd = String(day).padStart(2, '0');
    const at = (h: number, m: number) =>
      `${dd}/10/2025 ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`;
    for (let k = 0; k < free; k++) {
      const contact = `+57 310 ${dd}${String(k).padStart(5, '0')}`;
      rows.push([`F-${dd}-${k}`, at(9, k), contact, 'Usuario', 'Soporte']);
      rows.push([`F-${dd}-${k}`, at(10, k), contact, 'Servicio', 'Soporte']);
      rows.push([`F-${dd}-${k}`, at(11, k), contact, 'utility', 'Soporte']);
    }
    for (let i = 0; i < charged; i++)
      rows.push([
        `M-${dd}-${i}`,
        at(12, i),
        `+57 320 ${dd}${String(i).padStart(5, '0')}`,
        kinds[i % 3],
        'Ventas',
      ]);
  }
  return rows;
}

const atomSheets = (rt: AppsScriptRuntime) =>
  rt.spreadsheet.sheets.map((s) => s.name).filter((n) => n.startsWith('Atom'));

/** The month sheet's reconciliation rows: day and Atom units (values, as a formula or BigQuery left them). */
function reconciliation(rt: AppsScriptRuntime): unknown[][] {
  const sheet = rt.spreadsheet.sheet('Billing 2025-10');
  const labels = sheet.values('W1:W500').map((r) => r[0]);
  const share = labels.indexOf('Days that agree (of the days with units)') + 1;
  return rt.spreadsheet.getDisplayValues(`'Billing 2025-10'!W${share + 2}:X${share + 32}`);
}

describe('Atom import, history in BigQuery', () => {
  it('an Audit export goes to its months’ partitions and no sheet; importing it again replaces it', async () => {
    const { rt, session } = await bigQueryRuntime();
    const first = importParsed(rt, parsedCsv(AUDIT, 'auditoria.csv'), 'auditoria.csv');
    expect(first).toMatchObject({
      committed: true,
      rowsWritten: 3,
      replaced: 0,
      months: ['2025-09', '2025-10'],
    });
    expect(first.sheets.map((s) => s.name)).toEqual(['Billing 2025-09', 'Billing 2025-10']);
    const stored = conversations(session);
    expect(stored).toEqual([
      {
        month: '2025-09-01',
        conversation_id: 'C-1',
        // 23:50 in Bogotá (UTC−5) is 04:50 UTC the next day: the row stays in its local month.
        started_at: Date.UTC(2025, 9, 1, 4, 50),
        contact: '573001234567',
        atom_group: 'Ventas',
        closing_type: 'manual',
        campaign: null,
        file_name: 'auditoria.csv',
      },
      expect.objectContaining({ month: '2025-10-01', conversation_id: 'C-2', campaign: 'BF' }),
      expect.objectContaining({ month: '2025-10-01', conversation_id: 'C-3', closing_type: null }),
    ]);
    expect(messages(session)).toEqual([]);
    expect(atomSheets(rt)).toEqual([]);
    // The month's block still counts its conversations (closed ones by group, contacts).
    expect(rt.spreadsheet.sheet('Billing 2025-10').values('W3:X3')).toEqual([['Unique contacts', 2]]);

    const again = importParsed(rt, parsedCsv(AUDIT, 'auditoria.csv'), 'auditoria.csv');
    expect(again).toMatchObject({ committed: true, rowsWritten: 3, replaced: 3 });
    expect(conversations(session)).toEqual(stored);
    expect(atomSheets(rt)).toEqual([]);
  });

  it('a per-message log: rows in atom_messages, the reconciliation from SQL equal to BILLED_BREAKDOWN in Sheets mode', async () => {
    const log = parsedCsv(messageLog(), 'mensajes.csv');
    expect(log.rejected).toEqual([]);

    const sheets = atomRuntime('America/Bogota', 'en_US');
    importParsed(sheets, log, 'mensajes.csv');
    expect(atomSheets(sheets)).toEqual(['Atom conversations', 'Atom billable units']);
    const expected = reconciliation(sheets);

    const { rt, session } = await bigQueryRuntime();
    const result = importParsed(rt, log, 'mensajes.csv');
    expect(result).toMatchObject({ committed: true, rowsWritten: log.rows.length, months: ['2025-10'] });
    expect(result.bytesProcessed).toBeGreaterThan(0);
    const stored = messages(session);
    expect(stored).toHaveLength(log.rows.length);
    expect(new Set(stored.map((r) => r.month))).toEqual(new Set(['2025-10-01']));
    expect(atomSheets(rt)).toEqual([]);

    const units = reconciliation(rt);
    expect(units).toEqual(expected);
    // The whole block (contacts, conversations by day, the reconciliation) as Sheets mode shows it — but for Meta's
    // units: Sheets mode's SUMIFS has no "Meta data" sheet to read (#REF!), BigQuery's empty meta_rows give 0.
    const block = (r: AppsScriptRuntime) => r.spreadsheet.getDisplayValues(`'Billing 2025-10'!W1:Z420`);
    const noMetaRows = block(sheets).map((r) => (r[2] === '#REF!' ? [r[0], r[1], '0', r[1]] : r));
    expect(block(rt)).toEqual(noMetaRows);
    expect(units.slice(2, 6)).toEqual([
      ['2025-10-03', '0'],
      ['2025-10-04', '7'],
      ['2025-10-05', '4'],
      ['2025-10-06', '2'],
    ]);

    // Again: the month's messages replaced, not doubled; the units the same.
    const again = importParsed(rt, log, 'mensajes.csv');
    expect(again).toMatchObject({ committed: true, replaced: log.rows.length });
    expect(messages(session)).toEqual(stored);
    expect(reconciliation(rt)).toEqual(expected);

    // An Audit export of the same month keeps the messages (each kind replaces only its own rows).
    importParsed(rt, parsedCsv(AUDIT, 'auditoria.csv'), 'auditoria.csv');
    expect(messages(session)).toEqual(stored);
    expect(reconciliation(rt)).toEqual(expected);
  });

  it('a failed load leaves BigQuery’s months and the sheets as they were, with a clear message', async () => {
    const { rt, session } = await bigQueryRuntime();
    importParsed(rt, parsedCsv(AUDIT, 'auditoria.csv'), 'auditoria.csv');
    const stored = conversations(session);
    const block = rt.spreadsheet.sheet('Billing 2025-10').values('W1:Z40');

    await fake().setFault({ kind: 'backendError', times: 'always', pathIncludes: '/upload/' });
    const changed = AUDIT.map((r, i) => (i === 2 ? [...r.slice(0, 3), 'Soporte', ...r.slice(4)] : r));
    const e = thrown(() => importParsed(rt, parsedCsv(changed, 'auditoria.csv'), 'auditoria.csv'));
    expect(e.message).toBe(
      'BigQuery is busy (backendError) — nothing was changed; try again in a few minutes',
    );
    await fake().clearFaults();

    expect(conversations(session)).toEqual(stored);
    expect(rt.spreadsheet.sheet('Billing 2025-10').values('W1:Z40')).toEqual(block);
    expect(atomSheets(rt)).toEqual([]);
    // Nothing staged is left behind: the next import starts from its first batch.
    const retried = importParsed(
      rt,
      parsedCsv(changed, 'auditoria.csv'),
      'auditoria.csv',
    ) as ImportAtomRowsResult;
    expect(retried).toMatchObject({ committed: true, replaced: 3 });
    expect(conversations(session)[1]).toMatchObject({ conversation_id: 'C-2', atom_group: 'Soporte' });
  });

  it('an Audit export upserts by id across months (the id leaves the month it was in), as in Sheets mode', async () => {
    const moved = AUDIT.map((r, i) => (i === 1 ? [r[0], '05/10/2025 10:00', ...r.slice(2)] : r));
    const sheets = atomRuntime('America/Bogota', 'en_US');
    const { rt, session } = await bigQueryRuntime();
    for (const runtime of [sheets, rt]) {
      importParsed(runtime, parsedCsv(AUDIT, 'auditoria.csv'), 'auditoria.csv');
      expect(importParsed(runtime, parsedCsv(moved.slice(0, 2), 'octubre.csv'), 'octubre.csv')).toMatchObject(
        { committed: true, rowsWritten: 1, replaced: 1, months: ['2025-10'] },
      );
    }
    expect(conversations(session).map((r) => [r.month, r.conversation_id])).toEqual([
      ['2025-10-01', 'C-1'],
      ['2025-10-01', 'C-2'],
      ['2025-10-01', 'C-3'],
    ]);
    expect(rt.spreadsheet.sheet('Billing 2025-10').values('W1:Z380')).toEqual(
      sheets.spreadsheet.sheet('Billing 2025-10').values('W1:Z380'),
    );
    expect(rt.spreadsheet.sheet('Billing 2025-10').values('W3:X3')).toEqual([['Unique contacts', 3]]);
  });

  it.each([
    ['DELETE FROM', 'atom_conversations'],
    ['INSERT INTO', 'atom_messages'],
    ['INSERT INTO', 'atom_conversations'],
    ['DELETE FROM', 'atom_staging'],
  ])(
    'a statement of the transaction failing (%s %s) leaves every month as it was, a month empty before too',
    async (verb, table) => {
      const { rt, session } = await bigQueryRuntime();
      const statement = `${verb} \`${PROJECT}.${session.dataset}.${table}\``;
      importParsed(rt, parsedCsv(AUDIT.slice(0, 2), 'septiembre.csv'), 'septiembre.csv');
      const stored = conversations(session);
      const sheetNames = rt.spreadsheet.sheets.map((s) => s.name);
      const block = rt.spreadsheet.sheet('Billing 2025-09').values('W1:Z40');

      // September changes, October was empty: neither changes.
      await fake().setFault({ kind: 'statementError', statementIncludes: statement });
      const changed = AUDIT.map((r, i) => (i === 1 ? [...r.slice(0, 3), 'Soporte', ...r.slice(4)] : r));
      thrown(() => importParsed(rt, parsedCsv(changed, 'auditoria.csv'), 'auditoria.csv'));
      expect(conversations(session)).toEqual(stored);
      expect(tableRows(session, 'atom_staging', 'import_id', 'import_id')).toEqual([]);
      expect(rt.spreadsheet.sheets.map((s) => s.name)).toEqual(sheetNames);
      expect(rt.spreadsheet.sheet('Billing 2025-09').values('W1:Z40')).toEqual(block);
    },
  );

  it('a transaction still running at the deadline is finished by the next run by its job id, never run twice', async () => {
    const log = parsedCsv(messageLog(), 'mensajes.csv');
    const { rt, session } = await bigQueryRuntime();
    await fake().configure({ runningPolls: 40, runningQueryIncludes: 'BEGIN TRANSACTION' });
    try {
      const e = thrown(() => importParsed(rt, log, 'mensajes.csv'));
      expect(e.message).toMatch(/^BigQuery job atom_q_commit_\w+ is still running — run it again/);
      expect(rt.spreadsheet.sheets.map((s) => s.name)).not.toContain('Billing 2025-10');
      await fake().configure({ runningPolls: 0, runningQueryIncludes: null });
      await fake().clearRequests();
      const again = importParsed(rt, log, 'mensajes.csv');
      expect(again).toMatchObject({ committed: true, replaced: log.rows.length });
    } finally {
      await fake().configure({ runningPolls: 0, runningQueryIncludes: null });
    }
    // The first import's transaction was found (409), not sent again: run twice, it would have emptied the month.
    const posts = (await fake().requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/jobs'));
    expect(posts.filter((r) => r.status === 409)).toHaveLength(1);
    expect(messages(session)).toHaveLength(log.rows.length);
    expect(reconciliation(rt).slice(2, 6)).toEqual([
      ['2025-10-03', '0'],
      ['2025-10-04', '7'],
      ['2025-10-05', '4'],
      ['2025-10-06', '2'],
    ]);
  });

  it('a batch’s load failing mid-file leaves BigQuery and the sheets as they were, nothing left staged', async () => {
    const { rt, session } = await bigQueryRuntime();
    importParsed(rt, parsedCsv(AUDIT.slice(0, 2), 'septiembre.csv'), 'septiembre.csv');
    const stored = conversations(session);
    const block = rt.spreadsheet.sheet('Billing 2025-09').values('W1:Z40');
    // The first batch is staged, the second's load is answered busy on every attempt.
    await fake().setFault({ kind: 'backendError', times: 'always', skip: 1, pathIncludes: '/upload/' });
    const changed = AUDIT.map((r, i) => (i === 1 ? [...r.slice(0, 3), 'Soporte', ...r.slice(4)] : r));
    const e = thrown(() => importParsed(rt, parsedCsv(changed, 'auditoria.csv'), 'auditoria.csv', {}, 1));
    expect(e.message).toBe(
      'BigQuery is busy (backendError) — nothing was changed; try again in a few minutes',
    );
    await fake().clearFaults();
    expect(conversations(session)).toEqual(stored);
    expect(tableRows(session, 'atom_staging', 'COUNT(*) AS n', '1')).toEqual([{ n: 0 }]);
    expect(rt.spreadsheet.sheet('Billing 2025-09').values('W1:Z40')).toEqual(block);
    expect(rt.spreadsheet.sheets.map((s) => s.name)).not.toContain('Billing 2025-10');
  });

  it('a file left half-sent: its staged rows are dropped when the next import starts', async () => {
    const { rt, session } = await bigQueryRuntime();
    const log = parsedCsv(messageLog(), 'mensajes.csv');
    rt.runFromSidebar('importAtomRows', {
      kind: log.kind,
      fileName: 'mensajes.csv',
      mapping: log.mapping,
      rows: log.rows.slice(0, 10),
      batch: { index: 0, count: 2 },
    });
    expect(tableRows(session, 'atom_staging', 'COUNT(*) AS n', '1')).toEqual([{ n: 10 }]);
    importParsed(rt, parsedCsv(AUDIT, 'auditoria.csv'), 'auditoria.csv');
    expect(tableRows(session, 'atom_staging', 'COUNT(*) AS n', '1')).toEqual([{ n: 0 }]);
    expect(messages(session)).toEqual([]);
  });

  it('a batch over UrlFetch’s 50 MB goes in two loads, all rows once', async () => {
    const { rt, session } = await bigQueryRuntime();
    const agent = 'a'.repeat(6000);
    const rows = Array.from({ length: 9000 }, (_, i) =>
      atomRow({ id: `C-${i}`, start: '2025-10-01 08:00:00', contact: `57300${i}`, agent }),
    );
    await fake().clearRequests();
    const result = rt.runFromSidebar('importAtomRows', {
      kind: 'conversations',
      fileName: 'grande.csv',
      rows,
      batch: { index: 0, count: 1 },
    }) as ImportAtomRowsResult;
    expect(result).toMatchObject({ committed: true, rowsWritten: 9000 });
    // The staging loads (the ledger's append is an upload too).
    const uploads = (await fake().requests()).filter((r) => r.table === 'atom_staging');
    expect(uploads.map((r) => r.status)).toEqual([200, 200]);
    expect(tableRows(session, 'atom_conversations', 'COUNT(*) AS n', '1')).toEqual([{ n: 9000 }]);
  });
});
