/**
 * Contact identity: WhatsApp contacts are phone numbers, written many ways in exports and sheets.
 * Two spellings are the same contact when their digits are the same once formatting and an
 * international "00" prefix are dropped: "+57 300 123 4567", "0057-300-123-4567", (57) 300.123.4567
 * and the numeric cell 573001234567 are one contact.
 */

/** Characters that only format a number. */
const FORMATTING = /[\s+\-.()]/g;
const DIGITS_ONLY = /^\d+$/;

/**
 * The digits identifying the contact, '' for a blank cell, or undefined when the value is not a
 * phone number (letters, a fraction, a negative number, a boolean, a date).
 */
export function contactDigits(value: unknown): string | undefined {
  if (value === '' || value === null || value === undefined) return '';
  let digits: string;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value <= 0) return undefined;
    digits = String(value);
  } else if (typeof value === 'string') {
    digits = value.replace(FORMATTING, '');
    if (digits === '' && value.trim() === '') return '';
    if (!DIGITS_ONLY.test(digits)) return undefined;
  } else {
    return undefined;
  }
  if (digits.startsWith('00')) digits = digits.slice(2);
  return /[1-9]/.test(digits) ? digits : undefined;
}
