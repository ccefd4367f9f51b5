import { FormulaInputError } from '../errors';
import { describeCell } from './cells';

/** One argument of one formula, as named in the formula's signature (e.g. closed_conversations). */
export interface ArgRef {
  readonly fn: string;
  readonly name: string;
}

export function argRef(fn: string, name: string): ArgRef {
  return { fn, name };
}

/** "FN: name detail". */
export function argError(arg: ArgRef, detail: string): FormulaInputError {
  return new FormulaInputError(arg.fn, `${arg.name} ${detail}`);
}

/** "FN: name row 3 problem (value)"; `row` is the 1-based position within the range. */
export function cellError(arg: ArgRef, row: number, problem: string, value: unknown): FormulaInputError {
  return new FormulaInputError(arg.fn, `${arg.name} row ${row} ${problem} (${describeCell(value)})`);
}

/** "FN: name row 3 is blank" for a cell that must hold a value. */
export function blankCellError(arg: ArgRef, row: number): FormulaInputError {
  return new FormulaInputError(arg.fn, `${arg.name} row ${row} is blank`);
}

/** "FN: name problem (value)" for a single-cell argument. */
export function scalarError(arg: ArgRef, problem: string, value: unknown): FormulaInputError {
  return new FormulaInputError(arg.fn, `${arg.name} ${problem} (${describeCell(value)})`);
}
