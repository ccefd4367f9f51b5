/** What a formula needs to know about the spreadsheet it runs in; the adapter reads it from Apps Script. */
export interface SheetContext {
  /** IANA zone of the spreadsheet: day boundaries, months and ISO text are read in it. */
  readonly timeZone: string;
  /** Spreadsheet locale, e.g. "es_CO": table headers are Spanish when it starts with "es". */
  readonly locale: string;
  /**
   * Builds the Date a table cell returns (e.g. a day at local midnight). The adapter passes one that
   * makes Dates of the realm Sheets reads; default `new Date(ms)`.
   */
  readonly makeDate?: (epochMs: number) => Date;
}

export function isSpanish(sheet: SheetContext): boolean {
  return sheet.locale.toLowerCase().startsWith('es');
}

export function makeDate(sheet: SheetContext, epochMs: number): Date {
  return sheet.makeDate ? sheet.makeDate(epochMs) : new Date(epochMs);
}

/** A cell of a table returned to Sheets. */
export type TableCell = string | number | Date;
export type Table = TableCell[][];
