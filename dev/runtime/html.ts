/** HtmlService: HtmlOutput objects built from dist/*.html (https://developers.google.com/apps-script/reference/html). */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { AppsScriptException } from './exception';
import { ServiceObject, type Access } from './service';

export class HtmlOutput extends ServiceObject {
  readonly kind = 'HtmlOutput';
  readonly methods: Record<string, Access> = {
    getContent: 'free',
    setContent: 'free',
    append: 'free',
    getTitle: 'free',
    setTitle: 'free',
    getWidth: 'free',
    setWidth: 'free',
    getHeight: 'free',
    setHeight: 'free',
    setSandboxMode: 'free',
    setXFrameOptionsMode: 'free',
    addMetaTag: 'free',
    setFaviconUrl: 'free',
  };
  private title = '';
  private width?: number;
  private height?: number;

  constructor(private content: string) {
    super();
  }

  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this.content += String(addedContent);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }
  getWidth(): number | undefined {
    return this.width;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  getHeight(): number | undefined {
    return this.height;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  /** No effect: only IFRAME exists since 2015 (https://developers.google.com/apps-script/reference/html/sandbox-mode). */
  setSandboxMode(): this {
    return this;
  }
  setXFrameOptionsMode(): this {
    return this;
  }
  addMetaTag(): this {
    return this;
  }
  setFaviconUrl(): this {
    return this;
  }
}

export class HtmlServiceImpl extends ServiceObject {
  readonly kind = 'HtmlService';
  readonly methods: Record<string, Access> = {
    createHtmlOutput: 'free',
    createHtmlOutputFromFile: 'free',
    SandboxMode: 'free',
    XFrameOptionsMode: 'free',
  };
  readonly SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' };
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' };

  constructor(private readonly distDir: string) {
    super();
  }

  createHtmlOutput(html = ''): HtmlOutput {
    return new HtmlOutput(String(html));
  }

  /** Reads `${distDir}/${name}.html`, the file clasp pushed as "name" (the ".html" suffix is optional). */
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const name = String(filename).replace(/\.html$/, '');
    const file = path.resolve(this.distDir, `${name}.html`);
    if (!existsSync(file)) throw new AppsScriptException(`No HTML file named ${name} was found.`);
    return new HtmlOutput(readFileSync(file, 'utf8'));
  }
}
