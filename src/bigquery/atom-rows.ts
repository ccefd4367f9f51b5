/**
 * Atom's rows of one month as the history tables hold them (schema.ts): per-message rows (those with a message
 * kind) into `atom_messages`, what the billing queries price; conversation rows into `atom_conversations`. The
 * wall times Atom exports are instants in the spreadsheet's zone, stored as TIMESTAMPs; `month` is the month the
 * import assigned the row to (its partition).
 */
import type { AtomRow } from '../atom/rows';
import { wallTimeToEpoch } from '../atom/stored-rows';
import type { MessageKind } from '../atom/message-kinds';
import type { ClosingType } from '../atom/rows';
import type { StoredRow } from '../atom/stored-rows';

/** One priced message as `atom_messages` (and `billing_carry`) store it. */
export function messageRecord(
  month: string,
  sentAtMs: number,
  message: { line: string; contact: string; kind: MessageKind },
  extra: { conversationId: string | null; fileName: string | null } = {
    conversationId: null,
    fileName: null,
  },
): Record<string, string | null> {
  return {
    month,
    sent_at: new Date(sentAtMs).toISOString(),
    line: message.line,
    contact: message.contact,
    kind: message.kind,
    conversation_id: extra.conversationId,
    file_name: extra.fileName,
  };
}

export interface AtomMonthBodies {
  /** NDJSON for a load into `atom_messages$YYYYMM`; '' when the month has no per-message row. */
  messages: string;
  /** NDJSON for a load into `atom_conversations$YYYYMM`; '' when it has no conversation row. */
  conversations: string;
}

const blank = (v: string) => (v === '' ? null : v);

/** The fields of a conversation row that `atom_conversations` keeps. */
export type ConversationFields = Pick<
  AtomRow,
  | 'id'
  | 'line'
  | 'contact'
  | 'group'
  | 'agent'
  | 'typification'
  | 'closingType'
  | 'origin'
  | 'campaign'
  | 'conversations'
>;

/** One conversation row as `atom_conversations` stores it (`month`: yyyy-MM-01; blank texts as NULL). */
export function conversationRecord(
  month: string,
  startMs: number | null,
  r: ConversationFields,
  fileName: string,
): Record<string, string | number | null> {
  return {
    month,
    conversation_id: blank(r.id),
    started_at: startMs === null ? null : new Date(startMs).toISOString(),
    line: blank(r.line),
    contact: blank(r.contact),
    atom_group: blank(r.group),
    agent: blank(r.agent),
    typification: blank(r.typification),
    closing_type: blank(r.closingType),
    origin: blank(r.origin),
    campaign: blank(r.campaign),
    conversations: r.conversations,
    file_name: fileName,
  };
}

/** The month's rows (`month`: yyyy-MM-01) as the two load bodies; times read in the spreadsheet's `timeZone`. */
export function atomMonthNdjson(
  month: string,
  rows: readonly AtomRow[],
  fileName: string,
  timeZone: string,
): AtomMonthBodies {
  const messages: string[] = [];
  const conversations: string[] = [];
  for (const r of rows) {
    const startMs = r.start === '' ? null : wallTimeToEpoch(r.start, timeZone);
    if (r.messageKind !== '' && startMs !== null) {
      messages.push(
        JSON.stringify(
          messageRecord(
            month,
            startMs,
            { line: r.line, contact: r.contact, kind: r.messageKind },
            { conversationId: blank(r.id), fileName },
          ),
        ),
      );
      continue;
    }
    conversations.push(JSON.stringify(conversationRecord(month, startMs, r, fileName)));
  }
  return { messages: messages.join('\n'), conversations: conversations.join('\n') };
}

export type AtomTableId = 'atom_messages' | 'atom_conversations';

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/**
 * The sheet's stored rows ("Atom conversations") as the rows each table holds for a month: what copying the
 * spreadsheet's history into BigQuery loads.
 */
/** `month`: `YYYY-MM`; other months' rows are skipped. */
export function atomMonthRecords(
  month: string,
  rows: readonly StoredRow[],
): Record<AtomTableId, Record<string, unknown>[]> {
  const first = `${month}-01`;
  const out: Record<AtomTableId, Record<string, unknown>[]> = { atom_messages: [], atom_conversations: [] };
  for (const { month: m, startMs, message, cells: c } of rows) {
    if (m !== month) continue;
    const field = (k: number) => text(c[k]);
    const id = field(1);
    const fileName = field(12);
    if (message && startMs !== null) {
      out.atom_messages.push(
        messageRecord(
          first,
          startMs,
          { line: field(4), contact: field(3), kind: c[13] as MessageKind },
          { conversationId: id === '' ? null : id, fileName },
        ),
      );
      continue;
    }
    out.atom_conversations.push(
      conversationRecord(
        first,
        startMs,
        {
          id,
          contact: field(3),
          line: field(4),
          group: field(5),
          agent: field(6),
          typification: field(7),
          closingType: field(8) as ClosingType,
          origin: field(9),
          campaign: field(10),
          conversations: typeof c[11] === 'number' ? c[11] : 0,
        },
        fileName,
      ),
    );
  }
  return out;
}
