import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translatorFrom, type Messages } from '../../src/core/i18n.ts';
import { progressOfRecord } from '../../src/core/progress.ts';
import { EMPTY_TERMS, blankPromotion, type PromotionRecord } from '../../src/core/schemas.ts';
import { supportCase, supportMessage } from '../../src/core/support.ts';

const localesDir = join(import.meta.dirname, '..', '..', 'public', '_locales');
const translator = (lang: string) =>
  translatorFrom(JSON.parse(readFileSync(join(localesDir, lang, 'messages.json'), 'utf8')) as Messages, lang);

const overdue: PromotionRecord = blankPromotion({
  id: 'code:TTADS-500FF',
  accountId: '7000000000001',
  code: 'TTADS-500FF',
  type: 'conditional',
  status: 'processing',
  terms: { ...EMPTY_TERMS, amount: 50, currency: 'USD', minSpend: 50, creditArrivalDays: 3 },
  activatedOn: '2026-11-01',
  metOn: '2026-11-10',
  source: 'page',
  createdAt: '2026-11-01T10:00:00.000Z',
});
const NOW = '2026-11-20T12:00:00Z';

describe('supportMessage', () => {
  it('is offered only for a missed deadline or overdue credit', () => {
    expect(supportCase(progressOfRecord(overdue, NOW, 'UTC'))).toBe('credit-overdue');
    expect(supportCase(progressOfRecord(overdue, '2026-11-12T12:00:00Z', 'UTC'))).toBeNull();
    const t = translator('en');
    expect(supportMessage(overdue, progressOfRecord(overdue, '2026-11-12T12:00:00Z', 'UTC'), t)).toBeNull();
  });

  it('gives support the code, account, dates and amounts for overdue credit', () => {
    const text = supportMessage(overdue, progressOfRecord(overdue, NOW, 'UTC'), translator('en'))!;
    expect(text.split('\n')).toEqual([
      'Hello TikTok Ads support,',
      '',
      'I met the minimum spend of my promotion, but the ad credit has not appeared in my account. Could you check and issue it?',
      '',
      'Promotion code: TTADS-500FF',
      'Ad account: 7000000000001',
      'Redeemed on: Nov 1, 2026',
      'Offer: $50.00 in ad credit after spending $50.00',
      'Minimum spend met on: Nov 10, 2026',
      'Credit expected by: Nov 13, 2026',
      '',
      'Thank you.',
    ]);
  });

  for (const lang of readdirSync(localesDir)) {
    it(`is written in ${lang}, with every line translated`, () => {
      const text = supportMessage(overdue, progressOfRecord(overdue, NOW, 'UTC'), translator(lang))!;
      expect(text).not.toMatch(/support_|\$[1-9](?![\d.,])/);
      expect(text).toContain('TTADS-500FF');
      expect(text).toContain('7000000000001');
      if (lang !== 'en') expect(text).not.toContain('Thank you');
    });
  }
});
