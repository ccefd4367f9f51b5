/**
 * What a person sees in a cell: the value formatted by the cell's number format in the spreadsheet's locale
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues(), format codes
 * https://developers.google.com/sheets/api/guides/formats). numfmt implements the Excel/Sheets format codes;
 * Sheets' "Automatic" format is modelled by numfmt's "General" (UNCONFIRMED for very large/small numbers).
 */
import { format } from 'numfmt';
import { bcp47, DEFAULT_NUMBER_FORMAT, type StoredValue } from './cell-types';

export function displayValue(value: StoredValue, numberFormat: string | undefined, locale: string): string {
  if (value === '') return '';
  try {
    return format(numberFormat ?? DEFAULT_NUMBER_FORMAT, value, { locale: bcp47(locale), throws: true });
  } catch {
    // A pattern numfmt cannot read: Sheets would not have accepted it either, so show the plain value.
    return String(value);
  }
}
