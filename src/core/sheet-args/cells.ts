/** What a single cell value from Sheets is, and how to show it in an error message. */

/** Empty cells arrive as ""; null/undefined are treated alike for callers outside Sheets. */
export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/**
 * Date cells may come from another JS realm (the offline runtime's node:vm, or Sheets itself), where
 * `instanceof Date` is false, so the internal class tag is checked instead.
 */
export function isDateCell(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

const MAX_SHOWN = 40;

/** A short, unambiguous rendering of a cell for error messages: text quoted, dates in ISO. */
export function describeCell(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '#NUM!';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDateCell(value)) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? 'an invalid date' : new Date(ms).toISOString();
  }
  if (value === null || value === undefined) return 'blank';
  if (Array.isArray(value)) return 'a range';
  return typeof value;
}
