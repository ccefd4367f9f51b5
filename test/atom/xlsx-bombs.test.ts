/** XLSX bombs (issue 15, point 6): refused with a clear AtomFileError, while inflating, before memory runs out. */
import { Zip, ZipDeflate, strToU8, zipSync } from 'fflate';
import { parseAtomExport } from '../../src/atom';
import { AtomFileError } from '../../src/atom/errors';

const WORKBOOK =
  '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" ' +
  'Target="worksheets/sheet1.xml"/></Relationships>';
const SHEET_HEAD =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Grupo</t></is></c><c r="B1" t="inlineStr"><is><t>Conversaciones</t></is></c></row>';
const SHEET_TAIL = '</sheetData></worksheet>';

const xlsxWithSheet = (rows: string): Uint8Array =>
  zipSync({
    'xl/workbook.xml': strToU8(WORKBOOK),
    'xl/_rels/workbook.xml.rels': strToU8(RELS),
    'xl/worksheets/sheet1.xml': strToU8(SHEET_HEAD + rows + SHEET_TAIL),
  });

/** A sheet whose XML inflates to `megabytes` MB of rows, deflated as it is generated (never held whole). */
function sizeBomb(megabytes: number): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  for (const [name, text] of [
    ['xl/workbook.xml', WORKBOOK],
    ['xl/_rels/workbook.xml.rels', RELS],
  ]) {
    const f = new ZipDeflate(name, { level: 1 });
    zip.add(f);
    f.push(strToU8(text), true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  sheet.push(strToU8(SHEET_HEAD));
  const row = '<row><c t="inlineStr"><is><t>Ventas</t></is></c><c><v>1</v></c></row>';
  const megabyte = strToU8(row.repeat(Math.floor((1024 * 1024) / row.length)));
  for (let i = 0; i < megabytes; i++) sheet.push(megabyte);
  sheet.push(strToU8(SHEET_TAIL), true);
  zip.end();
  const bytes = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of out) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

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
