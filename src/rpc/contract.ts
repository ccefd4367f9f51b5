/**
 * The typed contract between the sidebar (browser) and the server-side globals it calls through
 * google.script.run. Every value must survive google.script.run: primitives, null, plain objects
 * and arrays of them — never Date, undefined or functions.
 */

export type SidebarLanguage = 'en' | 'es';

export interface SidebarBootstrap {
  language: SidebarLanguage;
  userEmail: string;
  spreadsheetName: string;
  spreadsheetTimeZone: string;
}

export interface SidebarRpc {
  getSidebarBootstrap(): SidebarBootstrap;
}

export type RpcName = keyof SidebarRpc;
