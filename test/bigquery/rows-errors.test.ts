/** Result rows by schema (src/bigquery/rows.ts) and Google's error bodies → typed errors (src/bigquery/errors.ts). */
import {
  BigQueryAccessError,
  BigQueryAuthError,
  BigQueryDatasetNotFoundError,
  BigQueryRequestError,
  BigQueryScopeError,
  bigQueryErrorFor,
  googleErrorOf,
} from '../../src/bigquery/errors';
import { convertRows } from '../../src/bigquery/rows';

const row = (...values: (string | null)[]) => ({ f: values.map((v) => ({ v })) });

describe('convertRows', () => {
  const fields = [
    { name: 'n', type: 'INTEGER' },
    { name: 'amount', type: 'NUMERIC' },
    { name: 'day', type: 'DATE' },
    { name: 'at', type: 'TIMESTAMP' },
    { name: 'ok', type: 'BOOLEAN' },
    { name: 'x', type: 'FLOAT' },
    { name: 's', type: 'STRING' },
  ];

  it('INT64 → number, NUMERIC → exact text, DATE as is, TIMESTAMP → epoch ms, BOOL, FLOAT, NULL', () => {
    expect(
      convertRows(
        fields,
        [
          row(
            '9007199254740991',
            '12345678901234567890.123456789',
            '2026-10-01',
            '1759276800.123',
            'true',
            '0.1',
            'a',
          ),
          row(null, null, null, '1.7592768E9', 'false', 'NaN', ''),
        ],
        0,
      ),
    ).toEqual([
      {
        n: 9007199254740991,
        amount: '12345678901234567890.123456789',
        day: '2026-10-01',
        at: Date.UTC(2025, 9, 1) + 123,
        ok: true,
        x: 0.1,
        s: 'a',
      },
      { n: null, amount: null, day: null, at: Date.UTC(2025, 9, 1), ok: false, x: NaN, s: '' },
    ]);
  });

  it('an INT64 beyond exact JavaScript integers is an error naming column and row, never a rounded count', () => {
    expect(() => convertRows(fields.slice(0, 1), [row('1'), row('9007199254740993')], 10)).toThrow(
      'BigQuery answered an INT64 too large to read exactly in column n, row 12: "9007199254740993"',
    );
  });

  it('repeated or record columns, and rows short of columns, are refused', () => {
    expect(() => convertRows([{ name: 'r', type: 'RECORD' }], [], 0)).toThrow('column r as RECORD');
    expect(() => convertRows(fields, [row('1')], 0)).toThrow('row 1 with 1 of 7 columns');
  });
});

describe('Google error bodies', () => {
  const ctx = {
    project: 'atom-billing-test',
    dataset: 'history',
    token: 'ya29.secret',
    maximumBytesBilled: 1000,
    what: 'the query',
  };
  const google = (code: number, status: string, reason: string, message: string, extra = {}) => ({
    error: { code, message, errors: [{ message, domain: 'global', reason }], status, ...extra },
  });

  it('ACCESS_TOKEN_SCOPE_INSUFFICIENT in details (the newer 403 shape) → scope not granted', () => {
    const body = {
      error: {
        code: 403,
        message: 'Request had insufficient authentication scopes.',
        status: 'PERMISSION_DENIED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
            domain: 'googleapis.com',
          },
        ],
      },
    };
    expect(bigQueryErrorFor(googleErrorOf(403, body), ctx)).toBeInstanceOf(BigQueryScopeError);
  });

  it('401 with no JSON body → token expired; accessDenied → roles; notFound dataset vs table', () => {
    expect(bigQueryErrorFor(googleErrorOf(401, null), ctx)).toBeInstanceOf(BigQueryAuthError);
    const denied = bigQueryErrorFor(
      googleErrorOf(
        403,
        google(403, 'PERMISSION_DENIED', 'accessDenied', 'Access Denied: token ya29.secret'),
      ),
      ctx,
    );
    expect(denied).toBeInstanceOf(BigQueryAccessError);
    expect(denied.message).not.toContain('ya29.secret');
    expect(
      bigQueryErrorFor(
        googleErrorOf(
          404,
          google(404, 'NOT_FOUND', 'notFound', 'Not found: Dataset atom-billing-test:history'),
        ),
        ctx,
      ),
    ).toBeInstanceOf(BigQueryDatasetNotFoundError);
    const table = bigQueryErrorFor(
      googleErrorOf(
        404,
        google(
          404,
          'NOT_FOUND',
          'notFound',
          'Not found: Table atom-billing-test:history.meta_rows was not found',
        ),
      ),
      ctx,
    );
    expect(table).toBeInstanceOf(BigQueryRequestError);
    expect(table.message).toBe(
      'BigQuery refused the query: Not found: Table atom-billing-test:history.meta_rows was not found',
    );
  });
});
