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
    wabaId: 'WhatsApp Business Account id',
    token: 'System user access token',
    tokenHelp: 'Kept in this spreadsheet for every editor’s formulas; it is never shown again.',
    advanced: 'Advanced',
    apiVersion: 'Graph API version',
    graphBaseUrl: 'Graph address',
    connect: 'Connect',
    checking: 'Checking with Meta…',
    working: 'Saving…',
    connected: 'Connected.',
    notConnected:
      'Not connected. An admin connects this spreadsheet once; then every editor’s META_* formulas use it.',
    wabaName: 'Account',
    currency: 'Currency',
    billingTimeZone: 'Billing time zone',
    zoneFromSpreadsheet:
      'Meta’s time zone for this account is not known, so days are read in the spreadsheet’s zone.',
    zoneUnconfirmed:
      'Meta’s time zone id for this account is mapped from an unofficial list; check the zone against Meta Business Settings.',
    tokenHint: 'Token',
    lines: 'Lines',
    noLines: 'This account has no phone numbers.',
    disconnect: 'Disconnect',
    disconnected: 'Disconnected.',
    replace: 'Change token or account',
    admins: 'Admins',
    adminEmail: 'Email of the new admin',
    addAdmin: 'Add admin',
    remove: 'Remove',
    readOnly: 'Only admins can change this connection. Ask:',
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
    wabaId: 'Id de la cuenta de WhatsApp Business',
    token: 'Token de acceso del usuario del sistema',
    tokenHelp: 'Se guarda en esta hoja para las fórmulas de todos los editores; no se vuelve a mostrar.',
    advanced: 'Avanzado',
    apiVersion: 'Versión de Graph API',
    graphBaseUrl: 'Dirección de Graph',
    connect: 'Conectar',
    checking: 'Verificando con Meta…',
    working: 'Guardando…',
    connected: 'Conectado.',
    notConnected:
      'Sin conexión. Un administrador conecta esta hoja una vez; luego las fórmulas META_* de todos los editores la usan.',
    wabaName: 'Cuenta',
    currency: 'Moneda',
    billingTimeZone: 'Zona horaria de facturación',
    zoneFromSpreadsheet:
      'No se conoce la zona horaria de Meta para esta cuenta; los días se leen en la zona de la hoja.',
    zoneUnconfirmed:
      'La zona horaria de Meta para esta cuenta sale de una lista no oficial; compruébela en la configuración del negocio de Meta.',
    tokenHint: 'Token',
    lines: 'Líneas',
    noLines: 'Esta cuenta no tiene números de teléfono.',
    disconnect: 'Desconectar',
    disconnected: 'Desconectado.',
    replace: 'Cambiar token o cuenta',
    admins: 'Administradores',
    adminEmail: 'Correo del nuevo administrador',
    addAdmin: 'Agregar administrador',
    remove: 'Quitar',
    readOnly: 'Solo los administradores pueden cambiar esta conexión. Consulte a:',
  },
} satisfies Record<SidebarLanguage, Record<string, string>>;

export type MessageKey = keyof (typeof messages)['en'];

/** Spanish for any Spanish locale ("es", "es_CO", "es-419"), English otherwise. */
export function languageOf(locale: string): SidebarLanguage {
  return locale.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function translate(language: SidebarLanguage, key: MessageKey): string {
  return messages[language][key];
}
