/**
 * The billing engine (src/core/pricing/engine.ts) as one GoogleSQL query over the stored Atom messages, giving
 * exactly its answer on the same log: charged and free units per (local day, line, pricing model, category).
 *
 * The engine walks each (line, contact) thread in (time, kind) order with its state; the query derives the
 * same state with window functions over that order (pos):
 *  - the customer-service window: the last customer message (user, user_ad) at or before pos, + 24 h;
 *  - a free-entry-point candidate: a business message with a user_ad after the previous business message and
 *    within 24 h of it; free entry points open greedily among candidates (one opens only once the last has
 *    closed, 72 h), and each opening closes every open conversation: "segments" of a thread are numbered by
 *    the openings, and conversations never cross a segment;
 *  - conversation model: a category's conversations open greedily among its messages outside free-entry
 *    windows (24 h, per thread, segment and category); a service message opens a service conversation when
 *    no conversation of any category is open, greedily among such messages;
 *  - message model: free in a free-entry window; utility free in the service window (when the rule says so)
 *    or in a utility conversation opened under the conversation model; service messages go to the allowance;
 *  - the monthly allowance: service units numbered per pool (the account, or the line when the rule's scope
 *    is 'line') and local month in time order, ties by line name (the engine's tie-break); the first
 *    freeServicePerMonth are free.
 * "Greedily" (next opening = first candidate at or after the last opening + span) is not a window function:
 * GoogleSQL's WITH RECURSIVE would do it, but node-sql-parser cannot parse it, so each chain is found by
 * pointer doubling: jump tables next^(2^i) by self-join and the openings as {next^m(first) : m < 2^levels},
 * with `levels` enough for the longest possible chain in the days read.
 *
 * Rules are the engine's PRICING_RULES (or the ones passed), placed by local day: a rule starting at local
 * midnight of day D covers exactly the instants whose local day is ≥ D.
 *
 * One month at a time: the answer on a month alone is the engine's on the whole history when the query also reads
 * the state carried into the month (`carried`, rows written by the previous month's carriedStateSql); without it,
 * the answer is the engine's on the messages from `readFrom` on.
 * Limit, for the wiring: BigQuery evaluates a CTE once per reference (it materialises only
 * recursive ones), and the doubling references each level twice: fine for the handful of levels a month needs,
 * costly on years of history; a script with one TEMP TABLE per level is the way out there.
 */
import { CATEGORY_NAMES, KIND_NAMES } from '../core/pricing/message-kinds';
import { PRICING_MODELS, PRICING_RULES, type PricingRule } from '../core/pricing/rules';
import { addDays, dayKeyToIso, splitDayKey, type DayKey } from '../core/time';
import { DAY_MS } from '../core/zone-calendar';
import { PARTITION_COLUMN, qualifiedName, type DatasetRef } from './schema';

/** A named query parameter as jobs.query takes it (parameterMode NAMED). */
export interface QueryParameter {
  name: string;
  parameterType: { type: 'STRING' | 'DATE' | 'INT64' };
  parameterValue: { value: string };
}

export interface SqlQuery {
  query: string;
  queryParameters: QueryParameter[];
}

export interface BillingScope {
  dataset: DatasetRef;
  /** The spreadsheet's zone: local days, months and rule starts. */
  timeZone: string;
  /** Local days reported (inclusive). */
  firstDay: DayKey;
  lastDay: DayKey;
  /**
   * First local day of messages read (≤ firstDay). The engine's answer for a day depends on earlier messages
   * (open windows and conversations, free entry points): the answer is the engine's on the log from this day.
   */
  readFrom: DayKey;
  rules?: readonly PricingRule[];
  /**
   * Also read the state carried into firstDay's month (billing_carry, written by the previous month's
   * carriedStateSql): with readFrom = firstDay = the month's first day, the answer is then the engine's on the
   * whole history while reading that month's partitions only.
   */
  carried?: boolean;
}

const CONVERSATION = PRICING_MODELS.indexOf('conversation');
const KIND = Object.fromEntries(KIND_NAMES.map((name, code) => [name, code])) as Record<
  (typeof KIND_NAMES)[number],
  number
>;
const SERVICE_CATEGORY = CATEGORY_NAMES.indexOf('service');
const FREE_ENTRY_CATEGORY = CATEGORY_NAMES.indexOf('free_entry_point');
const FREE_ENTRY_MS = 3 * DAY_MS;
/** Local days before a month's end whose state rows are carried (a free entry point lasts 72 h). */
const CARRIED_DAYS = 3;
const THREAD = ['line', 'contact'];

const epochDayOf = (key: DayKey) => {
  const { year, month, day } = splitDayKey(key);
  return Date.UTC(year, month - 1, day) / DAY_MS;
};

/** A GoogleSQL CASE over the local day choosing each rule's value (the first rule also covers earlier days). */
function byRule(rules: readonly PricingRule[], value: (rule: PricingRule) => string): string {
  const values = rules.map(value);
  if (values.every((v) => v === values[0])) return values[0];
  const whens = rules
    .slice(1)
    .map((r, i) => `WHEN day >= DATE '${dayKeyToIso(r.from)}' THEN ${values[i + 1]}`)
    .reverse();
  return `CASE ${whens.join(' ')} ELSE ${values[0]} END`;
}

/**
 * CTEs finding the greedy chain of openings among `source`'s rows (columns: keys, pos, ms) per key: the first
 * row opens, then the first row at or after the last opening + spanMs. `name` ends up with (keys, pos) of each
 * opening. Chains of up to 2^levels openings are complete.
 */
function chainCtes(
  name: string,
  source: string,
  keys: readonly string[],
  spanMs: number,
  levels: number,
): string[] {
  const list = keys.join(', ');
  const of = (alias: string) => keys.map((k) => `${alias}.${k}`).join(', ');
  const on = (a: string, b: string) => keys.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');
  const ctes = [
    `${name}_n AS (SELECT ${list}, pos, ROW_NUMBER() OVER (PARTITION BY ${list} ORDER BY pos) AS seq, ` +
      `COUNT(*) OVER (PARTITION BY ${list} ORDER BY ms RANGE BETWEEN UNBOUNDED PRECEDING AND ${spanMs - 1} FOLLOWING) + 1 AS nx, ` +
      `COUNT(*) OVER (PARTITION BY ${list}) AS cnt FROM ${source})`,
    `${name}_j0 AS (SELECT ${list}, seq, nx AS j FROM ${name}_n WHERE nx <= cnt)`,
    `${name}_s0 AS (SELECT ${list}, seq FROM ${name}_n WHERE seq = 1)`,
  ];
  for (let i = 1; i <= levels; i++) {
    ctes.push(
      `${name}_s${i} AS (SELECT ${list}, seq FROM ${name}_s${i - 1} UNION ALL ` +
        `SELECT ${of('j')}, j.j FROM ${name}_s${i - 1} s JOIN ${name}_j${i - 1} j ON ${on('s', 'j')} AND j.seq = s.seq)`,
    );
    if (i < levels)
      ctes.push(
        `${name}_j${i} AS (SELECT ${of('a')}, a.seq, b.j FROM ${name}_j${i - 1} a ` +
          `JOIN ${name}_j${i - 1} b ON ${on('a', 'b')} AND b.seq = a.j)`,
      );
  }
  ctes.push(
    `${name} AS (SELECT ${of('n')}, n.pos FROM ${name}_s${levels} s JOIN ${name}_n n ON ${on('s', 'n')} AND n.seq = s.seq)`,
  );
  return ctes;
}

/** Doublings enough for the longest chain of `spanMs` openings among instants `days` local days apart. */
function levelsFor(days: number, spanMs: number): number {
  // +1 day: a local day can last 25 h around a DST change.
  const longest = Math.floor(((days + 1) * DAY_MS) / spanMs) + 1;
  return Math.max(0, Math.ceil(Math.log2(longest)));
}

const inThreadOrder = (
  partition: readonly string[],
  frame = 'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW',
) => `OVER (PARTITION BY ${partition.join(', ')} ORDER BY pos ${frame})`;

/**
 * The CTEs of the billing walk: `priced` (each message with its state), `breakdown` (day, line, model, category,
 * charged_units, free_units of the days reported).
 */
function billingCtes(scope: BillingScope): string[] {
  const rules = (scope.rules ?? PRICING_RULES).filter((r) => r.enabled).sort((a, b) => a.from - b.from);
  if (rules.length === 0) throw new RangeError('No enabled pricing rule');
  if (scope.readFrom > scope.firstDay || scope.firstDay > scope.lastDay)
    throw new RangeError('Expected readFrom ≤ firstDay ≤ lastDay');
  // Carried rows are at most CARRIED_DAYS days (and a referral's day) before the month.
  const days =
    epochDayOf(scope.lastDay) - epochDayOf(scope.readFrom) + 1 + (scope.carried ? CARRIED_DAYS + 2 : 0);
  const messages = qualifiedName(scope.dataset, 'atom_messages');
  const carried = scope.carried
    ? ` UNION ALL SELECT sent_at, line, contact, kind FROM ${qualifiedName(scope.dataset, 'billing_carry')} ` +
      `WHERE ${PARTITION_COLUMN} = DATE_TRUNC(@first_day, MONTH)`
    : '';
  const kindCode = `CASE kind ${KIND_NAMES.map((name, code) => `WHEN '${name}' THEN ${code}`).join(' ')} END`;
  const free = (r: PricingRule) =>
    r.freeServicePerMonth === Infinity
      ? 'CAST(NULL AS INT64)'
      : String(Math.max(0, Math.ceil(r.freeServicePerMonth)));
  const segment = [...THREAD, 'seg_no'];
  const ctes = [
    `msg AS (SELECT line, contact, sent_at, UNIX_MILLIS(sent_at) AS ms, DATE(sent_at, @time_zone) AS day, ` +
      `${kindCode} AS k FROM (SELECT sent_at, line, contact, kind FROM ${messages} ` +
      `WHERE ${PARTITION_COLUMN} BETWEEN DATE_TRUNC(@read_from, MONTH) AND @last_day ` +
      `AND DATE(sent_at, @time_zone) BETWEEN @read_from AND @last_day${carried}) AS logged ` +
      `WHERE kind IN (${KIND_NAMES.map((n) => `'${n}'`).join(', ')}))`,
    `ordered AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY line, contact ORDER BY ms, k) AS pos, ` +
      `${byRule(rules, (r) => String(PRICING_MODELS.indexOf(r.model)))} AS model, ` +
      `${byRule(rules, free)} AS free_per_month, ` +
      `${byRule(rules, (r) => String(r.freeServiceScope === 'line'))} AS line_scope, ` +
      `${byRule(rules, (r) => String(r.utilityFreeInServiceWindow))} AS utility_free FROM msg)`,
    `marked AS (SELECT *, ` +
      `MAX(IF(k <= ${KIND.user_ad}, ms, NULL)) ${inThreadOrder(THREAD)} AS last_user_ms, ` +
      `MAX(IF(k = ${KIND.user_ad}, pos, NULL)) ${inThreadOrder(THREAD)} AS last_ad_pos, ` +
      `MAX(IF(k = ${KIND.user_ad}, ms, NULL)) ${inThreadOrder(THREAD)} AS last_ad_ms, ` +
      `MAX(IF(k > ${KIND.user_ad}, pos, NULL)) ${inThreadOrder(THREAD, 'ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING')} AS prev_biz_pos ` +
      `FROM ordered)`,
    `fe_cand AS (SELECT line, contact, pos, ms FROM marked WHERE k > ${KIND.user_ad} ` +
      `AND last_ad_pos > COALESCE(prev_biz_pos, 0) AND ms < last_ad_ms + ${DAY_MS})`,
    ...chainCtes('fe_open', 'fe_cand', THREAD, FREE_ENTRY_MS, levelsFor(days, FREE_ENTRY_MS)),
    `fe AS (SELECT m.*, o.pos IS NOT NULL AS opens_fe FROM marked m ` +
      `LEFT JOIN fe_open o ON o.line = m.line AND o.contact = m.contact AND o.pos = m.pos)`,
    `segmented AS (SELECT *, ` +
      `k > ${KIND.user_ad} AND COALESCE(ms < MAX(IF(opens_fe, ms, NULL)) ${inThreadOrder(THREAD)} + ${FREE_ENTRY_MS}, FALSE) AS in_fe, ` +
      `COUNTIF(opens_fe) ${inThreadOrder(THREAD)} AS seg_no FROM fe)`,
    `conv_cand AS (SELECT line, contact, seg_no, k, pos, ms FROM segmented ` +
      `WHERE model = ${CONVERSATION} AND k > ${KIND.user_ad} AND k <> ${KIND.service} AND NOT in_fe)`,
    ...chainCtes('conv_open', 'conv_cand', [...segment, 'k'], DAY_MS, levelsFor(days, DAY_MS)),
    `conv AS (SELECT s.*, o.pos IS NOT NULL AS opens_conv FROM segmented s ` +
      `LEFT JOIN conv_open o ON o.line = s.line AND o.contact = s.contact AND o.pos = s.pos)`,
    `covered AS (SELECT *, ` +
      `MAX(IF(opens_conv, ms, NULL)) ${inThreadOrder(segment)} AS last_conv_ms, ` +
      `MAX(IF(opens_conv AND k = ${KIND.utility}, ms, NULL)) ${inThreadOrder(segment)} AS last_utility_ms FROM conv)`,
    `svc_cand AS (SELECT line, contact, seg_no, pos, ms FROM covered ` +
      `WHERE model = ${CONVERSATION} AND k = ${KIND.service} AND NOT in_fe ` +
      `AND (last_conv_ms IS NULL OR ms >= last_conv_ms + ${DAY_MS}))`,
    ...chainCtes('svc_open', 'svc_cand', segment, DAY_MS, levelsFor(days, DAY_MS)),
    `priced AS (SELECT c.*, o.pos IS NOT NULL AS opens_svc FROM covered c ` +
      `LEFT JOIN svc_open o ON o.line = c.line AND o.contact = c.contact AND o.pos = c.pos)`,
    // charged: NULL for a service unit priced by the allowance.
    `counted AS (SELECT line, day, ms, model, free_per_month, line_scope, ` +
      `CASE WHEN model = ${CONVERSATION} AND opens_fe THEN ${FREE_ENTRY_CATEGORY} ` +
      `WHEN k = ${KIND.service} THEN ${SERVICE_CATEGORY} ELSE k - ${KIND.marketing} END AS category, ` +
      `CASE WHEN in_fe THEN FALSE WHEN k = ${KIND.service} THEN CAST(NULL AS BOOL) ` +
      `WHEN model = ${CONVERSATION} THEN TRUE ` +
      `WHEN k = ${KIND.utility} THEN NOT (COALESCE(utility_free AND ms < last_user_ms + ${DAY_MS}, FALSE) ` +
      `OR COALESCE(ms < last_utility_ms + ${DAY_MS}, FALSE)) ELSE TRUE END AS charged ` +
      `FROM priced WHERE k > ${KIND.user_ad} AND (model <> ${CONVERSATION} OR opens_fe ` +
      `OR (NOT in_fe AND (opens_conv OR opens_svc))))`,
    `allowance AS (SELECT line, day, model, category, ` +
      `COALESCE(ROW_NUMBER() OVER (PARTITION BY line_scope, IF(line_scope, line, ''), DATE_TRUNC(day, MONTH) ` +
      `ORDER BY ms, line) > free_per_month, FALSE) AS charged FROM counted WHERE charged IS NULL)`,
    `units AS (SELECT day, line, model, category, charged FROM counted WHERE charged IS NOT NULL ` +
      `UNION ALL SELECT day, line, model, category, charged FROM allowance)`,
    `breakdown AS (SELECT day, line, model, category, COUNTIF(charged) AS charged_units, ` +
      `COUNTIF(NOT charged) AS free_units FROM units WHERE day BETWEEN @first_day AND @last_day ` +
      `GROUP BY day, line, model, category)`,
  ];
  return ctes;
}

export const withClause = (ctes: readonly string[]) => `WITH ${ctes.join(',\n')}\n`;

function parameters(scope: BillingScope): QueryParameter[] {
  const date = (name: string, key: DayKey): QueryParameter => ({
    name,
    parameterType: { type: 'DATE' },
    parameterValue: { value: dayKeyToIso(key) },
  });
  return [
    { name: 'time_zone', parameterType: { type: 'STRING' }, parameterValue: { value: scope.timeZone } },
    date('read_from', scope.readFrom),
    date('first_day', scope.firstDay),
    date('last_day', scope.lastDay),
  ];
}

const nameOf = (names: readonly string[], column: string) =>
  `CASE ${column} ${names.map((n, i) => `WHEN ${i} THEN '${n}'`).join(' ')} END`;

/**
 * BILLED_BREAKDOWN's rows: (day, line, model, category, charged_units, free_units) for every combination with a
 * unit, ordered as the engine's PricingTally.rows() (day, line, model, the fixed category order).
 */
export function billedBreakdownSql(scope: BillingScope): SqlQuery {
  return {
    query:
      withClause(billingCtes(scope)) +
      `SELECT day, line, ${nameOf(PRICING_MODELS, 'model')} AS model, ${nameOf(CATEGORY_NAMES, 'category')} ` +
      `AS category, charged_units, free_units FROM breakdown ORDER BY day, line, breakdown.model, breakdown.category`,
    queryParameters: parameters(scope),
  };
}

/** The daily table: charged and free units per day with any unit, by day. */
export function billedDailySql(scope: BillingScope): SqlQuery {
  return {
    query:
      withClause(billingCtes(scope)) +
      'SELECT day, SUM(charged_units) AS charged_units, SUM(free_units) AS free_units FROM breakdown ' +
      'GROUP BY day ORDER BY day',
    queryParameters: parameters(scope),
  };
}

/** The breakdown by kind: charged and free units per (pricing model, category), the month's billed units summed. */
export function billedByCategorySql(scope: BillingScope): SqlQuery {
  return {
    query:
      withClause(billingCtes(scope)) +
      `SELECT ${nameOf(PRICING_MODELS, 'model')} AS model, ${nameOf(CATEGORY_NAMES, 'category')} AS category, ` +
      'SUM(charged_units) AS charged_units, SUM(free_units) AS free_units FROM breakdown ' +
      'GROUP BY breakdown.model, breakdown.category ORDER BY breakdown.model, breakdown.category',
    queryParameters: parameters(scope),
  };
}

/**
 * The rows to carry into the month after lastDay (a month's last day), to be stored in billing_carry with that
 * month: per thread, the state the engine holds at the month's end, as messages that rebuild it — the last
 * customer message ('user'; 'user_ad' while its referral is pending), the last free-entry-point opening and the ad
 * that triggered it, and the conversations opened since it; each only from the last CARRIED_DAYS + 1 local days
 * (older state has expired by the month's end; a referral's ad goes with its opening). Recomputed with the next
 * month's messages, each carried opening opens again (it is its chain's first), so chains continue exactly.
 */
export function carriedStateSql(scope: BillingScope): SqlQuery {
  const carry = carriedState(scope);
  return {
    query: withClause(carry.ctes) + carry.select + ' ORDER BY p.line, p.contact, p.pos',
    queryParameters: carry.queryParameters,
  };
}

/** carriedStateSql's CTEs, its rows' SELECT (columns month, sent_at, line, contact, kind; no ORDER BY), parameters. */
export function carriedState(scope: BillingScope): {
  ctes: string[];
  select: string;
  queryParameters: QueryParameter[];
} {
  const next = addDays(scope.lastDay, 1);
  if (next % 100 !== 1) throw new RangeError('carriedStateSql: lastDay must be the last day of a month');
  const date = (name: string, key: DayKey): QueryParameter => ({
    name,
    parameterType: { type: 'DATE' },
    parameterValue: { value: dayKeyToIso(key) },
  });
  const kindName = `CASE p.k ${KIND_NAMES.map((name, code) => `WHEN ${code} THEN '${name}'`).join(' ')} END`;
  const ctes = [
    ...billingCtes(scope),
    `ends AS (SELECT line, contact, MAX(IF(k > ${KIND.user_ad}, pos, NULL)) AS last_biz, ` +
      `MAX(IF(k <= ${KIND.user_ad}, pos, NULL)) AS last_customer, MAX(IF(opens_fe, pos, NULL)) AS last_fe, ` +
      `MAX(seg_no) AS last_seg FROM priced GROUP BY line, contact)`,
    `triggers AS (SELECT p.line, p.contact, p.last_ad_pos AS pos FROM priced p JOIN ends e ` +
      `ON p.line = e.line AND p.contact = e.contact AND p.pos = e.last_fe WHERE p.day >= @carry_from)`,
  ];
  return {
    ctes,
    select:
      `SELECT @carry_month AS month, p.sent_at, p.line, p.contact, CASE WHEN p.k > ${KIND.user_ad} THEN ${kindName} ` +
      `WHEN (p.k = ${KIND.user_ad} AND p.pos > COALESCE(e.last_biz, 0)) OR t.pos IS NOT NULL THEN 'user_ad' ` +
      `ELSE 'user' END AS kind FROM priced p JOIN ends e ON p.line = e.line AND p.contact = e.contact ` +
      `LEFT JOIN triggers t ON t.line = p.line AND t.contact = p.contact AND t.pos = p.pos ` +
      `WHERE t.pos IS NOT NULL OR (p.day >= @carry_from AND ((p.k <= ${KIND.user_ad} AND (p.pos = e.last_customer ` +
      `OR (p.k = ${KIND.user_ad} AND p.pos > COALESCE(e.last_biz, 0)))) OR p.pos = e.last_fe ` +
      `OR (p.seg_no = e.last_seg AND (p.opens_conv OR p.opens_svc))))`,
    queryParameters: [
      ...parameters(scope),
      date('carry_from', addDays(scope.lastDay, -CARRIED_DAYS)),
      date('carry_month', next),
    ],
  };
}

/** Meta's billed units per day of a month (the month close's definition: the volume of REGULAR rows). */
export function metaDailySql(dataset: DatasetRef, month: DayKey): SqlQuery {
  return {
    query:
      `SELECT day, SUM(volume) AS billed_units FROM ${qualifiedName(dataset, 'meta_rows')} ` +
      `WHERE ${PARTITION_COLUMN} = @month AND type = 'REGULAR' GROUP BY day ORDER BY day`,
    queryParameters: [
      { name: 'month', parameterType: { type: 'DATE' }, parameterValue: { value: dayKeyToIso(month) } },
    ],
  };
}
