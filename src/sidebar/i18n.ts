import type { SidebarLanguage } from '../rpc/contract';

/** The product name is the same in every language. */
export const sidebarTitle = 'Atom Billing';

const messages = {
  en: {
    loading: 'Loading…',
    intro: 'Exact WhatsApp billing figures from Meta and Atom, in this spreadsheet.',
    signedInAs: 'Signed in as',
    spreadsheet: 'Spreadsheet',
    timeZone: 'Time zone',
    connectionPanel: 'Meta connection',
    importPanel: 'Month-close import',
    comingSoon: 'Available in a later release.',
    serverError: 'Something went wrong:',
  },
  es: {
    loading: 'Cargando…',
    intro: 'Cifras exactas de facturación de WhatsApp desde Meta y Atom, en esta hoja de cálculo.',
    signedInAs: 'Sesión iniciada como',
    spreadsheet: 'Hoja de cálculo',
    timeZone: 'Zona horaria',
    connectionPanel: 'Conexión con Meta',
    importPanel: 'Importación de cierre de mes',
    comingSoon: 'Disponible en una próxima versión.',
    serverError: 'Algo salió mal:',
  },
} satisfies Record<SidebarLanguage, Record<string, string>>;

export type MessageKey = keyof (typeof messages)['en'];

export function translate(language: SidebarLanguage, key: MessageKey): string {
  return messages[language][key];
}
