import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checklist } from '../../src/core/checklist.ts';
import {
  EMPTY_TERMS,
  blankPromotion,
  type PageSnapshot,
  type PromotionRecord,
} from '../../src/core/schemas.ts';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };

const page = (name: string): PageSnapshot =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pages', `${name}.json`), 'utf8'));

const states = (s: PageSnapshot | null, kept: PromotionRecord[] = []) =>
  checklist(s, kept)
    .steps.map((x) => x.state)
    .join(',');

const kept1 = (over: Partial<PromotionRecord>): PromotionRecord =>
  blankPromotion({
    id: 'code:X',
    accountId: '123',
    source: 'page',
    createdAt: '2026-11-20T10:00:00.000Z',
    ...over,
  });

describe('checklist', () => {
  it('off Ads Manager: everything starts at signing in', () => {
    const c = checklist(null);
    expect(c.current).toBe('sign-in');
    expect(c.target).toBeNull();
    expect(states(null)).toBe('current,todo,todo,todo,todo');
  });

  it('an Ads Manager page that is not billing asks to open Payment', () => {
    const s = { ...page('en-payment'), view: 'other' as const, balance: null, redeem: null };
    expect(checklist(s).current).toBe('open-billing');
  });

  it('payment page with the dialog closed outlines the Redeem coupon button', () => {
    const s = { ...page('en-payment'), balance: { total: 10, cash: 10, credit: 0 } };
    const c = checklist(s);
    expect(c.current).toBe('enter-code');
    expect(c.target).toBe('redeemButton');
    expect(c.steps[2]!.instructionKey).toBe('steps_doOpenRedeem');
  });

  it('an open dialog with an error points at the code field with the fix instruction', () => {
    const c = checklist(page('en-redeem-error'));
    expect(c.current).toBe('enter-code');
    expect(c.target).toBe('codeInput');
    expect(c.steps[2]!.instructionKey).toBe('steps_doFixCode');
  });

  it('a typed code without an error points at Activate', () => {
    const s = page('en-redeem-error');
    const c = checklist({ ...s, redeem: { ...s.redeem!, error: null } });
    expect(c.target).toBe('activateButton');
  });

  it('an empty open dialog asks for the code', () => {
    const s = page('en-redeem-error');
    expect(
      checklist({ ...s, redeem: { ...s.redeem!, code: null, error: null } }).steps[2]!.instructionKey,
    ).toBe('steps_doTypeCode');
  });

  it('a successful redemption moves on; credit in the balance finishes the list', () => {
    // ja-payment: the dialog shows success and the balance carries ad credit.
    const c = checklist(page('ja-payment'));
    expect(c.current).toBeNull();
    expect(states(page('ja-payment'))).toBe('done,done,done,done,done');
  });

  it('earning rows on the promotions page make the minimum spend the current step', () => {
    const c = checklist(page('en-promotions-earning'));
    expect(c.current).toBe('meet-minimum');
    expect(c.steps[3]!.instructionKey).toBe('steps_doSpend');
    expect(states(page('en-promotions-earning'))).toBe('done,done,done,current,todo');
  });

  it('dates no kept promotion when the earning rows on the page already answer every step', () => {
    const kept = ['earning', 'available', 'missed'].map((status, i) =>
      kept1({ id: `code:${i}`, status: status as PromotionRecord['status'] }),
    );
    const dated: PromotionRecord[] = [];
    const c = checklist(page('en-promotions-earning'), kept, (record) => {
      dated.push(record);
      return record.status;
    });
    expect(c.current).toBe('meet-minimum');
    expect(dated).toEqual([]);
    // Without rows the kept ones decide, each dated once however many questions ask about it.
    const empty = { ...page('en-promotions-earning'), promotions: [] };
    checklist(empty, kept, (record) => {
      dated.push(record);
      return record.status;
    });
    expect(dated.length).toBeGreaterThan(0);
    expect(new Set(dated).size).toBe(dated.length);
  });

  it('available credit on the promotions page completes the list', () => {
    expect(checklist(page('en-promotions-available')).current).toBeNull();
  });

  it('a kept earning promotion sends the payment page to Promotions for progress', () => {
    const kept = [kept1({ status: 'earning', type: 'conditional', terms: { ...EMPTY_TERMS, minSpend: 50 } })];
    const s = { ...page('en-payment'), balance: { total: 10, cash: 10, credit: 0 } };
    const c = checklist(s, kept);
    expect(c.current).toBe('meet-minimum');
    expect(c.target).toBe('promotionsLink');
  });

  // Right after redeeming on the Payment page: no dialog open, no rows, the kept record as the redeem made it.
  const payment = (credit: number): PageSnapshot => ({
    ...page('en-payment'),
    redeem: null,
    balance: { total: 10 + credit, cash: 10, credit },
  });
  const redeemed = (over: Partial<PromotionRecord> = {}) =>
    kept1({ status: 'activated', activatedOn: '2026-11-20', termsNeeded: true, ...over });

  it('never tells free credit to meet a minimum; the credit on the page finishes the list', () => {
    const free = redeemed({ type: 'free', termsNeeded: false, terms: { ...EMPTY_TERMS, amount: 25 } });
    expect(checklist(payment(0), [free]).current).toBe('check-balance');
    expect(checklist(payment(25), [free]).current).toBeNull();
    // Just redeemed, terms not known yet: the $25 credit the page shows is evidence enough.
    expect(checklist(payment(25), [redeemed()]).current).toBeNull();
    const c = checklist(payment(25), [redeemed()]);
    expect(c.steps.find((x) => x.id === 'meet-minimum')!.state).toBe('done');
  });

  it('a code with unknown terms and no credit yet sends the advertiser to Promotions to learn them', () => {
    const c = checklist(payment(0), [redeemed()]);
    expect(c.current).toBe('meet-minimum');
    expect(c.steps[3]!.instructionKey).toBe('steps_doOpenPromotions');
  });

  it('a missed minimum is not "do this now": the list ends there with what to do instead', () => {
    const late = redeemed({
      status: 'earning',
      type: 'conditional',
      termsNeeded: false,
      terms: { ...EMPTY_TERMS, minSpend: 50, spendDeadline: '2026-11-30' },
    });
    // Stored as earning; its deadline has passed, which the status of now says.
    const c = checklist(payment(0), [late], () => 'missed');
    expect(c.current).toBeNull();
    expect(c.target).toBeNull();
    expect(c.steps.map((x) => x.state)).toEqual(['done', 'done', 'done', 'missed', 'todo']);
    expect(c.steps[3]!.instructionKey).toBe('steps_doAskSupport');
    expect(checklist(payment(0), [late]).current).toBe('meet-minimum');
  });

  it('every key it can return exists in the English messages', () => {
    const keys = new Set(Object.keys(en));
    for (const s of [null, page('en-payment'), page('en-redeem-error'), page('en-promotions-earning')]) {
      for (const step of checklist(s).steps) {
        for (const k of [step.titleKey, step.instructionKey, ...step.pitfallKeys])
          if (k) expect(keys).toContain(k);
      }
    }
    expect(keys).toContain('steps_allDone');
    expect(keys).toContain('steps_doAskSupport');
  });
});
