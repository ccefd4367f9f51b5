/** A server failure as the sidebar receives it: the English message, then the note it words itself (src/gas/sidebar-rpc.ts). */
import { ERROR_NOTE_MARK, type ServerErrorNote } from '../../src/rpc/contract';

export function noted(message: string, note: ServerErrorNote): Error {
  return new Error(message + ERROR_NOTE_MARK + JSON.stringify(note));
}
