/**
 * Rate card categories, named as META_BILLED's `category` argument names them (Meta's pricing categories), in
 * the column order of Meta's Rates CSV.
 */

export const RATE_CATEGORIES = [
  'MARKETING',
  'UTILITY',
  'AUTHENTICATION',
  'AUTHENTICATION_INTERNATIONAL',
  'SERVICE',
] as const;

export type RateCategory = (typeof RATE_CATEGORIES)[number];

/** Letters only, lower case: "Authentication-⏎International" and "authentication international" meet. */
export function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}

const BY_SQUASHED: ReadonlyMap<string, RateCategory> = new Map([
  ...RATE_CATEGORIES.map((c) => [squash(c), c] as const),
  ['authinternational', 'AUTHENTICATION_INTERNATIONAL'],
  ['authenticationintl', 'AUTHENTICATION_INTERNATIONAL'],
  ['authintl', 'AUTHENTICATION_INTERNATIONAL'],
  // Marketing lite (MM Lite) messages are billed at the marketing rate [2nd: Kapso billing docs].
  ['marketinglite', 'MARKETING'],
]);

/** The category a header, argument or Meta analytics category names, or undefined. */
export function rateCategoryOf(text: string): RateCategory | undefined {
  return BY_SQUASHED.get(squash(text));
}
