/**
 * BILLED_BY_GROUP(groups, closed_conversations, billed_total, [cost_total], [decimals]): Meta's
 * billed total (and optionally the month's cost) split over groups by closed conversations.
 */
import { argRef, scalarError } from '../sheet-args/arg-errors';
import { readOptionalCell, readRequiredCell } from '../sheet-args/range';
import {
  allocationTable,
  exactColumn,
  readAmount,
  readDecimals,
  readParties,
  roundedColumn,
  wholeColumn,
} from './allocation-table';
import type { SheetContext, Table } from './sheet-context';
import { tableText } from './table-text';

const FN = 'BILLED_BY_GROUP';
const GROUPS = argRef(FN, 'groups');
const CLOSED = argRef(FN, 'closed_conversations');
const BILLED = argRef(FN, 'billed_total');
const COST = argRef(FN, 'cost_total');
const DECIMALS = argRef(FN, 'decimals');

export function billedByGroup(
  args: {
    groups: unknown;
    closedConversations: unknown;
    billedTotal: unknown;
    costTotal?: unknown;
    decimals?: unknown;
  },
  sheet: SheetContext,
): Table {
  const text = tableText(sheet);
  const parties = readParties(GROUPS, args.groups, CLOSED, args.closedConversations, text.noGroup, sheet);
  const billed = readAmount(BILLED, readRequiredCell(BILLED, args.billedTotal), parties, CLOSED);
  if (!Number.isSafeInteger(billed.value))
    throw scalarError(BILLED, 'must be a whole number of units', billed.value);
  const decimals = readDecimals(DECIMALS, args.decimals);
  const billedColumns = [exactColumn(parties, billed), wholeColumn(parties, BigInt(billed.value))];
  const costCell = readOptionalCell(COST, args.costTotal);
  if (costCell === undefined)
    return allocationTable(text.byGroup.slice(0, 5), text.total, parties, billedColumns);
  const cost = readAmount(COST, costCell, parties, CLOSED);
  return allocationTable(text.byGroup, text.total, parties, [
    ...billedColumns,
    exactColumn(parties, cost),
    roundedColumn(COST, parties, cost, decimals),
  ]);
}
