/** The Graph client's ports in Apps Script: UrlFetchApp and Utilities.sleep (src/gas/shared/url-fetch-port.ts). */
import type { GraphPorts } from '../../meta';
import { appsScriptClock, appsScriptHttpPort } from '../shared/url-fetch-port';

export function appsScriptGraphPorts(): GraphPorts {
  return { http: appsScriptHttpPort, clock: appsScriptClock };
}
