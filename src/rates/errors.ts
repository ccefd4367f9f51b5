import { UserFacingError, type ErrorNote } from '../core/errors';

/** A rate card file that cannot be read as Meta's Rates CSV; the message names the file and, where known, the row. */
export class RateCardFileError extends UserFacingError {
  constructor(
    readonly fileName: string,
    detail: string,
    /** What the file does not say and the importer must be told (the sidebar asks for it). */
    readonly missing: readonly ('currency' | 'effectiveFrom')[] = [],
    note?: ErrorNote,
  ) {
    super(`${fileName}: ${detail}`, note);
    this.name = 'RateCardFileError';
  }
}

/** No rate for what is being priced: no card in force, a market or category missing, an n/a rate. */
export class RateLookupError extends UserFacingError {
  constructor(message: string, note?: ErrorNote) {
    super(message, note);
    this.name = 'RateLookupError';
  }
}
