/**
 * An error whose message is meant for the person in front of the sheet. Custom functions rethrow it
 * unchanged so the cell's tooltip shows exactly this text.
 */
export class UserFacingError extends Error {
  constructor(message: string) {
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
