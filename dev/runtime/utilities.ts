/** Utilities (https://developers.google.com/apps-script/reference/utilities/utilities) and Blob. */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { Clock } from './clock';
import { AppsScriptException } from './exception';
import { formatDate } from './format-date';
import { isDate } from './realm';
import { ServiceObject, type Access } from './service';

/** Apps Script byte arrays are Java bytes: signed, -128..127. */
const toSignedBytes = (buf: Uint8Array): number[] => Array.from(buf, (b) => (b > 127 ? b - 256 : b));

function toBuffer(data: unknown, charset = 'UTF-8'): Buffer {
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
  return Buffer.from(String(data), charset.toUpperCase().replace('-', '') === 'USASCII' ? 'latin1' : 'utf8');
}

export class Blob extends ServiceObject {
  readonly kind = 'Blob';
  readonly methods: Record<string, Access> = {
    getBytes: 'free',
    getDataAsString: 'free',
    getContentType: 'free',
    setContentType: 'free',
    getName: 'free',
    setName: 'free',
    copyBlob: 'free',
  };

  constructor(
    private readonly data: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {
    super();
  }

  getBytes(): number[] {
    return toSignedBytes(this.data);
  }
  getDataAsString(charset?: string): string {
    return charset && /ascii|latin|8859/i.test(charset)
      ? this.data.toString('latin1')
      : this.data.toString('utf8');
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string): this {
    this.contentType = String(contentType);
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): this {
    this.name = String(name);
    return this;
  }
  copyBlob(): Blob {
    return new Blob(Buffer.from(this.data), this.contentType, this.name);
  }
}

const MAX_SLEEP_MS = 300_000;

const DIGESTS: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Splits CSV text per RFC 4180 (quoted fields may hold delimiters, quotes as "" and line breaks). */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Utilities.formatString: sprintf-style %s %d %i %f %.Nf %%. */
export function formatString(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(/%(\.(\d+))?([sdif%])/g, (_m, _p, precision: string | undefined, type: string) => {
    if (type === '%') return '%';
    const arg = args[next++];
    if (type === 's') return String(arg);
    if (type === 'd' || type === 'i') return String(Math.trunc(Number(arg)));
    return precision === undefined ? String(Number(arg)) : Number(arg).toFixed(Number(precision));
  });
}

export class UtilitiesImpl extends ServiceObject {
  readonly kind = 'Utilities';
  readonly methods: Record<string, Access> = {
    formatDate: 'free',
    formatString: 'free',
    parseCsv: 'free',
    sleep: 'free',
    computeDigest: 'free',
    computeHmacSignature: 'free',
    computeHmacSha256Signature: 'free',
    base64Encode: 'free',
    base64EncodeWebSafe: 'free',
    base64Decode: 'free',
    base64DecodeWebSafe: 'free',
    newBlob: 'free',
    getUuid: 'free',
    DigestAlgorithm: 'free',
    MacAlgorithm: 'free',
    Charset: 'free',
  };
  readonly DigestAlgorithm = Object.fromEntries(Object.keys(DIGESTS).map((k) => [k, k]));
  readonly MacAlgorithm = Object.fromEntries(Object.keys(MACS).map((k) => [k, k]));
  readonly Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' };

  constructor(private readonly clock: Pick<Clock, 'sleep'>) {
    super();
  }

  formatDate(date: unknown, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw new AppsScriptException(
        "The parameters don't match the method signature for Utilities.formatDate.",
      );
    }
    return formatDate(date.getTime(), timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    return formatString(String(template), args);
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsv(String(csv), delimiter ?? ',');
  }
  /**
   * Blocks on the execution's clock (a manual clock just advances). "The maximum allowed value is 300000 (or 5
   * minutes)" (https://developers.google.com/apps-script/reference/utilities/utilities#sleep(Integer)); the
   * wording of the refusal is UNCONFIRMED.
   */
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_SLEEP_MS)
      throw new AppsScriptException('Invalid argument: milliseconds');
    this.clock.sleep(ms);
  }
  computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
    const alg = DIGESTS[algorithm];
    if (!alg) throw new AppsScriptException(`Invalid argument: algorithm`);
    return toSignedBytes(createHash(alg).update(toBuffer(value, charset)).digest());
  }
  computeHmacSignature(algorithm: string, value: unknown, key: unknown, charset?: string): number[] {
    const alg = MACS[algorithm];
    if (!alg) throw new AppsScriptException(`Invalid argument: algorithm`);
    return toSignedBytes(createHmac(alg, toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
  }
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: string): number[] {
    return this.computeHmacSignature('HMAC_SHA_256', value, key, charset);
  }
  base64Encode(data: unknown, charset?: string): string {
    return toBuffer(data, charset).toString('base64');
  }
  base64EncodeWebSafe(data: unknown, charset?: string): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64'));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64url'));
  }
  newBlob(data: unknown, contentType?: string, name?: string): Blob {
    return new Blob(toBuffer(data ?? ''), contentType ?? null, name ?? null);
  }
  getUuid(): string {
    return randomUUID();
  }
}
