/**
 * The Month close form's text fields read into the request: ranges as typed (`'Atom groups'!A1:B20`, the way
 * Sheets writes them) and the cost to allocate. Pure, so jest checks every shape; errors are the user's words.
 */
import type { SheetRangeRef } from '../../rpc/contract';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: 'range' | 'cost' };

/** `Sheet!A1:B9` with the sheet quoted when Sheets would quote it (anything but letters, digits, _). */
export function rangeText(ref: SheetRangeRef): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_]*$/.test(ref.sheet) ? ref.sheet : `'${ref.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${ref.range}`;
}

const A1_RANGE = /^\$?[A-Za-z]{1,3}\$?\d*(?::\$?[A-Za-z]{1,3}\$?\d*)?$/;

/** Reads a typed range; blank is "not given" (null). The A1 part must be columns with optional rows. */
export function readRange(text: string): Parsed<SheetRangeRef | null> {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, value: null };
  const bang = trimmed.lastIndexOf('!');
  if (bang <= 0) return { ok: false, problem: 'range' };
  let sheet = trimmed.slice(0, bang).trim();
  const range = trimmed
    .slice(bang + 1)
    .trim()
    .replace(/\$/g, '')
    .toUpperCase();
  if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  else if (sheet.includes("'")) return { ok: false, problem: 'range' };
  if (!sheet || !A1_RANGE.test(range)) return { ok: false, problem: 'range' };
  return { ok: true, value: { sheet, range } };
}

/** How the spreadsheet's locale writes numbers: `1.234,5` in es_CO, `1,234.5` in en_US. */
export interface NumberSeparators {
  decimal: string;
  group: string;
}

/** The separators of a Sheets locale (`es_CO`); English's for a locale the browser does not know. */
export function separatorsOf(locale: string): NumberSeparators {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale.replace(/_/g, '-')).formatToParts(12345.6);
  } catch {
    return { decimal: '.', group: ',' };
  }
  const part = (type: string, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
  return { decimal: part('decimal', '.'), group: part('group', ',') };
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` read with these separators as plain decimal digits ("7500.25"); null when it is not written so. */
function plainDigits(text: string, decimal: string, group: string | null): string | null {
  const whole = group ? `\\d{1,3}(?:${escaped(group)}\\d{3})+|\\d+` : '\\d+';
  const m = new RegExp(`^(${whole})(?:${escaped(decimal)}(\\d+))?$`).exec(text);
  if (!m) return null;
  return (group ? m[1].split(group).join('') : m[1]) + (m[2] ? `.${m[2]}` : '');
}

export type CostReading =
  | { ok: true; value: number | null }
  | { ok: false; problem: 'cost' }
  /** Both the locale's way and the plain way read it, differently ("7.500" in es_CO: 7500 or 7.5). */
  | { ok: false; problem: 'ambiguousCost'; readings: [number, number] };

/**
 * Reads the cost to allocate; blank = Meta's cost (null). Written the spreadsheet locale's way (`7.500,25` in
 * es_CO, `7,500.25` in en_US) or plain (`7500.25`); what reads both ways as different amounts is refused rather
 * than guessed. The digits are kept as typed (the number is the one nearest them, as Sheets stores a typed one).
 */
export function readCost(text: string, separators: NumberSeparators): CostReading {
  // A space-like group separator (fr_FR's narrow no-break space) is typed as any space.
  const spaced = /^\s$/.test(separators.group);
  const trimmed = text.trim().replace(/\s+/g, spaced ? separators.group : ' ');
  if (!trimmed) return { ok: true, value: null };
  const readings = [
    plainDigits(trimmed, separators.decimal, separators.group),
    plainDigits(trimmed, '.', null),
  ]
    .filter((d): d is string => d !== null)
    .map(Number);
  if (!readings.length) return { ok: false, problem: 'cost' };
  if (readings.length === 2 && readings[0] !== readings[1])
    return { ok: false, problem: 'ambiguousCost', readings: [readings[0], readings[1]] };
  return { ok: true, value: readings[0] };
}

/** An amount as the locale writes it, with at least two decimals so it reads back the same ("7.500,00", not "7.500"). */
export function costText(value: number, locale: string): string {
  const options = { minimumFractionDigits: 2, maximumFractionDigits: 20 };
  try {
    return new Intl.NumberFormat(locale.replace(/_/g, '-'), options).format(value);
  } catch {
    return new Intl.NumberFormat('en-US', options).format(value);
  }
}
