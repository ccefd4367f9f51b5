/**
 * Server errors the sidebar words itself, in the user's language: the server appends a code and its values to the
 * English message (ServerErrorNote, behind ERROR_NOTE_MARK); a failure without one is shown as the server wrote it.
 */
import { ERROR_NOTE_MARK, type ServerErrorNote, type SidebarLanguage } from '../rpc/contract';
import { defineMessages, fill } from './i18n';
import { failureText } from './rpc-client';

const errorMessages = defineMessages({
  en: {
    importRunning: 'Another import is running in this spreadsheet — try again when it has finished.',
    connectionBusy: 'Someone else is changing the Meta connection — try again in a moment.',
    dailyRefreshBusy: 'Someone else is changing the daily refresh — try again in a moment.',
    noEmail:
      'Google does not share your email address with the add-on here, so your admin rights cannot be checked — sign in with an account of the same domain as the spreadsheet owner.',
    notAdmin: 'Only an admin of this spreadsheet’s Meta connection can change it — ask {admins}.',
    or: ' or ',
    noAdminYet: 'There is no admin yet: the first person who connects to Meta becomes admin.',
    notAnAdmin: '{email} is not an admin.',
    lastAdmin: 'The last admin cannot be removed — add another admin first.',
    sheetGone: 'That sheet no longer exists — run the import again.',
    groups: 'groups',
    campaigns: 'campaigns',
    noSheet: 'The {what} sheet “{sheet}” does not exist.',
    rangeOutside: 'The {what} range {range} is outside the sheet “{sheet}”.',
    metaToken: 'Meta token expired or revoked — ask an admin to reconnect.',
    metaPermission:
      'Meta denied access (error {graphCode}) — the token needs the whatsapp_business_management permission and access to WhatsApp Business Account {wabaId}; ask an admin to check the system user and reconnect.',
    metaThrottled: 'Meta rate limit reached — try again in {minutes} min.',
    metaUnavailable: 'Meta is temporarily unavailable — try again in {minutes} min.',
    metaNoAnswer: 'No answer from Meta ({detail}) — try again in a moment.',
    nothingImported: 'Nothing was imported: {cause}',
    tokenRefused: 'Not connected: Meta did not accept this token — check it and paste it again.',
    graphUnreachable:
      'Not connected: Meta could not be reached at {address} ({detail}) — check the Graph address, then try again.',
    otherWaba: 'Not connected: Meta answered for account {answered}, not {typed} — check the WABA id.',
    notConnected:
      'Not connected: this spreadsheet is not connected to Meta — an admin can connect it in the sidebar (Extensions ▸ Atom Billing ▸ Open sidebar ▸ Meta connection).',
    bigQueryAccess:
      'BigQuery denied access to dataset {project}:{dataset} — ask an owner of the project to grant you roles/bigquery.dataEditor on the dataset and roles/bigquery.jobUser on project {project}.',
    bigQueryDatasetMissing:
      'Dataset {dataset} does not exist in project {project} — create it in BigQuery (or check the ids), then try again.',
    bigQueryScope:
      'Atom Billing may not use BigQuery for you: the BigQuery permission was not granted — reopen the add-on and allow “View and manage your data in Google BigQuery”.',
  },
  es: {
    importRunning:
      'Hay otra importación en curso en esta hoja de cálculo: inténtelo de nuevo cuando termine.',
    connectionBusy: 'Otra persona está cambiando la conexión con Meta: inténtelo de nuevo en un momento.',
    dailyRefreshBusy:
      'Otra persona está cambiando la actualización diaria: inténtelo de nuevo en un momento.',
    noEmail:
      'Google no comparte aquí su correo con el complemento, así que no se pueden comprobar sus permisos de administrador: inicie sesión con una cuenta del mismo dominio que el propietario de la hoja.',
    notAdmin:
      'Solo un administrador de la conexión con Meta de esta hoja puede cambiarla: pídaselo a {admins}.',
    or: ' o ',
    noAdminYet: 'Aún no hay administrador: la primera persona que conecte Meta será administradora.',
    notAnAdmin: '{email} no es administrador.',
    lastAdmin: 'No se puede quitar al último administrador: agregue otro administrador primero.',
    sheetGone: 'Esa hoja ya no existe: vuelva a ejecutar la importación.',
    groups: 'grupos',
    campaigns: 'campañas',
    noSheet: 'La hoja “{sheet}” del rango de {what} no existe.',
    rangeOutside: 'El rango de {what} {range} queda fuera de la hoja “{sheet}”.',
    metaToken: 'El token de Meta venció o fue revocado: pida a un administrador que vuelva a conectar.',
    metaPermission:
      'Meta denegó el acceso (error {graphCode}): el token necesita el permiso whatsapp_business_management y acceso a la cuenta de WhatsApp Business {wabaId}; pida a un administrador que revise el usuario del sistema y vuelva a conectar.',
    metaThrottled: 'Se alcanzó el límite de solicitudes de Meta: inténtelo de nuevo en {minutes} min.',
    metaUnavailable: 'Meta no está disponible por el momento: inténtelo de nuevo en {minutes} min.',
    metaNoAnswer: 'Meta no respondió ({detail}): inténtelo de nuevo en un momento.',
    nothingImported: 'No se importó nada. {cause}',
    tokenRefused: 'Sin conexión: Meta no aceptó este token; revíselo y péguelo de nuevo.',
    graphUnreachable:
      'Sin conexión: no se pudo contactar a Meta en {address} ({detail}); revise la dirección de Graph e inténtelo de nuevo.',
    otherWaba:
      'Sin conexión: Meta respondió por la cuenta {answered}, no por {typed}; revise el ID de la WABA.',
    notConnected:
      'Sin conexión: esta hoja de cálculo no está conectada a Meta; un administrador puede conectarla en el panel (Extensiones ▸ Atom Billing ▸ Open sidebar ▸ Conexión con Meta).',
    bigQueryAccess:
      'BigQuery denegó el acceso al conjunto de datos {project}:{dataset}: pida a un propietario del proyecto que le otorgue roles/bigquery.dataEditor en el conjunto de datos y roles/bigquery.jobUser en el proyecto {project}.',
    bigQueryDatasetMissing:
      'El conjunto de datos {dataset} no existe en el proyecto {project}: créelo en BigQuery (o revise los ID) e inténtelo de nuevo.',
    bigQueryScope:
      'Atom Billing no puede usar BigQuery por usted: no se concedió el permiso de BigQuery; vuelva a abrir el complemento y permita “Ver y administrar sus datos en Google BigQuery”.',
  },
});

function noteText(note: ServerErrorNote, language: SidebarLanguage): string {
  const words = errorMessages[language];
  switch (note.code) {
    case 'settingsBusy':
      return words[note.what === 'connection' ? 'connectionBusy' : 'dailyRefreshBusy'];
    case 'notAdmin':
      return fill(words.notAdmin, { admins: note.admins.join(words.or) });
    case 'notAnAdmin':
      return fill(words.notAnAdmin, { email: note.email });
    case 'noSheet':
      return fill(words.noSheet, { what: words[note.what], sheet: note.sheet });
    case 'rangeOutside':
      return fill(words.rangeOutside, { what: words[note.what], range: note.range, sheet: note.sheet });
    case 'metaPermission':
      return fill(words.metaPermission, { graphCode: String(note.graphCode), wabaId: note.wabaId });
    case 'metaThrottled':
    case 'metaUnavailable':
      return fill(words[note.code], { minutes: String(note.minutes) });
    case 'metaNoAnswer':
      return fill(words.metaNoAnswer, { detail: note.detail });
    case 'nothingImported':
      return fill(words.nothingImported, {
        cause: note.cause ? noteText(note.cause, language) : note.message,
      });
    case 'graphUnreachable':
      return fill(words.graphUnreachable, { address: note.address, detail: note.detail });
    case 'bigQueryAccess':
    case 'bigQueryDatasetMissing':
      return fill(words[note.code], { project: note.project, dataset: note.dataset });
    case 'otherWaba':
      return fill(words.otherWaba, { answered: note.answered, typed: note.typed });
    default:
      return words[note.code];
  }
}

/** A server call's failure in the user's language: its note worded here when it has one, else its message. */
export function serverFailureText(error: unknown, language: SidebarLanguage): string {
  const [message, note] = (error instanceof Error ? error.message : String(error)).split(ERROR_NOTE_MARK);
  if (note) {
    try {
      const text = noteText(JSON.parse(note) as ServerErrorNote, language);
      if (text) return text;
    } catch {
      // A note this sidebar cannot read (another version's): the English message below.
    }
  }
  return failureText(message);
}
