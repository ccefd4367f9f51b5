/**
 * The pure clients' ports in Apps Script (Graph and BigQuery): UrlFetchApp.fetchAll with muteHttpExceptions, so HTTP
 * errors come back as responses each client interprets by its API's error body, and a clock whose sleep is
 * Utilities.sleep.
 */
import type { Clock, HttpPort, HttpResponse } from '../../meta';

function flatHeaders(all: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(all as Record<string, unknown>)) {
    out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

export const appsScriptHttpPort: HttpPort = {
  fetchAll(requests) {
    const responses = UrlFetchApp.fetchAll(
      requests.map((r) => ({
        url: r.url,
        method: r.method,
        headers: r.headers,
        // A POST's body (BigQuery's JSON and multipart load jobs); Graph's GETs send none.
        ...(r.payload === undefined ? {} : { payload: r.payload, contentType: r.contentType }),
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
};

export const appsScriptClock: Clock = { now: () => Date.now(), sleep: (ms) => Utilities.sleep(ms) };
