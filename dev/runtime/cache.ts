/**
 * CacheService (https://developers.google.com/apps-script/reference/cache/cache): keys up to 250 characters,
 * values up to 100 KB, expiry default 600 s and at most 21,600 s, measured on the runtime's clock; at most
 * 1,000 items (past that Apps Script keeps the 900 farthest from expiry).
 */
import type { Clock } from './clock';
import { AppsScriptException } from './exception';
import { ServiceObject, type Access } from './service';

const MAX_KEY_CHARS = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const DEFAULT_EXPIRY_S = 600;
const MAX_EXPIRY_S = 21600;
const MAX_ITEMS = 1000;
const KEPT_ON_OVERFLOW = 900;

interface Entry {
  value: string;
  expiresAt: number;
}

/** One cache's contents; tests read it through get() (which honours expiry) and may seed with put(). */
export class CacheStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  get(key: string): string | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expiresAt <= this.clock.now()) {
      this.entries.delete(key);
      return null;
    }
    return e.value;
  }

  /** Expiry in seconds; values above the 6-hour maximum are capped (how Apps Script treats them is not documented). */
  put(key: string, value: string, expirationInSeconds = DEFAULT_EXPIRY_S): void {
    const seconds = Math.min(Math.max(expirationInSeconds, 1), MAX_EXPIRY_S);
    this.entries.set(key, { value, expiresAt: this.clock.now() + seconds * 1000 });
    if (this.entries.size > MAX_ITEMS) {
      const keep = [...this.entries]
        .sort((a, b) => b[1].expiresAt - a[1].expiresAt)
        .slice(0, KEPT_ON_OVERFLOW);
      this.entries.clear();
      for (const [k, e] of keep) this.entries.set(k, e);
    }
  }

  remove(key: string): void {
    this.entries.delete(key);
  }

  /** Keys of entries not yet expired. */
  keys(): string[] {
    return [...this.entries.keys()].filter((k) => this.get(k) !== null);
  }
}

function checkKey(key: unknown): string {
  const k = String(key);
  if (k.length > MAX_KEY_CHARS) throw new AppsScriptException('Argument too large: key');
  return k;
}

function checkValue(value: unknown): string {
  const v = String(value);
  if (Buffer.byteLength(v, 'utf8') > MAX_VALUE_BYTES)
    throw new AppsScriptException('Argument too large: value');
  return v;
}

export class Cache extends ServiceObject {
  readonly kind = 'Cache';
  readonly methods: Record<string, Access> = {
    get: 'storage',
    getAll: 'storage',
    put: 'storage',
    putAll: 'storage',
    remove: 'storage',
    removeAll: 'storage',
  };

  constructor(private readonly store: CacheStore) {
    super();
  }

  get(key: string): string | null {
    return this.store.get(checkKey(key));
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const v = this.store.get(checkKey(key));
      if (v !== null) out[String(key)] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this.store.put(checkKey(key), checkValue(value), expirationInSeconds);
  }
  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    const checked = Object.entries(values).map(([k, v]) => [checkKey(k), checkValue(v)] as const);
    for (const [k, v] of checked) this.store.put(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this.store.remove(checkKey(key));
  }
  removeAll(keys: string[]): void {
    for (const key of keys) this.store.remove(checkKey(key));
  }
}

export interface CacheStores {
  document: CacheStore;
  script: CacheStore;
  user: CacheStore;
}

export class CacheServiceImpl extends ServiceObject {
  readonly kind = 'CacheService';
  readonly methods: Record<string, Access> = {
    getDocumentCache: 'storage',
    getScriptCache: 'storage',
    getUserCache: 'storage',
  };
  private readonly caches: Record<keyof CacheStores, Cache>;

  constructor(stores: CacheStores) {
    super();
    this.caches = {
      document: new Cache(stores.document),
      script: new Cache(stores.script),
      user: new Cache(stores.user),
    };
  }

  getDocumentCache(): Cache {
    return this.caches.document;
  }
  getScriptCache(): Cache {
    return this.caches.script;
  }
  getUserCache(): Cache {
    return this.caches.user;
  }
}
