/** Public surface of the Graph client, for the src/gas adapters. */
export type { Clock, HttpPort, HttpRequest, HttpResponse, RandomSource } from './ports';
export {
  createGraphClient,
  type AnalyticsResult,
  type GraphClient,
  type GraphConnection,
  type GraphPorts,
  type PhoneLine,
  type WabaAccount,
  type WabaInfo,
} from './client';
export {
  ALL_DIMENSIONS,
  approximateCost,
  billableUnits,
  planAnalyticsChunks,
  PRICING_SWITCH_DAY,
  type AnalyticsChunk,
  type AnalyticsQuery,
  type AnalyticsRow,
  type Dimension,
  type Granularity,
  type PricingModel,
} from './analytics';
export { CUSTOM_FUNCTION_BUDGET_MS, SIDEBAR_BUDGET_MS, type CallOptions } from './graph-transport';
export { DEFAULT_API_VERSION, DEFAULT_GRAPH_BASE_URL } from './graph-url';
export {
  ianaZoneForMetaTimezoneId,
  resolveWabaTimeZone,
  type ZoneChoice,
  type ZoneSource,
} from './timezones';
export {
  MetaCostUnavailableError,
  MetaError,
  MetaParameterError,
  MetaPermissionError,
  MetaRateLimitError,
  MetaResponseError,
  MetaTokenError,
  MetaTransportError,
} from './errors';
