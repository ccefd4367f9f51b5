/**
 * Atom's rows of one month as the history tables hold them (schema.ts): per-message rows (those with a message
 * kind) into `atom_messages`, what the billing queries price; conversation rows into `atom_conversations`. The
 * wall times Atom exports are instants in the spreadsheet's zone, stored as TIMESTAMPs; `month` is the month the
 * import assigned the row to (its partition).
 */
import type { AtomRow } from '../atom/rows';
import { wallTimeToEpoch } from '../atom/stored-rows';
import type { MessageKind } from '../atom/message-kinds';

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
