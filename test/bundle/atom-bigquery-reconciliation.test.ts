/**
 * The Atom month block's reconciliation with the history in BigQuery, through the built bundle and the fake
 * BigQuery (and the fake Graph server for the month close), each compared with the same steps in Sheets mode, whose
 * formulas (BILLED_BREAKDOWN over the whole log, SUMIFS over "Meta data") the offline runtime evaluates:
 *  - the carried state: a log across a month end (a customer window opened on the 31st at 23:00, a free entry
 *    point, the 2026-10 rules) gives both months' daily units; importing the earlier month again rewrites the carry
 *    into the later month and the later month's block; the daily query reads one partition and the carry rows;
 *  - the Meta column: values from meta_rows, whether the month close runs before or after the Atom import.
 */
import { startFakeGraphServerProcess, type FakeGraphServer } from '../../dev/fake-graph';
import { createDataset, type DatasetOptions } from '../../dev/fake-graph/generator';
import { OFFLINE_OAUTH_TOKEN, type AppsScriptRuntime } from '../../dev/runtime';
import { query } from '../../src/bigquery/client';
import { billedDailySql, type BillingScope } from '../../src/bigquery/billing-sql';
import { fakeSession, switchHistoryTo, useFakeBigQuery } from '../support/fake-bigquery';
import { importParsed, parsedCsv } from './atom-helpers';
import { connect, metaRuntime, TOKEN } from './meta-helpers';
import { runImport } from './month-close-helpers';
import { thrown } from '../meta/helpers';

jest.setTimeout(240_000);

const PROJECT = 'atom-billing-test';
const fake = useFakeBigQuery(OFFLINE_OAUTH_TOKEN);
let datasets = 0;

const MESSAGE_HEADER = ['ID Conversación', 'Fecha y hora', 'Teléfono', 'Tipo de mensaje', 'Grupo'];

/** A per-message log row: `at` is dd/MM/yyyy HH:mm in the spreadsheet's zone. */
const msg = (id: string, at: string, phone: string, kind: string): string[] => [
  id,
  `${at}:00`,
  phone,
  kind,
  'Soporte',
];
const logFile = (rows: string[][], name: string) => parsedCsv([MESSAGE_HEADER, ...rows], name);

/** The month's reconciliation as Sheets shows it: the share row, the header and a row per day (W:Z). */
function reconciliation(rt: AppsScriptRuntime, month: string): string[][] {
  const sheet = `Billing ${month}`;
  const labels = rt.spreadsheet
    .sheet(sheet)
    .values('W1:W600')
    .map((r) => r[0]);
  const header = labels.findIndex((v) => v === 'Day' || v === 'Día') + 1;
  // The daily-by-origin table has a 'Day' header too: the reconciliation's is the last.
  const last = labels.lastIndexOf(labels[header - 1]) + 1;
  return rt.spreadsheet.getDisplayValues(`'${sheet}'!W${last - 1}:Z${last + 31}`);
}

const metaFormulas = (rt: AppsScriptRuntime, month: string) =>
  rt.spreadsheet
    .getFormulas(`'Billing ${month}'!W1:Z600`)
    .flat()
    .filter((f) => f.includes('Meta data'));

/** Switches the runtime's history to a fresh dataset of the fake BigQuery. */
async function toBigQuery(rt: AppsScriptRuntime): Promise<string> {
  const dataset = `reconcile_${++datasets}`;
  await switchHistoryTo(rt, fake(), PROJECT, dataset);
  return dataset;
}

describe('the carried state across a month end', () => {
  const [A, B, C, D] = ['+57 310 0000001', '+57 310 0000002', '+57 320 0000003', '+57 320 0000004'];
  /** The earlier months: May 2025 (24-hour conversations) and October 2026 (the per-line allowance). */
  const EARLIER = [
    msg('D-0', '30/05/2025 12:00', D, 'Mercadeo'),
    msg('C-1', '31/10/2026 10:00', C, 'Mercadeo'),
    msg('A-1', '31/10/2026 23:00', A, 'Usuario'),
    msg('A-1', '31/10/2026 23:10', A, 'Servicio'),
  ];
  /** What the earlier months' file gains when imported again: a conversation opened on the 31st at 23:00, an ad. */
  const CARRIED = [
    msg('D-1', '31/05/2025 23:00', D, 'Mercadeo'),
    msg('B-1', '30/10/2026 20:00', B, 'Anuncio'),
    msg('B-1', '30/10/2026 20:05', B, 'Mercadeo'), // opens a free entry point (72 h)
  ];
  const LATER = [
    msg('D-1', '01/06/2025 08:00', D, 'Mercadeo'), // in the conversation opened on the 31st
    msg('D-2', '02/06/2025 08:00', D, 'Mercadeo'),
    msg('A-1', '01/11/2026 08:00', A, 'Utilidad'),
    msg('A-1', '01/11/2026 09:00', A, 'Servicio'), // the line's allowance
    msg('B-1', '01/11/2026 10:00', B, 'Mercadeo'), // in the free entry point
    msg('C-2', '01/11/2026 11:00', C, 'Mercadeo'),
    msg('A-1', '01/11/2026 22:59', A, 'Utilidad'),
    msg('A-1', '02/11/2026 00:00', A, 'Utilidad'),
    msg('B-1', '02/11/2026 19:00', B, 'Utilidad'), // in the free entry point (until 20:05)
    msg('B-1', '02/11/2026 21:00', B, 'Mercadeo'),
  ];
  const MONTHS = ['2025-05', '2025-06', '2026-10', '2026-11'];

  /** The same imports in Sheets mode and in BigQuery mode: the months' day and Atom units after each. */
  function steps(rt: AppsScriptRuntime): string[][][][] {
    const states: string[][][][] = [];
    // Day and Atom units (Sheets mode has no "Meta data" here: its Meta column is #REF!).
    const months = () => MONTHS.map((month) => reconciliation(rt, month).map((r) => r.slice(0, 2)));
    importParsed(rt, logFile(EARLIER, 'earlier.csv'), 'earlier.csv');
    importParsed(rt, logFile(LATER, 'later.csv'), 'later.csv');
    states.push(months());
    // The earlier months again, now with what their ends carry: the later months' first days change.
    importParsed(rt, logFile([...EARLIER, ...CARRIED], 'earlier.csv'), 'earlier.csv');
    states.push(months());
    return states;
  }

  it("gives each month's daily units of BILLED_BREAKDOWN over the whole log, and follows a re-import of the earlier months", async () => {
    const sheets = metaRuntime().rt;
    const expected = steps(sheets);

    const { rt } = metaRuntime();
    const dataset = await toBigQuery(rt);
    const got = steps(rt);
    expect(got).toEqual(expected);
    const firstDays = (state: string[][][]) => [state[1][2], state[3][2], state[3][3]];
    // Before the re-import nothing is carried: June 1st's and November's messages are charged.
    expect(firstDays(got[0])).toEqual([
      ['2025-06-01', '1'],
      ['2026-11-01', '4'],
      ['2026-11-02', '3'],
    ]);
    // After it, the conversation of May 31st and the free entry point of October 30th cover them.
    expect(firstDays(got[1])).toEqual([
      ['2025-06-01', '0'],
      ['2026-11-01', '3'],
      ['2026-11-02', '2'],
    ]);

    // The daily query of November reads November's partition and the carry rows, not October's partition.
    const session = fakeSession(fake(), { project: PROJECT, dataset, token: OFFLINE_OAUTH_TOKEN });
    let runs = 0;
    const bytes = (sql: { query: string; queryParameters: Parameters<typeof query>[2] }) =>
      query(session, sql.query, sql.queryParameters, {
        deadlineAt: session.clock.now() + 60_000,
        runId: `bytes${++runs}`,
      }).bytesProcessed;
    const scope: BillingScope = {
      dataset: { projectId: PROJECT, datasetId: dataset },
      timeZone: 'America/Bogota',
      firstDay: 20261101,
      lastDay: 20261130,
      readFrom: 20261101,
    };
    const carryRows = bytes({
      query: `SELECT month, sent_at, line, contact, kind FROM \`${PROJECT}.${dataset}.billing_carry\` WHERE month = @m`,
      queryParameters: [
        { name: 'm', parameterType: { type: 'DATE' }, parameterValue: { value: '2026-11-01' } },
      ],
    });
    expect(carryRows).toBeGreaterThan(0);
    expect(bytes(billedDailySql({ ...scope, carried: true }))).toBe(bytes(billedDailySql(scope)) + carryRows);
    expect(bytes(billedDailySql({ ...scope, readFrom: 20261001 }))).toBeGreaterThan(
      bytes(billedDailySql(scope)) + carryRows,
    );
  });

  it('a later month imported before the switch keeps its formulas when an earlier month is imported in BigQuery', async () => {
    const rt = metaRuntime().rt;
    importParsed(rt, logFile(LATER, 'later.csv'), 'later.csv');
    const november = () => rt.spreadsheet.getFormulas("'Billing 2026-11'!X1:X600").flat().filter(Boolean);
    const formulas = november();
    expect(formulas.length).toBeGreaterThan(30);
    await toBigQuery(rt);
    // October's carry into November changes, but November's messages are in "Atom conversations", not BigQuery.
    importParsed(rt, logFile([...EARLIER, ...CARRIED], 'earlier.csv'), 'earlier.csv');
    expect(november()).toEqual(formulas);
  });

  /** A history table's rows, ordered, through a test session. */
  function rows(dataset: string, table: string, columns: string): unknown[] {
    const session = fakeSession(fake(), { project: PROJECT, dataset, token: OFFLINE_OAUTH_TOKEN });
    const sql = `SELECT ${columns} FROM \`${PROJECT}.${dataset}.${table}\` ORDER BY ${columns}`;
    return query(session, sql, [], { deadlineAt: session.clock.now() + 60_000, runId: `rows${++datasets}` })
      .rows;
  }
  const carries = (dataset: string) => rows(dataset, 'billing_carry', 'month, sent_at, line, contact, kind');
  const stored = (dataset: string) => rows(dataset, 'atom_messages', 'month, sent_at, contact, kind');
  const blocks = (rt: AppsScriptRuntime) =>
    MONTHS.map((month) => rt.spreadsheet.getValues(`'Billing ${month}'!W1:Z600`));
  it('a failure after the transaction: the rows stored, the message says so, and the next import finishes carries and blocks', async () => {
    // A twin run that succeeds: the carries and blocks the re-import leaves.
    const twin = metaRuntime().rt;
    const twinDataset = await toBigQuery(twin);
    importParsed(twin, logFile(EARLIER, 'earlier.csv'), 'earlier.csv');
    importParsed(twin, logFile(LATER, 'later.csv'), 'later.csv');
    const carriedBefore = carries(twinDataset);
    importParsed(twin, logFile([...EARLIER, ...CARRIED], 'earlier.csv'), 'earlier.csv');
    expect(carries(twinDataset)).not.toEqual(carriedBefore);

    const rt = metaRuntime().rt;
    const dataset = await toBigQuery(rt);
    importParsed(rt, logFile(EARLIER, 'earlier.csv'), 'earlier.csv');
    importParsed(rt, logFile(LATER, 'later.csv'), 'later.csv');
    const sheets = blocks(rt);
    // The daily query (run after the transaction and the carries) fails.
    await fake().setFault({
      kind: 'statementError',
      statementIncludes: 'SUM(free_units) AS free_units FROM breakdown GROUP BY day',
    });
    const e = thrown(() => importParsed(rt, logFile([...EARLIER, ...CARRIED], 'earlier.csv'), 'earlier.csv'));
    await fake().clearFaults();
    expect(e.message).toMatch(
      /^The file's rows are stored in BigQuery, but its month sheets were not written \(BigQuery: .+\); import the file again to finish them$/,
    );
    expect(stored(dataset)).toEqual(stored(twinDataset));
    expect(blocks(rt)).toEqual(sheets);
    importParsed(rt, logFile([...EARLIER, ...CARRIED], 'earlier.csv'), 'earlier.csv');
    expect(stored(dataset)).toEqual(stored(twinDataset));
    expect(carries(dataset)).toEqual(carries(twinDataset));
    expect(blocks(rt)).toEqual(blocks(twin));
  });
});

describe("the Meta column: Meta's billed units as values", () => {
  const OPTIONS: DatasetOptions = { seed: 42, lineTraffic: [1, 0.05, 0.02] };
  const ds = createDataset(OPTIONS);
  /** 2026-11-20: October 2026 is closed. */
  const NOW = Date.UTC(2026, 10, 20, 15);
  let graph: FakeGraphServer;
  beforeAll(async () => {
    graph = await startFakeGraphServerProcess({ token: TOKEN, ...OPTIONS });
  });
  afterAll(async () => {
    await graph?.close();
  });

  const LOG = logFile(
    [3, 4, 5, 6, 7].flatMap((day) => {
      const dd = String(day).padStart(2, '0');
      return Array.from({ length: day }, (_, i) =>
        msg(`M-${dd}-${i}`, `${dd}/10/2026 1${i % 10}:00`, `+57 320 ${dd}0000${i}`, 'Mercadeo'),
      );
    }),
    'octubre.csv',
  );

  function connected(): AppsScriptRuntime {
    const m = metaRuntime();
    m.clock.set(NOW);
    connect(m.rt, graph, TOKEN, ds.waba.id);
    return m.rt;
  }

  it('equals the SUMIFS of Sheets mode whether the month close comes after or before the Atom import', async () => {
    const sheets = connected();
    importParsed(sheets, LOG, 'octubre.csv');
    runImport(sheets, { month: '2026-10' });
    const expected = reconciliation(sheets, '2026-10');
    const meta = expected.slice(2).reduce((sum, r) => sum + Number(r[2].replace(/,/g, '')), 0);
    expect(meta).toBeGreaterThan(0);

    const atomFirst = connected();
    await toBigQuery(atomFirst);
    importParsed(atomFirst, LOG, 'octubre.csv');
    // No Meta rows yet: the column holds zeros, not a reference to a sheet that does not exist.
    expect(
      reconciliation(atomFirst, '2026-10')
        .slice(2)
        .map((r) => r[2]),
    ).toEqual(Array(31).fill('0'));
    runImport(atomFirst, { month: '2026-10' });
    expect(reconciliation(atomFirst, '2026-10')).toEqual(expected);
    expect(metaFormulas(atomFirst, '2026-10')).toEqual([]);

    const closeFirst = connected();
    await toBigQuery(closeFirst);
    runImport(closeFirst, { month: '2026-10' });
    importParsed(closeFirst, LOG, 'octubre.csv');
    expect(reconciliation(closeFirst, '2026-10')).toEqual(expected);
    expect(metaFormulas(closeFirst, '2026-10')).toEqual([]);
  });

  it('a month closed in Sheets before the switch: its "Meta data" rows until BigQuery holds the month', async () => {
    const sheets = connected();
    importParsed(sheets, LOG, 'octubre.csv');
    runImport(sheets, { month: '2026-10' });
    const expected = reconciliation(sheets, '2026-10');

    const switched = connected();
    runImport(switched, { month: '2026-10' });
    await toBigQuery(switched);
    importParsed(switched, LOG, 'octubre.csv');
    // meta_rows is empty for the month: the SUMIFS reads the rows kept in "Meta data".
    expect(reconciliation(switched, '2026-10')).toEqual(expected);
    expect(metaFormulas(switched, '2026-10')).toHaveLength(31);
    // The month's first close in BigQuery loads those rows: values from then on.
    runImport(switched, { month: '2026-10' });
    expect(reconciliation(switched, '2026-10')).toEqual(expected);
    expect(metaFormulas(switched, '2026-10')).toEqual([]);
  });
});
