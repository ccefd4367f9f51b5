/**
 * The Atom tables of one month on its "Billing YYYY-MM" sheet, computed from the stored data: closed
 * conversations by group (what BILLED_BY_GROUP splits the bill by), conversations by campaign (for
 * BILLED_BY_CAMPAIGN), conversations started per day by origin, and unique contacts.
 */
import type { ClosingType } from './rows';

/** Which closures count as closed conversations: manual typifications only, or automatic closures too. */
export type ClosedConversationsCount = 'all' | 'manual';

/** One conversation (or a report line) of the month, as the tables need it. */
export interface MonthConversation {
  /** `yyyy-MM-dd` of the start in the spreadsheet's zone; '' without a start. */
  day: string;
  id: string;
  /** One message of a per-message log (it has a kind). */
  message: boolean;
  contact: string;
  group: string;
  closingType: ClosingType;
  origin: string;
  campaign: string;
  conversations: number;
}

export interface LabelledCount {
  label: string;
  conversations: number;
}

export interface DailyOrigin {
  day: string;
  origin: string;
  conversations: number;
}

export interface AtomMonthTables {
  month: string;
  closedCount: ClosedConversationsCount;
  groups: LabelledCount[];
  /** 'report': Atom's own distribution by group was imported for the month and is used as is. */
  groupsFrom: 'conversations' | 'report' | 'none';
  campaigns: LabelledCount[];
  campaignsFrom: 'conversations' | 'report' | 'none';
  /** Every day of the month × every origin seen, zeros included, so the table reads like Atom's chart. */
  daily: DailyOrigin[];
  /** null when the month's conversations carry no contact. */
  uniqueContacts: number | null;
  /** Every day of the month when its data has messages with kinds (the reconciliation with Meta); else []. */
  reconciliationDays: string[];
}

/** Sums by label in descending count, then label, so the table (and the split's tie-breaks) never depend on file order. */
function tally(entries: Iterable<[string, number]>): LabelledCount[] {
  const sums = new Map<string, number>();
  for (const [label, n] of entries) sums.set(label, (sums.get(label) ?? 0) + n);
  return [...sums]
    .map(([label, conversations]) => ({ label, conversations }))
    .sort(
      (a, b) => b.conversations - a.conversations || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
    );
}

export function daysOf(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

export function isClosed(c: MonthConversation, count: ClosedConversationsCount): boolean {
  return count === 'all' ? c.closingType !== '' : c.closingType === 'manual';
}

/**
 * A per-message log has a row per message: its messages with one id are one conversation, counted once with the
 * fields of its first message (rows are sorted by start). Messages without an id count one each. A conversation the
 * month's Audit export also holds is counted once, by its Audit row (which has the closing type and typification).
 */
function oncePerConversation(rows: readonly MonthConversation[]): MonthConversation[] {
  const seen = new Set<string>(rows.filter((c) => !c.message && c.id !== '').map((c) => c.id));
  return rows.filter((c) => {
    if (!c.message || c.id === '') return true;
    if (seen.has(c.id)) return false;
    seen.add(c.id);
    return true;
  });
}

/**
 * What a month's tables are made of (the same from rows in memory or from BigQuery's aggregates): each once-counted
 * conversation's count summed by group (closed ones), by campaign (non-blank) and by day and origin (started ones),
 * its distinct non-blank contacts, how many there are, and whether the month has messages with kinds.
 */
export interface MonthCounts {
  closedByGroup: LabelledCount[];
  byCampaign: LabelledCount[];
  byDayOrigin: DailyOrigin[];
  uniqueContacts: number;
  conversations: number;
  messages: boolean;
}

export function monthCounts(
  rows: readonly MonthConversation[],
  closedCount: ClosedConversationsCount,
): MonthCounts {
  const conversations = oncePerConversation(rows);
  const perDay = new Map<string, DailyOrigin>();
  for (const c of conversations) {
    if (c.day === '') continue;
    const key = `${c.day}\u0000${c.origin}`;
    const entry = perDay.get(key) ?? { day: c.day, origin: c.origin, conversations: 0 };
    entry.conversations += c.conversations;
    perDay.set(key, entry);
  }
  const labelled = (cs: readonly MonthConversation[], label: (c: MonthConversation) => string) =>
    tally(cs.map((c) => [label(c), c.conversations]));
  return {
    closedByGroup: labelled(
      conversations.filter((c) => isClosed(c, closedCount)),
      (c) => c.group,
    ),
    byCampaign: labelled(
      conversations.filter((c) => c.campaign !== ''),
      (c) => c.campaign,
    ),
    byDayOrigin: [...perDay.values()],
    uniqueContacts: new Set(conversations.map((c) => c.contact).filter((c) => c !== '')).size,
    conversations: conversations.length,
    messages: rows.some((c) => c.message),
  };
}

export function monthTables(
  month: string,
  rows: readonly MonthConversation[],
  reports: { groups: readonly LabelledCount[]; campaigns: readonly LabelledCount[] },
  closedCount: ClosedConversationsCount,
): AtomMonthTables {
  return tablesFromCounts(month, monthCounts(rows, closedCount), reports, closedCount);
}

export function tablesFromCounts(
  month: string,
  counts: MonthCounts,
  reports: { groups: readonly LabelledCount[]; campaigns: readonly LabelledCount[] },
  closedCount: ClosedConversationsCount,
): AtomMonthTables {
  const source = (report: readonly LabelledCount[], hasOwn: boolean): 'conversations' | 'report' | 'none' =>
    report.length > 0 ? 'report' : hasOwn ? 'conversations' : 'none';
  const ownGroups = tally(counts.closedByGroup.map((g) => [g.label, g.conversations]));
  const ownCampaigns = tally(counts.byCampaign.map((c) => [c.label, c.conversations]));
  const groupsFrom = source(reports.groups, counts.conversations > 0);
  const campaignsFrom = source(reports.campaigns, ownCampaigns.length > 0);

  const origins = [...new Set(counts.byDayOrigin.map((c) => c.origin))].sort();
  const perDay = new Map(counts.byDayOrigin.map((c) => [`${c.day}\u0000${c.origin}`, c.conversations]));
  const daily: DailyOrigin[] = [];
  if (origins.length > 0) {
    for (const day of daysOf(month)) {
      for (const origin of origins)
        daily.push({ day, origin, conversations: perDay.get(`${day}\u0000${origin}`) ?? 0 });
    }
  }
  return {
    month,
    closedCount,
    groups:
      groupsFrom === 'report' ? tally(reports.groups.map((g) => [g.label, g.conversations])) : ownGroups,
    groupsFrom,
    campaigns:
      campaignsFrom === 'report'
        ? tally(reports.campaigns.map((g) => [g.label, g.conversations]))
        : ownCampaigns,
    campaignsFrom,
    daily,
    uniqueContacts: counts.uniqueContacts > 0 ? counts.uniqueContacts : null,
    reconciliationDays: counts.messages ? daysOf(month) : [],
  };
}
