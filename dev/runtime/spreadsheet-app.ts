/**
 * SpreadsheetApp, the Spreadsheet service's entry (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app).
 * Reads are 'doc-read' and writes 'doc-write', so custom functions get the read-only Spreadsheet service
 * the guide describes. Spreadsheet is in spreadsheet.ts, Sheet in sheet.ts, Range in range.ts, charts in
 * charts.ts, named ranges and protections in named-ranges.ts.
 */
import { PROTECTION_TYPE } from './named-ranges';
import { activeRange, type Range } from './range';
import { ServiceObject, type Access } from './service';
import type { Sheet } from './sheet';
import type { Spreadsheet, SpreadsheetObjects } from './spreadsheet';
import { Ui } from './ui';

export class SpreadsheetAppImpl extends ServiceObject {
  readonly kind = 'SpreadsheetApp';
  readonly methods: Record<string, Access> = {
    getActiveSpreadsheet: 'doc-read',
    getActive: 'doc-read',
    getActiveSheet: 'doc-read',
    getActiveRange: 'doc-read',
    getUi: 'ui',
    flush: 'doc-read',
    ProtectionType: 'free',
  };
  readonly ProtectionType = PROTECTION_TYPE;
  private readonly uiObject: Ui;

  constructor(private readonly ctx: SpreadsheetObjects) {
    super();
    this.uiObject = new Ui(ctx.host, ctx.ui);
  }

  getActiveSpreadsheet(): Spreadsheet {
    return this.ctx.spreadsheet();
  }
  getActive(): Spreadsheet {
    return this.ctx.spreadsheet();
  }
  getActiveSheet(): Sheet {
    return this.ctx.sheet(this.ctx.model.activeSheet);
  }
  getActiveRange(): Range {
    return activeRange(this.ctx);
  }
  getUi(): Ui {
    return this.uiObject;
  }
  /** Writes are applied immediately here, so flush only gets counted. */
  flush(): void {}
}
