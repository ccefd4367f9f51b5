import { redact, tokenHint } from '../../src/meta/token';

describe('tokenHint: what the sidebar may show of the token', () => {
  test('a real-length token shows "…" and its last four characters', () => {
    const token = `EAAG${'x'.repeat(180)}Q9wY`;
    expect(tokenHint(token)).toBe('…Q9wY');
  });

  test.each(['a', 'abcd', 'abcdefgh', 'abcdefghijklmno'])(
    'a token too short to hide the rest (%s) shows no characters at all',
    (token) => {
      expect(tokenHint(token)).toBe('…');
    },
  );

  test('at 16 characters, three quarters stay hidden and the last four are shown', () => {
    expect(tokenHint('abcdefghijkl1234')).toBe('…1234');
  });
});

describe('redact', () => {
  test('removes the token and any access_token parameter', () => {
    expect(redact('x tok-1 y https://h/p?a=1&access_token=other&b=2', 'tok-1')).toBe(
      'x … y https://h/p?a=1&access_token=…&b=2',
    );
  });

  test('an empty token leaves text alone (apart from access_token parameters)', () => {
    expect(redact('plain text', '')).toBe('plain text');
  });
});
