// Builders shared by the popup, options, export and ui tests: kept promotions in each lifecycle state,
// the real English messages, and a render wrapper with the i18n context.
import { render } from '@testing-library/preact';
import type { ComponentChild } from 'preact';
import { translatorFrom } from '../../src/core/i18n.ts';
import type { PromotionRecord, PromotionTerms, RedeemAttempt } from '../../src/core/schemas.ts';
import { EMPTY_TERMS, blankPromotion } from '../../src/core/schemas.ts';
import { I18nProvider } from '../../src/ui/i18n.tsx';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };

export const t = translatorFrom(en);
export const NOW = new Date('2026-11-24T12:00:00Z');

let seq = 0;

export function record(
  over: Partial<Omit<PromotionRecord, 'terms'>> & { terms?: Partial<PromotionTerms> } = {},
): PromotionRecord {
  seq += 1;
  const { terms, ...rest } = over;
  return blankPromotion({
    id: `promo-${seq}`,
    accountId: '7000000000001',
    name: `Promotion ${seq}`,
    code: `CODE${seq}`,
    type: 'conditional',
    status: 'earning',
    terms: { ...EMPTY_TERMS, amount: 50, currency: 'USD', minSpend: 50, ...terms },
    receivedOn: '2026-11-01',
    activatedOn: '2026-11-10',
    source: 'manual',
    createdAt: '2026-11-01T10:00:00.000Z',
    ...rest,
  });
}

/** Earning toward a $50 minimum due 2026-12-10, spending about $2 a day. */
export function earning(over: Parameters<typeof record>[0] = {}): PromotionRecord {
  const { terms, ...rest } = over;
  return record({
    status: 'earning',
    observations: [
      { at: '2026-11-15T12:00:00.000Z', spent: 10 },
      { at: '2026-11-20T12:00:00.000Z', spent: 20 },
      { at: '2026-11-24T08:00:00.000Z', spent: 28 },
    ],
    ...rest,
    terms: { spendWindowDays: 30, creditValidityDays: 90, ...terms },
  });
}

export function attempt(over: Partial<RedeemAttempt> = {}): RedeemAttempt {
  seq += 1;
  return {
    id: `attempt-${seq}`,
    accountId: '7000000000001',
    code: 'PR0MO50',
    error: 'Invalid coupon code',
    succeeded: false,
    lang: 'en',
    at: '2026-11-23T09:30:00.000Z',
    reasons: [
      {
        id: 'code-typo',
        likelihood: 0.8,
        evidence: ['The code contains the digit 0 where codes usually have the letter O.'],
        fix: 'Retype the code with the letter O.',
      },
      {
        id: 'code-expired',
        likelihood: 0.3,
        evidence: [],
        fix: 'Check the activation deadline in the offer.',
      },
    ],
    ...over,
  };
}

export function renderUi(ui: ComponentChild, locale = 'en', timeZone = 'UTC') {
  return render(<I18nProvider value={{ t, locale, timeZone }}>{ui}</I18nProvider>);
}
