// A kept promotion by its reference: ids are unique only within an ad account.
import type { PromotionRef } from '../../core/messages.ts';
import type { PromotionRecord } from '../../core/schemas.ts';

export const findRecord = (promotions: readonly PromotionRecord[], ref: PromotionRef) =>
  promotions.find((r) => r.accountId === ref.accountId && r.id === ref.id);
