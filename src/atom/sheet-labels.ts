/**
 * Names and texts of what an Atom import writes. Sheet names are fixed (formulas and links point at them);
 * headers and captions follow the spreadsheet's locale, with the column order the same in both languages.
 */

export const CONVERSATIONS_SHEET = 'Atom conversations';
/** Not "Atom groups": finance may already keep a sheet of that name for the month close's ranges. */
export const GROUPS_SHEET = 'Atom groups by month';
export const CAMPAIGNS_SHEET = 'Atom campaigns by month';
export const STAGING_SHEET = 'Atom import (staging)';

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
  ],
  groupsHeader: ['Month', 'Group', 'Closed conversations', 'Source file'],
  campaignsHeader: ['Month', 'Campaign', 'Conversations', 'Source file'],
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
  ],
  groupsHeader: ['Mes', 'Grupo', 'Conversaciones cerradas', 'Archivo de origen'],
  campaignsHeader: ['Mes', 'Campaña', 'Conversaciones', 'Archivo de origen'],
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
  },
};

export type AtomSheetLabels = Labels;

/** Both languages, to recognise a sheet an earlier import wrote in either. */
export const ALL_ATOM_LABELS: readonly Labels[] = [EN, ES];

export function atomSheetLabels(locale: string): Labels {
  return locale.toLowerCase().startsWith('es') ? ES : EN;
}
