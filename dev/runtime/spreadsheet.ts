/**
 * Spreadsheet (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet) over the
 * SpreadsheetModel, and SpreadsheetObjects, the SpreadsheetContext that makes one spreadsheet's objects.
 */
import type { GridBox } from './a1';
import { AppsScriptException } from './exception';
import { NamedRange, checkRangeName, protectionsOf, rangeArgument, type Protection } from './named-ranges';
import { Range, activeRange } from './range';
import { ServiceObject, type Access, type Host } from './service';
import { Sheet } from './sheet';
import { signatureError } from './spreadsheet-args';
import type { SpreadsheetContext } from './spreadsheet-context';
import type { SheetModel, SpreadsheetModel } from './spreadsheet-model';
import type { UiRecord } from './ui';

/** The objects one spreadsheet needs; Sheet objects are cached so the same sheet is the same wrapper. */
export class SpreadsheetObjects implements SpreadsheetContext {
  private readonly sheetObjects = new WeakMap<SheetModel, Sheet>();
  private spreadsheetObject?: Spreadsheet;

  constructor(
    readonly host: Host,
    readonly model: SpreadsheetModel,
    readonly ui: UiRecord,
  ) {}

  spreadsheet(): Spreadsheet {
    return (this.spreadsheetObject ??= new Spreadsheet(this));
  }

  sheet(model: SheetModel): Sheet {
    let s = this.sheetObjects.get(model);
    if (!s) {
      s = new Sheet(this, model);
      this.sheetObjects.set(model, s);
    }
    return s;
  }

  range(sheet: SheetModel, box: GridBox): Range {
    return new Range(this, sheet, box);
  }

  asRange(value: unknown): Range | undefined {
    const r = this.host.unwrap(value);
    return r instanceof Range ? r : undefined;
  }
}

export class Spreadsheet extends ServiceObject {
  readonly kind = 'Spreadsheet';
  readonly methods: Record<string, Access> = {
    getId: 'doc-read',
    getName: 'doc-read',
    getUrl: 'doc-read',
    getSpreadsheetTimeZone: 'doc-read',
    getSpreadsheetLocale: 'doc-read',
    getSheets: 'doc-read',
    getSheetByName: 'doc-read',
    getSheetById: 'doc-read',
    getActiveSheet: 'doc-read',
    getActiveRange: 'doc-read',
    getRange: 'doc-read',
    getRangeByName: 'doc-read',
    getNamedRanges: 'doc-read',
    getProtections: 'doc-read',
    getNumSheets: 'doc-read',
    rename: 'doc-write',
    setSpreadsheetTimeZone: 'doc-write',
    setSpreadsheetLocale: 'doc-write',
    insertSheet: 'doc-write',
    deleteSheet: 'doc-write',
    setActiveSheet: 'doc-write',
    setNamedRange: 'doc-write',
    removeNamedRange: 'doc-write',
    toast: 'ui',
  };

  constructor(private readonly ctx: SpreadsheetObjects) {
    super();
  }

  getId(): string {
    return this.ctx.model.id;
  }
  getName(): string {
    return this.ctx.model.name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.ctx.model.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.ctx.model.timeZone;
  }
  getSpreadsheetLocale(): string {
    return this.ctx.model.locale;
  }
  getSheets(): Sheet[] {
    return this.ctx.model.sheets.map((s) => this.ctx.sheet(s));
  }
  getNumSheets(): number {
    return this.ctx.model.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    const s = this.ctx.model.getSheet(String(name));
    return s ? this.ctx.sheet(s) : null;
  }
  /** The sheet with that getSheetId(), or null (spreadsheet#getSheetById). */
  getSheetById(id: number): Sheet | null {
    const s = this.ctx.model.getSheetById(Number(id));
    return s ? this.ctx.sheet(s) : null;
  }
  getActiveSheet(): Sheet {
    return this.ctx.sheet(this.ctx.model.activeSheet);
  }
  getActiveRange(): Range {
    return activeRange(this.ctx);
  }
  /** "Sheet!A1:B2", or A1 notation on the active sheet. */
  getRange(a1Notation: string): Range {
    const { sheet, box } = this.ctx.model.locate(String(a1Notation));
    return new Range(this.ctx, sheet, box);
  }
  /** The named range's cells, or null (spreadsheet#getRangeByName); names match regardless of case. */
  getRangeByName(name: string): Range | null {
    const n = this.ctx.model.namedRange(String(name));
    return n ? new Range(this.ctx, n.sheet, { ...n.box }) : null;
  }
  getNamedRanges(): NamedRange[] {
    return this.ctx.model.namedRanges.map((n) => new NamedRange(this.ctx, n));
  }
  /** Names follow Sheets' rules; an existing name is refused (spreadsheet#setNamedRange). */
  setNamedRange(name: string, range: unknown): void {
    const text = checkRangeName(this.ctx, name);
    const r = rangeArgument(this.ctx, range);
    this.ctx.model.namedRanges.push({ name: text, sheet: r.sheet, box: { ...r.box } });
    this.ctx.model.changed();
  }
  removeNamedRange(name: string): void {
    const n = this.ctx.model.namedRange(String(name));
    if (!n) throw new AppsScriptException(`Named range "${name}" not found.`); // UNCONFIRMED wording
    this.ctx.model.namedRanges.splice(this.ctx.model.namedRanges.indexOf(n), 1);
    this.ctx.model.changed();
  }
  getProtections(type: unknown): Protection[] {
    return protectionsOf(this.ctx, type);
  }
  rename(newName: string): void {
    this.ctx.model.name = String(newName);
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.ctx.model.timeZone = String(timezone);
    this.ctx.model.changed();
  }
  setSpreadsheetLocale(locale: string): void {
    this.ctx.model.locale = String(locale);
    this.ctx.model.changed();
  }
  /** insertSheet() | insertSheet(name) | insertSheet(name, index) | insertSheet(index); the new sheet becomes active. */
  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    const sheets = this.ctx.model.sheets;
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    for (let n = sheets.length + 1; name === undefined; n++)
      if (!this.ctx.model.getSheet(`Sheet${n}`)) name = `Sheet${n}`;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    const model = this.ctx.model.insertSheet(
      name,
      at === undefined ? sheets.length : Math.min(at, sheets.length),
    );
    this.ctx.model.activeSheet = model;
    return this.ctx.sheet(model);
  }
  deleteSheet(sheet: unknown): void {
    const s = this.ctx.host.unwrap(sheet);
    if (!(s instanceof Sheet)) throw signatureError('Spreadsheet', 'deleteSheet', [sheet]);
    this.ctx.model.deleteSheet(s.model);
  }
  setActiveSheet(sheet: unknown): Sheet {
    const s = this.ctx.host.unwrap(sheet);
    if (!(s instanceof Sheet)) throw signatureError('Spreadsheet', 'setActiveSheet', [sheet]);
    this.ctx.model.activeSheet = s.model;
    return s;
  }
  toast(msg: string, title = '', _timeoutSeconds?: number): void {
    this.ctx.ui.toasts.push({ message: String(msg), title: String(title) });
  }
}
