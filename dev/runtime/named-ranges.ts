/**
 * NamedRange and Protection (https://developers.google.com/apps-script/reference/spreadsheet/named-range,
 * https://developers.google.com/apps-script/reference/spreadsheet/protection) over the model's records.
 */
import { AppsScriptException } from './exception';
import { ServiceObject, type Access } from './service';
import type { GridBox } from './a1';
import type { RangeRef, SpreadsheetContext } from './spreadsheet-context';
import {
  isValidRangeName,
  type NamedRangeRecord,
  type ProtectionRecord,
  type SheetModel,
} from './spreadsheet-model';
import { User } from './user';

/** Observed wording when a name breaks Sheets' rules (UNCONFIRMED in the reference). */
export function checkRangeName(ctx: SpreadsheetContext, name: unknown, self?: NamedRangeRecord): string {
  const text = String(name);
  if (typeof name !== 'string' || !isValidRangeName(text))
    throw new AppsScriptException(`Invalid argument: name`);
  const other = ctx.model.namedRange(text);
  if (other && other !== self)
    throw new AppsScriptException(`A named range with the name "${text}" already exists.`); // UNCONFIRMED wording
  return text;
}

export function rangeArgument(ctx: SpreadsheetContext, range: unknown): RangeRef {
  const r = ctx.asRange(range);
  if (!r) throw new AppsScriptException('Invalid argument: range');
  return r;
}

export class NamedRange extends ServiceObject {
  readonly kind = 'NamedRange';
  readonly methods: Record<string, Access> = {
    getName: 'doc-read',
    getRange: 'doc-read',
    setName: 'doc-write',
    setRange: 'doc-write',
    remove: 'doc-write',
  };

  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly record: NamedRangeRecord,
  ) {
    super();
  }
  private live(): NamedRangeRecord {
    if (!this.ctx.model.namedRanges.includes(this.record)) throw new AppsScriptException('Range not found'); // a removed named range (UNCONFIRMED wording)
    return this.record;
  }
  getName(): string {
    return this.live().name;
  }
  getRange(): RangeRef {
    const r = this.live();
    return this.ctx.range(r.sheet, { ...r.box });
  }
  setName(name: string): this {
    this.live().name = checkRangeName(this.ctx, name, this.record);
    this.ctx.model.changed();
    return this;
  }
  setRange(range: unknown): this {
    const r = rangeArgument(this.ctx, range);
    const record = this.live();
    record.sheet = r.sheet;
    record.box = { ...r.box };
    this.ctx.model.changed();
    return this;
  }
  remove(): void {
    const list = this.ctx.model.namedRanges;
    list.splice(list.indexOf(this.live()), 1);
    this.ctx.model.changed();
  }
}

/** ProtectionType (https://developers.google.com/apps-script/reference/spreadsheet/protection-type). */
export const PROTECTION_TYPE = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

export class Protection extends ServiceObject {
  readonly kind = 'Protection';
  readonly methods: Record<string, Access> = {
    getProtectionType: 'doc-read',
    getDescription: 'doc-read',
    setDescription: 'doc-write',
    isWarningOnly: 'doc-read',
    setWarningOnly: 'doc-write',
    getRange: 'doc-read',
    getEditors: 'doc-read',
    addEditor: 'doc-write',
    addEditors: 'doc-write',
    removeEditor: 'doc-write',
    removeEditors: 'doc-write',
    canEdit: 'doc-read',
    canDomainEdit: 'doc-read',
    setDomainEdit: 'doc-write',
    remove: 'doc-write',
  };

  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly record: ProtectionRecord,
  ) {
    super();
  }
  getProtectionType(): string {
    return this.record.type;
  }
  getDescription(): string {
    return this.record.description;
  }
  setDescription(description: string): this {
    this.record.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    return this.record.warningOnly;
  }
  /** Warning-only protections let anyone edit after a warning; they have no editor list. */
  setWarningOnly(warningOnly: boolean): this {
    this.record.warningOnly = Boolean(warningOnly);
    return this;
  }
  getRange(): RangeRef {
    const { sheet, box } = this.record;
    return this.ctx.range(
      sheet,
      box ?? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns },
    );
  }
  getEditors(): User[] {
    return this.record.editors.map((e) => new User(e, 'doc-read'));
  }
  addEditor(emailAddress: string): this {
    return this.addEditors([emailAddress]);
  }
  addEditors(emailAddresses: unknown): this {
    if (!Array.isArray(emailAddresses)) throw new AppsScriptException('Invalid argument: emailAddresses');
    for (const e of emailAddresses.map(String))
      if (!this.record.editors.includes(e)) this.record.editors.push(e);
    return this;
  }
  removeEditor(emailAddress: string): this {
    return this.removeEditors([emailAddress]);
  }
  /** The owner can never be removed (protection#removeEditor). */
  removeEditors(emailAddresses: unknown): this {
    if (!Array.isArray(emailAddresses)) throw new AppsScriptException('Invalid argument: emailAddresses');
    const drop = new Set(emailAddresses.map(String));
    drop.delete(this.ctx.model.owner);
    this.record.editors = this.record.editors.filter((e) => !drop.has(e));
    return this;
  }
  canEdit(): boolean {
    return this.record.warningOnly || this.record.editors.includes(this.ctx.model.activeUser);
  }
  canDomainEdit(): boolean {
    return this.record.domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    this.record.domainEdit = Boolean(editable);
    return this;
  }
  remove(): void {
    const list = this.ctx.model.protections;
    const i = list.indexOf(this.record);
    if (i >= 0) list.splice(i, 1);
  }
}

export function protectionOf(
  ctx: SpreadsheetContext,
  sheet: SheetModel,
  type: 'RANGE' | 'SHEET',
  box?: GridBox,
): Protection {
  if (type === 'SHEET') {
    const existing = ctx.model.protections.find((p) => p.sheet === sheet && p.type === 'SHEET');
    if (existing) return new Protection(ctx, existing); // a sheet has one sheet protection (sheet#protect)
  }
  const record = {
    id: ctx.model.newProtectionId(),
    type,
    sheet,
    box,
    description: '',
    warningOnly: false,
    editors: [ctx.model.owner],
    domainEdit: false,
  };
  ctx.model.protections.push(record);
  return new Protection(ctx, record);
}

export function protectionsOf(ctx: SpreadsheetContext, type: unknown, sheet?: SheetModel): Protection[] {
  if (type !== 'RANGE' && type !== 'SHEET') throw new AppsScriptException('Invalid argument: type');
  return ctx.model.protections
    .filter((p) => p.type === type && (sheet === undefined || p.sheet === sheet))
    .map((p) => new Protection(ctx, p));
}
