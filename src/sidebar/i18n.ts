/**
 * Sidebar languages: English, or Spanish for a Spanish locale. Each panel keeps its own dictionary (defined with
 * `defineMessages`, both languages required by the compiler) so panels can be added without touching this file.
 * What the server shares (the title, the language of a locale) is in src/i18n.
 */
import type { SidebarLanguage } from '../rpc/contract';

export type Dictionary<K extends string> = Record<SidebarLanguage, Record<K, string>>;

/** A panel's messages; the type makes every key present in both languages. */
export function defineMessages<K extends string>(dictionary: {
  en: Record<K, string>;
  es: NoInfer<Record<K, string>>;
}): Dictionary<K> {
  return dictionary;
}

/** Fills `{name}` placeholders; values are plain text (rendered as text nodes, never as markup). */
export function fill(text: string, values?: Record<string, string | number>): string {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The shell's own messages (header, navigation, first-paint states). */
export const shellMessages = defineMessages({
  en: {
    loading: 'Loading…',
    intro: 'Exact WhatsApp billing figures from Meta and Atom, in this spreadsheet.',
    signedInAs: 'Signed in as',
    spreadsheet: 'Spreadsheet',
    timeZone: 'Time zone',
    panels: 'Panels',
    serverError: 'Something went wrong:',
  },
  es: {
    loading: 'Cargando…',
    intro: 'Cifras exactas de facturación de WhatsApp desde Meta y Atom, en esta hoja de cálculo.',
    signedInAs: 'Sesión iniciada como',
    spreadsheet: 'Hoja de cálculo',
    timeZone: 'Zona horaria',
    panels: 'Paneles',
    serverError: 'Algo salió mal:',
  },
});
