/**
 * A load's rows cut into bodies UrlFetchApp can POST (src/bigquery/client.ts ndjsonParts): whole lines, each body
 * at most the limit in UTF-8 bytes (a line's newline counted), in order; a line alone over the limit is refused.
 */
import { MAX_LOAD_BYTES, ndjsonParts } from '../../src/bigquery/client';
import { BigQueryError } from '../../src/bigquery/errors';

describe('ndjsonParts', () => {
  it('keeps every line once, in order, each part within the limit in UTF-8 bytes', () => {
    // 'ñ' is 2 bytes, '€' 3, '😀' 4 (a surrogate pair): each line is 10 bytes with its newline.
    const lines = ['ñññña', '€€€', 'a😀bcde', 'abcdefghi'];
    expect(lines.map((l) => Buffer.byteLength(l) + 1)).toEqual([10, 10, 10, 10]);
    expect(ndjsonParts(lines, 20)).toEqual([`${lines[0]}\n${lines[1]}`, `${lines[2]}\n${lines[3]}`]);
    expect(ndjsonParts(lines, 29)).toEqual([lines.slice(0, 2).join('\n'), lines.slice(2).join('\n')]);
    expect(ndjsonParts(lines, 40)).toEqual([lines.join('\n')]);
    expect(ndjsonParts([], 40)).toEqual([]);
  });

  it('refuses a line longer than a load', () => {
    expect(() => ndjsonParts(['abcdefghij'], 10)).toThrow(BigQueryError);
    expect(() => ndjsonParts(['abcdefghij'], 10)).toThrow("one row is 11 bytes, over a load's 10");
  });

  it('stays under UrlFetchApp’s 50 MB POST', () => {
    expect(MAX_LOAD_BYTES).toBeLessThanOrEqual(50_000_000);
  });
});
