/** Export files as Atom users download them, built in the tests: CSV bytes in several encodings and real XLSX workbooks. */
import ExcelJS from 'exceljs';

export const utf8 = (text: string, bom = false): Uint8Array => {
  const body = new TextEncoder().encode(text);
  return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
};

export const utf16le = (text: string): Uint8Array => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
};

/** Windows-1252 as Excel on Windows saves a CSV: Latin-1 plus the 0x80–0x9F punctuation (only what the fixtures use). */
export const windows1252 = (text: string): Uint8Array => {
  const special: Record<string, number> = { '€': 0x80, '“': 0x93, '”': 0x94, '–': 0x96 };
  return Uint8Array.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)));
};

export const csv = (rows: readonly (readonly string[])[], delimiter: string): string =>
  rows
    .map((r) => r.map((c) => (/["\n\r;,\t]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter))
    .join('\r\n') + '\r\n';

/** The General report's Audit tab, Spanish interface: one row per conversation. */
export const AUDIT_ES_HEADER = [
  'ID Conversación',
  'Fecha de inicio',
  'Contacto',
  'Canal',
  'Grupo',
  'Agente',
  'Tipificación',
  'Tipo de cierre',
  'Tipo de origen',
  'Campaña',
  'Observaciones',
];

export const AUDIT_ES_ROWS = [
  [
    'C-1001',
    '01/10/2025 08:15',
    '+57 300 123 4567',
    'WA +573001110000',
    'Atención al Cliente',
    'Lucía Pérez',
    'Fin positivo',
    'Manual',
    'Mensaje restante',
    '',
    'Cliente pidió factura',
  ],
  [
    'C-1002',
    '13/10/2025 2:05 p. m.',
    '573001234567',
    'WA +573001110000',
    'Ventas',
    'José Núñez',
    'Cierre de conversación automático',
    'Automático',
    'Campaña de flujo',
    'Black Friday',
    'multi\nlínea',
  ],
  [
    'C-1003',
    '31/10/2025 11:59 p. m.',
    '+52 55 1234 5678',
    'WA +573001110000',
    'Cobranza',
    '',
    'Seguimiento',
    'Manual',
    'Plantilla individual',
    'Recordatorio pago',
    '',
  ],
];

export async function xlsxOf(
  sheets: { name: string; rows: unknown[][] }[],
  configure?: (wb: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  configure?.(wb);
  for (const s of sheets) wb.addWorksheet(s.name).addRows(s.rows);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
