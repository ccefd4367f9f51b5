import type { MetaUsageRow } from '../../src/month-close/figures';

/** One Meta usage row as the month close reads it: a Brazilian marketing message unless told otherwise. */
export const metaRow = (fields: Partial<MetaUsageRow>): MetaUsageRow => ({
  day: '2025-10-01',
  line: '1555',
  country: 'BR',
  pricingModel: 'message',
  category: 'MARKETING',
  type: 'REGULAR',
  tier: null,
  volume: 1,
  cost: null,
  ...fields,
});
