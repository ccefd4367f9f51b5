/**
 * Service units (conversations or messages), priced against the monthly free allowance of the rule
 * in force (e.g. the first 1,000 service conversations of each calendar month free; Infinity: all
 * free). The allowance is shared by every contact of the account, in time order, while the engine
 * walks one contact at a time; so these units are only collected during the walk and settled
 * afterwards in time order. Which contact's unit was the 1,000th does not change any
 * figure (units at one instant share day, model and category), so ties need no rule.
 */
import { epochDayToDayKey } from '../time';
import type { ZoneCalendar } from '../zone-calendar';
import { CATEGORY_SERVICE } from './message-kinds';
import type { RuleSchedule } from './rule-schedule';
import { tallySlot, type PricingTally } from './tally';

export class MonthlyAllowance {
  private readonly times: number[] = [];

  add(epochMs: number): void {
    this.times.push(epochMs);
  }

  settle(schedule: RuleSchedule, calendar: ZoneCalendar, tally: PricingTally): void {
    const times = Float64Array.from(this.times).sort();
    let month = NaN;
    let day = NaN;
    let used = 0;
    for (const t of times) {
      const tDay = calendar.epochDayAt(t);
      if (tDay !== day) {
        day = tDay;
        const tMonth = Math.floor(epochDayToDayKey(day) / 100);
        if (tMonth !== month) {
          month = tMonth;
          used = 0;
        }
      }
      const rule = schedule.indexAt(t);
      const free = used < schedule.rules[rule].freeServicePerMonth;
      used++;
      tally.count(day, tallySlot(schedule.modelIndex[rule], CATEGORY_SERVICE), !free);
    }
  }
}
