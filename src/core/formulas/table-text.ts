/** Fixed texts of the returned tables, English or Spanish; column order never depends on the language. */
import { isSpanish, type SheetContext } from './sheet-context';

const EN = {
  total: 'Total',
  noGroup: '(no group)',
  noCampaign: '(no campaign)',
  byGroup: [
    'Group',
    'Closed conversations',
    'Share',
    'Billed exact',
    'Billed whole',
    'Cost exact',
    'Cost rounded',
  ],
  byCampaign: ['Campaign', 'Conversations', 'Share', 'Cost exact', 'Cost rounded'],
  breakdown: ['Date', 'Pricing model', 'Category', 'Charged units', 'Free units'],
  /** BILLED_BREAKDOWN's line column, after the date, when `lines` is given. */
  line: 'Line',
};

const ES: typeof EN = {
  total: 'Total',
  noGroup: '(sin grupo)',
  noCampaign: '(sin campaña)',
  byGroup: [
    'Grupo',
    'Conversaciones cerradas',
    'Participación',
    'Facturado exacto',
    'Facturado entero',
    'Costo exacto',
    'Costo redondeado',
  ],
  byCampaign: ['Campaña', 'Conversaciones', 'Participación', 'Costo exacto', 'Costo redondeado'],
  breakdown: ['Fecha', 'Modelo de precio', 'Categoría', 'Unidades cobradas', 'Unidades gratuitas'],
  line: 'Línea',
};

export type TableText = typeof EN;

export function tableText(sheet: SheetContext): TableText {
  return isSpanish(sheet) ? ES : EN;
}
