/**
 * A GoogleSQL token stream, just enough for the fake's translation (translate.ts) and script splitting: the
 * statement was already parsed by node-sql-parser, so this only needs to find strings, quoted names, parameters,
 * comments and parentheses reliably (lexical structure:
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical).
 */

export type TokenKind = 'space' | 'comment' | 'string' | 'backtick' | 'param' | 'word' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
}

const PATTERNS: [TokenKind, RegExp][] = [
  ['space', /\s+/y],
  ['comment', /(?:--|#)[^\n]*|\/\*[\s\S]*?\*\//y],
  ['string', /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/y],
  ['backtick', /`(?:[^`\\]|\\.)*`/y],
  ['param', /@[A-Za-z_][A-Za-z0-9_]*/y],
  ['word', /[A-Za-z_][A-Za-z0-9_]*/y],
  ['number', /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?/y],
  ['punct', /<>|!=|<=|>=|\|\||[(),;.*+\-/<>=%[\]]/y],
];

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  outer: while (at < sql.length) {
    for (const [kind, re] of PATTERNS) {
      re.lastIndex = at;
      const m = re.exec(sql);
      if (m) {
        tokens.push({ kind, text: m[0] });
        at += m[0].length;
        continue outer;
      }
    }
    throw new SyntaxError(`Syntax error: Illegal input character "${sql[at]}" at [${at}]`);
  }
  return tokens;
}

/** The statements of a script, split at top-level semicolons, each trimmed; empty (or comment-only) statements dropped. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let meaningful = false;
  const end = () => {
    if (meaningful) statements.push(current.trim());
    current = '';
    meaningful = false;
  };
  for (const t of tokenize(sql)) {
    if (t.kind === 'punct' && t.text === ';') end();
    else {
      current += t.text;
      if (t.kind !== 'space' && t.kind !== 'comment') meaningful = true;
    }
  }
  end();
  return statements;
}
