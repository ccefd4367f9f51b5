/**
 * Runs the billing SQL (src/bigquery) through the fake BigQuery's engine and the JS engine on the same message
 * log, both as BILLED_BREAKDOWN rows.
 */
import { checkScript, type SqlEngine, type StatementResult } from '../../dev/fake-bigquery/engine';
import type { SqlQuery } from '../../src/bigquery/billing-sql';
import { HISTORY_TABLES, type DatasetRef } from '../../src/bigquery/schema';
import { priceMessages } from '../../src/core/pricing/engine';
import { KIND_NAMES } from '../../src/core/pricing/message-kinds';
import type { PricingRule } from '../../src/core/pricing/rules';
import { dayKeyToIso, epochDayToDayKey } from '../../src/core/time';
import { ZoneCalendar } from '../../src/core/zone-calendar';
import { messageRecord } from '../../src/bigquery/atom-rows';

export const DATASET: DatasetRef = { projectId: 'atom-billing-test', datasetId: 'history' };

export interface LoggedMessage {
  ms: number;
  line: string;
  contact: string;
  /** Index into KIND_NAMES. */
  kind: number;
}

export interface BreakdownRow {
  day: string;
  line: string;
  model: string;
  category: string;
  charged: number;
  free: number;
}

export async function createMessagesTable(engine: SqlEngine): Promise<void> {
  await engine.createDataset(DATASET.projectId, DATASET.datasetId);
  for (const table of ['atom_messages', 'billing_carry'] as const)
    await engine.createTable(DATASET.projectId, DATASET.datasetId, table, HISTORY_TABLES[table].fields);
}

/** Replaces the stored log (month = the local month of each message, as the store writes it); no carried state. */
export async function storeLog(
  engine: SqlEngine,
  log: readonly LoggedMessage[],
  timeZone: string,
): Promise<void> {
  for (const table of ['atom_messages', 'billing_carry'])
    await engine.run(
      checkScript(`DELETE FROM \`${DATASET.projectId}.${DATASET.datasetId}.${table}\` WHERE TRUE`),
    );
  const calendar = new ZoneCalendar(timeZone);
  const ndjson = log
    .map((m) => {
      const month = `${dayKeyToIso(calendar.dayKeyAt(m.ms)).slice(0, 8)}01`;
      return JSON.stringify(
        messageRecord(month, m.ms, { line: m.line, contact: m.contact, kind: KIND_NAMES[m.kind] }),
      );
    })
    .join('\n');
  await engine.loadNdjson(
    DATASET.projectId,
    DATASET.datasetId,
    'atom_messages',
    HISTORY_TABLES.atom_messages.fields,
    ndjson,
  );
}

export function runQuery(engine: SqlEngine, query: SqlQuery): Promise<StatementResult> {
  return engine.run(
    checkScript(query.query),
    query.queryParameters.map((p) => ({
      name: p.name,
      type: p.parameterType.type,
      value: p.parameterValue.value,
    })),
  );
}

export async function sqlBreakdown(engine: SqlEngine, query: SqlQuery): Promise<BreakdownRow[]> {
  const result = await runQuery(engine, query);
  return result.rows.map(([day, line, model, category, charged, free]) => ({
    day: day as string,
    line: line as string,
    model: model as string,
    category: category as string,
    charged: Number(charged),
    free: Number(free),
  }));
}

export function jsBreakdown(
  log: readonly LoggedMessage[],
  timeZone: string,
  rules?: readonly PricingRule[],
): BreakdownRow[] {
  const calendar = new ZoneCalendar(timeZone);
  const tally = priceMessages(
    {
      times: log.map((m) => m.ms),
      contacts: log.map((m) => m.contact),
      kinds: log.map((m) => m.kind),
      lines: log.map((m) => m.line),
    },
    calendar,
    rules,
  );
  return tally.rows().map((r) => ({
    day: dayKeyToIso(epochDayToDayKey(r.epochDay)),
    line: r.line,
    model: r.model,
    category: r.category,
    charged: r.charged,
    free: r.free,
  }));
}

/** Runs a month's carriedStateSql and stores its rows in billing_carry (as the month close would, by a load job). */
export async function carryState(engine: SqlEngine, query: SqlQuery): Promise<number> {
  const { fields, rows } = await runQuery(engine, query);
  const ndjson = rows
    .map((row) => {
      const record = Object.fromEntries(fields.map((f, i) => [f.name, row[i]]));
      return JSON.stringify({ ...record, sent_at: new Date(Number(record.sent_at) * 1000).toISOString() });
    })
    .join('\n');
  if (rows.length > 0)
    await engine.loadNdjson(
      DATASET.projectId,
      DATASET.datasetId,
      'billing_carry',
      HISTORY_TABLES.billing_carry.fields,
      ndjson,
    );
  return rows.length;
}
