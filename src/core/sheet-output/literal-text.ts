/**
 * Text from outside (Meta, Atom exports, a user's range) written into a cell must stay text: Sheets parses
 * what a script writes as if it were typed, so "=HYPERLINK(…)", "+cmd|…", "-1+1" or "@SUM(A1)" would become
 * formulas, and "00123", "1,5", "TRUE" or "2025-10-01" would become numbers, booleans or dates. A leading
 * apostrophe makes Sheets store the rest as plain text and read it back without the apostrophe, so every
 * non-empty external string gets one; that is simpler and safer than guessing what Sheets would parse.
 */
export function literalText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/** A row of cells for setValues: strings become literal text, numbers, booleans and dates pass through. */
export function literalRow<T>(row: readonly T[]): (T | string)[] {
  return row.map((cell) => (typeof cell === 'string' ? literalText(cell) : cell));
}
