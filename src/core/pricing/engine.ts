/**
 * The billing engine: which business messages Meta charges, under the rule in force at each
 * message (rules.ts). Messages are put in (contact, time) order, then each contact's messages are
 * walked once with that contact's state: open conversations per category (conversation model),
 * the customer-service window, a pending free-entry-point referral and the free-entry-point
 * window. With lines, a contact is one (line, contact) pair: Meta keeps windows and conversations
 * per business phone number. Service units are priced after the walk: a monthly free allowance is
 * shared in time order by every contact of the account or of the line (the rule's freeServiceScope).
 *
 * Units: a conversation under the conversation model, a delivered business message under the
 * message model. Windows and conversations are half-open: open at t0, closed from t0 + 24 h.
 */
import type { ZoneCalendar } from '../zone-calendar';
import { DAY_MS } from '../zone-calendar';
import { sortIntoContactRuns, type MessageLog } from './contact-runs';
import {
  CATEGORY_FREE_ENTRY_POINT,
  CATEGORY_SERVICE,
  CATEGORY_UTILITY,
  KIND_SLOTS,
  KIND_USER_AD,
  categoryOfKind,
} from './message-kinds';
import { ACCOUNT_POOL, MonthlyAllowance } from './monthly-allowance';
import { RuleSchedule } from './rule-schedule';
import { PRICING_RULES, type PricingRule } from './rules';
import { PricingTally, tallySlot } from './tally';

export type { MessageLog } from './contact-runs';

const CONVERSATION_MS = DAY_MS;
const SERVICE_WINDOW_MS = DAY_MS;
/** A referral from an ad or Page button must be answered within 24 h to open a free entry point. */
const REFERRAL_REPLY_MS = DAY_MS;
const FREE_ENTRY_POINT_MS = 3 * DAY_MS;
const CONVERSATION_MODEL = 0;
/** Open-conversation expiries per category, up to and including service. */
const CONVERSATION_CATEGORIES = CATEGORY_SERVICE + 1;

export function priceMessages(
  log: MessageLog,
  calendar: ZoneCalendar,
  rules: readonly PricingRule[] = PRICING_RULES,
): PricingTally {
  const { keys, runStarts, runLines, lineNames } = sortIntoContactRuns(log);
  const schedule = new RuleSchedule(rules, calendar);
  const tally = new PricingTally(lineNames);
  const allowance = new MonthlyAllowance();
  const expiry = new Float64Array(CONVERSATION_CATEGORIES);
  // The rule in force over [ruleFrom, ruleUntil); looked up again only when a message leaves it.
  let ruleFrom = Infinity;
  let ruleUntil = -Infinity;
  let rule = schedule.rules[0];
  let model = 0;

  for (let c = 0; c + 1 < runStarts.length; c++) {
    const line = runLines[c];
    expiry.fill(-Infinity);
    let serviceWindowUntil = -Infinity;
    let referralUntil = -Infinity;
    let freeEntryUntil = -Infinity;
    for (let i = runStarts[c], end = runStarts[c + 1]; i < end; i++) {
      const t = Math.floor(keys[i] / KIND_SLOTS);
      const kind = keys[i] - t * KIND_SLOTS;
      if (kind <= KIND_USER_AD) {
        serviceWindowUntil = t + SERVICE_WINDOW_MS;
        if (kind === KIND_USER_AD) referralUntil = t + REFERRAL_REPLY_MS;
        continue;
      }
      if (t < ruleFrom || t >= ruleUntil) {
        const index = schedule.indexAt(t);
        ruleFrom = schedule.starts[index];
        ruleUntil = schedule.endOf(index);
        rule = schedule.rules[index];
        model = schedule.modelIndex[index];
      }
      let category = categoryOfKind(kind);
      // The first business message after a referral opens the free entry point, unless one is open.
      const opensFreeEntry = t < referralUntil && t >= freeEntryUntil;
      referralUntil = -Infinity;
      if (opensFreeEntry) {
        freeEntryUntil = t + FREE_ENTRY_POINT_MS;
        expiry.fill(-Infinity); // it closes every open conversation
      }
      let charged: boolean;
      if (model === CONVERSATION_MODEL) {
        if (opensFreeEntry) {
          category = CATEGORY_FREE_ENTRY_POINT;
          charged = false;
        } else if (t < freeEntryUntil) {
          continue; // nothing opens while a free entry point lasts
        } else if (category !== CATEGORY_SERVICE) {
          if (t < expiry[category]) continue;
          expiry[category] = t + CONVERSATION_MS;
          charged = true;
        } else {
          if (anyOpen(expiry, t)) continue;
          expiry[CATEGORY_SERVICE] = t + CONVERSATION_MS;
          allowance.add(t, line, allowancePool(rule, line));
          continue;
        }
      } else if (t < freeEntryUntil) {
        charged = false;
      } else if (category === CATEGORY_SERVICE) {
        allowance.add(t, line, allowancePool(rule, line));
        continue;
      } else if (category === CATEGORY_UTILITY) {
        // Free in the service window, or inside a utility conversation opened before the switch.
        charged = !(
          (rule.utilityFreeInServiceWindow && t < serviceWindowUntil) ||
          t < expiry[CATEGORY_UTILITY]
        );
      } else {
        charged = true; // marketing and authentication: charged even inside the service window
      }
      tally.count(calendar.epochDayAt(t), line, tallySlot(model, category), charged);
    }
  }
  allowance.settle(schedule, calendar, tally, lineNames);
  return tally;
}

function allowancePool(rule: PricingRule, line: number): number {
  return rule.freeServiceScope === 'line' ? line : ACCOUNT_POOL;
}

function anyOpen(expiry: Float64Array, t: number): boolean {
  for (let k = 0; k < expiry.length; k++) if (t < expiry[k]) return true;
  return false;
}
