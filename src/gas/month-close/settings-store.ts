/**
 * Month-close settings in DOCUMENT properties, shared by every editor: the consolidation grace, what the last
 * import used (so the sidebar and the daily refresh can reuse it), and the daily refresh's trigger.
 */
import { DEFAULT_GRACE_DAYS } from '../../month-close';
import type { ProjectionMethodName, SheetRangeRef } from '../../rpc/contract';
import { documentProperties as properties, readDocumentJson as readJson } from '../shared/document-json';

const GRACE_KEY = 'atomBilling.monthClose.graceDays';
const LAST_REQUEST_KEY = 'atomBilling.monthClose.lastRequest';
const REFRESH_KEY = 'atomBilling.monthClose.dailyRefresh';

export interface RememberedRequest {
  lines: string[];
  groups: SheetRangeRef | null;
  campaigns: SheetRangeRef | null;
  projectionMethod: ProjectionMethodName;
  /** The cost to allocate's currency when it was not the account's (a month billed in two currencies). */
  costCurrency?: string | null;
}

export interface StoredRefresh {
  hour: number;
  triggerUid: string;
  /** The admin whose trigger it is (installable triggers belong to one user). */
  owner: string;
}

export function readGraceDays(): number {
  const value = Number(properties().getProperty(GRACE_KEY));
  return properties().getProperty(GRACE_KEY) !== null && Number.isInteger(value) ? value : DEFAULT_GRACE_DAYS;
}

export function writeGraceDays(days: number): void {
  properties().setProperty(GRACE_KEY, String(days));
}

function rangeRef(v: unknown): SheetRangeRef | null {
  const o = v as SheetRangeRef | null;
  return o && typeof o.sheet === 'string' && typeof o.range === 'string'
    ? { sheet: o.sheet, range: o.range }
    : null;
}

export function readRememberedRequest(): RememberedRequest {
  const v = (readJson(LAST_REQUEST_KEY) ?? {}) as Partial<RememberedRequest>;
  return {
    lines: Array.isArray(v.lines) ? v.lines.filter((l): l is string => typeof l === 'string') : [],
    groups: rangeRef(v.groups),
    campaigns: rangeRef(v.campaigns),
    projectionMethod: v.projectionMethod ?? 'linear',
    costCurrency: typeof v.costCurrency === 'string' ? v.costCurrency : null,
  };
}

/** The property value the request is stored as (checked against the 9 KB limit before the import writes). */
export function rememberedRequestValue(request: RememberedRequest): string {
  return JSON.stringify(request);
}

export function writeRememberedRequest(request: RememberedRequest): void {
  properties().setProperty(LAST_REQUEST_KEY, rememberedRequestValue(request));
}

export function readRefresh(): StoredRefresh | null {
  const v = readJson(REFRESH_KEY) as StoredRefresh | null;
  return v && Number.isInteger(v.hour) && typeof v.triggerUid === 'string' ? v : null;
}

export function writeRefresh(refresh: StoredRefresh | null): void {
  if (refresh) properties().setProperty(REFRESH_KEY, JSON.stringify(refresh));
  else properties().deleteProperty(REFRESH_KEY);
}
