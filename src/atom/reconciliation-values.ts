/**
 * The reconciliation's columns as values (the history in BigQuery, where no sheet holds the rows its formulas
 * would read): Meta's billed units per day from the month's rows, and where a month's block keeps its day table,
 * so a later month close or import refreshes one column of it in place.
 */
import { BILLABLE_TYPE, type MetaUsageRow } from '../month-close/figures';
import { ALL_ATOM_LABELS } from './sheet-labels';

/** Columns of the day table after its day: the Atom units and Meta's. */
export const RECONCILIATION_COLUMN = { atom: 1, meta: 2 } as const;

/** Meta's billed units per day (yyyy-MM-dd): the volume of REGULAR rows, as the block's SUMIFS over "Meta data". */
export function metaDailyUnits(rows: readonly MetaUsageRow[]): Map<string, number> {
  const units = new Map<string, number>();
  for (const r of rows) if (r.type === BILLABLE_TYPE) units.set(r.day, (units.get(r.day) ?? 0) + r.volume);
  return units;
}

/** The 0-based row of the day table's header in the block's first two columns (any language); null: none. */
export function reconciliationHeaderRow(values: readonly (readonly unknown[])[]): number | null {
  const row = values.findIndex(([day, atom]) =>
    ALL_ATOM_LABELS.some((l) => {
      const [d, a] = l.block.reconciliationHeader;
      return day === d && atom === a;
    }),
  );
  return row < 0 ? null : row;
}
