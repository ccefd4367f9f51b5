/** Charged and free units per (local day, line, pricing model, category): what the engine produces. */
import { CATEGORY_COUNT, CATEGORY_NAMES, type CategoryName } from './message-kinds';
import { PRICING_MODELS, type PricingModel } from './rules';

/** Index of a (model, category) pair: model-major, so rows sort by model then category. */
export function tallySlot(modelIndex: number, category: number): number {
  return modelIndex * CATEGORY_COUNT + category;
}

const SLOT_COUNT = PRICING_MODELS.length * CATEGORY_COUNT;
/** Lines per day in the packed (day, line) key (a sheet holds at most 10 million cells); exact while |epochDay| < 2^22. */
const LINE_SLOTS = 2 ** 24;

export interface TallyRow {
  /** Local calendar day, as days since 1970-01-01. */
  readonly epochDay: number;
  /** The line (normalised phone number; '' when the input had no lines). */
  readonly line: string;
  readonly model: PricingModel;
  readonly category: CategoryName;
  readonly charged: number;
  readonly free: number;
}

export class PricingTally {
  /** epochDay · LINE_SLOTS + line → [charged, free] per slot, interleaved. */
  private readonly days = new Map<number, Float64Array>();
  // Units arrive mostly in time order within a contact: remember the last key's counters.
  private lastKey = NaN;
  private lastCounts: Float64Array = new Float64Array(0);

  /** lineNames[i] is line i's name (the engine's numbering). */
  constructor(private readonly lineNames: readonly string[] = ['']) {}

  count(epochDay: number, line: number, slot: number, charged: boolean): void {
    const key = epochDay * LINE_SLOTS + line;
    if (key !== this.lastKey) {
      let counts = this.days.get(key);
      if (!counts) {
        counts = new Float64Array(SLOT_COUNT * 2);
        this.days.set(key, counts);
      }
      this.lastKey = key;
      this.lastCounts = counts;
    }
    this.lastCounts[slot * 2 + (charged ? 0 : 1)]++;
  }

  /** Charged units in total, or of one category. */
  chargedUnits(category?: number): number {
    let sum = 0;
    for (const counts of this.days.values()) {
      for (let slot = 0; slot < SLOT_COUNT; slot++) {
        if (category === undefined || slot % CATEGORY_COUNT === category) sum += counts[slot * 2];
      }
    }
    return sum;
  }

  /** Rows with any unit, by day, then line, then model (conversation first), then the fixed category order. */
  rows(): TallyRow[] {
    const keys = [...this.days.keys()].map((key) => {
      const epochDay = Math.floor(key / LINE_SLOTS);
      return { key, epochDay, line: this.lineNames[key - epochDay * LINE_SLOTS] };
    });
    keys.sort((a, b) => a.epochDay - b.epochDay || (a.line < b.line ? -1 : a.line > b.line ? 1 : 0));
    const rows: TallyRow[] = [];
    for (const { key, epochDay, line } of keys) {
      const counts = this.days.get(key) as Float64Array;
      for (let slot = 0; slot < SLOT_COUNT; slot++) {
        const charged = counts[slot * 2];
        const free = counts[slot * 2 + 1];
        if (charged === 0 && free === 0) continue;
        rows.push({
          epochDay,
          line,
          model: PRICING_MODELS[Math.floor(slot / CATEGORY_COUNT)],
          category: CATEGORY_NAMES[slot % CATEGORY_COUNT],
          charged,
          free,
        });
      }
    }
    return rows;
  }
}
