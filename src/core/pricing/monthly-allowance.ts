/**
 * Service units (conversations or messages), priced against the monthly free allowance of the rule
 * in force (e.g. the first 1,000 service conversations of each calendar month free; Infinity: all
 * free). The allowance is shared by every contact of the account, in time order, while the engine
 * walks one contact at a time; so these units are only collected during the walk and settled
 * afterwards in time order. Which contact's unit was the 1,000th does not change any count
 * (units at one instant share day, model and category); it does change which tally group (e.g. the
 * recipient's country, for pricing) a charged unit falls in, so units at one instant are taken in
 * group order and the result never depends on row order.
 */
import { epochDayToDayKey } from '../time';
import type { ZoneCalendar } from '../zone-calendar';
import { CATEGORY_SERVICE } from './message-kinds';
import type { RuleSchedule } from './rule-schedule';
import { tallySlot, type PricingTally } from './tally';

export class MonthlyAllowance {
  private readonly times: number[] = [];
  private readonly groups: number[] = [];
  private grouped = false;

  add(epochMs: number, group = 0): void {
    this.times.push(epochMs);
    this.groups.push(group);
    if (group !== 0) this.grouped = true;
  }

  settle(schedule: RuleSchedule, calendar: ZoneCalendar, tally: PricingTally): void {
    const { times, groups } = this.inTimeOrder();
    let month = NaN;
    let day = NaN;
    let used = 0;
    for (let i = 0; i < times.length; i++) {
      const t = times[i];
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
      tally.count(day, tallySlot(schedule.modelIndex[rule], CATEGORY_SERVICE), !free, groups[i]);
    }
  }

  /** Units by time (then group, so the result never depends on row order); a plain numeric sort without groups. */
  private inTimeOrder(): { times: Float64Array; groups: ArrayLike<number> } {
    if (!this.grouped)
      return { times: Float64Array.from(this.times).sort(), groups: new Int32Array(this.times.length) };
    const order = this.times.map((_, i) => i);
    order.sort((a, b) => this.times[a] - this.times[b] || this.groups[a] - this.groups[b]);
    return {
      times: Float64Array.from(order, (i) => this.times[i]),
      groups: Int32Array.from(order, (i) => this.groups[i]),
    };
  }
}
