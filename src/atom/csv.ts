/** CSV exports → a raw table: encoding and delimiter detected, parsed by papaparse (quoted newlines included). */
import Papa from 'papaparse';
import { AtomFileError } from './errors';
import type { RawTable } from './raw-table';
import { decodeText, type TextEncodingName } from './text-decoding';

const CANDIDATES = [';', ',', '\t'] as const;
const SAMPLE_LINES = 200;

const delimiterName = (d: string): string => (d === '\t' ? 'tab' : `"${d}"`);

/** Counts of each candidate outside quotes, per physical line, for the first lines of the file. */
function sampleLines(text: string): { line: number; counts: number[] }[] {
  const out: { line: number; counts: number[] }[] = [];
  let counts = [0, 0, 0];
  let quoted = false;
  let line = 1;
  let blank = true;
  for (let i = 0; i < text.length && out.length < SAMPLE_LINES; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (!blank) out.push({ line, counts });
      counts = [0, 0, 0];
      blank = true;
      line++;
      continue;
    } else if (!quoted) {
      const k = CANDIDATES.indexOf(ch as (typeof CANDIDATES)[number]);
      if (k >= 0) counts[k]++;
    }
    if (ch.trim() !== '') blank = false;
  }
  if (!blank && out.length < SAMPLE_LINES) out.push({ line, counts });
  return out;
}

/**
 * The delimiter of the first line that has one (a report may start with a title line), preferring ";"
 * then "," then tab on a tie. A later line that has none of it but as many of another candidate is a
 * file saved with two delimiters, which no single reading can split correctly.
 */
function detectDelimiter(text: string, fileName: string): string {
  const lines = sampleLines(text);
  const headerAt = lines.findIndex((l) => l.counts.some((c) => c > 0));
  if (headerAt < 0) return ',';
  const counts = lines[headerAt].counts;
  const k = counts.indexOf(Math.max(...counts));
  const delimiter = CANDIDATES[k];
  for (const l of lines.slice(headerAt + 1)) {
    if (l.counts[k] > 0) continue;
    const other = l.counts.findIndex((c, j) => j !== k && c === counts[k]);
    if (other >= 0) {
      throw new AtomFileError(
        fileName,
        `mixed delimiters: the header uses ${delimiterName(delimiter)} but line ${l.line} uses ` +
          `${delimiterName(CANDIDATES[other])}; export the report again or save it with one delimiter`,
      );
    }
  }
  return delimiter;
}

export interface CsvTable extends RawTable {
  encoding: TextEncodingName;
}

export function readCsv(bytes: Uint8Array, fileName: string): CsvTable {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw new AtomFileError(fileName, 'the file is empty');
  const delimiter = detectDelimiter(text, fileName);
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    throw new AtomFileError(fileName, `row ${row}: a quoted field is never closed (${quoteError.message})`);
  }
  return {
    records: parsed.data.map((cells, i) => ({ row: i + 1, cells })),
    fixedWidth: true,
    delimiter,
    date1904: false,
    encoding,
  };
}
