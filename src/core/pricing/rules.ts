/**
 * Meta's WhatsApp pricing as a dated table, so a change of rules is one entry. Each entry applies
 * from local midnight (in the spreadsheet's zone) of its day until the next enabled entry; the
 * first entry also covers anything earlier. Sources: shared/reference/meta-graph-api.md §1–2 and
 * shared/reference/meta-2026.md §2 (which wins where they differ).
 */
import type { DayKey } from '../time';

export type PricingModel = 'conversation' | 'message';
export const PRICING_MODELS: readonly PricingModel[] = ['conversation', 'message'];

/**
 * Who shares a monthly allowance of free service units: the whole WhatsApp Business Account (the
 * whole input), or each business phone number (each value of BILLED_*'s `lines`) on its own.
 */
export type AllowanceScope = 'account' | 'line';

export interface PricingRule {
  readonly from: DayKey;
  readonly model: PricingModel;
  /**
   * Service units (conversations under the conversation model, delivered service messages under
   * the message model) free per calendar month of the spreadsheet's zone, first come first served
   * in time order, no roll-over; 0 = all charged, Infinity = all free.
   */
  readonly freeServicePerMonth: number;
  /** Who shares freeServicePerMonth (see AllowanceScope). */
  readonly freeServiceScope: AllowanceScope;
  /** Message model: a utility template inside an open customer-service window is free. */
  readonly utilityFreeInServiceWindow: boolean;
  /** An entry that is off is kept for the record and ignored. */
  readonly enabled: boolean;
}

/**
 * Meta's pricing rules by date. Why each entry is what it is goes in the comment above it, not a string field:
 * nothing reads such a note, and Code.js (loaded on every custom-function call) would carry it.
 */
export const PRICING_RULES: readonly PricingRule[] = [
  /**
   * Conversation-based pricing, June-2023 categories. The 2022-02..2023-05 free tier (1,000 conversations of
   * any kind) is not modelled: service conversations are charged.
   */
  {
    from: 20220201,
    model: 'conversation',
    freeServicePerMonth: 0,
    freeServiceScope: 'account',
    utilityFreeInServiceWindow: false,
    enabled: true,
  },
  /**
   * First 1,000 service conversations of each calendar month free per WABA, not per number
   * (Meta, updates-to-pricing).
   */
  {
    from: 20230601,
    model: 'conversation',
    freeServicePerMonth: 1000,
    freeServiceScope: 'account',
    utilityFreeInServiceWindow: false,
    enabled: true,
  },
  /** Service conversations free and unlimited (Meta, conversation-based pricing page). */
  {
    from: 20241101,
    model: 'conversation',
    freeServicePerMonth: Infinity,
    freeServiceScope: 'account',
    utilityFreeInServiceWindow: false,
    enabled: true,
  },
  /**
   * Per-message pricing: delivered templates charged; service messages and utility templates in an open
   * customer-service window free (Meta, pricing page).
   */
  {
    from: 20250701,
    model: 'message',
    freeServicePerMonth: Infinity,
    freeServiceScope: 'account',
    utilityFreeInServiceWindow: true,
    enabled: true,
  },
  /**
   * Service messages charged beyond the first 1,000 delivered per business phone number per calendar month
   * (no roll-over); utility templates inside the customer-service window charged; free-entry-point windows
   * stay free (Meta, "Upcoming pricing updates for Meta Business Agent, service and utility messages",
   * timeline, updated 2026-07-01; allowance: secondary sources).
   */
  {
    from: 20261001,
    model: 'message',
    // The figure and its per-number scope are from secondary sources only (meta-2026.md §2:
    // apps.make.com, glama.ai, a note quoting Meta's "Service rates, effective October 1, 2026");
    // not yet read on a Meta page. Correct these two fields if Meta says otherwise.
    freeServicePerMonth: 1000,
    freeServiceScope: 'line',
    utilityFreeInServiceWindow: false,
    enabled: true,
  },
];

/** First day of per-message pricing (local midnight in the zone that bills): where Meta's analytics switch API. */
export const MESSAGE_PRICING_FROM: DayKey = PRICING_RULES.find(
  (r) => r.enabled && r.model === 'message',
)!.from;
