/**
 * The Atom import's stored rows in BigQuery (issue 19): a month's rows of `atom_messages` / `atom_conversations`
 * read back with a one-partition query as the records the sheet import upserts (src/atom/import-store), and a
 * month's upserted records back to the rows a load replaces its partition with. `atom_messages` keeps what the
 * billing prices (time, line, contact, kind, conversation id, file): a stored message reads back without its group,
 * agent, typification, closing type, origin or campaign, and as one conversation.
 */
import { conversationFromCells, type StoredRow } from '../atom/stored-rows';
import type { MessageKind } from '../atom/message-kinds';
import type { ClosingType } from '../atom/rows';
import { conversationRecord, messageRecord } from './atom-rows';
import type { SqlQuery } from './billing-sql';
import type { BigQueryRow } from './rows';
import { PARTITION_COLUMN, qualifiedName, type DatasetRef } from './schema';

export type AtomTableId = 'atom_messages' | 'atom_conversations';
export const ATOM_TABLES: readonly AtomTableId[] = ['atom_messages', 'atom_conversations'];

const COLUMNS: Record<AtomTableId, string> = {
  atom_messages: 'sent_at, line, contact, kind, conversation_id, file_name',
  atom_conversations:
    'conversation_id, started_at, line, contact, atom_group, agent, typification, closing_type, origin, ' +
    'campaign, conversations, file_name',
};

/** A month's (`YYYY-MM`) rows of one table: one partition read. */
export function storedAtomRowsSql(dataset: DatasetRef, table: AtomTableId, month: string): SqlQuery {
  return {
    query: `SELECT ${COLUMNS[table]} FROM ${qualifiedName(dataset, table)} WHERE ${PARTITION_COLUMN} = @month`,
    queryParameters: [
      { name: 'month', parameterType: { type: 'DATE' }, parameterValue: { value: `${month}-01` } },
    ],
  };
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** A row read back (TIMESTAMPs as epoch ms) as the record the sheet's row of the same data would be. */
export function storedAtomRow(table: AtomTableId, month: string, row: BigQueryRow): StoredRow {
  const message = table === 'atom_messages';
  const startMs = (message ? row.sent_at : row.started_at) as number | null;
  return conversationFromCells([
    month,
    text(row.conversation_id),
    startMs === null ? '' : new Date(startMs),
    text(row.contact),
    text(row.line),
    text(row.atom_group),
    text(row.agent),
    text(row.typification),
    text(row.closing_type),
    text(row.origin),
    text(row.campaign),
    message ? 1 : Number(row.conversations),
    text(row.file_name),
    message ? text(row.kind) : '',
  ]);
}

/** The rows each table holds for `month` (`YYYY-MM`) once its records are `rows` (others' months skipped). */
export function atomMonthRecords(
  month: string,
  rows: readonly StoredRow[],
): Record<AtomTableId, Record<string, unknown>[]> {
  const first = `${month}-01`;
  const out: Record<AtomTableId, Record<string, unknown>[]> = { atom_messages: [], atom_conversations: [] };
  for (const { month: m, startMs, message, cells: c } of rows) {
    if (m !== month) continue;
    const field = (k: number) => text(c[k]);
    const id = field(1);
    const fileName = field(12);
    if (message && startMs !== null) {
      out.atom_messages.push(
        messageRecord(
          first,
          startMs,
          { line: field(4), contact: field(3), kind: c[13] as MessageKind },
          { conversationId: id === '' ? null : id, fileName },
        ),
      );
      continue;
    }
    out.atom_conversations.push(
      conversationRecord(
        first,
        startMs,
        {
          id,
          contact: field(3),
          line: field(4),
          group: field(5),
          agent: field(6),
          typification: field(7),
          closingType: field(8) as ClosingType,
          origin: field(9),
          campaign: field(10),
          conversations: typeof c[11] === 'number' ? c[11] : 0,
        },
        fileName,
      ),
    );
  }
  return out;
}
