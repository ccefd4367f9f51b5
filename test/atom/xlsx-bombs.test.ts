/** XLSX bombs (issue 15, point 6): refused with a clear AtomFileError, while inflating, before memory runs out. */
import { parseAtomExport } from '../../src/atom';
import { AtomFileError } from '../../src/atom/errors';
import { sizeBomb, xlsxWithSheet } from './bombs';

const refusal = (bytes: Uint8Array, name: string): AtomFileError => {
  try {
    parseAtomExport(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(AtomFileError);
    return e as AtomFileError;
  }
  throw new Error('expected the parse to fail');
};

it('a cell reference far beyond Excel’s 16,384 columns is refused, not padded', () => {
  const bytes = xlsxWithSheet('<row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>');
  expect(bytes.length).toBeLessThan(2000);
  expect(refusal(bytes, 'zz.xlsx').message).toBe(
    "zz.xlsx: cell ZZZZZZ2 is outside Excel's 16,384 columns (row 2)",
  );
});

it('a row beyond Excel’s 1,048,576 rows is refused', () => {
  const bytes = xlsxWithSheet('<row r="99999999"><c><v>1</v></c></row>');
  expect(refusal(bytes, 'rows.xlsx').message).toBe(
    "rows.xlsx: row 99999999 is outside Excel's 1,048,576 rows",
  );
});

it('an XLSX expanding past the uncompressed limit is refused while inflating', () => {
  const bytes = sizeBomb(300);
  expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
  expect(refusal(bytes, 'bomba.xlsx').message).toMatch(
    /^bomba\.xlsx: the XLSX file expands to more than 256 MB of data/,
  );
});
