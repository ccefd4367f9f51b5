/**
 * The Graph client's ports in Apps Script: UrlFetchApp.fetchAll (muteHttpExceptions, so HTTP errors come back as
 * responses the client interprets by Meta's error.code) and a clock whose sleep is Utilities.sleep.
 */
import type { GraphPorts, HttpResponse } from '../../meta';

function flatHeaders(all: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(all as Record<string, unknown>)) {
    out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

export function appsScriptGraphPorts(): GraphPorts {
  return {
    http: {
      fetchAll(requests) {
        const responses = UrlFetchApp.fetchAll(
          requests.map((r) => ({
            url: r.url,
            method: r.method,
            headers: r.headers,
            muteHttpExceptions: true,
            // A redirect could carry the Authorization header to another host.
            followRedirects: false,
          })),
        );
        return responses.map((res): HttpResponse => ({
          status: res.getResponseCode(),
          headers: flatHeaders(res.getAllHeaders()),
          body: res.getContentText(),
        }));
      },
    },
    clock: { now: () => Date.now(), sleep: (ms) => Utilities.sleep(ms) },
  };
}
