/**
 * BILLED_CONVERSATIONS(timestamps, contacts, kinds, [category], [lines]): units Meta charges for a
 * message log (24-hour conversations before the switch to per-message pricing, messages after).
 */
import { priceMessages } from '../pricing/engine';
import { CATEGORY_NAMES, CATEGORY_FREE_ENTRY_POINT, parseCategory } from '../pricing/message-kinds';
import { argRef, scalarError } from '../sheet-args/arg-errors';
import { readOptionalCell } from '../sheet-args/range';
import { ZoneCalendar } from '../zone-calendar';
import { readMessageLog, type MessageLogArgs } from './message-log-args';
import type { SheetContext } from './sheet-context';

const FN = 'BILLED_CONVERSATIONS';
const CATEGORY = argRef(FN, 'category');
const CATEGORY_LIST = CATEGORY_NAMES.filter((_, i) => i !== CATEGORY_FREE_ENTRY_POINT).join(', ');

export function billedConversations(
  args: MessageLogArgs & { category?: unknown },
  sheet: SheetContext,
): number {
  const calendar = new ZoneCalendar(sheet.timeZone);
  const log = readMessageLog(FN, args, calendar);
  const category = readCategory(readOptionalCell(CATEGORY, args.category));
  return priceMessages(log, calendar).chargedUnits(category);
}

function readCategory(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const category = typeof value === 'string' ? parseCategory(value) : undefined;
  if (category === undefined || category === CATEGORY_FREE_ENTRY_POINT) {
    throw scalarError(CATEGORY, `is not a category; use ${CATEGORY_LIST}`, value);
  }
  return category;
}
