/**
 * Meta's Rates CSV text → its rows of cells, in the sidebar (as the Atom panel reads Atom files): the parser stays out
 * of Code.js, which every custom-function call loads. The server validates and reads the rows (parseRateCard).
 *
 * Rows are counted as a spreadsheet shows the file (a line break inside quotes does not start a row).
 */
import Papa from 'papaparse';
import { RateCardFileError } from './errors';

/** Records of the file, line endings normalised first so a quoted CRLF and a bare LF read alike. */
export function rateCardRows(text: string, fileName: string): string[][] {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(normalised, { newline: '\n', delimiter: ',', skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    throw new RateCardFileError(
      fileName,
      `row ${(fatal.row ?? 0) + 1} has a quote that is never closed — the file looks cut off or edited`,
    );
  }
  return parsed.data;
}
