// A spend period written as a range ends on its last day: that day is the deadline, in every language.
import { describe, expect, it } from 'vitest';

import { findDateRanges } from '../../src/core/date-text.ts';
import { parseTerms } from '../../src/core/terms/index.ts';

// One offer per language and per way of writing a range; the deadline is always 15 January 2027.
const RANGES: Array<[lang: string, text: string]> = [
  ['en', 'Spend €200 between 15 December 2026 and 15 January 2027 to get €200 in ad credit.'],
  ['en', 'Spend $200 from December 15, 2026 to January 15, 2027 and get $200 in ad credit.'],
  ['en', 'Spend $200 during 2026-12-15 – 2027-01-15 and get $200 in credit.'],
  ['es', 'Gasta 200 € del 15 de diciembre de 2026 al 15 de enero de 2027 y recibe 200 € de crédito.'],
  ['es', 'Invierte 200 € entre el 15/12/2026 y el 15/01/2027 y obtén 200 € de crédito publicitario.'],
  ['pt', 'Gaste R$ 200 de 15/12/2026 a 15/01/2027 e ganhe R$ 200 em créditos.'],
  ['pt', 'Gaste R$ 200 de 15 de dezembro de 2026 até 15 de janeiro de 2027 e ganhe R$ 200 em créditos.'],
  ['fr', 'Dépensez 200 € du 15 décembre 2026 au 15 janvier 2027 et recevez 200 € de crédit publicitaire.'],
  ['fr', 'Dépensez 200 € entre le 15/12/2026 et le 15/01/2027 et recevez 200 € de crédit.'],
  ['de', 'Gib vom 15.12.2026 bis 15.01.2027 200 € aus und erhalte 200 € Werbeguthaben.'],
  ['de', 'Gib zwischen dem 15. Dezember 2026 und dem 15. Januar 2027 200 € aus und erhalte 200 € Guthaben.'],
  ['id', 'Belanjakan Rp200.000 dari 15 Desember 2026 hingga 15 Januari 2027 dan dapatkan kredit Rp200.000.'],
  ['id', 'Belanjakan Rp200.000 dari 15/12/2026 sampai 15/01/2027 dan dapatkan kredit Rp200.000.'],
  ['ja', '2026年12月15日～2027年1月15日の期間中に広告費20,000円以上のご利用で、20,000円分のクーポンを進呈。'],
  ['ja', '2026年12月15日から2027年1月15日までに広告費を20,000円以上ご利用で20,000円分のクレジットを付与。'],
  [
    'vi',
    'Chi tiêu 2.000.000 ₫ từ ngày 15/12/2026 đến ngày 15/01/2027 để nhận 2.000.000 ₫ tín dụng quảng cáo.',
  ],
  ['vi', 'Chi tiêu 2.000.000 ₫ từ 15/12/2026 đến 15/01/2027 để nhận 2.000.000 ₫ tín dụng quảng cáo.'],
];

describe('a date range in an offer', () => {
  it.each(RANGES)('%s: %s', (lang, text) => {
    const terms = parseTerms(text, { lang });
    expect(terms.spendDeadline).toBe('2027-01-15');
    expect(terms.minSpend).not.toBeNull();
    expect(terms.amount).not.toBeNull();
  });

  it('covers all eight languages', () => {
    expect(new Set(RANGES.map(([l]) => l)).size).toBe(8);
  });

  it('is one span from the first day to the last', () => {
    const text = 'Spend €200 between 15 December 2026 and 15 January 2027.';
    expect(findDateRanges(text, 'en')).toEqual([
      { from: '2026-12-15', iso: '2027-01-15', start: text.indexOf('15 D'), end: text.indexOf('.', 30) },
    ]);
  });

  it('is not two dates that only happen to be joined by "and" or written backwards', () => {
    // Two deadlines for two things, not a range.
    const two = 'Activate by 1 December 2026 and spend by 31 December 2026.';
    expect(findDateRanges(two, 'en').map((d) => d.from)).toEqual(['2026-12-01', '2026-12-31']);
    const terms = parseTerms(`${two} Get $50 when you spend $50.`, { lang: 'en' });
    expect(terms).toMatchObject({ activateBy: '2026-12-01', spendDeadline: '2026-12-31' });
    // An end before the start is no range: both dates stay as written.
    expect(findDateRanges('from 15 January 2027 to 15 December 2026', 'en')).toHaveLength(2);
  });

  it('gives a credit validity range its last day as the expiry', () => {
    const t = parseTerms('Get $50 in ad credit. The credit is valid from 1 February 2027 to 30 April 2027.', {
      lang: 'en',
    });
    expect(t.creditExpiry).toBe('2027-04-30');
  });
});
