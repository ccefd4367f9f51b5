/**
 * A small streaming reader for the XML parts of an XLSX file. It walks the bytes once and reports start
 * tags, end tags and text, so a worksheet of a few hundred thousand rows is never turned into one huge
 * string or a DOM. Enough XML for what spreadsheet writers emit: elements, attributes in either quote,
 * the predefined and numeric entities, CDATA; comments, processing instructions and DOCTYPE skipped.
 */
import { strFromU8 } from 'fflate';

export interface XmlHandler {
  /** `name` without its namespace prefix; attribute names keep theirs ("r:id"). */
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  /** Decoded character data between tags, reported only while `capturing` is true (decoding costs). */
  text?(value: string): void;
  readonly capturing?: boolean;
}

const LT = 0x3c;
const GT = 0x3e;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** Tags and cell values are short and almost always ASCII: decoding them here beats a decoder call each. */
function decodeRange(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 24) {
    for (let i = start; i < end; i++) if (bytes[i] >= 0x80) return strFromU8(bytes.subarray(start, end));
    return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  }
  let s = '';
  for (let i = start; i < end; i++) {
    if (bytes[i] >= 0x80) return strFromU8(bytes.subarray(start, end));
    s += String.fromCharCode(bytes[i]);
  }
  return s;
}

/** Element and attribute names repeat millions of times ("c", "v", "r", "row"): short ones are decoded once. */
const shortNames = new Map<number, string>();
function nameAt(bytes: Uint8Array, start: number, end: number): string {
  const length = end - start;
  if (length > 4 || length === 0) return decodeRange(bytes, start, end);
  let key = length;
  for (let i = start; i < end; i++) key = key * 256 + bytes[i];
  let name = shortNames.get(key);
  if (name === undefined) {
    name = decodeRange(bytes, start, end);
    shortNames.set(key, name);
  }
  return name;
}

const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const SLASH = 0x2f;
const EQUALS = 0x3d;

/** Reads the start tag between `<` at `lt` and its `>` at `gt`, straight from the bytes. */
function readStartTag(bytes: Uint8Array, lt: number, gt: number, handler: XmlHandler): void {
  let i = lt + 1;
  while (i < gt && !isSpace(bytes[i]) && bytes[i] !== SLASH) i++;
  const name = localName(nameAt(bytes, lt + 1, i));
  const attributes: Record<string, string> = {};
  let selfClosing = false;
  while (i < gt) {
    const b = bytes[i];
    if (isSpace(b)) {
      i++;
      continue;
    }
    if (b === SLASH) {
      selfClosing = true;
      i++;
      continue;
    }
    const nameStart = i;
    while (i < gt && bytes[i] !== EQUALS && !isSpace(bytes[i])) i++;
    const attribute = nameAt(bytes, nameStart, i);
    while (i < gt && bytes[i] !== 0x22 && bytes[i] !== 0x27) i++;
    const quote = bytes[i];
    const valueStart = ++i;
    while (i < gt && bytes[i] !== quote) i++;
    if (i >= gt) throw new XmlSyntaxError(`unterminated attribute ${attribute}`);
    attributes[attribute] = decodeEntities(decodeRange(bytes, valueStart, i));
    i++;
  }
  handler.open(name, attributes, selfClosing);
  if (selfClosing) handler.close?.(name);
}

function indexOfSequence(bytes: Uint8Array, sequence: string, from: number): number {
  const first = sequence.charCodeAt(0);
  for (let i = bytes.indexOf(first, from); i >= 0; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < sequence.length && bytes[i + k] === sequence.charCodeAt(k)) k++;
    if (k === sequence.length) return i;
  }
  return -1;
}

/** Thrown for bytes that are not well-formed enough to read; the caller names the file. */
export class XmlSyntaxError extends Error {}

export function scanXml(bytes: Uint8Array, handler: XmlHandler): void {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const lt = bytes.indexOf(LT, i);
    const textEnd = lt < 0 ? n : lt;
    if (handler.capturing && textEnd > i)
      handler.text?.(decodeEntities(strFromU8(bytes.subarray(i, textEnd))));
    if (lt < 0) return;
    const next = bytes[lt + 1];
    if (next === 0x21 /* ! */) {
      if (indexOfSequence(bytes, '<![CDATA[', lt) === lt) {
        const end = indexOfSequence(bytes, ']]>', lt + 9);
        if (end < 0) throw new XmlSyntaxError('unterminated CDATA section');
        if (handler.capturing) handler.text?.(strFromU8(bytes.subarray(lt + 9, end)));
        i = end + 3;
        continue;
      }
      const comment = indexOfSequence(bytes, '<!--', lt) === lt;
      const end = comment ? indexOfSequence(bytes, '-->', lt + 4) : bytes.indexOf(GT, lt);
      if (end < 0) throw new XmlSyntaxError('unterminated markup');
      i = end + (comment ? 3 : 1);
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = indexOfSequence(bytes, '?>', lt + 2);
      if (end < 0) throw new XmlSyntaxError('unterminated processing instruction');
      i = end + 2;
      continue;
    }
    // Attribute values may hold ">" only when quoted; spreadsheet writers escape it, so the next ">" ends the tag.
    const gt = bytes.indexOf(GT, lt + 1);
    if (gt < 0) throw new XmlSyntaxError('unterminated tag');
    if (next === SLASH) {
      let end = gt;
      while (end > lt + 2 && isSpace(bytes[end - 1])) end--;
      handler.close?.(localName(nameAt(bytes, lt + 2, end)));
    } else readStartTag(bytes, lt, gt, handler);
    i = gt + 1;
  }
}
