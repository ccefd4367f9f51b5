/**
 * The Atom data sheets as records: "Atom conversations" (one row per conversation) and the aggregate reports
 * "Atom groups" / "Atom campaigns" (one row per label and month). A stored row keeps the cells it was read
 * with, so an upsert rewrites the rows it does not replace exactly as they were.
 */
import type { StoredRecord } from './import-store';
import type { LabelledCount, MonthConversation } from './month-tables';
import { isMessageKind } from './message-kinds';
import { MESSAGE_LOG_COLUMNS } from './reconciliation';
import type { AtomRow, ClosingType } from './rows';
import { dayKeyAt, dayKeyToIso, zonedTimeToEpoch } from '../core/time';

export interface StoredRow extends StoredRecord {
  cells: unknown[];
}

export const CONVERSATION_WIDTH = 14;

export const AGGREGATE_WIDTH = 4;

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The instant a wall time "yyyy-MM-dd HH:mm:ss" names in the spreadsheet's zone. */
export function wallTimeToEpoch(wall: string, timeZone: string): number {
  const [y, mo, d, h, mi, s] = wall.split(/[- :]/).map(Number);
  return zonedTimeToEpoch(y, mo, d, timeZone, h, mi, s);
}

export function conversationFromRow(
  row: AtomRow,
  month: string,
  fileName: string,
  timeZone: string,
): StoredRow {
  const startMs = row.start === '' ? null : wallTimeToEpoch(row.start, timeZone);
  return {
    month,
    id: row.id,
    startMs,
    message: row.messageKind !== '',
    cells: [
      month,
      row.id,
      startMs === null ? '' : new Date(startMs),
      row.contact,
      row.line,
      row.group,
      row.agent,
      row.typification,
      row.closingType,
      row.origin,
      row.campaign,
      row.conversations,
      fileName,
      row.messageKind,
    ],
  };
}

export function conversationFromCells(cells: unknown[]): StoredRow {
  const start = cells[MESSAGE_LOG_COLUMNS.start - 1];
  return {
    month: text(cells[0]),
    id: text(cells[1]),
    startMs: isDate(start) ? start.getTime() : null,
    message: isMessageKind(cells[MESSAGE_LOG_COLUMNS.kind - 1]),
    cells,
  };
}

const closingTypeOf = (v: unknown): ClosingType => (v === 'manual' || v === 'automatic' ? v : '');

export function monthConversation(row: StoredRow, timeZone: string): MonthConversation {
  const c = row.cells;
  return {
    day: row.startMs === null ? '' : dayKeyToIso(dayKeyAt(row.startMs, timeZone)),
    id: text(c[1]),
    message: row.message === true,
    contact: text(c[MESSAGE_LOG_COLUMNS.contact - 1]),
    group: text(c[5]),
    closingType: closingTypeOf(c[8]),
    origin: text(c[9]),
    campaign: text(c[10]),
    conversations: typeof c[11] === 'number' ? c[11] : 0,
  };
}

export function aggregateFromRow(label: string, row: AtomRow, month: string, fileName: string): StoredRow {
  return { month, id: '', startMs: null, cells: [month, label, row.conversations, fileName] };
}

export function aggregateFromCells(cells: unknown[]): StoredRow {
  return { month: text(cells[0]), id: '', startMs: null, cells };
}

export function labelledCount(row: StoredRow): LabelledCount {
  return { label: text(row.cells[1]), conversations: typeof row.cells[2] === 'number' ? row.cells[2] : 0 };
}
