/**
 * BILLED_BY_CAMPAIGN(campaigns, conversations, cost_total, [decimals]): the month's cost split over
 * campaigns by the conversations each generated.
 */
import { argRef } from '../sheet-args/arg-errors';
import { readRequiredCell } from '../sheet-args/range';
import {
  allocationTable,
  exactColumn,
  readAmount,
  readDecimals,
  readParties,
  roundedColumn,
} from './allocation-table';
import type { SheetContext, Table } from './sheet-context';
import { tableText } from './table-text';

const FN = 'BILLED_BY_CAMPAIGN';
const CAMPAIGNS = argRef(FN, 'campaigns');
const CONVERSATIONS = argRef(FN, 'conversations');
const COST = argRef(FN, 'cost_total');
const DECIMALS = argRef(FN, 'decimals');

export function billedByCampaign(
  args: { campaigns: unknown; conversations: unknown; costTotal: unknown; decimals?: unknown },
  sheet: SheetContext,
): Table {
  const text = tableText(sheet);
  const parties = readParties(
    CAMPAIGNS,
    args.campaigns,
    CONVERSATIONS,
    args.conversations,
    text.noCampaign,
    sheet,
  );
  const cost = readAmount(COST, readRequiredCell(COST, args.costTotal), parties, CONVERSATIONS);
  const decimals = readDecimals(DECIMALS, args.decimals);
  return allocationTable(text.byCampaign, text.total, parties, [
    exactColumn(parties, cost),
    roundedColumn(COST, parties, cost, decimals),
  ]);
}
