/**
 * The Atom import's SQL (src/bigquery/atom-import-sql.ts) on the fake BigQuery's engine against the sheet import's
 * JS (upsertRecords, monthCounts) on random stored months and random files — Audit exports with ids (upsert by id,
 * across months), without some ids (months replaced), per-message logs (months replaced, the other kind kept): the
 * month counts as the import will leave them (before the transaction), the commit's summary, and after the
 * transaction the tables' rows and the counts as stored.
 */
import fc from 'fast-check';
import { checkScript, SqlEngine } from '../../dev/fake-bigquery/engine';
import { upsertRecords } from '../../src/atom/import-store';
import { monthCounts as jsCounts, type MonthCounts } from '../../src/atom/month-tables';
import type { AtomRow } from '../../src/atom/rows';
import { conversationFromRow, monthConversation } from '../../src/atom/stored-rows';
import {
  commitScript,
  monthCounts,
  monthCountsSql,
  stagedSummarySql,
  stagingRecord,
  type StagedImport,
} from '../../src/bigquery/atom-import-sql';
import { conversationRecord, messageRecord } from '../../src/bigquery/atom-rows';
import type { SqlQuery } from '../../src/bigquery/billing-sql';
import { convertRows, type BigQueryRow } from '../../src/bigquery/rows';
import { HISTORY_TABLES } from '../../src/bigquery/schema';
import { KIND_NAMES } from '../../src/core/pricing/message-kinds';
import { atomRow } from '../support/atom-rows';
import { DATASET } from './billing-helpers';

const ZONE = 'America/Bogota';
const TABLES = ['atom_messages', 'atom_conversations', 'atom_staging'] as const;
let engine: SqlEngine;

beforeAll(async () => {
  engine = await SqlEngine.open();
  await engine.createDataset(DATASET.projectId, DATASET.datasetId);
  for (const table of TABLES)
    await engine.createTable(DATASET.projectId, DATASET.datasetId, table, HISTORY_TABLES[table].fields);
});
afterAll(() => engine.close());

async function run(sql: SqlQuery): Promise<BigQueryRow[]> {
  const result = await engine.run(
    checkScript(sql.query),
    sql.queryParameters.map((p) => ({
      name: p.name,
      type: p.parameterType.type,
      value: p.parameterValue.value,
    })),
  );
  const rest = result.rows.map((cells) => ({ f: cells.map((v) => ({ v })) }));
  return convertRows(result.fields, rest, 0);
}

const load = (table: (typeof TABLES)[number], records: Record<string, unknown>[]) =>
  records.length === 0
    ? Promise.resolve(0)
    : engine.loadNdjson(
        DATASET.projectId,
        DATASET.datasetId,
        table,
        HISTORY_TABLES[table].fields,
        records.map((r) => JSON.stringify(r)).join('\n'),
      );

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['2025-09', '2025-10'];
const text = fc.constantFrom('', 'Ventas', 'Soporte', 'a;b "c"');
const start = fc
  .tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 23 }))
  .map(([m, d, h]) => `${m}-${pad(d)} ${pad(h)}:${pad(d)}:00`);
const ids = fc.constantFrom('', 'C-1', 'C-2', 'C-3', 'C-4');

const conversation = (withId: boolean): fc.Arbitrary<AtomRow> =>
  fc
    .record({
      id: withId ? fc.constantFrom('C-1', 'C-2', 'C-3', 'C-4') : ids,
      start: fc.option(start, { nil: '' }),
      contact: fc.constantFrom('', '573001', '573002', '573003'),
      group: text,
      closingType: fc.constantFrom('' as const, 'manual' as const, 'automatic' as const),
      origin: text,
      campaign: text,
      conversations: fc.integer({ min: 0, max: 3 }),
    })
    .map(atomRow);

/** A message as atom_messages keeps it (no Audit fields); one conversation is one contact. */
const message: fc.Arbitrary<AtomRow> = fc
  .record({
    id: ids,
    start,
    kind: fc.constantFrom(...KIND_NAMES),
    contact: fc.constantFrom('573001', '573009'),
  })
  .map(({ id, start: s, kind, contact }) =>
    atomRow({ id, start: s, messageKind: kind, contact: id === '' ? contact : `57${id}` }),
  );

const file = fc.oneof(
  fc.array(conversation(true), { minLength: 1, maxLength: 8 }),
  fc.array(conversation(false), { minLength: 1, maxLength: 8 }),
  fc
    .tuple(
      fc.array(message, { minLength: 1, maxLength: 10 }),
      fc.array(conversation(false), { maxLength: 2 }),
    )
    .map(([m, c]) => [...m, ...c]),
);

const monthOf = (r: AtomRow) => (r.start === '' ? '2025-10' : r.start.slice(0, 7));

function storedRecord(r: AtomRow): Record<string, unknown> {
  const month = `${monthOf(r)}-01`;
  if (r.messageKind !== '')
    return messageRecord(
      month,
      conversationFromRow(r, monthOf(r), 'f', ZONE).startMs as number,
      { line: r.line, contact: r.contact, kind: r.messageKind },
      { conversationId: r.id === '' ? null : r.id, fileName: 'old.csv' },
    );
  const startMs = conversationFromRow(r, monthOf(r), 'f', ZONE).startMs;
  return conversationRecord(month, startMs, r, 'old.csv');
}

const sorted = (c: MonthCounts) => {
  const by = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
  return {
    ...c,
    closedByGroup: by(c.closedByGroup),
    byCampaign: by(c.byCampaign),
    byDayOrigin: by(c.byDayOrigin),
  };
};

test('the SQL counts, upserts and summarises as the sheet import does', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.oneof(conversation(false), message), { maxLength: 12 }),
      file,
      fc.constantFrom('all' as const, 'manual' as const),
      async (stored, incoming, closedCount) => {
        for (const table of TABLES)
          await run({
            query: `DELETE FROM \`${DATASET.projectId}.${DATASET.datasetId}.${table}\` WHERE TRUE`,
            queryParameters: [],
          });
        const records = stored.map(storedRecord);
        await load(
          'atom_messages',
          records.filter((r) => 'sent_at' in r),
        );
        await load(
          'atom_conversations',
          records.filter((r) => !('sent_at' in r)),
        );
        const importId = `imp${++n}`;
        await load(
          'atom_staging',
          incoming.map((r, i) => stagingRecord(importId, i, monthOf(r), r, 'new.csv', ZONE)),
        );
        const staged: StagedImport = {
          importId,
          mode: incoming.every((r) => r.id !== '' && r.messageKind === '') ? 'ids' : 'months',
          messages: incoming.some((r) => r.messageKind !== ''),
          months: [...new Set(incoming.map(monthOf))].sort(),
        };

        // The sheet import on the same rows.
        const toStored = (file: string) => (r: AtomRow) => conversationFromRow(r, monthOf(r), file, ZONE);
        const outcome = upsertRecords(stored.map(toStored('old.csv')), incoming.map(toStored('new.csv')));
        const expected = (month: string) =>
          sorted(
            jsCounts(
              outcome.rows.filter((r) => r.month === month).map((r) => monthConversation(r, ZONE)),
              closedCount,
            ),
          );
        const counts = async (month: string, s: StagedImport | null) =>
          sorted(monthCounts(await run(monthCountsSql(DATASET, month, ZONE, closedCount, s))));

        for (const month of MONTHS) expect(await counts(month, staged)).toEqual(expected(month));
        const [summary] = await run(stagedSummarySql(DATASET, staged));
        expect({
          added: summary.added,
          replaced: summary.replaced,
          duplicates: Number(summary.staged) - Number(summary.added),
        }).toEqual({
          added: outcome.added,
          replaced: outcome.replaced,
          duplicates: outcome.duplicatesInFile,
        });

        await run(commitScript(DATASET, staged));
        for (const month of MONTHS) expect(await counts(month, null)).toEqual(expected(month));
        const [rows] = await run({
          query:
            `SELECT (SELECT COUNT(*) FROM \`${DATASET.projectId}.${DATASET.datasetId}.atom_messages\`) AS messages, ` +
            `(SELECT COUNT(*) FROM \`${DATASET.projectId}.${DATASET.datasetId}.atom_conversations\`) AS conversations, ` +
            `(SELECT COUNT(*) FROM \`${DATASET.projectId}.${DATASET.datasetId}.atom_staging\`) AS staging`,
          queryParameters: [],
        });
        expect(rows).toEqual({
          messages: outcome.rows.filter((r) => r.message).length,
          conversations: outcome.rows.filter((r) => !r.message).length,
          staging: 0,
        });
      },
    ),
    { numRuns: 60 },
  );
});
