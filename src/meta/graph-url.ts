/**
 * Graph URL text helpers. Plain string work because the Apps Script bundle has no URL / URLSearchParams.
 * The access token never goes into a URL: it travels only in the Authorization header.
 */

/**
 * The current Graph version (released 2026-11-04, meta-2026.md §6). New apps on v27 lose multi-ID requests (`?ids=`),
 * field aliases, `date_format`, method override, JSONP and async batch; the client uses none of them, so a stored
 * v26.0/v25.0 connection keeps working unchanged.
 */
export const DEFAULT_API_VERSION = 'v27.0';
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com';

export type QueryValue = string | number | readonly string[];

/** `a=1&b=x%2Cy`; arrays are sent as JSON arrays (`["A","B"]`), the form Meta's docs and SDKs use. */
export function encodeQuery(params: Record<string, QueryValue | undefined>): string {
  return Object.keys(params)
    .filter((k) => params[k] !== undefined)
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(queryValueText(params[k] as QueryValue))}`)
    .join('&');
}

function queryValueText(v: QueryValue): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
}

/**
 * A field expansion such as `pricing_analytics.start(1).end(2).dimensions(["PHONE"])`. Filters with undefined or
 * empty-array values are left out (Meta reads an empty list as "no breakdown" anyway).
 */
export function fieldExpansion(field: string, filters: Record<string, QueryValue | undefined>): string {
  let text = field;
  for (const key of Object.keys(filters)) {
    const v = filters[key];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    text += `.${key}(${queryValueText(v as QueryValue)})`;
  }
  return text;
}

/** Removes every `name=` parameter from a URL's query (Meta's paging links carry access_token). */
export function withoutQueryParam(url: string, name: string): string {
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const q = base.indexOf('?');
  if (q < 0) return base;
  const kept = base
    .slice(q + 1)
    .split('&')
    .filter((pair) => pair !== '' && safeDecode(pair.split('=')[0]) !== name);
  return kept.length ? `${base.slice(0, q)}?${kept.join('&')}` : base.slice(0, q);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Joins the base URL (no trailing slash needed) and a path. */
export function graphUrl(baseUrl: string, apiVersion: string, path: string, query: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/${apiVersion}/${path}${query ? `?${query}` : ''}`;
}

/** True when `url` points at the configured Graph host, so following it cannot leak the bearer token elsewhere. */
export function isSameGraphHost(url: string, baseUrl: string): boolean {
  const base = baseUrl.replace(/\/+$/, '');
  return url === base || url.startsWith(`${base}/`);
}
