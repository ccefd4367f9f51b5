import type { ZoneCalendar } from '../zone-calendar';
import { dayKeyToIso } from '../time';
import { cellError, type ArgRef } from './arg-errors';
import { isDateCell } from './cells';

/** Text of label cells ('' for blank): numbers and booleans as Sheets shows them, dates as yyyy-MM-dd. */
export function readLabels(arg: ArgRef, cells: readonly unknown[], calendar: ZoneCalendar): string[] {
  return cells.map((value, i) => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'number') return String(value);
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (isDateCell(value) && !Number.isNaN(value.getTime()))
      return dayKeyToIso(calendar.dayKeyAt(value.getTime()));
    throw cellError(arg, i + 1, 'is not a label', value);
  });
}
