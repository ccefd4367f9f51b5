/**
 * The Graph client the Apps Script adapters call: reading the WABA and its lines (to validate a connection before
 * storing it) and fetching normalised billing analytics. Ports are injected; nothing here touches Apps Script.
 */

import {
  type AnalyticsQuery,
  type AnalyticsRow,
  analyticsFieldExpansion,
  compareRows,
  dataPointsOf,
  normaliseDataPoint,
  planAnalyticsChunks,
} from './analytics';
import { MetaResponseError } from './errors';
import { isObject } from './graph-errors';
import { type CallOptions, fetchGraphPages, type GraphSession } from './graph-transport';
import { DEFAULT_API_VERSION, DEFAULT_GRAPH_BASE_URL, encodeQuery, graphUrl } from './graph-url';
import type { Clock, HttpPort, RandomSource } from './ports';
import type { ZoneSource } from './timezones';

export interface GraphConnection {
  wabaId: string;
  token: string;
  apiVersion?: string;
  graphBaseUrl?: string;
}

export interface GraphPorts {
  http: HttpPort;
  clock: Clock;
  /** Defaults to Math.random. */
  random?: RandomSource;
}

export interface WabaInfo {
  id: string;
  name: string;
  currency: string;
  /** The WABA's `country` (ISO code, "" when Meta gives none): a BR account must bill in BRL by 2027-06-30. */
  country: string;
  /** Meta's numeric timezone id as text ("25"); resolve with resolveWabaTimeZone. */
  timezoneId: string;
}

export interface PhoneLine {
  id: string;
  displayPhoneNumber: string;
  verifiedName: string;
}

export interface WabaAccount {
  waba: WabaInfo;
  lines: PhoneLine[];
}

export interface AnalyticsResult {
  /** Every bucket for the whole range; the call throws rather than return part of it. */
  rows: AnalyticsRow[];
  timeZone: string;
  zoneSource: ZoneSource;
  /** Graph requests sent, pages and retries included (for diagnostics and cache tests). */
  requestCount: number;
}

export interface GraphClient {
  /** Reads the WABA (id, name, currency, country, timezone_id) and its phone numbers, in one fetchAll. */
  readAccount(options: CallOptions): WabaAccount;
  fetchAnalytics(query: AnalyticsQuery, options: CallOptions): AnalyticsResult;
}

export function createGraphClient(connection: GraphConnection, ports: GraphPorts): GraphClient {
  const apiVersion = connection.apiVersion || DEFAULT_API_VERSION;
  const baseUrl = (connection.graphBaseUrl || DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, '');
  const wabaId = encodeURIComponent(connection.wabaId.trim());
  let requestCount = 0;
  const countingHttp: HttpPort = {
    fetchAll(requests) {
      requestCount += requests.length;
      return ports.http.fetchAll(requests);
    },
  };
  const session: GraphSession = {
    baseUrl,
    token: connection.token,
    wabaId: connection.wabaId,
    http: countingHttp,
    clock: ports.clock,
    random: ports.random ?? Math.random,
  };
  const url = (path: string, query: string) => graphUrl(baseUrl, apiVersion, path, query);

  return {
    readAccount(options) {
      const [accountPages, phonePages] = fetchGraphPages(
        session,
        [
          url(wabaId, encodeQuery({ fields: 'id,name,currency,country,timezone_id' })),
          url(`${wabaId}/phone_numbers`, encodeQuery({ fields: 'id,display_phone_number,verified_name' })),
        ],
        options,
      );
      return { waba: wabaInfoOf(accountPages[0]), lines: phonePages.flatMap(phoneLinesOf) };
    },

    fetchAnalytics(query, options) {
      const before = requestCount;
      const planned = planAnalyticsChunks(query.fromDay, query.toDay, query.zone.timeZone)
        .map((chunk) => ({ chunk, field: analyticsFieldExpansion(chunk, query) }))
        .filter((p): p is { chunk: typeof p.chunk; field: string } => p.field !== null);
      const pages = fetchGraphPages(
        session,
        planned.map((p) => url(wabaId, encodeQuery({ fields: p.field }))),
        options,
      );
      const rows: AnalyticsRow[] = [];
      planned.forEach(({ chunk }, i) => {
        for (const page of pages[i]) {
          for (const point of dataPointsOf(page, chunk.api)) {
            rows.push(normaliseDataPoint(point, chunk.api, query.zone.timeZone));
          }
        }
      });
      rows.sort(compareRows);
      return {
        rows,
        timeZone: query.zone.timeZone,
        zoneSource: query.zone.zoneSource,
        requestCount: requestCount - before,
      };
    },
  };
}

function wabaInfoOf(body: unknown): WabaInfo {
  if (!isObject(body) || typeof body.id !== 'string') {
    throw new MetaResponseError('Meta did not return the WhatsApp Business Account — check the WABA id');
  }
  return {
    id: body.id,
    name: stringField(body.name),
    currency: stringField(body.currency),
    country: stringField(body.country),
    timezoneId: stringField(body.timezone_id),
  };
}

function phoneLinesOf(body: unknown): PhoneLine[] {
  if (!isObject(body) || !Array.isArray(body.data)) {
    throw new MetaResponseError("Meta's list of phone numbers has an unexpected shape");
  }
  return body.data.filter(isObject).map((p) => ({
    id: stringField(p.id),
    displayPhoneNumber: stringField(p.display_phone_number),
    verifiedName: stringField(p.verified_name),
  }));
}

function stringField(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}
