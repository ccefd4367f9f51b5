/**
 * What Range, Sheet, charts, named ranges and protections need of their spreadsheet. An interface, so that those
 * modules never import the ones that create them (spreadsheet.ts implements it): the Spreadsheet service's
 * modules import one way only.
 */
import type { GridBox } from './a1';
import type { Host, ServiceObject } from './service';
import type { SheetModel, SpreadsheetModel } from './spreadsheet-model';
import type { UiRecord } from './ui';

/** A Range as the objects that hold one (charts, named ranges, protections) see it. */
export interface RangeRef extends ServiceObject {
  readonly sheet: SheetModel;
  readonly box: GridBox;
}

export interface SpreadsheetContext {
  readonly host: Host;
  readonly model: SpreadsheetModel;
  readonly ui: UiRecord;
  /** The Spreadsheet object, one per execution. */
  spreadsheet(): ServiceObject;
  /** A sheet's Sheet object: the same object every time, so the script sees the same wrapper. */
  sheet(model: SheetModel): ServiceObject;
  /** A new Range over `box` (checked like Sheet#getRange). */
  range(sheet: SheetModel, box: GridBox): RangeRef;
  /** The Range behind a value the script passed, or undefined when it is not a Range. */
  asRange(value: unknown): RangeRef | undefined;
}
