/** The enabled pricing rules placed on the time line of one zone (rules start at local midnight). */
import { splitDayKey } from '../time';
import type { ZoneCalendar } from '../zone-calendar';
import { PRICING_MODELS, type PricingRule } from './rules';

export class RuleSchedule {
  /** starts[i] is the instant rule i takes effect; the first rule also covers everything earlier. */
  readonly starts: number[];
  readonly rules: PricingRule[];
  /** Index into PRICING_MODELS of each rule's model. */
  readonly modelIndex: number[];

  constructor(rules: readonly PricingRule[], calendar: ZoneCalendar) {
    this.rules = rules.filter((r) => r.enabled).sort((a, b) => a.from - b.from);
    if (this.rules.length === 0) throw new RangeError('No enabled pricing rule');
    this.starts = this.rules.map((r, i) => {
      if (i === 0) return -Infinity;
      const { year, month, day } = splitDayKey(r.from);
      return calendar.instantOf(year, month, day);
    });
    this.modelIndex = this.rules.map((r) => PRICING_MODELS.indexOf(r.model));
  }

  indexAt(epochMs: number): number {
    let i = this.starts.length - 1;
    while (epochMs < this.starts[i]) i--;
    return i;
  }

  /** The instant the rule after `index` starts (Infinity for the last). */
  endOf(index: number): number {
    return index + 1 < this.starts.length ? this.starts[index + 1] : Infinity;
  }
}
