/**
 * The 200,000-row Atom Audit export the benches parse and import: Spanish headers, `;`-separated CSV (with quoted
 * line breaks every 50 rows) and the same rows as an XLSX laid out as Excel writes one.
 */
import { strToU8, zipSync } from 'fflate';
import { AUDIT_ES_HEADER, csv } from '../dev/fixtures/atom-exports';

export const ROWS = 200_000;

const GROUPS = ['Atención al Cliente', 'Ventas', 'Cobranza', 'Soporte técnico', 'Sin grupo'];
const TYPIFICATIONS = ['Fin positivo', 'Fin negativo', 'Seguimiento', 'Cierre de conversación automático'];
const ORIGINS = [
  'Mensaje restante',
  'Campaña de flujo',
  'Plantilla individual',
  'Webhook',
  'Click to WhatsApp',
];
const CAMPAIGNS = ['', '', 'Black Friday', 'Bienvenida', 'Recordatorio de pago'];

function row(i: number): string[] {
  const day = 1 + (i % 31);
  const minute = i % 1440;
  const typification = TYPIFICATIONS[i % 4];
  return [
    `C-${100000 + i}`,
    `${String(day).padStart(2, '0')}/10/2025 ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
    `+57 300 ${String(1000000 + (i % 60000)).slice(1, 4)} ${String(i % 10000).padStart(4, '0')}`,
    'WA +573001110000',
    GROUPS[i % 5],
    `Agente ${i % 40}`,
    typification,
    typification.startsWith('Cierre') ? 'Automático' : 'Manual',
    ORIGINS[i % 5],
    CAMPAIGNS[i % 5],
    i % 50 === 0 ? 'Cliente pidió "factura"; llamar\nel lunes' : '',
  ];
}

export function csvBytes(): Uint8Array {
  return strToU8(csv([AUDIT_ES_HEADER, ...Array.from({ length: ROWS }, (_, i) => row(i))], ';'));
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An XLSX laid out as Excel writes one: shared strings, one worksheet, dates as serials. */
export function xlsxBytes(): Uint8Array {
  const shared: string[] = [];
  const index = new Map<string, number>();
  const s = (text: string) => {
    let k = index.get(text);
    if (k === undefined) {
      k = shared.length;
      shared.push(text);
      index.set(text, k);
    }
    return k;
  };
  const columns = 'ABCDEFGHIJK';
  const sheetRows: string[] = [];
  const cellsOf = (cells: (string | number)[], r: number) =>
    cells
      .map((v, c) =>
        v === ''
          ? ''
          : typeof v === 'number'
            ? `<c r="${columns[c]}${r}" s="1"><v>${v}</v></c>`
            : `<c r="${columns[c]}${r}" t="s"><v>${s(v)}</v></c>`,
      )
      .join('');
  sheetRows.push(`<row r="1">${cellsOf(AUDIT_ES_HEADER, 1)}</row>`);
  for (let i = 0; i < ROWS; i++) {
    const cells: (string | number)[] = row(i);
    const day = 1 + (i % 31);
    const minute = i % 1440;
    cells[1] = 45930 + day + minute / 1440; // 2025-10-01 is serial 45931
    sheetRows.push(`<row r="${i + 2}">${cellsOf(cells, i + 2)}</row>`);
  }
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<workbook ${ns} xmlns:r="r"><sheets><sheet name="Auditoría" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(
      `<sst ${ns} count="${shared.length}">${shared.map((t) => `<si><t xml:space="preserve">${xml(t)}</t></si>`).join('')}</sst>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<worksheet ${ns}><sheetData>${sheetRows.join('')}</sheetData></worksheet>`,
    ),
  });
}
