/** SpreadsheetApp.getUi(): menus, sidebars, dialogs and alerts, recorded for tests (https://developers.google.com/apps-script/reference/base/ui). */
import { AppsScriptException } from './exception';
import { HtmlOutput } from './html';
import { ServiceObject, type Access, type Host } from './service';

export type MenuEntry =
  { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord };

export interface MenuRecord {
  /** createAddonMenu(): shown under Extensions ▸ <add-on name>. */
  addon: boolean;
  /** createMenu(title); "" for the add-on menu, whose title is the add-on's store name. */
  title: string;
  items: MenuEntry[];
}

export interface UiRecord {
  menus: MenuRecord[];
  sidebars: { title: string; html: string }[];
  dialogs: { title: string; html: string; modal: boolean }[];
  alerts: { title: string; prompt: string; buttons: string }[];
  toasts: { message: string; title: string }[];
  /** Answers the next alert() calls return (default: the first button of the set). */
  alertResponses: string[];
}

export function newUiRecord(): UiRecord {
  return { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [], alertResponses: [] };
}

const BUTTON_SETS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export class Menu extends ServiceObject {
  readonly kind = 'Menu';
  readonly methods: Record<string, Access> = {
    addItem: 'free',
    addSeparator: 'free',
    addSubMenu: 'free',
    addToUi: 'free',
  };
  readonly record: MenuRecord;

  constructor(
    private readonly host: Host,
    private readonly ui: UiRecord,
    addon: boolean,
    title: string,
  ) {
    super();
    this.record = { addon, title, items: [] };
  }

  addItem(caption: string, functionName: string): this {
    this.record.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): this {
    this.record.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: unknown): this {
    const sub = this.host.unwrap(menu);
    if (!(sub instanceof Menu)) throw new AppsScriptException('Invalid argument: menu');
    this.record.items.push({ submenu: sub.record });
    return this;
  }
  /** Re-adding a menu with the same title replaces it (each onOpen rebuilds the menus). */
  addToUi(): void {
    const i = this.ui.menus.findIndex((m) => m.addon === this.record.addon && m.title === this.record.title);
    if (i >= 0) this.ui.menus.splice(i, 1, this.record);
    else this.ui.menus.push(this.record);
  }
}

export class Ui extends ServiceObject {
  readonly kind = 'Ui';
  readonly methods: Record<string, Access> = {
    createAddonMenu: 'free',
    createMenu: 'free',
    // Showing UI needs script.container.ui (https://developers.google.com/apps-script/reference/base/ui#showSidebar(Object)).
    showSidebar: 'container-ui',
    showModalDialog: 'container-ui',
    showModelessDialog: 'container-ui',
    alert: 'container-ui',
    ButtonSet: 'free',
    Button: 'free',
  };
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  readonly Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' };

  constructor(
    private readonly host: Host,
    private readonly ui: UiRecord,
  ) {
    super();
  }

  createAddonMenu(): Menu {
    return new Menu(this.host, this.ui, true, '');
  }
  createMenu(caption: string): Menu {
    return new Menu(this.host, this.ui, false, String(caption));
  }

  private html(output: unknown): HtmlOutput {
    const html = this.host.unwrap(output);
    if (!(html instanceof HtmlOutput)) throw new AppsScriptException('Invalid argument: userInterface');
    return html;
  }
  showSidebar(userInterface: unknown): void {
    const html = this.html(userInterface);
    this.ui.sidebars.push({ title: html.getTitle(), html: html.getContent() });
  }
  showModalDialog(userInterface: unknown, title: string): void {
    this.ui.dialogs.push({ title: String(title), html: this.html(userInterface).getContent(), modal: true });
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    this.ui.dialogs.push({ title: String(title), html: this.html(userInterface).getContent(), modal: false });
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons); returns the Button pressed. */
  alert(...args: unknown[]): string {
    const [title, prompt, buttons] =
      args.length >= 3
        ? [String(args[0]), String(args[1]), String(args[2])]
        : args.length === 2
          ? ['', String(args[0]), String(args[1])]
          : ['', String(args[0]), 'OK'];
    this.ui.alerts.push({ title, prompt, buttons });
    return this.ui.alertResponses.shift() ?? (BUTTON_SETS[buttons] ?? ['OK'])[0];
  }
}
