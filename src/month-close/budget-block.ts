/**
 * The budgets block of "Billing YYYY-MM": one row per budget the import covers — budget, spend so far, projected
 * month end and the day the projection crosses the budget. Below the charts (A50), clear of the tables whose
 * height varies; absent when there is no budget.
 */
import { exactToNumber } from '../core/exact/decimal';
import { budgetAmount, type BudgetStatus } from './budgets';
import { DATE_FORMAT, moneyFormat } from './formats';
import { ALL_LABELS, type MonthCloseLabels } from './labels';

/** The block's lowest first row (under the charts of the old layout and the KPIs' split at A16 of the new one). */
export const BUDGET_BLOCK_TOP = 50;

const TEXT = [
  {
    title: 'Budgets (set by the admins in the sidebar)',
    header: ['Budget for', 'Budget', 'Spend so far', 'Crosses the budget on'],
    account: 'Whole account',
    group: 'Group',
    campaign: 'Campaign',
    never: 'not this month',
  },
  {
    title: 'Presupuestos (los definen los administradores en la barra lateral)',
    header: ['Presupuesto de', 'Presupuesto', 'Gasto a la fecha', 'Supera el presupuesto el'],
    account: 'Toda la cuenta',
    group: 'Grupo',
    campaign: 'Campaña',
    never: 'no este mes',
  },
];

export interface BlockCell {
  row: number;
  column: number;
  value: string | number | Date;
  format?: string;
}

export function budgetBlock(
  statuses: readonly BudgetStatus[],
  labels: MonthCloseLabels,
  currency: string,
  dayDate: (isoDay: string) => Date,
  /** First row: the caller puts it under the group split, which grows with Atom's table. */
  row: number,
): BlockCell[] {
  if (!statuses.length) return [];
  const text = TEXT[Math.max(0, ALL_LABELS.indexOf(labels))];
  const money = moneyFormat(currency);
  const column = 1;
  const cells: BlockCell[] = [{ row, column, value: text.title }];
  // The projection's header is the KPI's ("Projected month end").
  const [forWhat, budget, spend, crosses] = text.header;
  [forWhat, budget, spend, labels.kpi.projection, crosses].forEach((h, i) =>
    cells.push({ row: row + 1, column: column + i, value: h }),
  );
  statuses.forEach((s, i) => {
    const r = row + 2 + i;
    const { scope, name } = s.budget;
    const values: BlockCell['value'][] = [
      scope === 'account' ? text.account : scope === 'line' ? name : `${text[scope]} ${name}`,
      exactToNumber(budgetAmount(s.budget)),
      s.spend,
      s.projection ?? '',
      s.crossesOn ? dayDate(s.crossesOn) : text.never,
    ];
    const formats = [undefined, money, money, money, s.crossesOn ? DATE_FORMAT : undefined];
    values.forEach((value, c) => cells.push({ row: r, column: column + c, value, format: formats[c] }));
  });
  return cells;
}
