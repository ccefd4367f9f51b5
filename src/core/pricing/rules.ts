/**
 * Meta's WhatsApp pricing as a dated table, so a change of rules is one entry. Each entry applies
 * from local midnight (in the spreadsheet's zone) of its day until the next enabled entry; the
 * first entry also covers anything earlier. Sources: shared/reference/meta-graph-api.md §1–2.
 */
import type { DayKey } from '../time';

export type PricingModel = 'conversation' | 'message';
export const PRICING_MODELS: readonly PricingModel[] = ['conversation', 'message'];

export interface PricingRule {
  readonly from: DayKey;
  readonly model: PricingModel;
  /**
   * Service units (conversations under the conversation model, messages under the message model)
   * free per calendar month for the whole input, first come first served; Infinity = all free.
   */
  readonly freeServicePerMonth: number;
  /** Message model: a utility template inside an open customer-service window is free. */
  readonly utilityFreeInServiceWindow: boolean;
  /** An entry that is off is kept for the record and ignored. */
  readonly enabled: boolean;
  readonly note: string;
}

export const PRICING_RULES: readonly PricingRule[] = [
  {
    from: 20220201,
    model: 'conversation',
    freeServicePerMonth: 0,
    utilityFreeInServiceWindow: false,
    enabled: true,
    note: 'Conversation-based pricing, June-2023 categories. The 2022-02..2023-05 free tier (1,000 conversations of any kind) is not modelled: service conversations are charged.',
  },
  {
    from: 20230601,
    model: 'conversation',
    freeServicePerMonth: 1000,
    utilityFreeInServiceWindow: false,
    enabled: true,
    note: 'First 1,000 service conversations of each calendar month free per WABA (Meta, updates-to-pricing).',
  },
  {
    from: 20241101,
    model: 'conversation',
    freeServicePerMonth: Infinity,
    utilityFreeInServiceWindow: false,
    enabled: true,
    note: 'Service conversations free and unlimited (Meta, conversation-based pricing page).',
  },
  {
    from: 20250701,
    model: 'message',
    freeServicePerMonth: Infinity,
    utilityFreeInServiceWindow: true,
    enabled: true,
    note: 'Per-message pricing: delivered templates charged; service messages and utility templates in an open customer-service window free (Meta, pricing page).',
  },
  {
    from: 20261001,
    model: 'message',
    freeServicePerMonth: 1000,
    utilityFreeInServiceWindow: false,
    enabled: false,
    note: "REPORTED, NOT CONFIRMED on Meta's own pages: service messages beyond 1,000 per business phone number per month charged, utility templates inside the service window charged. The input is treated as one phone number. Set enabled: true once Meta confirms.",
  },
];

/** First day of per-message pricing (local midnight in the zone that bills): where Meta's analytics switch API. */
export const MESSAGE_PRICING_FROM: DayKey = PRICING_RULES.find(
  (r) => r.enabled && r.model === 'message',
)!.from;
