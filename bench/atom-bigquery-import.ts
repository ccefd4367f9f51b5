/**
 * The Atom import with the history in BigQuery at scale (run: npm run bench, after npm run build): one month of
 * 1,000,000 per-message rows (20 lines, 100,000 contacts, a conversation per contact and day) sent the way the
 * sidebar sends it (importAtomRows, batches of getAtomImportSetup's batchRows) through the built bundle in the
 * offline runtime against the fake BigQuery (DuckDB) in a child process. Each batch is loaded into atom_staging;
 * the last one commits (one transaction, then the month block's aggregate queries and the reconciliation's daily
 * units). Prints rows, batches, each batch's and the commit's modelled execution time (the runtime's clock: a
 * modelled UrlFetch latency per request plus the fake's real answer time, job polls' sleeps) against the
 * 6-minute limit (goal for the commit: <= 60 s), the UrlFetch requests, BigQuery's bytes processed and the
 * spreadsheet cells the import added. The fake's answer time is DuckDB's on this machine, not BigQuery's.
 */
import { performance } from 'node:perf_hooks';
import { startFakeBigQueryServerProcess } from '../dev/fake-bigquery/server';
import { manualClock } from '../dev/runtime';
import { loadBundle } from '../dev/runtime/testing/bundle';
import type { AtomRow } from '../src/atom';
import { splitIntoBatches } from '../src/atom/batches';
import { TEXT_FIELDS } from '../src/atom/rows';
import { KIND_NAMES } from '../src/core/pricing/message-kinds';
import type { AtomImportSetup, ImportAtomRowsResult } from '../src/rpc/contract';
import { random } from './timing';

const MESSAGES = Number(process.env.ATOM_BQ_MESSAGES ?? 1_000_000);
const CONTACTS = 100_000;
const LINES = Array.from({ length: 20 }, (_, i) => String(573_001_110_000 + i));
const TOKEN = 'ya29.bench-atom-bigquery';
const PROJECT = 'atom-billing-bench';
const DATASET = 'history';
const LIMIT_MS = 360_000;
const COMMIT_GOAL_MS = 60_000;
/**
 * Modelled round trip of one UrlFetch to BigQuery's REST API from Google's servers (Google publishes none; on
 * the slow side of what a same-continent HTTPS call takes).
 */
const FETCH_LATENCY_MS = 150;
/** Kinds by cumulative share: user, user_ad, marketing, utility, authentication, authentication_international, service. */
const KIND_SHARES = [0.35, 0.38, 0.5, 0.62, 0.68, 0.7, 1];

const pad = (n: number) => String(n).padStart(2, '0');
/** A row with every text blank: a per-message log's row has none of the Audit export's fields. */
const BLANK = {
  ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])),
  start: '',
  closingType: '',
  conversations: 1,
  messageKind: '',
} as AtomRow;

/** October 2025's log, wall times in the spreadsheet's zone as Atom exports them. */
function messageLog(): AtomRow[] {
  const next = random(23);
  const rows: AtomRow[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const contact = Math.floor(next() * CONTACTS);
    const day = 1 + Math.floor(next() * 31);
    const second = Math.floor(next() * 86_400);
    const u = next();
    rows.push({
      ...BLANK,
      id: `${contact}-${day}`,
      start: `2025-10-${pad(day)} ${pad(Math.floor(second / 3600))}:${pad(Math.floor(second / 60) % 60)}:${pad(second % 60)}`,
      contact: String(573_100_000_000 + contact),
      line: LINES[contact % LINES.length],
      messageKind: KIND_NAMES[KIND_SHARES.findIndex((s) => u < s)],
    });
  }
  return rows;
}

async function main(): Promise<void> {
  const fake = await startFakeBigQueryServerProcess({ token: TOKEN });
  try {
    await fake.createDataset(PROJECT, DATASET);
    const clock = manualClock(Date.UTC(2025, 10, 3));
    const rt = loadBundle({
      clock,
      fetchLatencyMs: FETCH_LATENCY_MS,
      spreadsheet: { timeZone: 'America/Bogota', locale: 'en_US' },
      user: { email: 'ana@example.com', locale: 'en' },
      oauthToken: TOKEN,
    });
    rt.properties.document.set('atomBilling.meta.admins', JSON.stringify(['ana@example.com']));
    rt.runFromSidebar('setHistoryStore', {
      kind: 'bigquery',
      project: PROJECT,
      dataset: DATASET,
      apiBaseUrl: fake.url,
    });
    const setup = rt.runFromSidebar('getAtomImportSetup') as AtomImportSetup;
    const rows = messageLog();
    const batches = splitIntoBatches(rows, setup.batchRows);
    const cellsBefore = rt.spreadsheet.cellCount();

    let slowestBatch = 0;
    let stagingMs = 0;
    let stagingRequests = 0;
    let result: ImportAtomRowsResult | undefined;
    let commit = { modelledMs: 0, requests: 0, wallMs: 0 };
    const wallStart = performance.now();
    batches.forEach((batch, index) => {
      rt.resetCounters();
      const startClock = clock.now();
      const startWall = performance.now();
      result = rt.runFromSidebar('importAtomRows', {
        kind: 'conversations',
        fileName: 'mensajes-octubre.csv',
        rows: batch,
        batch: { index, count: batches.length },
      }) as ImportAtomRowsResult;
      const modelledMs = clock.now() - startClock;
      const requests = rt.counters['UrlFetchApp.requests'] ?? 0;
      if (index < batches.length - 1) {
        slowestBatch = Math.max(slowestBatch, modelledMs);
        stagingMs += modelledMs;
        stagingRequests += requests;
      } else commit = { modelledMs, requests, wallMs: performance.now() - startWall };
    });
    const wallMs = performance.now() - wallStart;
    if (!result?.committed || result.rowsWritten !== MESSAGES)
      throw new Error(`the import did not commit ${MESSAGES} rows: ${JSON.stringify(result)}`);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const cells = rt.spreadsheet.cellCount() - cellsBefore;
    console.log(
      `Atom import, history in BigQuery: ${MESSAGES.toLocaleString('en')} messages of one month in ` +
        `${batches.length} batches of ${setup.batchRows.toLocaleString('en')} (modelled UrlFetch latency ${FETCH_LATENCY_MS} ms)`,
    );
    console.log(
      `  staging (${batches.length - 1} batches, one load job each): ${stagingRequests} UrlFetch requests, ` +
        `modelled ${s(stagingMs)} in all, slowest batch ${s(slowestBatch)} of ${LIMIT_MS / 1000} s`,
    );
    console.log(
      `  commit (last batch: its load, the transaction, the month's aggregates and daily units): ` +
        `${commit.requests} UrlFetch requests, modelled ${s(commit.modelledMs)} of ${LIMIT_MS / 1000} s ` +
        `(goal <= ${COMMIT_GOAL_MS / 1000} s: ${commit.modelledMs <= COMMIT_GOAL_MS ? 'goal met' : 'GOAL MISSED'}); wall ${s(commit.wallMs)}`,
    );
    console.log(
      `  BigQuery bytes processed by the commit's queries: ${(result.bytesProcessed ?? 0).toLocaleString('en')}; ` +
        `spreadsheet cells added: ${cells.toLocaleString('en')}; wall time of the whole import ${s(wallMs)}`,
    );
    if (commit.modelledMs > COMMIT_GOAL_MS) process.exitCode = 1;
  } finally {
    await fake.close();
  }
}

void main();
