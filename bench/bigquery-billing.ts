/**
 * The billing rules in GoogleSQL on one month of 1,000,000 Atom messages (run: npx tsx bench/bigquery-billing.ts),
 * for two months kept in one table: March 2025 (24-hour conversations: the chains of openings) and October 2026
 * (per-message pricing with the per-line service allowance); 20 lines, 100,000 contacts, in the fake BigQuery's
 * engine (DuckDB), priced by src/bigquery's breakdown query (reading the carried state too; none here) and by the
 * JS engine. Prints per month: load time, the query's time on DuckDB (not a model of BigQuery's), the JS engine's
 * time, the bytes the query reads (the fake's estimate per partition) against the table's, and whether the two
 * breakdowns are identical (goal: identical; the script exits 1 otherwise).
 */
import { performance } from 'node:perf_hooks';
import { estimateBytes, type TableSizes } from '../dev/fake-bigquery/bytes';
import { checkScript, SqlEngine, type CheckedStatement } from '../dev/fake-bigquery/engine';
import { billedBreakdownSql, type SqlQuery } from '../src/bigquery/billing-sql';
import { HISTORY_TABLES } from '../src/bigquery/schema';
import { engineBreakdown, LINES, messagesNdjson, syntheticMonth, ZONE } from './atom-messages';

const MESSAGES = 1_000_000;
const CONTACTS = 100_000;
const DATASET = { projectId: 'atom-billing-bench', datasetId: 'history' };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const mbOf = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** totalBytesProcessed the fake server would report for the query (engine.ts's bytes estimate per partition). */
async function bytesRead(engine: SqlEngine, query: SqlQuery, statements: CheckedStatement[]) {
  const tables = new Map<string, TableSizes>();
  for (const table of ['atom_messages', 'billing_carry'] as const) {
    const { fields } = HISTORY_TABLES[table];
    const partitions = await engine.partitionSizes(
      DATASET.projectId,
      DATASET.datasetId,
      table,
      fields,
      'month',
    );
    tables.set(`${DATASET.projectId}.${DATASET.datasetId}.${table}`, {
      fields,
      partitionColumn: 'month',
      partitions,
    });
  }
  const params = parametersOf(query);
  const read = statements.reduce(
    (n, s) => n + (s.reads ? estimateBytes(s.reads, tables, params).processed : 0),
    0,
  );
  const name = `${DATASET.projectId}.${DATASET.datasetId}.atom_messages`;
  const all = estimateBytes({ tables: [name], columns: ['*'], ast: null }, tables, []).processed;
  return { read, all };
}

const parametersOf = (query: SqlQuery) =>
  query.queryParameters.map((p) => ({
    name: p.name,
    type: p.parameterType.type,
    value: p.parameterValue.value,
  }));

async function benchMonth(engine: SqlEngine, year: number, month: number): Promise<boolean> {
  const log = syntheticMonth(year, month, { messages: MESSAGES, contacts: CONTACTS, seed: 19 });
  const { first } = log;
  const firstDay = year * 10000 + month * 100 + 1;
  const { fields } = HISTORY_TABLES.atom_messages;
  const ndjson = messagesNdjson(log);
  let start = performance.now();
  await engine.loadNdjson(DATASET.projectId, DATASET.datasetId, 'atom_messages', fields, ndjson);
  const loadMs = performance.now() - start;

  const query = billedBreakdownSql({
    dataset: DATASET,
    timeZone: ZONE,
    readFrom: firstDay,
    firstDay,
    lastDay: firstDay + new Date(Date.UTC(year, month, 0)).getUTCDate() - 1,
    carried: true,
  });
  start = performance.now();
  const statements = checkScript(query.query);
  const parseMs = performance.now() - start;
  start = performance.now();
  const result = await engine.run(statements, parametersOf(query));
  const sqlMs = performance.now() - start;
  const sql = result.rows.map((r) => r.join(' '));

  start = performance.now();
  const js = engineBreakdown(log);
  const jsMs = performance.now() - start;
  const bytes = await bytesRead(engine, query, statements);

  const identical = sql.length === js.rows.length && sql.every((row, i) => row === js.rows[i]);
  console.log(
    `BigQuery billing SQL, ${MESSAGES.toLocaleString('en')} messages in ${first.slice(0, 7)} (${LINES.length} lines):`,
  );
  console.log(`  load into the fake (NDJSON → DuckDB): ${seconds(loadMs)}`);
  console.log(`  node-sql-parser check of the query (${query.query.length} characters): ${seconds(parseMs)}`);
  console.log(`  breakdown query on DuckDB: ${seconds(sqlMs)} (${result.rows.length} rows)`);
  console.log(`  JS engine on the same log: ${seconds(jsMs)}`);
  console.log(`  bytes read (estimated per partition): ${mbOf(bytes.read)} of ${mbOf(bytes.all)} stored`);
  console.log(`  charged units: ${js.chargedUnits.toLocaleString('en')}`);
  console.log(`  SQL vs engine: ${identical ? 'identical' : 'DIFFERENT'} (goal: identical)`);
  return identical;
}

async function main(): Promise<void> {
  const engine = await SqlEngine.open();
  await engine.createDataset(DATASET.projectId, DATASET.datasetId);
  for (const table of ['atom_messages', 'billing_carry'] as const)
    await engine.createTable(DATASET.projectId, DATASET.datasetId, table, HISTORY_TABLES[table].fields);
  // Both months stay stored: the second month's query must read its own partition only.
  const results = [await benchMonth(engine, 2025, 3), await benchMonth(engine, 2026, 10)];
  engine.close();
  if (results.some((identical) => !identical)) process.exitCode = 1;
}

void main();
