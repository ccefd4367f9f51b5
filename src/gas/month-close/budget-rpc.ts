/**
 * Sidebar calls of the budgets: every editor reads them, only admins of the Meta connection set them. Amounts are
 * taken as the decimals they show (decimalOf), in the account's currency and its minor units.
 */
import { decimalOf } from '../../core/exact/decimal';
import { UserFacingError } from '../../core/errors';
import {
  type Budget,
  budgetKey,
  budgetName,
  type BudgetScope,
  digitsOf,
  minorUnits,
} from '../../month-close';
import type { BudgetsView, BudgetView } from '../../rpc/contract';
import { currentUserEmail, requireAdmin } from '../shared/admins';
import { readAdmins, readConnection } from '../shared/connection-store';
import { readBudgets, writeBudgets } from './budget-store';

export class BudgetError extends UserFacingError {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetError';
  }
}

const SCOPES: readonly BudgetScope[] = ['account', 'line', 'group', 'campaign'];

export function getBudgets(): BudgetsView {
  const connection = readConnection();
  const admins = readAdmins();
  return {
    connected: connection !== null,
    currency: connection?.currency ?? '',
    lines: (connection?.lines ?? []).map((l) => l.displayPhoneNumber),
    budgets: connection
      ? readBudgets(connection.wabaId).map((b) => ({
          scope: b.scope,
          name: b.name,
          amount: Number(b.amount),
        }))
      : [],
    isAdmin: admins.includes(currentUserEmail()),
    admins,
  };
}

export function setBudgets(budgets: BudgetView[]): BudgetsView {
  requireAdmin(readAdmins(), false);
  const connection = readConnection();
  if (!connection) throw new BudgetError('Connect Meta first: budgets are in the account’s currency');
  if (!Array.isArray(budgets)) throw new BudgetError('setBudgets takes a list of budgets');
  const decimals = minorUnits(connection.currency);
  const checked: Budget[] = [];
  for (const b of budgets) {
    const scope = b?.scope;
    if (!SCOPES.includes(scope))
      throw new BudgetError('A budget is for the account, a line, a group or a campaign');
    let name = scope === 'account' ? '' : String(b.name ?? '').trim();
    if (scope === 'line') {
      const line = connection.lines.find((l) => digitsOf(l.displayPhoneNumber) === digitsOf(name));
      if (!line) throw new BudgetError(`${name.slice(0, 30)} is not a line of the connected account`);
      name = line.displayPhoneNumber;
    } else if (scope !== 'account' && (!name || name.length > 100)) {
      throw new BudgetError(`Name the ${scope} as Atom's table does (at most 100 characters)`);
    }
    const amount = b.amount;
    const budget: Budget = { scope, name, amount: String(amount) };
    // Below 10^15 every amount with a few decimals is exact as a double, and String() writes it plainly.
    if (typeof amount !== 'number' || !(amount > 0 && amount < 1e15) || decimalOf(amount).scale > decimals) {
      throw new BudgetError(
        `The budget for ${budgetName(budget)} must be an amount above 0 in ${connection.currency} with at most ${decimals} decimals`,
      );
    }
    const same = (c: Budget) =>
      budgetKey('', { ...c, amount: '' }) === budgetKey('', { ...budget, amount: '' });
    if (checked.some(same)) throw new BudgetError(`Two budgets for ${budgetName(budget)}`);
    checked.push(budget);
  }
  writeBudgets(connection.wabaId, checked);
  return getBudgets();
}
