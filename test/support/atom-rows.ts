import type { AtomRow } from '../../src/atom/rows';

/** An Atom row with every field blank (one conversation) but those given. */
export const atomRow = (fields: Partial<AtomRow>): AtomRow => ({
  id: '',
  start: '',
  contact: '',
  line: '',
  group: '',
  agent: '',
  typification: '',
  closingType: '',
  origin: '',
  campaign: '',
  conversations: 1,
  messageKind: '',
  ...fields,
});
