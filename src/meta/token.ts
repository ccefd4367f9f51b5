/**
 * What may be shown of the access token, and scrubbing it from text that reaches a user (a cell, the sidebar).
 * The token itself lives only in the document properties and the Authorization header.
 */

/** Below this length the last four characters would give away too much of the token, so none are shown. */
const MIN_LENGTH_FOR_HINT = 16;

/** "…" and the last four characters, so admins can tell tokens apart; just "…" for a token too short to hint. */
export function tokenHint(token: string): string {
  return token.length >= MIN_LENGTH_FOR_HINT ? `…${token.slice(-4)}` : '…';
}

/** Removes the token, and any access_token parameter, from text that may be shown to a user. */
export function redact(text: string, token: string): string {
  const withoutToken = token ? text.split(token).join('…') : text;
  return withoutToken.replace(/access_token=[^&\s"']*/g, 'access_token=…');
}
