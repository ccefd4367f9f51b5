/**
 * The Atom import's SQL with the history in BigQuery (issue 19): the sidebar's batches wait in `atom_staging`
 * (tagged with the import's id), one transaction moves them into `atom_messages` / `atom_conversations` with the
 * sheet import's upsert rules (src/atom/import-store: a per-message log or an export without ids replaces its
 * months' rows of its own kind; an Audit export with ids replaces those ids wherever they are), and each month's
 * block figures (src/atom/month-tables) come from one aggregate query over the month's partitions, before or after
 * the transaction. https://cloud.google.com/bigquery/docs/transactions
 */
import type { AtomRow } from '../atom/rows';
import { wallTimeToEpoch } from '../atom/stored-rows';
import type { ClosedConversationsCount, MonthCounts } from '../atom/month-tables';
import { conversationRecord } from './atom-rows';
import type { QueryParameter, SqlQuery } from './billing-sql';
import type { BigQueryRow } from './rows';
import { qualifiedName, type DatasetRef } from './schema';

/** What the commit needs to know of the staged file (kept in the import's state between batches). */
export interface StagedImport {
  importId: string;
  /** 'ids': every row is a conversation with an id (upsert by id); else the file's months are replaced. */
  mode: 'ids' | 'months';
  /** A per-message log (some row has a kind): its own kind is atom_messages. */
  messages: boolean;
  /** `YYYY-MM`, sorted. */
  months: readonly string[];
}

/** A row of a batch as `atom_staging` holds it (`seq`: its place in the file; the last of an id wins). */
export function stagingRecord(
  importId: string,
  seq: number,
  month: string,
  r: AtomRow,
  fileName: string,
  timeZone: string,
): Record<string, string | number | null> {
  const startMs = r.start === '' ? null : wallTimeToEpoch(r.start, timeZone);
  // A message without a time is kept as a conversation row, as atom_messages needs a time.
  const kind = r.messageKind !== '' && startMs !== null ? r.messageKind : null;
  return {
    ...conversationRecord(`${month}-01`, startMs, r, fileName),
    import_id: importId,
    seq,
    kind,
  };
}

const param = (
  name: string,
  type: QueryParameter['parameterType']['type'],
  value: string,
): QueryParameter => ({
  name,
  parameterType: { type },
  parameterValue: { value },
});

const MESSAGE_COLUMNS = 'month, sent_at, line, contact, kind, conversation_id, file_name';
const CONVERSATION_COLUMNS =
  'month, conversation_id, started_at, line, contact, atom_group, agent, typification, closing_type, origin, ' +
  'campaign, conversations, file_name';

function names(d: DatasetRef) {
  return {
    staging: qualifiedName(d, 'atom_staging'),
    messages: qualifiedName(d, 'atom_messages'),
    conversations: qualifiedName(d, 'atom_conversations'),
  };
}

/**
 * The import's staged rows of one kind, as the target table's columns (conversations by id: the file's last row of
 * each id, wherever its month); `where`: a further condition on the rows kept.
 */
function stagedRows(d: DatasetRef, s: StagedImport, messages: boolean, where = ''): string {
  const { staging } = names(d);
  const mine = `import_id = @import AND kind IS ${messages ? 'NOT ' : ''}NULL`;
  if (messages)
    return (
      `SELECT month, started_at AS sent_at, COALESCE(line, '') AS line, COALESCE(contact, '') AS contact, kind, ` +
      `conversation_id, file_name FROM ${staging} WHERE ${mine}${where}`
    );
  if (s.mode === 'months') return `SELECT ${CONVERSATION_COLUMNS} FROM ${staging} WHERE ${mine}${where}`;
  return (
    `SELECT ${CONVERSATION_COLUMNS} FROM (SELECT ${CONVERSATION_COLUMNS}, ROW_NUMBER() OVER ` +
    `(PARTITION BY conversation_id ORDER BY seq DESC) AS rn FROM ${staging} WHERE ${mine}) WHERE rn = 1${where}`
  );
}

/** Stored rows the import replaces (of its own kind only), as a condition on the own table's rows. */
function replaced(d: DatasetRef, s: StagedImport): string {
  const { staging } = names(d);
  return s.mode === 'ids'
    ? `conversation_id IN (SELECT conversation_id FROM ${staging} WHERE import_id = @import)`
    : `month BETWEEN @first AND @last AND month IN (SELECT month FROM ${staging} WHERE import_id = @import)`;
}

const importParams = (s: StagedImport): QueryParameter[] => [
  param('import', 'STRING', s.importId),
  param('first', 'DATE', `${s.months[0]}-01`),
  param('last', 'DATE', `${s.months[s.months.length - 1]}-01`),
];

/**
 * The commit: one script in one transaction — the replaced rows deleted, the staged rows inserted, the staging
 * rows of the import deleted. A failing statement rolls all of it back: every month stays as it was.
 */
export function commitScript(d: DatasetRef, s: StagedImport): SqlQuery {
  const n = names(d);
  const own = s.messages ? n.messages : n.conversations;
  return {
    query: [
      'BEGIN TRANSACTION',
      `DELETE FROM ${own} WHERE ${replaced(d, s)}`,
      `INSERT INTO ${n.messages} (${MESSAGE_COLUMNS}) ${stagedRows(d, s, true)}`,
      `INSERT INTO ${n.conversations} (${CONVERSATION_COLUMNS}) ${stagedRows(d, s, false)}`,
      `DELETE FROM ${n.staging} WHERE import_id = @import`,
      'COMMIT TRANSACTION',
    ].join(';\n'),
    queryParameters: importParams(s),
  };
}

/** An abandoned import's staged rows, deleted. */
export function dropStagedSql(d: DatasetRef, importId: string): SqlQuery {
  return {
    query: `DELETE FROM ${names(d).staging} WHERE import_id = @import`,
    queryParameters: [param('import', 'STRING', importId)],
  };
}

/** The rows the commit will replace, the rows it will add and the file's repeated ids (the import's result). */
export function stagedSummarySql(d: DatasetRef, s: StagedImport): SqlQuery {
  const n = names(d);
  const own = s.messages ? n.messages : n.conversations;
  const added = s.mode === 'ids' ? 'COUNT(DISTINCT conversation_id)' : 'COUNT(*)';
  return {
    query:
      `SELECT ${added} AS added, COUNT(*) AS staged, ` +
      `(SELECT COUNT(*) FROM ${own} WHERE ${replaced(d, s)}) AS replaced ` +
      `FROM ${n.staging} WHERE import_id = @import`,
    queryParameters: importParams(s),
  };
}

/**
 * A month's block figures (monthCounts reads the answer): its conversations as src/atom/month-tables counts them —
 * the conversation rows, and each per-message conversation once by its first message unless the month's Audit
 * rows hold its id — closed ones by group, by campaign, by day and origin, unique contacts. `staged`: as they will
 * be once the import commits (its staged rows in, the rows it replaces out); null: as stored.
 */
export function monthCountsSql(
  d: DatasetRef,
  month: string,
  timeZone: string,
  closedCount: ClosedConversationsCount,
  staged: StagedImport | null,
): SqlQuery {
  const n = names(d);
  const inMonth = ' AND month = @month';
  const keep = (messages: boolean) =>
    staged && staged.messages === messages ? ` AND NOT COALESCE(${replaced(d, staged)}, FALSE)` : '';
  const stored = (table: string, columns: string, messages: boolean) =>
    `SELECT ${columns} FROM ${table} WHERE TRUE${inMonth}${keep(messages)}`;
  const conv =
    stored(n.conversations, CONVERSATION_COLUMNS, false) +
    (staged ? ` UNION ALL ${stagedRows(d, staged, false, inMonth)}` : '');
  const msg =
    stored(n.messages, MESSAGE_COLUMNS, true) +
    (staged ? ` UNION ALL ${stagedRows(d, staged, true, inMonth)}` : '');
  const closed =
    closedCount === 'all' ? `closing_type IN ('manual', 'automatic')` : `closing_type = 'manual'`;
  const query =
    `WITH conv AS (${conv}), msg AS (${msg}), counted AS (` +
    `SELECT started_at, contact, atom_group, closing_type, origin, campaign, conversations FROM conv UNION ALL ` +
    `SELECT sent_at, contact, NULL, NULL, NULL, NULL, 1 FROM (SELECT sent_at, contact, conversation_id, ` +
    `ROW_NUMBER() OVER (PARTITION BY conversation_id ORDER BY sent_at, contact) AS rn FROM msg ` +
    `WHERE conversation_id IS NULL OR conversation_id NOT IN ` +
    `(SELECT conversation_id FROM conv WHERE conversation_id IS NOT NULL)) ` +
    `WHERE conversation_id IS NULL OR rn = 1) ` +
    `SELECT 'group' AS part, COALESCE(atom_group, '') AS label, CAST(NULL AS DATE) AS day, ` +
    `SUM(conversations) AS n FROM counted WHERE ${closed} GROUP BY 2 ` +
    `UNION ALL SELECT 'campaign', campaign, NULL, SUM(conversations) FROM counted ` +
    `WHERE campaign IS NOT NULL AND campaign <> '' GROUP BY 2 ` +
    `UNION ALL SELECT 'daily', COALESCE(origin, ''), DATE(started_at, @zone), SUM(conversations) FROM counted ` +
    `WHERE started_at IS NOT NULL GROUP BY 2, 3 ` +
    `UNION ALL SELECT 'contacts', NULL, NULL, COUNT(DISTINCT IF(contact = '', NULL, contact)) FROM counted ` +
    `UNION ALL SELECT 'rows', NULL, NULL, COUNT(*) FROM counted ` +
    `UNION ALL SELECT 'messages', NULL, NULL, COUNT(*) FROM msg`;
  return {
    query,
    queryParameters: [
      ...(staged ? importParams(staged) : []),
      param('month', 'DATE', `${month}-01`),
      param('zone', 'STRING', timeZone),
    ],
  };
}

/** monthCountsSql's answer as the counts month-tables builds the block from. */
export function monthCounts(rows: readonly BigQueryRow[]): MonthCounts {
  const counts: MonthCounts = {
    closedByGroup: [],
    byCampaign: [],
    byDayOrigin: [],
    uniqueContacts: 0,
    conversations: 0,
    messages: false,
  };
  for (const r of rows) {
    const label = String(r.label ?? '');
    const n = Number(r.n ?? 0);
    if (r.part === 'group') counts.closedByGroup.push({ label, conversations: n });
    else if (r.part === 'campaign') counts.byCampaign.push({ label, conversations: n });
    else if (r.part === 'daily')
      counts.byDayOrigin.push({ day: String(r.day), origin: label, conversations: n });
    else if (r.part === 'contacts') counts.uniqueContacts = n;
    else if (r.part === 'rows') counts.conversations = n;
    else if (r.part === 'messages') counts.messages = n > 0;
  }
  return counts;
}
