import {
  MetaError,
  MetaParameterError,
  MetaPermissionError,
  MetaResponseError,
  MetaTokenError,
} from '../../src/meta/errors';
import { interpretResponse, regainMinutesFrom } from '../../src/meta/graph-errors';
import { thrown } from './helpers';

const WABA = '555000111';
const TOKEN = 'tok-abc-123';
const graphError = (status: number, error: Record<string, unknown>, headers: Record<string, string> = {}) =>
  interpretResponse({ status, headers, body: JSON.stringify({ error }) }, WABA, TOKEN);

describe('classification by error.code', () => {
  test.each([4, 17, 32, 613, 80007, 80008, 130429])('%i is throttling → retry', (code) => {
    expect(graphError(400, { code, message: 'whatever text' })).toEqual({
      ok: false,
      retry: { reason: 'throttled', graphCode: code, regainMinutes: 0 },
    });
  });

  test.each([
    [1, 400, false],
    [2, 503, false],
    [9999, 400, true],
    [131000, 500, false],
  ])('code %i (HTTP %i, is_transient %p) is a transient outage → retry', (code, status, isTransient) => {
    expect(graphError(status, { code, is_transient: isTransient })).toMatchObject({
      ok: false,
      retry: { reason: 'unavailable', graphCode: code },
    });
  });

  test('HTTP 5xx without a Graph error body → retry', () => {
    expect(
      interpretResponse({ status: 502, headers: {}, body: '<html>Bad gateway</html>' }, WABA, TOKEN),
    ).toEqual({
      ok: false,
      retry: { reason: 'unavailable', graphCode: null, regainMinutes: 0 },
    });
  });

  test('HTTP 429 without a body → throttling retry', () => {
    expect(interpretResponse({ status: 429, headers: {}, body: '' }, WABA, TOKEN)).toMatchObject({
      ok: false,
      retry: { reason: 'throttled' },
    });
  });

  test.each([190, 102])('%i → token error, whatever the message says', (code) => {
    expect(thrown(() => graphError(401, { code, message: 'Rate limited, please retry' }))).toBeInstanceOf(
      MetaTokenError,
    );
  });

  test.each([10, 200, 250, 299])('%i → permission error', (code) => {
    const e = thrown(() => graphError(403, { code, message: 'x' }));
    expect(e).toBeInstanceOf(MetaPermissionError);
    expect(e.message).toContain(`WhatsApp Business Account ${WABA}`);
  });

  test('classification ignores a misleading message: a token-sounding 4 is still throttling', () => {
    expect(graphError(400, { code: 4, message: 'Invalid OAuth access token' })).toMatchObject({ ok: false });
  });

  test.each([
    ['(#100) Param start must be a valid unix timestamp', 'start'],
    ['(#100) The parameter granularity is required', 'granularity'],
    [
      '(#100) Tried accessing nonexisting field (pricing_analytic) on node type (WhatsAppBusinessAccount)',
      'pricing_analytic',
    ],
    ['(#100) Invalid parameter', null],
  ])('100 %s → parameter %p', (message, parameter) => {
    const e = thrown(() => graphError(400, { code: 100, message })) as MetaParameterError;
    expect(e).toBeInstanceOf(MetaParameterError);
    expect(e.parameter).toBe(parameter);
    expect(e.message).not.toContain('(#100)');
  });

  test('another code is reported with Meta’s text, without retry', () => {
    const e = thrown(() => graphError(400, { code: 131042, message: 'Business eligibility payment issue' }));
    expect(e).toBeInstanceOf(MetaError);
    expect(e.message).toBe('Meta returned error 131042: Business eligibility payment issue');
  });

  test('a 4xx without a readable error is a response error', () => {
    expect(
      thrown(() => interpretResponse({ status: 404, headers: {}, body: 'nope' }, WABA, TOKEN)),
    ).toBeInstanceOf(MetaResponseError);
  });

  test('an error object inside an HTTP 200 is still an error', () => {
    expect(thrown(() => graphError(200, { code: 190 }))).toBeInstanceOf(MetaTokenError);
  });

  test('an empty 200 body is a clear error', () => {
    expect(
      thrown(() => interpretResponse({ status: 200, headers: {}, body: ' ' }, WABA, TOKEN)).message,
    ).toBe('Meta returned an empty response — try again');
  });
});

describe('X-Business-Use-Case-Usage', () => {
  test('the largest estimated_time_to_regain_access over every object and entry, any header case', () => {
    const header = JSON.stringify({
      '111': [{ type: 'whatsapp_business_management', call_count: 100, estimated_time_to_regain_access: 2 }],
      '222': [
        { type: 'whatsapp_business_management', call_count: 95, estimated_time_to_regain_access: 0 },
        { type: 'whatsapp_business_management', call_count: 100, estimated_time_to_regain_access: 7 },
      ],
    });
    expect(regainMinutesFrom({ 'X-Business-Use-Case-Usage': header })).toBe(7);
    expect(regainMinutesFrom({ 'x-business-use-case-usage': header })).toBe(7);
  });

  test('absent or unreadable → 0', () => {
    expect(regainMinutesFrom({})).toBe(0);
    expect(regainMinutesFrom({ 'x-business-use-case-usage': '{not json' })).toBe(0);
    expect(regainMinutesFrom({ 'x-business-use-case-usage': '{"1":"x"}' })).toBe(0);
  });

  test('a throttling answer carries the header’s wait into the verdict', () => {
    const header = JSON.stringify({ [WABA]: [{ estimated_time_to_regain_access: 12 }] });
    expect(graphError(400, { code: 80008 }, { 'X-Business-Use-Case-Usage': header })).toEqual({
      ok: false,
      retry: { reason: 'throttled', graphCode: 80008, regainMinutes: 12 },
    });
  });
});

describe('a token echoed in a long error message', () => {
  const longToken = 'EAAG' + 'x7Qz9'.repeat(60); // 304 characters, longer than the 300-character cut
  const substrings = (s: string) => Array.from({ length: s.length - 11 }, (_, i) => s.slice(i, i + 12));

  test('is redacted before the message is cut, so no 12-character piece of it survives', () => {
    const err = thrown(() =>
      interpretResponse(
        {
          status: 400,
          headers: {},
          body: JSON.stringify({
            error: { code: 9000, message: `Invalid token ${longToken} for this call` },
          }),
        },
        WABA,
        longToken,
      ),
    );
    expect(err).toBeInstanceOf(MetaError);
    const message = (err as Error).message;
    expect(message).toContain('Invalid token …');
    for (const piece of substrings(longToken)) expect(message).not.toContain(piece);
  });
});
