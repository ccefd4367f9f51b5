import { UserFacingError } from '../core/errors';

/** A file that cannot be imported at all: the message names the file and says what is wrong with it. */
export class AtomFileError extends UserFacingError {
  constructor(
    readonly fileName: string,
    detail: string,
  ) {
    super(`${fileName}: ${detail}`);
    this.name = 'AtomFileError';
  }
}
