/**
 * The amount split across groups and campaigns. Finance may overwrite the summary's cost-to-allocate cell with the
 * invoiced amount (tax, FX, a plain number or their own formula): a re-import keeps it. Otherwise the cell follows
 * Meta's cost through a formula, so a value there that is not that formula was put there by a person — or by the
 * sidebar: the month's last ledger entry says which, so a cleared sidebar field returns the cell to Meta's cost.
 */
import { isBlank } from '../core/sheet-args/cells';
import { MonthCloseInputError } from './month';
import { isCostCellFormula, metaCostFormula, type Formula } from './summary-sheet';

/** Typed in the sidebar (`request`), typed in the sheet (`kept`), Meta's cost, or the rate cards' where Meta gives none. */
export type CostToAllocateSource = 'request' | 'kept' | 'meta' | 'rateCard';

export interface CostToAllocate {
  cell: number | string | Formula;
  value: number | null;
  source: CostToAllocateSource;
}

export interface ExistingCell {
  /** "" when the cell holds no formula. */
  formula: string;
  value: unknown;
}

/** What the month's last import allocated, as its ledger row says. */
export interface LastAllocation {
  costToAllocate: number | null;
  costToAllocateSource: CostToAllocateSource | null;
}

/** A number; null for a blank field (Meta's cost); undefined when not given at all (the daily refresh). */
export function checkedCostToAllocate(value: unknown): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new MonthCloseInputError('The cost to allocate must be a number, 0 or more');
  }
  return value;
}

export function costToAllocate(
  requested: number | null | undefined,
  existing: ExistingCell | null,
  metaCost: number | null,
  cellA1: string,
  last: LastAllocation | null = null,
  fromRateCard = false,
  /** The Meta cost cell of the cost's currency (the month may be billed in two: src/month-close/currency-split.ts). */
  costCell: Formula = metaCostFormula(),
): CostToAllocate {
  if (typeof requested === 'number') return { cell: requested, value: requested, source: 'request' };
  if (existing && existing.formula && !isCostCellFormula(existing.formula)) {
    const value = typeof existing.value === 'number' ? existing.value : null;
    return { cell: { formula: existing.formula }, value, source: 'kept' };
  }
  if (existing && !existing.formula && !isBlank(existing.value)) {
    if (typeof existing.value !== 'number' || !Number.isFinite(existing.value)) {
      throw new MonthCloseInputError(
        `The cost to allocate in ${cellA1} must be a number, not ${JSON.stringify(String(existing.value).slice(0, 40))}` +
          ' — correct it or clear it to use Meta’s cost',
      );
    }
    const kept = { cell: existing.value, value: existing.value };
    // The sidebar's own amount, still in the cell: the field cleared (null) gives Meta's cost; not given, it stays.
    const sidebars = last?.costToAllocateSource === 'request' && last.costToAllocate === existing.value;
    if (!sidebars) return { ...kept, source: 'kept' };
    if (requested === undefined) return { ...kept, source: 'request' };
  }
  const source = fromRateCard ? 'rateCard' : 'meta';
  return metaCost === null ? { cell: '', value: null, source } : { cell: costCell, value: metaCost, source };
}
