/**
 * Names and texts of what an Atom import writes. Sheet names are fixed (formulas and links point at them);
 * headers and captions follow the spreadsheet's locale, with the column order the same in both languages.
 */

export const CONVERSATIONS_SHEET = 'Atom conversations';
/** Not "Atom groups": finance may already keep a sheet of that name for the month close's ranges. */
export const GROUPS_SHEET = 'Atom groups by month';
export const CAMPAIGNS_SHEET = 'Atom campaigns by month';
export const STAGING_SHEET = 'Atom import (staging)';
/** BILLED_BREAKDOWN over the messages of "Atom conversations", read by the months' reconciliation tables. */
export const BREAKDOWN_SHEET = 'Atom billable units';

const EN = {
  conversationsHeader: [
    'Month',
    'Conversation ID',
    'Start',
    'Contact',
    'Line',
    'Group',
    'Agent',
    'Typification',
    'Closing type',
    'Origin',
    'Campaign',
    'Conversations',
    'Source file',
    'Message kind',
  ],
  groupsHeader: ['Month', 'Group', 'Closed conversations', 'Source file'],
  campaignsHeader: ['Month', 'Campaign', 'Conversations', 'Source file'],
  breakdownCaption: [
    'Atom’s messages priced by BILLED_BREAKDOWN (Meta’s rules), read by each month’s reconciliation with Meta',
  ],
  block: {
    title: (month: string) => `Atom data ${month}`,
    closedCount: 'Closed conversations by group count',
    closedCountValue: {
      all: 'manual typifications and automatic closures',
      manual: 'manual typifications only',
    },
    fromReport: 'as in Atom’s imported report',
    uniqueContacts: 'Unique contacts',
    groupsHeader: ['Group', 'Closed conversations'],
    campaignsHeader: ['Campaign', 'Conversations'],
    dailyHeader: ['Day', 'Origin', 'Conversations started'],
    noOrigin: '(no origin)',
    reconciliation: 'Reconciliation with Meta',
    reconciliationBelow: 'billable units per day, below the daily table',
    reconciliationNone: 'none: no row of the month has a message kind (map a message-kind column)',
    agreeingShare: 'Days that agree (of the days with units)',
    reconciliationHeader: ['Day', 'Atom billable units', 'Meta billed units', 'Difference (Atom − Meta)'],
  },
};

type Labels = typeof EN;

const ES: Labels = {
  conversationsHeader: [
    'Mes',
    'ID de conversación',
    'Inicio',
    'Contacto',
    'Línea',
    'Grupo',
    'Agente',
    'Tipificación',
    'Tipo de cierre',
    'Origen',
    'Campaña',
    'Conversaciones',
    'Archivo de origen',
    'Tipo de mensaje',
  ],
  groupsHeader: ['Mes', 'Grupo', 'Conversaciones cerradas', 'Archivo de origen'],
  campaignsHeader: ['Mes', 'Campaña', 'Conversaciones', 'Archivo de origen'],
  breakdownCaption: [
    'Mensajes de Atom tarificados por BILLED_BREAKDOWN (reglas de Meta), leídos por la conciliación de cada mes con Meta',
  ],
  block: {
    title: (month: string) => `Datos de Atom ${month}`,
    closedCount: 'Conversaciones cerradas por grupo cuenta',
    closedCountValue: {
      all: 'tipificaciones manuales y cierres automáticos',
      manual: 'solo tipificaciones manuales',
    },
    fromReport: 'como en el reporte de Atom importado',
    uniqueContacts: 'Contactos únicos',
    groupsHeader: ['Grupo', 'Conversaciones cerradas'],
    campaignsHeader: ['Campaña', 'Conversaciones'],
    dailyHeader: ['Día', 'Origen', 'Conversaciones iniciadas'],
    noOrigin: '(sin origen)',
    reconciliation: 'Conciliación con Meta',
    reconciliationBelow: 'unidades facturables por día, debajo de la tabla diaria',
    reconciliationNone:
      'no hay: ninguna fila del mes tiene tipo de mensaje (asigne una columna de tipo de mensaje)',
    agreeingShare: 'Días que coinciden (de los días con unidades)',
    reconciliationHeader: [
      'Día',
      'Unidades facturables Atom',
      'Unidades facturadas Meta',
      'Diferencia (Atom − Meta)',
    ],
  },
};

export type AtomSheetLabels = Labels;

/** Both languages, to recognise a sheet an earlier import wrote in either. */
export const ALL_ATOM_LABELS: readonly Labels[] = [EN, ES];

export function atomSheetLabels(locale: string): Labels {
  return locale.toLowerCase().startsWith('es') ? ES : EN;
}
