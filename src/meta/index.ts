/** Public surface of src/meta: what the src/gas adapters use (tests may import the modules directly). */
export type { Clock, HttpPort, HttpResponse } from './ports';
export { createGraphClient, type GraphPorts, type PhoneLine } from './client';
export { approximateCost, billableUnits, type AnalyticsQuery, type AnalyticsRow } from './analytics';
export { analyticsTable, dimensionsFor, midnightOf, type TableColumn } from './analytics-table';
export {
  readCategories,
  readDayRange,
  readGranularity,
  readLines,
  readMonth,
  readTableColumns,
  type MetaFunctionName,
} from './formula-args';
export { CUSTOM_FUNCTION_BUDGET_MS, SIDEBAR_BUDGET_MS } from './graph-transport';
export { DEFAULT_API_VERSION, DEFAULT_GRAPH_BASE_URL } from './graph-url';
export { decodeRows, encodeRows } from './row-codec';
export { resolveWabaTimeZone } from './timezones';
export { redact, tokenHint } from './token';
export {
  MetaError,
  MetaFormulaError,
  MetaNotConnectedError,
  MetaTokenError,
  MetaTransportError,
} from './errors';
export type { Dimension } from './analytics';
export { type CostedRow, META_COST_SOURCE, withMetaCosts } from './analytics-table';
