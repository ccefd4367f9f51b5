/**
 * Words shared by the server and the sidebar: the product name (the sidebar's title, set by the server) and the
 * language a user's locale gets. Pure; each side keeps its own messages (the sidebar's panels in src/sidebar).
 */
import type { SidebarLanguage } from '../rpc/contract';

/** The product name is the same in every language. */
export const sidebarTitle = 'Atom Billing';

/** Spanish for any Spanish locale ("es", "es_CO", "es-419"), English otherwise. */
export function languageOf(locale: string): SidebarLanguage {
  return locale.toLowerCase().startsWith('es') ? 'es' : 'en';
}
