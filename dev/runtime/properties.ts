/**
 * PropertiesService with Apps Script's storage limits: 9 KB per value and 500 KB per store
 * (https://developers.google.com/apps-script/guides/services/quotas). Values are stored as strings.
 */
import { AppsScriptException } from './exception';
import { ServiceObject, type Access } from './service';

const VALUE_LIMIT_BYTES = 9 * 1024;
const STORE_LIMIT_BYTES = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** One property store; `map` is what tests inspect and seed. */
export class Properties extends ServiceObject {
  readonly kind = 'Properties';
  readonly methods: Record<string, Access> = {
    getProperty: 'props-read',
    getProperties: 'props-read',
    getKeys: 'props-read',
    setProperty: 'props-write',
    setProperties: 'props-write',
    deleteProperty: 'props-write',
    deleteAllProperties: 'props-write',
  };

  constructor(readonly map: Map<string, string>) {
    super();
  }

  /** Checks the limits for the store as it would be after the write; throws before changing anything. */
  private checkedWrite(next: Map<string, string>): void {
    let total = 0;
    for (const [k, v] of next) {
      if (bytes(v) > VALUE_LIMIT_BYTES) throw new AppsScriptException('Argument too large: value');
      total += bytes(k) + bytes(v);
    }
    if (total > STORE_LIMIT_BYTES) {
      throw new AppsScriptException(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.map.clear();
    for (const [k, v] of next) this.map.set(k, v);
  }

  getProperty(key: string): string | null {
    return this.map.get(String(key)) ?? null;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
  getKeys(): string[] {
    return [...this.map.keys()];
  }
  setProperty(key: string, value: unknown): this {
    const next = new Map(this.map);
    next.set(String(key), String(value));
    this.checkedWrite(next);
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.map);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.checkedWrite(next);
    return this;
  }
  deleteProperty(key: string): this {
    this.map.delete(String(key));
    return this;
  }
  deleteAllProperties(): this {
    this.map.clear();
    return this;
  }
}

export interface PropertyStores {
  document: Map<string, string>;
  user: Map<string, string>;
  script: Map<string, string>;
}

/**
 * Inside a custom function getUserProperties() is the spreadsheet owner's store; the runtime has a single
 * user store, taken to be the owner's, and Properties writes are refused there (props-write).
 */
export class PropertiesServiceImpl extends ServiceObject {
  readonly kind = 'PropertiesService';
  readonly methods: Record<string, Access> = {
    getDocumentProperties: 'props-read',
    getUserProperties: 'props-read',
    getScriptProperties: 'props-read',
  };
  private readonly document: Properties;
  private readonly user: Properties;
  private readonly script: Properties;

  constructor(stores: PropertyStores) {
    super();
    this.document = new Properties(stores.document);
    this.user = new Properties(stores.user);
    this.script = new Properties(stores.script);
  }

  getDocumentProperties(): Properties {
    return this.document;
  }
  getUserProperties(): Properties {
    return this.user;
  }
  getScriptProperties(): Properties {
    return this.script;
  }
}
