/**
 * The only ways the Graph client touches the outside world. Production wires these to UrlFetchApp.fetchAll,
 * Utilities.sleep and Math.random (src/gas); tests wire them to the fake Graph server and a fake clock.
 */

export interface HttpRequest {
  url: string;
  method: 'get' | 'post';
  headers: Record<string, string>;
  /** The body of a POST (UrlFetchApp's payload), sent with `contentType`. */
  payload?: string;
  contentType?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Synchronous, like UrlFetchApp.fetchAll: one response per request, in order. A transport failure
 * (timeout, connection refused, DNS) is thrown as an Error; HTTP error statuses are returned, not thrown
 * (UrlFetchApp needs muteHttpExceptions: true).
 */
export interface HttpPort {
  fetchAll(requests: HttpRequest[]): HttpResponse[];
}

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number): void;
}

/** Uniform in [0, 1), like Math.random; injected so backoff jitter is deterministic in tests. */
export type RandomSource = () => number;
