import { literalRow, literalText } from '../../src/core/sheet-output/literal-text';

describe('literalText', () => {
  it.each([
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    '-1+1',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    '00123',
    'TRUE',
  ])('prefixes %j with an apostrophe so Sheets keeps it as text', (text) => {
    expect(literalText(text)).toBe(`'${text}`);
  });

  it('keeps a leading apostrophe of the original text (Sheets strips only the first)', () => {
    expect(literalText("'quoted")).toBe("''quoted");
  });

  it('leaves an empty cell empty', () => {
    expect(literalText('')).toBe('');
  });

  it('converts only the strings of a row', () => {
    const day = new Date(Date.UTC(2025, 9, 1));
    expect(literalRow(['=1', 2, true, day, ''])).toEqual(["'=1", 2, true, day, '']);
  });
});
