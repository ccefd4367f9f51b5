/** Files that cannot be imported: one clear message naming the file, never a partial result. */
import { zipSync, strToU8 } from 'fflate';
import { AtomFileError } from '../../src/atom';
import { MAX_FILE_BYTES, parseAtomExport } from '../../src/atom/parse';
import { csv, utf8, xlsxOf } from '../../dev/fixtures/atom-exports';
import { sizeBomb, xlsxWithSheet } from './bombs';

const fails = (bytes: Uint8Array, fileName: string): AtomFileError => {
  try {
    parseAtomExport(bytes, fileName);
  } catch (e) {
    expect(e).toBeInstanceOf(AtomFileError);
    return e as AtomFileError;
  }
  throw new Error('expected the parse to fail');
};

it.each([
  ['an empty file', new Uint8Array(0), 'vacio.csv', 'vacio.csv: the file is empty'],
  ['only blank lines', utf8('\r\n ;; \r\n'), 'blanco.csv', 'blanco.csv: the file is empty'],
  [
    'mixed delimiters',
    utf8('Grupo;Conversaciones\r\nVentas;3\r\nSoporte,4\r\n'),
    'mezcla.csv',
    'mezcla.csv: mixed delimiters: the header uses ";" but line 3 uses ","; export the report again or save it with one delimiter',
  ],
  [
    'a short row',
    utf8(
      csv(
        [
          ['Fecha', 'Grupo', 'Contacto'],
          ['01/10/2025', 'A', '1'],
        ],
        ';',
      ) + '02/10/2025;B\r\n',
    ),
    'corto.csv',
    'corto.csv: row 3 has fewer fields than the header (3); the file looks cut or badly exported — export the report from Atom again',
  ],
  [
    'a row with more fields',
    utf8('Fecha;Grupo\r\n01/10/2025;A;extra\r\n'),
    'largo.csv',
    'largo.csv: row 2 has more fields than the header (2) — export the report from Atom again',
  ],
  [
    'a row too long, then one too short: both named, in file order (issue 16 point 7)',
    utf8('Fecha;Grupo;Contacto\r\n01/10/2025;A;1;extra\r\n02/10/2025;B\r\n'),
    'ambas.csv',
    'ambas.csv: row 2 has more fields than the header (3); row 3 has fewer fields than the header (3); the file looks cut or badly exported — export the report from Atom again',
  ],
  [
    'no recognisable column',
    utf8(
      csv(
        [
          ['Nombre', 'Edad'],
          ['Ana', '30'],
        ],
        ',',
      ),
    ),
    'otra-cosa.csv',
    'otra-cosa.csv: no recognisable columns: the first row holds "Nombre", "Edad"; expected Atom headers such as Fecha de inicio, Contacto, Grupo, Tipificación, Campaña, Conversaciones',
  ],
  [
    'an unclosed quote',
    utf8('Grupo,Conversaciones\r\n"Ventas,3\r\n'),
    'comilla.csv',
    'comilla.csv: row 2: a quoted field is never closed (Quoted field unterminated)',
  ],
  [
    'a legacy .xls',
    new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    'reporte.xls',
    'reporte.xls: old Excel (.xls) files are not supported; export the report as .xlsx or .csv',
  ],
  [
    'a password-protected .xlsx (an encrypted OLE2 container)',
    new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    'reporte.xlsx',
    'reporte.xlsx: the workbook is password-protected (encrypted); open it in Excel, remove the password and save it again',
  ],
  [
    'a PDF',
    utf8('%PDF-1.7\n...'),
    'reporte.pdf',
    'reporte.pdf: PDF files are not supported; export the report as .xlsx or .csv',
  ],
  [
    'a binary file',
    new Uint8Array([1, 2, 0, 3]),
    'datos.bin',
    'datos.bin: this format (.bin) is not supported; export the report as .xlsx or .csv',
  ],
  [
    'binary garbage named .csv: not an export, rather than "an unsupported format" (issue 16 point 7)',
    new Uint8Array([0x8f, 0x13, 0, 0xfe, 0x41, 0x2c, 0x42]),
    'basura.csv',
    'basura.csv: not a readable Atom export: it holds binary data, not the text of a CSV export — export the report from Atom again as .csv or .xlsx',
  ],
  [
    'a .xlsx that is not a zip',
    utf8('Grupo;Total'),
    'falso.xlsx',
    'falso.xlsx: the XLSX file is corrupt (it is not a zip archive)',
  ],
  [
    'a zip that is not a workbook',
    zipSync({ 'word/document.xml': strToU8('<w/>') }),
    'doc.xlsx',
    'doc.xlsx: this is not an XLSX workbook (no xl/workbook.xml): the file is corrupt or in another format',
  ],
])('%s', (_, bytes, fileName, message) => {
  expect(fails(bytes, fileName).message).toBe(message);
});

it('a truncated XLSX is corrupt', async () => {
  const bytes = await xlsxOf([
    {
      name: 'S',
      rows: [
        ['Grupo', 'Conversaciones'],
        ['A', 1],
      ],
    },
  ]);
  expect(fails(bytes.subarray(0, bytes.length - 40), 'cortado.xlsx').message).toMatch(
    /^cortado\.xlsx: the XLSX file is corrupt and cannot be opened \(/,
  );
});

it('a file over 50 MB is refused before it is read', () => {
  const big = new Uint8Array(MAX_FILE_BYTES + 1);
  expect(fails(big, 'enorme.csv').message).toBe(
    'enorme.csv: the file is 50.0 MB; the limit is 50 MB — export a shorter date range',
  );
});

describe('XLSX bombs (refused while inflating, before memory runs out)', () => {
  it('a cell reference far beyond Excel’s 16,384 columns is refused, not padded', () => {
    const bytes = xlsxWithSheet('<row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>');
    expect(bytes.length).toBeLessThan(2000);
    expect(fails(bytes, 'zz.xlsx').message).toBe(
      "zz.xlsx: cell ZZZZZZ2 is outside Excel's 16,384 columns (row 2)",
    );
  });

  it('a row beyond Excel’s 1,048,576 rows is refused', () => {
    const bytes = xlsxWithSheet('<row r="99999999"><c><v>1</v></c></row>');
    expect(fails(bytes, 'rows.xlsx').message).toBe(
      "rows.xlsx: row 99999999 is outside Excel's 1,048,576 rows",
    );
  });

  it('an XLSX expanding past the uncompressed limit is refused while inflating', () => {
    const bytes = sizeBomb(300);
    expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
    expect(fails(bytes, 'bomba.xlsx').message).toMatch(
      /^bomba\.xlsx: the XLSX file expands to more than 256 MB of data/,
    );
  });
});
