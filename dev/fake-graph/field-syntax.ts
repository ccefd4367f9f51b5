/**
 * Parsing of Graph's request syntax: `fields=a,b,pricing_analytics.start(1).dimensions(["X","Y"])` and list
 * parameters given as `["A","B"]`, `[A,B]` or `A,B`.
 */

export interface FieldRequest {
  name: string;
  filters: Record<string, string>;
}

/** Splits on commas that are not inside (), [] or quotes. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = false;
  let current = '';
  for (const c of text) {
    if (c === '"') quote = !quote;
    else if (!quote && (c === '(' || c === '[' || c === '{')) depth++;
    else if (!quote && (c === ')' || c === ']' || c === '}')) depth--;
    if (c === separator && depth === 0 && !quote) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export function parseFields(fields: string): FieldRequest[] {
  return splitTopLevel(fields, ',').map((item) => {
    const [name, ...modifiers] = splitTopLevel(item, '.');
    const filters: Record<string, string> = {};
    for (const m of modifiers) {
      const open = m.indexOf('(');
      if (open < 0 || !m.endsWith(')')) throw new SyntaxError(`bad field modifier "${m}"`);
      filters[m.slice(0, open)] = m.slice(open + 1, -1);
    }
    return { name, filters };
  });
}

export function parseList(value: string | undefined): string[] {
  if (value === undefined) return [];
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map((x) => String(x));
    } catch {
      // fall through to the unquoted form [A,B]
    }
  }
  return text
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((s) => s.trim().replace(/^["']|["']$/g, ''))
    .filter((s) => s !== '');
}

export function parseQuery(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decodeURIComponent((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
    out[key] = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
  }
  return out;
}
