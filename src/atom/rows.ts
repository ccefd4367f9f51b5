/** The normalised record every Atom export becomes, whatever its language or layout. */
import { isMessageKind, type MessageKind } from './message-kinds';

export type ClosingType = 'manual' | 'automatic' | '';

export interface AtomRow {
  id: string;
  /** Local wall time "yyyy-MM-dd HH:mm:ss", read in the spreadsheet's zone by the server; '' when absent. */
  start: string;
  /** Digits only, as BILLED_UNIQUE_CONTACTS compares phone numbers; '' when absent or not a phone number. */
  contact: string;
  line: string;
  group: string;
  agent: string;
  typification: string;
  closingType: ClosingType;
  origin: string;
  campaign: string;
  /** Conversations the row stands for: 1 for a per-conversation row, the report's count otherwise. */
  conversations: number;
  /** BILLED_BREAKDOWN's kind of a per-message row (with a start and a contact); '' for a conversation row. */
  messageKind: MessageKind | '';
}

/** conversations: one row per conversation (General report ▸ Audit); campaigns: Outbound report; groups: closed conversations per group. */
export type AtomReportKind = 'conversations' | 'campaigns' | 'groups' | 'unknown';

/** The reports an import writes (an unrecognised one is mapped to one of these first). */
export type AtomImportKind = Exclude<AtomReportKind, 'unknown'>;

export interface RejectedRow {
  row: number;
  reason: string;
}

const WALL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
/** The text fields of a row: each becomes a cell of "Atom conversations". */
export const TEXT_FIELDS = [
  'id',
  'contact',
  'line',
  'group',
  'agent',
  'typification',
  'origin',
  'campaign',
] as const;

/**
 * Why a row that crossed google.script.run cannot be written, or undefined when it is sound. The server
 * checks again what the sidebar produced: the contract is the boundary, not the sidebar's good manners.
 */
export function rowProblem(row: unknown): string | undefined {
  if (typeof row !== 'object' || row === null) return 'not a record';
  const r = row as Record<string, unknown>;
  for (const f of TEXT_FIELDS) if (typeof r[f] !== 'string') return `${f} is not text`;
  if (typeof r.start !== 'string' || (r.start !== '' && !WALL_TIME.test(r.start))) {
    return `start "${String(r.start)}" is not yyyy-MM-dd HH:mm:ss`;
  }
  if (r.closingType !== 'manual' && r.closingType !== 'automatic' && r.closingType !== '') {
    return `closingType "${String(r.closingType)}" is not manual, automatic or empty`;
  }
  if (typeof r.contact === 'string' && !/^\d*$/.test(r.contact))
    return `contact "${r.contact}" is not digits`;
  if (r.messageKind !== '' && !isMessageKind(r.messageKind)) {
    return `messageKind "${String(r.messageKind)}" is not a message kind`;
  }
  if (r.messageKind !== '' && (r.start === '' || r.contact === '')) {
    return 'a message needs a start and a contact';
  }
  if (typeof r.conversations !== 'number' || !Number.isFinite(r.conversations) || r.conversations < 0) {
    return `conversations ${String(r.conversations)} is not a non-negative number`;
  }
  return undefined;
}
