// Long offer texts built from pieces of real offers, for the parser's property test and the bench.
// The pieces reach every rule (amounts, periods, dates, regions, look-backs); the joins include none
// at all, so a whole text can be one endless sentence and clause, the shape that once hung the parser.
import { random } from './pages.ts';

export const OFFER_PIECES = [
  'Spend $50',
  ' get ',
  'USD 200',
  'within 30 days',
  'two weeks',
  '10,000円以上',
  '有効期限は2027年3月31日',
  'Rp500.000',
  '1.000.000 ₫',
  ' in the last 90 days',
  'Available in US, CA',
  'January 31, 2027',
  'between 15 December 2026 and 15 January 2027',
  'redeem by 2026-12-01',
  '48 hours',
  '3 months',
  'VAT excluded',
  '\n',
  '. ',
] as const;

/** `head` copies of "Spend $50" with nothing between them, then `parts` pieces picked by `seed`. */
export function longOfferText(seed: number, parts: number, head = 150): string {
  const next = random(seed);
  const out: string[] = Array.from({ length: head }, () => 'Spend $50');
  for (let i = 0; i < parts; i++) out.push(OFFER_PIECES[Math.floor(next() * OFFER_PIECES.length)]!);
  return out.join('');
}

/** About `chars` characters of such a text (whole pieces; the same seed gives a prefix of a longer text). */
export function offerTextOfSize(seed: number, chars: number): string {
  const next = random(seed);
  let text = 'Spend $50'.repeat(150);
  while (text.length < chars) text += OFFER_PIECES[Math.floor(next() * OFFER_PIECES.length)]!;
  return text;
}
