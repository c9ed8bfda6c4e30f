import { describe, expect, it } from 'vitest';
import {
  EMPTY_TERMS,
  PromotionRecord,
  type PagePromotion,
  type PageSnapshot,
} from '../../src/core/schemas.ts';
import { promotionId } from '../../src/core/store/ids.ts';
import {
  applyDraft,
  applyTerms,
  mergeSnapshot,
  recordRedeemSuccess,
  supersededBy,
} from '../../src/core/store/merge.ts';
import { downsample, MAX_OBSERVATIONS, observe } from '../../src/core/store/observations.ts';
import { pagePromotion, promotionsSnapshot } from '../support/pages.ts';

const row = (over: Partial<PagePromotion> = {}): PagePromotion =>
  pagePromotion({
    name: 'New advertiser offer',
    redeemedOn: '2026-03-01',
    validUntil: '2026-03-31',
    ...over,
  });

const snap = (promotions: PagePromotion[], over: Partial<PageSnapshot> = {}): PageSnapshot =>
  promotionsSnapshot('123', promotions, over);

/** Applies merges in turn as the worker does: changed records replace kept ones. */
function run(snaps: PageSnapshot[], start: PromotionRecord[] = [], day = '2026-03-05'): PromotionRecord[] {
  const key = (r: PromotionRecord) => `${r.accountId}/${r.id}`;
  const kept = new Map(start.map((r) => [key(r), r]));
  snaps.forEach((s, i) => {
    const { changed, removed } = mergeSnapshot([...kept.values()], s, `2026-03-05T10:0${i}:00.000Z`, day);
    for (const r of changed) kept.set(key(r), r);
    for (const r of removed) kept.delete(key(r));
  });
  return [...kept.values()];
}

describe('mergeSnapshot', () => {
  it('adds a promotion the page shows for the first time', () => {
    const [r, ...rest] = run([snap([row()])]);
    expect(rest).toEqual([]);
    expect(r).toMatchObject({
      accountId: '123',
      status: 'earning',
      activatedOn: '2026-03-01',
      termsNeeded: false,
    });
    expect(r!.terms).toMatchObject({ amount: 50, minSpend: 50, currency: 'USD' });
    expect(r!.observations).toEqual([{ at: '2026-03-05T10:00:00.000Z', spent: 10 }]);
  });

  it('keeps one record for the same promotion from two tabs, the page tabs and another language', () => {
    const records = run([
      snap([row()]),
      snap([row()]), // another browser tab, same reading
      snap([row({ name: 'NEW-advertiser  offer', status: 'earning' })]), // the Earning tab, other spacing
      snap([row({ name: 'Oferta para nuevos anunciantes', spent: 20 })], { lang: 'es' }),
      snap([row({ name: '新規広告主オファー', spent: 20 })], { lang: 'ja' }),
    ]);
    expect(records).toHaveLength(1);
    expect(records[0]!.name).toBe('New advertiser offer');
    expect(records[0]!.observations.map((o) => o.spent)).toEqual([10, 20]);
  });

  it('keeps promotions of different accounts and different start dates apart', () => {
    const records = run([
      snap([row(), row({ redeemedOn: '2026-02-01', amount: 100 })]),
      snap([row()], { accountId: '999' }),
    ]);
    expect(records.map((r) => `${r.accountId}/${r.activatedOn}`).sort()).toEqual([
      '123/2026-02-01',
      '123/2026-03-01',
      '999/2026-03-01',
    ]);
  });

  it('keeps two promotions of the same day and amount apart when one page lists both', () => {
    const records = run([
      snap([row({ name: 'Welcome credit' }), row({ name: 'Holiday boost' })]),
      snap([row({ name: 'Welcome credit', spent: 15 }), row({ name: 'Holiday boost', spent: 30 })]),
    ]);
    expect(records.map((r) => r.name).sort()).toEqual(['Holiday boost', 'Welcome credit']);
    expect(records.find((r) => r.name === 'Holiday boost')!.observations.at(-1)?.spent).toBe(30);
  });

  it('matches a kept record to one row at most, even when a second row of that day would fit it too', () => {
    const records = run([
      snap([row({ name: 'Welcome credit' })]),
      // The same list in Spanish, with a second promotion of the same day and amount now listed.
      snap([row({ name: 'Crédito de bienvenida', spent: 15 }), row({ name: 'Impulso festivo', spent: 30 })], {
        lang: 'es',
      }),
    ]);
    expect(records.map((r) => r.name).sort()).toEqual(['Impulso festivo', 'Welcome credit']);
    expect(records.find((r) => r.name === 'Welcome credit')!.observations.map((o) => o.spent)).toEqual([
      10, 15,
    ]);
  });

  it('returns nothing when the page shows nothing new', () => {
    const kept = run([snap([row()])]);
    expect(mergeSnapshot(kept, snap([row()]), '2026-03-05T23:00:00.000Z', '2026-03-05')).toEqual({
      changed: [],
      removed: [],
    });
    // The same spend on a later day is news: it is what shows the spend has stalled.
    const [next] = mergeSnapshot(kept, snap([row()]), '2026-03-06T00:00:00.000Z', '2026-03-06').changed;
    expect(next!.observations.map((o) => o.at)).toEqual([
      '2026-03-05T10:00:00.000Z',
      '2026-03-06T00:00:00.000Z',
    ]);
  });

  it('sets metOn when the minimum is first seen met and moves to processing, then creditIssuedOn when available', () => {
    let records = run([snap([row({ spent: 50 })])], [], '2026-03-10');
    expect(records[0]).toMatchObject({ status: 'processing', metOn: '2026-03-10', creditIssuedOn: null });
    records = run([snap([row({ status: 'available', spent: null, unused: 50 })])], records, '2026-03-12');
    expect(records[0]).toMatchObject({
      status: 'available',
      metOn: '2026-03-10',
      creditIssuedOn: '2026-03-12',
      unused: 50,
    });
  });

  it('does not move our own inference backwards, but follows what the page tag says', () => {
    const processing = run([snap([row({ status: 'unknown', spent: 60 })])]);
    expect(processing[0]!.status).toBe('processing');
    const stillProcessing = run([snap([row({ status: 'unknown', spent: 60 })])], processing);
    expect(stillProcessing[0]!.status).toBe('processing');
    const expired = run([snap([row({ status: 'expired', spent: 10, minSpend: 50 })])]);
    expect(expired[0]!.status).toBe('missed');
    const back = run([snap([row({ status: 'earning' })])], expired);
    expect(back[0]!.status).toBe('earning');
  });
});

describe('recordRedeemSuccess', () => {
  it('creates an activated promotion asking for terms when the page lists none for today', () => {
    const r = recordRedeemSuccess(
      [],
      { accountId: '123', code: ' abcd 1234 ', snapshot: null },
      '2026-03-05T10:00:00.000Z',
      '2026-03-05',
    );
    expect(r).toMatchObject({
      id: 'code:ABCD1234',
      code: 'ABCD1234',
      status: 'activated',
      activatedOn: '2026-03-05',
      termsNeeded: true,
    });
  });

  it('takes the terms from the row redeemed today and is the same record the list later shows', () => {
    const s = snap([row({ redeemedOn: '2026-03-05', spent: 0 })]);
    const r = recordRedeemSuccess(
      [],
      { accountId: '123', code: 'ABCD1234', snapshot: s },
      '2026-03-05T10:00:00.000Z',
      '2026-03-05',
    );
    expect(r).toMatchObject({
      termsNeeded: false,
      terms: expect.objectContaining({ amount: 50, minSpend: 50 }),
    });
    const later = run([snap([row({ redeemedOn: '2026-03-05', spent: 5 })])], [r]);
    expect(later).toHaveLength(1);
    expect(later[0]!.code).toBe('ABCD1234');
  });
});

describe('the account name', () => {
  const named = { accountName: 'Northwind Outdoor Co.' };

  it('is kept on the promotions of the account the page names, the payment page too', () => {
    const [listed] = run([snap([row()], named)]);
    expect(listed!.accountName).toBe('Northwind Outdoor Co.');
    const [earlier] = run([snap([row()])]);
    expect(earlier!.accountName).toBeUndefined();
    const [later] = run(
      [snap([], { ...named, view: 'payment', accountName: 'Northwind Retail' })],
      [earlier!],
    );
    expect(later!.accountName).toBe('Northwind Retail');
  });

  it('stays when a page shows none, and names no other account', () => {
    const kept = run([snap([row()], named)]);
    expect(run([snap([row({ spent: 10 })])], kept)[0]!.accountName).toBe('Northwind Outdoor Co.');
    const other = run([snap([], { accountId: '999', accountName: 'Someone Else' })], kept);
    expect(other.map((r) => r.accountName)).toEqual(['Northwind Outdoor Co.']);
  });

  it('comes with a redeemed code from the page it was redeemed on', () => {
    const r = recordRedeemSuccess(
      [],
      { accountId: '123', code: 'ABCD1234', snapshot: snap([], named) },
      '2026-03-05T10:00:00.000Z',
      '2026-03-05',
    );
    expect(r.accountName).toBe('Northwind Outdoor Co.');
  });

  it('is optional: a record kept before names were read is still valid', () => {
    const [r] = run([snap([row()])]);
    expect(PromotionRecord.safeParse(r).success).toBe(true);
    expect(PromotionRecord.safeParse({ ...r, accountName: 'Northwind Outdoor Co.' }).success).toBe(true);
  });
});

describe('one card per promotion', () => {
  const day = '2026-03-05';
  const redeemed = (
    code: string,
    time: string,
    kept: PromotionRecord[] = [],
    s: PageSnapshot | null = null,
  ) => recordRedeemSuccess(kept, { accountId: '123', code, snapshot: s }, `2026-03-05T${time}:00.000Z`, day);
  // The demo's two offers, as the Promotions page lists them on the day both codes were redeemed.
  const conditional = row({ name: 'Spend $50 Get $50', redeemedOn: day, spent: 0, status: 'earning' });
  const free = row({
    name: 'Welcome ad credit',
    type: 'free',
    amount: 25,
    minSpend: null,
    spent: null,
    unused: 25,
    redeemedOn: day,
    status: 'available',
  });
  const twoCodes = () => {
    const a = redeemed('TTADS-500FF', '09:01');
    return [a, redeemed('TTADS-FREE25', '09:02', [a])];
  };

  it('two codes redeemed the same day stay two cards after the Promotions page lists both', () => {
    const records = run([snap([conditional, free])], twoCodes(), day);
    expect(records).toHaveLength(2);
    expect(records.map((r) => r.name).sort()).toEqual(['Spend $50 Get $50', 'Welcome ad credit']);
  });

  it('stay two cards when the page shows them one tab at a time, never four', () => {
    const afterOneTab = run([snap([free])], twoCodes(), day);
    // The Available tab alone cannot say which code its row is: both codes still wait for the page.
    expect(afterOneTab).toHaveLength(3);
    const records = run([snap([conditional])], afterOneTab, day);
    expect(records).toHaveLength(2);
    expect(records.map((r) => r.terms.amount).sort()).toEqual([25, 50]);
    // Neither row is given a code it may not be.
    expect(records.map((r) => r.code)).toEqual([null, null]);
  });

  it('pairs codes with rows by elimination once terms were pasted into one of them', () => {
    const [a, b] = twoCodes();
    const pasted = applyTerms(
      a!,
      { ...EMPTY_TERMS, amount: 50, minSpend: 50, currency: 'USD' },
      '2026-03-05T09:30:00.000Z',
    );
    const records = run([snap([conditional, free])], [pasted, b!], day);
    expect(records).toHaveLength(2);
    expect(records.find((r) => r.code === 'TTADS-500FF')!.name).toBe('Spend $50 Get $50');
    expect(records.find((r) => r.code === 'TTADS-FREE25')!.name).toBe('Welcome ad credit');
  });

  it("a second code redeemed on the Promotions page does not take the first code's row", () => {
    const a = redeemed('TTADS-FREE25', '09:01', [], snap([free]));
    expect(a.name).toBe('Welcome ad credit');
    const b = redeemed('TTADS-500FF', '09:02', [a], snap([free]));
    expect(b).toMatchObject({ name: null, termsNeeded: true });
    const records = run([snap([conditional])], [a, b], day);
    expect(records).toHaveLength(2);
    expect(records.find((r) => r.code === 'TTADS-500FF')!.name).toBe('Spend $50 Get $50');
  });

  it("terms pasted into a page card with the code typed make the code's own card redundant", () => {
    const records = run([snap([free])], twoCodes(), day);
    const row = records.find((r) => r.name === 'Welcome ad credit')!;
    const saved = applyDraft(
      row,
      { code: 'TTADS-FREE25', accountId: '123', receivedOn: day, name: row.name, terms: row.terms },
      '2026-03-05T11:00:00.000Z',
    );
    expect(supersededBy(records, saved).map((r) => r.code)).toEqual(['TTADS-FREE25']);
    // The other code stays: it is another promotion still waiting for its row.
    expect(
      records.filter((r) => !supersededBy(records, saved).includes(r)).map((r) => r.code ?? r.name),
    ).toEqual(expect.arrayContaining(['TTADS-500FF', 'Welcome ad credit']));
  });

  it('keeps a code of the day that another, older row of that day cannot be', () => {
    const older = run([snap([free])], [], day);
    // The Welcome row was listed (10:00) before the code was redeemed (11:00): it cannot be that code.
    const b = redeemed('TTADS-500FF', '11:00', older);
    const records = run([snap([free])], [...older, b], day);
    expect(records.map((r) => r.code ?? r.name).sort()).toEqual(['TTADS-500FF', 'Welcome ad credit']);
  });
});

describe('applyDraft', () => {
  it('adds a hand-entered promotion as received and edits keep its history', () => {
    const draft = {
      code: 'XY12',
      accountId: '123',
      receivedOn: '2026-03-01',
      name: null,
      terms: { ...EMPTY_TERMS, amount: 20 },
    };
    const added = applyDraft(null, draft, '2026-03-01T09:00:00.000Z');
    expect(added).toMatchObject({
      id: promotionId({ code: 'XY12', name: null, date: null }),
      status: 'received',
      source: 'manual',
    });
    const watched = { ...added, observations: [{ at: '2026-03-02T00:00:00.000Z', spent: 3 }] };
    const edited = applyDraft(
      watched,
      { ...draft, terms: { ...draft.terms, minSpend: 20 } },
      '2026-03-03T09:00:00.000Z',
    );
    expect(edited.observations).toHaveLength(1);
    expect(edited.terms.minSpend).toBe(20);
    expect(edited.updatedAt).toBe('2026-03-03T09:00:00.000Z');
  });
});

describe('observations', () => {
  it('records a reading when the spend changed, and an unchanged one only on a later day', () => {
    const one = observe([], '2026-03-01T00:00:00.000Z', 5);
    expect(observe(one, '2026-03-01T01:00:00.000Z', 5)).toEqual(one);
    expect(observe(one, '2026-03-01T02:00:00.000Z', 6)).toHaveLength(2);
    expect(observe(one, '2026-03-02T01:00:00.000Z', 5)).toEqual([
      ...one,
      { at: '2026-03-02T01:00:00.000Z', spent: 5 },
    ]);
  });

  it('keeps a stall as its first and latest reading, however many days it lasts', () => {
    let obs = observe([], '2026-03-01T09:00:00.000Z', 0);
    obs = observe(obs, '2026-03-02T09:00:00.000Z', 12);
    for (let day = 3; day <= 28; day++)
      obs = observe(obs, `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`, 12);
    expect(obs).toEqual([
      { at: '2026-03-01T09:00:00.000Z', spent: 0 },
      { at: '2026-03-02T09:00:00.000Z', spent: 12 },
      { at: '2026-03-28T09:00:00.000Z', spent: 12 },
    ]);
  });

  it('stays small after a year of hourly changes: dense recent, daily older, first kept', () => {
    let obs: ReturnType<typeof observe> = [];
    const start = Date.parse('2025-03-01T00:00:00Z');
    for (let h = 0; h < 365 * 24; h += 3)
      obs = observe(obs, new Date(start + h * 3_600_000).toISOString(), h);
    expect(obs.length).toBeLessThanOrEqual(MAX_OBSERVATIONS);
    expect(obs[0]!.spent).toBe(0);
    expect(obs.at(-1)!.spent).toBe(365 * 24 - 3);
    expect(JSON.stringify(obs).length).toBeLessThan(8_000);
    expect(downsample(obs)).toEqual(obs);
  });
});
