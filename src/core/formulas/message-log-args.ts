/**
 * The (timestamps, contacts, kinds, [lines]) ranges shared by BILLED_CONVERSATIONS and
 * BILLED_BREAKDOWN, read into a message log. A row blank in all of them is skipped (open-ended
 * ranges such as A2:A); a row blank in only some of them is an error. Without `lines` the log has
 * no lines: the whole input is one line.
 */
import type { MessageLog } from '../pricing/engine';
import { KIND_NAMES, parseKind } from '../pricing/message-kinds';
import { argRef, blankCellError, cellError, type ArgRef } from '../sheet-args/arg-errors';
import { isBlank } from '../sheet-args/cells';
import { readContacts } from '../sheet-args/contacts';
import { readInstants } from '../sheet-args/date-times';
import { readOptionalRange, readRange, requireSameSize } from '../sheet-args/range';
import type { ZoneCalendar } from '../zone-calendar';

export interface MessageLogArgs {
  timestamps: unknown;
  contacts: unknown;
  kinds: unknown;
  /** The business phone number of each row; optional. */
  lines?: unknown;
}

const KIND_LIST = `${KIND_NAMES.slice(0, -1).join(', ')} or ${KIND_NAMES[KIND_NAMES.length - 1]}`;

export function readMessageLog(fn: string, args: MessageLogArgs, calendar: ZoneCalendar): MessageLog {
  const timestampsArg = argRef(fn, 'timestamps');
  const contactsArg = argRef(fn, 'contacts');
  const kindsArg = argRef(fn, 'kinds');
  const timeCells = readRange(timestampsArg, args.timestamps);
  const contactCells = readRange(contactsArg, args.contacts);
  const kindCells = readRange(kindsArg, args.kinds);
  requireSameSize(timestampsArg, timeCells, contactsArg, contactCells);
  requireSameSize(timestampsArg, timeCells, kindsArg, kindCells);
  const linesArg = argRef(fn, 'lines');
  const lineCells = readOptionalRange(linesArg, args.lines);
  if (lineCells) requireSameSize(timestampsArg, timeCells, linesArg, lineCells);
  const skipped = (i: number): boolean =>
    isBlank(timeCells[i]) &&
    isBlank(contactCells[i]) &&
    isBlank(kindCells[i]) &&
    (!lineCells || isBlank(lineCells[i]));
  const allTimes = readInstants(timestampsArg, timeCells, calendar, skipped);
  const allContacts = readContacts(contactsArg, contactCells);
  const allLines = lineCells && readContacts(linesArg, lineCells);
  const times: number[] = [];
  const contacts: string[] = [];
  const kinds: number[] = [];
  const lines: string[] = [];
  for (let i = 0; i < timeCells.length; i++) {
    if (skipped(i)) continue;
    if (allContacts[i] === '') throw blankCellError(contactsArg, i + 1);
    times.push(allTimes[i]);
    contacts.push(allContacts[i]);
    kinds.push(readKind(kindsArg, i + 1, kindCells[i]));
    if (allLines) {
      if (allLines[i] === '') throw blankCellError(linesArg, i + 1);
      lines.push(allLines[i]);
    }
  }
  return allLines ? { times, contacts, kinds, lines } : { times, contacts, kinds };
}

function readKind(arg: ArgRef, row: number, value: unknown): number {
  if (isBlank(value)) throw blankCellError(arg, row);
  const kind = typeof value === 'string' ? parseKind(value) : undefined;
  if (kind === undefined) throw cellError(arg, row, `is not a message kind; use ${KIND_LIST}`, value);
  return kind;
}
