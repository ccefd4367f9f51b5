/**
 * Service units (conversations or messages), priced against the monthly free allowance of the rule
 * in force (e.g. the first 1,000 service conversations of each calendar month free; Infinity: all
 * free). An allowance is shared in time order by every contact of its pool — the whole account, or
 * one line (the rule's freeServiceScope) — while the engine walks one contact at a time; so these
 * units are only collected during the walk and settled afterwards, pool by pool, in time order.
 * Within a line, which contact's unit was the 1,000th does not change any figure (units at one
 * instant share day, model and category); in an account pool, units of several lines at the same
 * instant are taken in line order, so the result never depends on row order.
 */
import { epochDayToDayKey } from '../time';
import type { ZoneCalendar } from '../zone-calendar';
import { CATEGORY_SERVICE } from './message-kinds';
import type { RuleSchedule } from './rule-schedule';
import { tallySlot, type PricingTally } from './tally';

/** The pool of units sharing the whole account's allowance (line pools are numbered from 0). */
export const ACCOUNT_POOL = -1;

interface Pool {
  times: number[];
  lines: number[];
}

export class MonthlyAllowance {
  private readonly pools = new Map<number, Pool>();

  /** A service unit at `epochMs` on `line`, counted against `pool` (ACCOUNT_POOL or the line). */
  add(epochMs: number, line: number, pool: number): void {
    let p = this.pools.get(pool);
    if (!p) {
      p = { times: [], lines: [] };
      this.pools.set(pool, p);
    }
    p.times.push(epochMs);
    p.lines.push(line);
  }

  settle(
    schedule: RuleSchedule,
    calendar: ZoneCalendar,
    tally: PricingTally,
    lineNames: readonly string[],
  ): void {
    for (const pool of this.pools.values()) {
      const { times, lines } = inTimeOrder(pool, lineNames);
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
        tally.count(day, lines[i], tallySlot(schedule.modelIndex[rule], CATEGORY_SERVICE), !free);
      }
    }
  }
}

/** A pool's units by time, then line name; a plain numeric sort when they are all of one line. */
function inTimeOrder(pool: Pool, lineNames: readonly string[]): { times: Float64Array; lines: Int32Array } {
  const first = pool.lines[0];
  if (pool.lines.every((l) => l === first)) {
    return {
      times: Float64Array.from(pool.times).sort(),
      lines: new Int32Array(pool.lines.length).fill(first),
    };
  }
  const order = pool.times.map((_, i) => i);
  order.sort((a, b) => {
    const d = pool.times[a] - pool.times[b];
    if (d !== 0) return d;
    const x = lineNames[pool.lines[a]];
    const y = lineNames[pool.lines[b]];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return {
    times: Float64Array.from(order, (i) => pool.times[i]),
    lines: Int32Array.from(order, (i) => pool.lines[i]),
  };
}
