import { UserFacingError, type ErrorNote } from '../core/errors';

/**
 * Everything the Graph client throws on purpose is a MetaError: its message is safe to show in a cell or the
 * sidebar (it never contains the access token) and says what to do next.
 */
export class MetaError extends UserFacingError {
  constructor(
    message: string,
    /** Meta's error.code when Meta sent one. */
    readonly graphCode: number | null = null,
    /** The sidebar's wording of it in the user's language (src/sidebar/server-errors.ts). */
    note?: ErrorNote,
  ) {
    super(message, note);
    this.name = 'MetaError';
  }
}

/** 190 / 102: the token no longer works. Retrying cannot help. */
export class MetaTokenError extends MetaError {
  constructor(graphCode: number) {
    super('Meta token expired or revoked — ask an admin to reconnect', graphCode, { code: 'metaToken' });
    this.name = 'MetaTokenError';
  }
}

/** 100: Meta refused one of the request's parameters. */
export class MetaParameterError extends MetaError {
  constructor(
    readonly parameter: string | null,
    detail: string,
  ) {
    super(
      parameter
        ? `Meta rejected the request parameter "${parameter}": ${detail}`
        : `Meta rejected a request parameter: ${detail}`,
      100,
    );
    this.name = 'MetaParameterError';
  }
}

/** 10, 200–299: the token lacks the permission or the system user lacks access to the WABA. */
export class MetaPermissionError extends MetaError {
  constructor(graphCode: number, wabaId: string) {
    super(
      `Meta denied access (error ${graphCode}) — the token needs the whatsapp_business_management permission ` +
        `and access to WhatsApp Business Account ${wabaId}; ask an admin to check the system user and reconnect`,
      graphCode,
      { code: 'metaPermission', graphCode, wabaId },
    );
    this.name = 'MetaPermissionError';
  }
}

/**
 * Throttling (4, 17, 32, 613, 80007, 80008, 130429) or a transient outage (is_transient, HTTP 5xx) that outlived
 * the caller's deadline. Nothing fetched so far is returned.
 */
export class MetaRateLimitError extends MetaError {
  constructor(
    readonly retryAfterMinutes: number,
    readonly reason: 'throttled' | 'unavailable',
    graphCode: number | null,
  ) {
    const wait = `${retryAfterMinutes} minute${retryAfterMinutes === 1 ? '' : 's'}`;
    super(
      reason === 'throttled'
        ? `Meta rate limit reached — try again in ${wait}`
        : `Meta is temporarily unavailable — try again in ${wait}`,
      graphCode,
      { code: reason === 'throttled' ? 'metaThrottled' : 'metaUnavailable', minutes: retryAfterMinutes },
    );
    this.name = 'MetaRateLimitError';
  }
}

/** Transport failure (timeout, connection refused) or the caller's deadline passed with work left. */
export class MetaTransportError extends MetaError {
  constructor(readonly detail: string) {
    super(`No answer from Meta (${detail}) — try again, or ask for a shorter date range`, null, {
      code: 'metaNoAnswer',
      detail,
    });
    this.name = 'MetaTransportError';
  }
}

/** A response we cannot trust: malformed or truncated JSON, an unexpected shape, an unknown error code. */
export class MetaResponseError extends MetaError {
  constructor(message: string, graphCode: number | null = null) {
    super(message, graphCode);
    this.name = 'MetaResponseError';
  }
}

/** Meta returns no cost for WABAs billed through a Solution Partner's credit line. */
export class MetaCostUnavailableError extends MetaError {
  constructor() {
    super(
      "Meta returns no cost for this WhatsApp Business Account (it is billed through a partner's credit line) — " +
        'use META_BILLED for units',
    );
    this.name = 'MetaCostUnavailableError';
  }
}

/** The spreadsheet has no Meta connection yet (or it was removed). */
export class MetaNotConnectedError extends MetaError {
  constructor() {
    super(
      'this spreadsheet is not connected to Meta — an admin can connect it in the sidebar ' +
        '(Extensions ▸ Atom Billing ▸ Open sidebar ▸ Meta connection)',
    );
    this.name = 'MetaNotConnectedError';
  }
}

/** Any failure of a META_* formula, prefixed with the function name as the cell tooltip shows it. */
export class MetaFormulaError extends MetaError {
  constructor(functionName: string, detail: string, graphCode: number | null = null) {
    super(`${functionName}: ${detail}`, graphCode);
    this.name = 'MetaFormulaError';
  }
}
