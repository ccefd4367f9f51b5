/**
 * Sidebar calls of the budgets: every editor reads them, only admins of the Meta connection set them. Amounts are
 * taken as the decimals they show (decimalOf), in the account's currency and its minor units.
 */
import { decimalOf } from '../../core/exact/decimal';
import { UserFacingError } from '../../core/errors';
import { type Budget, digitsOf, minorUnits } from '../../month-close';
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

export function getBudgets(): BudgetsView {
  const connection = readConnection();
  const admins = readAdmins();
  return {
    connected: connection !== null,
    currency: connection?.currency ?? '',
    lines: (connection?.lines ?? []).map((l) => l.displayPhoneNumber),
    budgets: connection
      ? readBudgets(connection.wabaId).map((b) => ({ line: b.line, amount: Number(b.amount) }))
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
    const wanted = digitsOf(String(b?.line ?? ''));
    const line = wanted ? connection.lines.find((l) => digitsOf(l.displayPhoneNumber) === wanted) : null;
    if (wanted && !line)
      throw new BudgetError(`${String(b.line).slice(0, 30)} is not a line of the connected account`);
    const name = line ? line.displayPhoneNumber : 'the whole account';
    const amount = b?.amount;
    // Below 10^15 every amount with a few decimals is exact as a double, and String() writes it plainly.
    if (typeof amount !== 'number' || !(amount > 0 && amount < 1e15) || decimalOf(amount).scale > decimals) {
      throw new BudgetError(
        `The budget for ${name} must be an amount above 0 in ${connection.currency} with at most ${decimals} decimals`,
      );
    }
    if (checked.some((c) => digitsOf(c.line) === wanted)) throw new BudgetError(`Two budgets for ${name}`);
    checked.push({ line: line ? line.displayPhoneNumber : '', amount: String(amount) });
  }
  writeBudgets(connection.wabaId, checked);
  return getBudgets();
}
