/**
 * The amount split across groups and campaigns. Finance may overwrite the summary's cost-to-allocate cell with the
 * invoiced amount (tax, FX, a plain number or their own formula): a re-import keeps it. Otherwise the cell follows
 * Meta's cost through a formula, so a value there that is not that formula was put there by a person (or by an
 * earlier request) and is kept.
 */
import { isBlank } from '../core/sheet-args/cells';
import { MonthCloseInputError } from './month';
import { isCostCellFormula, metaCostFormula, type Formula } from './summary-sheet';

export type CostToAllocateSource = 'request' | 'kept' | 'meta';

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

export function checkedCostToAllocate(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new MonthCloseInputError('The cost to allocate must be a number, 0 or more');
  }
  return value;
}

export function costToAllocate(
  requested: number | null,
  existing: ExistingCell | null,
  metaCost: number | null,
  cellA1: string,
  /** The Meta cost cell of the cost's currency (the month may be billed in two: src/month-close/currency-split.ts). */
  costCell: Formula = metaCostFormula(),
): CostToAllocate {
  if (requested !== null) return { cell: requested, value: requested, source: 'request' };
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
    return { cell: existing.value, value: existing.value, source: 'kept' };
  }
  return metaCost === null
    ? { cell: '', value: null, source: 'meta' }
    : { cell: costCell, value: metaCost, source: 'meta' };
}
