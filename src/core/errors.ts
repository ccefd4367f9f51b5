/** A code and its values that the sidebar words in the user's language (src/rpc/contract.ts ServerErrorNote). */
export interface ErrorNote {
  readonly code: string;
  readonly [value: string]: unknown;
}

/**
 * An error whose message is meant for the person in front of the sheet. Custom functions rethrow it
 * unchanged so the cell's tooltip shows exactly this text. With a `note`, the sidebar shows its own wording of it,
 * in the user's language, instead of the (English) message.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly note?: ErrorNote,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/** Bad input to a formula: the message starts with the function name and names the argument and row. */
export class FormulaInputError extends UserFacingError {
  constructor(
    readonly functionName: string,
    detail: string,
  ) {
    super(`${functionName}: ${detail}`);
    this.name = 'FormulaInputError';
  }
}
