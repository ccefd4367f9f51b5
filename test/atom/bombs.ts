/** XLSX bombs built in memory with fflate (issue 15, point 6): no big file is committed. */
import { Zip, ZipDeflate, strToU8, zipSync } from 'fflate';

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

export const xlsxWithSheet = (rows: string): Uint8Array =>
  zipSync({
    'xl/workbook.xml': strToU8(WORKBOOK),
    'xl/_rels/workbook.xml.rels': strToU8(RELS),
    'xl/worksheets/sheet1.xml': strToU8(SHEET_HEAD + rows + SHEET_TAIL),
  });

/** A sheet whose XML inflates to `megabytes` MB of rows, deflated as it is generated (never held whole). */
export function sizeBomb(megabytes: number): Uint8Array {
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
