/**
 * Kinds of messages in a contact's log and the pricing categories Meta bills them under. Kinds are
 * small integers, in the order messages stamped with the same instant are processed: customer
 * messages first (they open windows), then templates, then free-form service messages (so a
 * template and a service message sent together open one conversation, not two).
 */

export const KIND_USER = 0;
export const KIND_USER_AD = 1;
export const KIND_MARKETING = 2;
export const KIND_UTILITY = 3;
export const KIND_AUTHENTICATION = 4;
export const KIND_AUTHENTICATION_INTERNATIONAL = 5;
export const KIND_SERVICE = 6;
/** Kinds fit in 3 bits (used to pack a kind beside its timestamp). */
export const KIND_SLOTS = 8;

export const KIND_NAMES = [
  'user',
  'user_ad',
  'marketing',
  'utility',
  'authentication',
  'authentication_international',
  'service',
] as const;

export const CATEGORY_MARKETING = 0;
export const CATEGORY_UTILITY = 1;
export const CATEGORY_AUTHENTICATION = 2;
export const CATEGORY_AUTHENTICATION_INTERNATIONAL = 3;
export const CATEGORY_SERVICE = 4;
/** A conversation-based free-entry-point conversation (Meta's analytics: FREE_ENTRY_POINT / referral_conversion). */
export const CATEGORY_FREE_ENTRY_POINT = 5;
export const CATEGORY_COUNT = 6;

/** Category names, in the fixed order of BILLED_BREAKDOWN rows. */
export const CATEGORY_NAMES = [
  'marketing',
  'utility',
  'authentication',
  'authentication_international',
  'service',
  'free_entry_point',
] as const;

export type CategoryName = (typeof CATEGORY_NAMES)[number];

/** Category of a business message kind (templates by their category; free-form messages are service). */
export function categoryOfKind(kind: number): number {
  return kind === KIND_SERVICE ? CATEGORY_SERVICE : kind - KIND_MARKETING;
}

/** Position of a name in `names`, case-insensitive; "-" accepted for "_" as Meta's webhooks write it. */
function indexOfName(names: readonly string[], text: string): number | undefined {
  const index = names.indexOf(text.trim().toLowerCase().replace(/-/g, '_'));
  return index < 0 ? undefined : index;
}

export function parseKind(text: string): number | undefined {
  return indexOfName(KIND_NAMES, text);
}

/** A category name (for filtering). */
export function parseCategory(text: string): number | undefined {
  return indexOfName(CATEGORY_NAMES, text);
}
