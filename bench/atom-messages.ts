/**
 * Shared by the BigQuery benches: a synthetic month of Atom messages (contacts spread over the month, kinds by a
 * fixed mix) as the JS engine reads it, its rows for atom_messages as a load job's NEWLINE_DELIMITED_JSON, and the
 * JS engine's breakdown in the order billedBreakdownSql answers.
 */
import { priceMessages } from '../src/core/pricing/engine';
import { KIND_NAMES } from '../src/core/pricing/message-kinds';
import { dayKeyToIso, epochDayToDayKey } from '../src/core/time';
import { ZoneCalendar } from '../src/core/zone-calendar';
import { random } from './timing';

export const ZONE = 'America/Bogota';
export const LINES = Array.from({ length: 20 }, (_, i) => String(573_001_110_000 + i));
/** Kinds by cumulative share: user, user_ad, marketing, utility, authentication, authentication_international, service. */
const KIND_SHARES = [0.35, 0.38, 0.5, 0.62, 0.68, 0.7, 1];

export interface SyntheticMonth {
  /** `yyyy-mm-01`: the month's partition. */
  first: string;
  times: number[];
  contacts: string[];
  lines: string[];
  kinds: number[];
}

/** `messages` messages of `contacts` contacts (each on one of LINES) at random instants of the month in ZONE. */
export function syntheticMonth(
  year: number,
  month: number,
  size: { messages: number; contacts: number; seed: number },
): SyntheticMonth {
  const calendar = new ZoneCalendar(ZONE);
  const from = calendar.instantOf(year, month, 1);
  const span = calendar.instantOf(year, month + 1, 1) - from;
  const next = random(size.seed);
  const log: SyntheticMonth = {
    first: `${year}-${String(month).padStart(2, '0')}-01`,
    times: [],
    contacts: [],
    lines: [],
    kinds: [],
  };
  for (let i = 0; i < size.messages; i++) {
    const contact = Math.floor(next() * size.contacts);
    log.times.push(from + Math.floor(next() * span));
    log.contacts.push(String(573_000_000_000 + contact * 7919));
    log.lines.push(LINES[contact % LINES.length]);
    const r = next();
    log.kinds.push(KIND_SHARES.findIndex((share) => r < share));
  }
  return log;
}

/**
 * The month's atom_messages rows as NEWLINE_DELIMITED_JSON. Written as text, not by JSON.stringify (a third of the
 * time at 1,000,000 rows): every value is digits, an ISO instant or a kind name, none needing an escape.
 */
export function messagesNdjson(log: SyntheticMonth): string {
  const rows: string[] = [];
  for (let i = 0; i < log.times.length; i++)
    rows.push(
      `{"month":"${log.first}","sent_at":"${new Date(log.times[i]).toISOString()}","line":"${log.lines[i]}",` +
        `"contact":"${log.contacts[i]}","kind":"${KIND_NAMES[log.kinds[i]]}"}`,
    );
  return rows.join('\n');
}

/** The JS engine's breakdown of the log: "day line model category charged free" rows, and its charged units. */
export function engineBreakdown(log: SyntheticMonth): { rows: string[]; chargedUnits: number } {
  const tally = priceMessages(log, new ZoneCalendar(ZONE));
  const rows = tally
    .rows()
    .map((r) =>
      [dayKeyToIso(epochDayToDayKey(r.epochDay)), r.line, r.model, r.category, r.charged, r.free].join(' '),
    );
  return { rows, chargedUnits: tally.chargedUnits() };
}
