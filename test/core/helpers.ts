import * as vm from 'node:vm';
import type { SheetContext } from '../../src/core/formulas/sheet-context';

export const BOGOTA: SheetContext = { timeZone: 'America/Bogota', locale: 'es_CO' };
export const MADRID: SheetContext = { timeZone: 'Europe/Madrid', locale: 'en_GB' };

/** A range as Sheets passes it: one column, row-major. */
export function column(...cells: unknown[]): unknown[][] {
  return cells.map((c) => [c]);
}

/** A Date made in another JS realm, as the offline runtime (node:vm) and Sheets hand them over. */
const otherRealm = vm.createContext({});
const makeForeignDate = vm.runInContext('(ms) => new Date(ms)', otherRealm) as (ms: number) => Date;

export function foreignDate(epochMs: number): Date {
  return makeForeignDate(epochMs);
}

/** The instant of a wall time in Bogota (UTC-5 all year): what a Sheets date cell holds there. */
export function bogota(y: number, m: number, d: number, h = 0, min = 0): Date {
  return foreignDate(Date.UTC(y, m - 1, d, h + 5, min));
}
