/**
 * A readable label for Meta's volume-tier code (`LOWER:UPPER`, e.g. `0:750000`, `750001:MAX`; meta-2026.md §3):
 * "0–750,000", "750,001+", and "any volume" for the single tier `0:MAX`. Grouped as the spreadsheet's language
 * writes numbers; anything else (blank, an unknown shape) is shown as it is.
 */
export function tierLabel(code: string, labels: { anyTier: string; thousands: string }): string {
  const m = /^(\d+):(\d+|MAX)$/.exec(code.trim());
  if (!m) return code;
  const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+$)/g, labels.thousands);
  if (m[2] !== 'MAX') return `${grouped(m[1])}–${grouped(m[2])}`;
  return Number(m[1]) === 0 ? labels.anyTier : `${grouped(m[1])}+`;
}
