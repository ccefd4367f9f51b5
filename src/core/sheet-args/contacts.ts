import { contactDigits } from '../contacts/phone-number';
import { cellError, type ArgRef } from './arg-errors';

/** Normalised contacts of a range ('' for blank cells); anything that is not a phone number is an error. */
export function readContacts(arg: ArgRef, cells: readonly unknown[]): string[] {
  return cells.map((value, i) => {
    const digits = contactDigits(value);
    if (digits === undefined) throw cellError(arg, i + 1, 'is not a phone number', value);
    return digits;
  });
}
