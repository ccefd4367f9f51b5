/**
 * The fake BigQuery's engine: each listed GoogleSQL → DuckDB translation (translate.ts) gives GoogleSQL's answer;
 * what is not listed, or does not parse in node-sql-parser's BigQuery dialect, is refused; scripts and
 * transactions.
 */
import {
  checkScript,
  SqlEngine,
  SqlRuntimeError,
  SqlSyntaxError,
  type QueryParameter,
} from '../../dev/fake-bigquery/engine';
import {
  QueryParameterError,
  translateStatement,
  UnsupportedSqlError,
} from '../../dev/fake-bigquery/translate';

let engine: SqlEngine;

beforeAll(async () => {
  engine = await SqlEngine.open();
  await engine.createDataset('proj', 'billing');
  await engine.createTable('proj', 'billing', 'messages', [
    { name: 'month', type: 'DATE' },
    { name: 'sent_at', type: 'TIMESTAMP' },
    { name: 'line', type: 'STRING' },
    { name: 'kind', type: 'STRING' },
  ]);
  await engine.loadNdjson(
    'proj',
    'billing',
    'messages',
    [
      { name: 'month', type: 'DATE' },
      { name: 'sent_at', type: 'TIMESTAMP' },
      { name: 'line', type: 'STRING' },
      { name: 'kind', type: 'STRING' },
    ],
    [
      { month: '2025-01-01', sent_at: '2025-01-01T02:30:00.123Z', line: '57300', kind: 'user' },
      { month: '2025-01-01', sent_at: '2025-01-31T12:00:00Z', line: '57300', kind: 'service' },
      { month: '2025-02-01', sent_at: '2025-02-01T04:59:59Z', line: '57301', kind: null },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
});

afterAll(() => engine.close());

async function query(sql: string, params: QueryParameter[] = []): Promise<(string | null)[][]> {
  return (await engine.run(checkScript(sql), params)).rows;
}

describe('each listed translation', () => {
  test("`project.dataset.table` names the dataset's DuckDB schema", async () => {
    expect(translateStatement('SELECT line FROM `proj.billing.messages`', new Map())).toBe(
      'SELECT line FROM "proj.billing"."messages"',
    );
    expect(await query('SELECT COUNT(*) AS n FROM `proj.billing.messages`')).toEqual([['3']]);
  });

  test('@name parameters are typed as the request types them', async () => {
    const params: QueryParameter[] = [
      { name: 'from', type: 'TIMESTAMP', value: '2025-01-31 12:00:00+00' },
      { name: 'line', type: 'STRING', value: '57300' },
    ];
    expect(
      await query(
        'SELECT COUNT(*) FROM `proj.billing.messages` WHERE sent_at >= @from AND line = @line',
        params,
      ),
    ).toEqual([['1']]);
  });

  test('DATE(timestamp, zone) is the local day in that zone', async () => {
    const sql = "SELECT DATE(sent_at, 'America/Bogota') AS day FROM `proj.billing.messages` ORDER BY sent_at";
    expect(await query(sql)).toEqual([['2024-12-31'], ['2025-01-31'], ['2025-01-31']]);
  });

  test('UNIX_MILLIS is whole milliseconds since the epoch', async () => {
    const sql = 'SELECT UNIX_MILLIS(sent_at) FROM `proj.billing.messages` ORDER BY sent_at LIMIT 1';
    expect(await query(sql)).toEqual([[String(Date.UTC(2025, 0, 1, 2, 30, 0, 123))]]);
  });

  test('DATE_TRUNC(date, MONTH) is the first day of the month, a DATE', async () => {
    const sql = "SELECT DATE_TRUNC(DATE(sent_at, 'UTC'), MONTH) AS m FROM `proj.billing.messages` ORDER BY 1";
    const result = await engine.run(checkScript(sql));
    expect(result.rows).toEqual([['2025-01-01'], ['2025-01-01'], ['2025-02-01']]);
    expect(result.fields).toEqual([{ name: 'm', type: 'DATE', mode: 'NULLABLE' }]);
  });

  test('COUNTIF counts TRUE only (not FALSE, not NULL)', async () => {
    expect(await query("SELECT COUNTIF(kind = 'user') FROM `proj.billing.messages`")).toEqual([['1']]);
  });

  test('CAST to GoogleSQL type names and TIMESTAMP literals', async () => {
    expect(
      await query("SELECT CAST('12' AS INT64), CAST(1 AS STRING), TIMESTAMP '2025-01-01 00:00:01+00' AS t"),
    ).toEqual([['12', '1', '1735689601']]);
  });

  test('NULLs sort first ascending and last descending, as in GoogleSQL', async () => {
    expect(await query('SELECT kind FROM `proj.billing.messages` ORDER BY kind')).toEqual([
      [null],
      ['service'],
      ['user'],
    ]);
    expect((await query('SELECT kind FROM `proj.billing.messages` ORDER BY kind DESC'))[2]).toEqual([null]);
  });
});

describe('anything outside the list is refused, never run differently', () => {
  test.each([
    ['a function not listed', "SELECT CONCAT(line, 'x') FROM `proj.billing.messages`", UnsupportedSqlError],
    ['division (DuckDB answers NULL where GoogleSQL raises)', 'SELECT 1 / 0', UnsupportedSqlError],
    ['a double-quoted string', 'SELECT "x"', UnsupportedSqlError],
    ['DATE with one argument', "SELECT DATE('2025-01-01')", UnsupportedSqlError],
    [
      'DATE(timestamp, zone) over a DATE',
      "SELECT DATE(month, 'UTC') FROM `proj.billing.messages`",
      SqlRuntimeError,
    ],
    [
      'DATE_TRUNC to a week',
      'SELECT DATE_TRUNC(month, WEEK) FROM `proj.billing.messages`',
      UnsupportedSqlError,
    ],
    [
      'DATE_TRUNC of a TIMESTAMP',
      'SELECT DATE_TRUNC(sent_at, MONTH) FROM `proj.billing.messages`',
      SqlRuntimeError,
    ],
    ['a two-part name', 'SELECT 1 FROM `billing.messages`', UnsupportedSqlError],
    ['a CAST to an unlisted type', 'SELECT CAST(1 AS DATETIME)', UnsupportedSqlError],
    ['an unlisted statement', 'CREATE TABLE `proj.billing.x` (a INT64)', UnsupportedSqlError],
    ['what node-sql-parser cannot parse (QUALIFY)', 'SELECT 1 AS a FROM t QUALIFY a = 1', SqlSyntaxError],
    ['an undefined parameter', 'SELECT @nope', QueryParameterError],
  ])('%s', async (_label, sql, error) => {
    await expect(query(sql)).rejects.toBeInstanceOf(error);
  });
});

describe('scripts and transactions', () => {
  test('a committed transaction keeps its writes; the last statement answers', async () => {
    const result = await engine.run(
      checkScript(
        "BEGIN TRANSACTION; DELETE FROM `proj.billing.messages` WHERE line = '57301'; " +
          "INSERT INTO `proj.billing.messages` (month, line, kind) VALUES (DATE '2025-02-01', '57301', 'user'); " +
          'COMMIT TRANSACTION; SELECT COUNT(*) FROM `proj.billing.messages`',
      ),
    );
    expect(result.rows).toEqual([['3']]);
  });

  test('a failing statement rolls the whole transaction back', async () => {
    await expect(
      query(
        'BEGIN TRANSACTION; DELETE FROM `proj.billing.messages` WHERE TRUE; ' +
          'INSERT INTO `proj.billing.messages` (nope) VALUES (1); COMMIT TRANSACTION',
      ),
    ).rejects.toBeInstanceOf(SqlRuntimeError);
    expect(await query('SELECT COUNT(*) FROM `proj.billing.messages`')).toEqual([['3']]);
  });

  test('a transaction left open is rolled back with an error', async () => {
    await expect(query('BEGIN; DELETE FROM `proj.billing.messages` WHERE TRUE')).rejects.toThrow(
      /not committed/,
    );
    expect(await query('SELECT COUNT(*) FROM `proj.billing.messages`')).toEqual([['3']]);
  });

  test('a script with one refused statement runs none of them', async () => {
    expect(() => checkScript('DELETE FROM `proj.billing.messages` WHERE TRUE; SELECT CONCAT(1, 2)')).toThrow(
      UnsupportedSqlError,
    );
    expect(await query('SELECT COUNT(*) FROM `proj.billing.messages`')).toEqual([['3']]);
  });
});

describe('NUMERIC (exact money)', () => {
  test('loads, adds up and comes back as the exact decimal BigQuery writes', async () => {
    const fields = [
      { name: 'month', type: 'DATE' },
      { name: 'cost', type: 'NUMERIC' },
    ];
    await engine.createTable('proj', 'billing', 'costs', fields);
    await engine.loadNdjson(
      'proj',
      'billing',
      'costs',
      fields,
      ['0.1', '0.2', 0.0625, '1250.5']
        .map((cost) => JSON.stringify({ month: '2025-10-01', cost }))
        .join('\n'),
    );
    // 0.1 + 0.2 is 0.30000000000000004 in floats; NUMERIC keeps it exact.
    expect(await query('SELECT SUM(cost) AS total FROM `proj.billing.costs` WHERE cost < 1')).toEqual([
      ['0.3625'],
    ]);
    expect(await query('SELECT MAX(cost) AS top FROM `proj.billing.costs`')).toEqual([['1250.5']]);
  });
});
