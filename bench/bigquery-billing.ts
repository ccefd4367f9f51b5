/**
 * The billing rules in GoogleSQL on one month of 1,000,000 Atom messages (run: npx tsx bench/bigquery-billing.ts):
 * October 2026 (per-message pricing with the per-line service allowance), 20 lines, 100,000 contacts, stored in the
 * fake BigQuery's engine (DuckDB) and priced by src/bigquery's breakdown query and by the JS engine. Prints the
 * load time, the query's time on DuckDB (not a model of BigQuery's), the JS engine's time, and whether the two
 * breakdowns are identical (goal: identical; the script exits 1 otherwise).
 */
import { performance } from 'node:perf_hooks';
import { checkScript, SqlEngine } from '../dev/fake-bigquery/engine';
import { billedBreakdownSql } from '../src/bigquery/billing-sql';
import { HISTORY_TABLES } from '../src/bigquery/schema';
import { priceMessages } from '../src/core/pricing/engine';
import { KIND_NAMES } from '../src/core/pricing/message-kinds';
import { dayKeyToIso, epochDayToDayKey } from '../src/core/time';
import { ZoneCalendar } from '../src/core/zone-calendar';
import { random } from './timing';

const MESSAGES = 1_000_000;
const CONTACTS = 100_000;
const LINES = Array.from({ length: 20 }, (_, i) => String(573_001_110_000 + i));
const ZONE = 'America/Bogota';
const DATASET = { projectId: 'atom-billing-bench', datasetId: 'history' };
/** Kinds by cumulative share: user, user_ad, marketing, utility, authentication, authentication_international, service. */
const KIND_SHARES = [0.35, 0.38, 0.5, 0.62, 0.68, 0.7, 1];

function syntheticMonth() {
  const calendar = new ZoneCalendar(ZONE);
  const from = calendar.instantOf(2026, 10, 1);
  const span = calendar.instantOf(2026, 11, 1) - from;
  const next = random(19);
  const times: number[] = [];
  const contacts: string[] = [];
  const lines: string[] = [];
  const kinds: number[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const contact = Math.floor(next() * CONTACTS);
    times.push(from + Math.floor(next() * span));
    contacts.push(String(573_000_000_000 + contact * 7919));
    lines.push(LINES[contact % LINES.length]);
    const r = next();
    kinds.push(KIND_SHARES.findIndex((share) => r < share));
  }
  return { times, contacts, lines, kinds };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const log = syntheticMonth();
  const engine = await SqlEngine.open();
  await engine.createDataset(DATASET.projectId, DATASET.datasetId);
  const { fields } = HISTORY_TABLES.atom_messages;
  await engine.createTable(DATASET.projectId, DATASET.datasetId, 'atom_messages', fields);
  const ndjson = log.times
    .map((t, i) =>
      JSON.stringify({
        month: '2026-10-01',
        sent_at: new Date(t).toISOString(),
        line: log.lines[i],
        contact: log.contacts[i],
        kind: KIND_NAMES[log.kinds[i]],
      }),
    )
    .join('\n');
  let start = performance.now();
  await engine.loadNdjson(DATASET.projectId, DATASET.datasetId, 'atom_messages', fields, ndjson);
  const loadMs = performance.now() - start;

  const query = billedBreakdownSql({
    dataset: DATASET,
    timeZone: ZONE,
    readFrom: 20261001,
    firstDay: 20261001,
    lastDay: 20261031,
  });
  start = performance.now();
  const statements = checkScript(query.query);
  const parseMs = performance.now() - start;
  start = performance.now();
  const result = await engine.run(
    statements,
    query.queryParameters.map((p) => ({
      name: p.name,
      type: p.parameterType.type,
      value: p.parameterValue.value,
    })),
  );
  const sqlMs = performance.now() - start;
  const sql = result.rows.map((r) => r.join(' '));

  start = performance.now();
  const tally = priceMessages(log, new ZoneCalendar(ZONE));
  const js = tally
    .rows()
    .map((r) =>
      [dayKeyToIso(epochDayToDayKey(r.epochDay)), r.line, r.model, r.category, r.charged, r.free].join(' '),
    );
  const jsMs = performance.now() - start;
  engine.close();

  const identical = sql.length === js.length && sql.every((row, i) => row === js[i]);
  console.log(
    `BigQuery billing SQL, ${MESSAGES.toLocaleString('en')} messages in October 2026 (${LINES.length} lines):`,
  );
  console.log(`  load into the fake (NDJSON → DuckDB): ${seconds(loadMs)}`);
  console.log(`  node-sql-parser check of the query (${query.query.length} characters): ${seconds(parseMs)}`);
  console.log(`  breakdown query on DuckDB: ${seconds(sqlMs)} (${result.rows.length} rows)`);
  console.log(`  JS engine on the same log: ${seconds(jsMs)}`);
  console.log(`  charged units: ${tally.chargedUnits().toLocaleString('en')}`);
  console.log(`  SQL vs engine: ${identical ? 'identical' : 'DIFFERENT'} (goal: identical)`);
  if (!identical) process.exitCode = 1;
}

void main();
