// The worker's half of the reader: a row's numbers and dates read from the texts the content script
// saw. A page's values written as texts in its own language read back as those values; numbers that
// contradict each other are left empty with a note; a row whose values cannot be read keeps its name
// and status.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dialogIn, withDialogRead } from '../../src/content/kept.ts';
import { clipSnapshot, MAX_MESSAGE } from '../../src/core/limits.ts';
import { readPageAndTargets } from '../../src/core/page/read.ts';
import { finishSnapshot } from '../../src/core/page/row-values.ts';
import type { PagePromotion, SeenPromotion } from '../../src/core/schemas.ts';
import { parseHtml } from '../support/dom.ts';
import { PAGE_LANGUAGES, pagePromotion, promotionsSnapshot, seenPage } from '../support/pages.ts';

const cents = fc.integer({ min: 0, max: 5_000_000 }).map((c) => c / 100);
const day = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const promotion: fc.Arbitrary<PagePromotion> = fc
  .record({
    amount: fc.option(cents),
    minSpend: fc.option(cents),
    spent: fc.option(cents),
    redeemedOn: fc.option(day),
    from: fc.option(day),
    until: fc.option(day),
  })
  .map(({ amount, minSpend, spent, redeemedOn, from, until }) =>
    pagePromotion({
      amount,
      minSpend,
      spent,
      // Unused is at most the amount, or the row contradicts itself (its own test below).
      unused: amount === null ? null : amount / 2,
      redeemedOn,
      validFrom: from !== null && until !== null && from > until ? until : from,
      validUntil: from !== null && until !== null && from > until ? from : until,
    }),
  );

describe('a row’s values, read from the texts it shows', () => {
  it('reads back the values a page wrote, in each page language', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAGE_LANGUAGES), fc.array(promotion, { maxLength: 6 }), (lang, rows) => {
        const page = promotionsSnapshot('1', rows, { lang });
        expect(finishSnapshot(seenPage(page))).toEqual(page);
      }),
    );
  });

  it('leaves contradicting numbers empty and says why, row by row', () => {
    const seen = seenPage(promotionsSnapshot('1', [pagePromotion(), pagePromotion({ amount: 20 })]));
    const odd: SeenPromotion = { ...seen.promotions[1]!, unused: '$30.00', progress: ['$5.00 / $70.00'] };
    const read = finishSnapshot({
      ...seen,
      warnings: ['balance: no balance labels found'],
      promotions: [seen.promotions[0]!, odd],
    });
    expect(read.promotions[0]).toEqual(pagePromotion());
    expect(read.promotions[1]).toMatchObject({ amount: 20, unused: null, minSpend: null, spent: null });
    // After what the page's own read warned.
    expect(read.warnings).toEqual([
      'balance: no balance labels found',
      "promotions table: row 2: 'Unused amount' 30 is more than the amount 20; left empty",
      'promotions table: row 2: progress goal 70 differs from the usage requirement 50; minimum spend and spend so far left empty',
    ]);
  });

  it('names no amount where a cell shows several, and no spend without a progress display', () => {
    const seen = seenPage(promotionsSnapshot('1', [pagePromotion()]));
    const row: SeenPromotion = { ...seen.promotions[0]!, amount: '$50.00 → $75.00', progress: [] };
    const read = finishSnapshot({ ...seen, promotions: [row] });
    expect(read.promotions[0]).toMatchObject({ amount: null, spent: null, minSpend: 50 });
    expect(read.warnings).toEqual([
      "promotions table: row 1: 'Amount' shows several amounts ($50.00 → $75.00); left empty",
    ]);
  });

  it('takes the progress goal as the minimum only where the table has no requirements column', () => {
    const seen = seenPage(promotionsSnapshot('1', [pagePromotion()]));
    const base = { ...seen.promotions[0]!, progress: ['$10.00 / $50.00'] };
    const noColumn = finishSnapshot({ ...seen, promotions: [{ ...base, requirement: null }] });
    const emptyCell = finishSnapshot({ ...seen, promotions: [{ ...base, requirement: '' }] });
    expect(noColumn.promotions[0]).toMatchObject({ minSpend: 50, spent: 10 });
    expect(emptyCell.promotions[0]).toMatchObject({ minSpend: null, spent: 10 });
  });
});

describe('the texts the content script sends', () => {
  it('are a row’s cells as shown, and a value cell too long to be a value is sent empty with a note', () => {
    const long = `$${'9'.repeat(1_200)}`;
    const html = `<!DOCTYPE html><html lang="en"><body><table>
      <tr><th>Ad credit name</th><th>Amount</th><th>Valid dates</th><th>Progress</th><th>Status</th></tr>
      <tr><td>Welcome</td><td>$50.00</td><td>Nov 1, 2026 ~ Dec 31, 2026</td><td>$5.00 / $50.00</td><td>Earning</td></tr>
      <tr><td>Odd</td><td>${long}</td><td>–</td><td>12 of 50</td><td>Earning</td></tr>
      </table></body></html>`;
    const { snapshot } = readPageAndTargets(
      parseHtml(html),
      'https://ads.tiktok.com/i18n/account/promotion?aadvid=1',
    );
    expect(
      snapshot.promotions.map(({ name, amount, validDates, progress, requirement }) => ({
        name,
        amount,
        validDates,
        progress,
        requirement,
      })),
    ).toEqual([
      {
        name: 'Welcome',
        amount: '$50.00',
        validDates: 'Nov 1, 2026 ~ Dec 31, 2026',
        progress: ['$5.00 / $50.00'],
        requirement: null,
      },
      { name: 'Odd', amount: '', validDates: '', progress: [], requirement: null },
    ]);
    expect(snapshot.warnings).toContain(
      "promotions table: row 2: 'Amount' is 1201 characters long, too long to be a value; left empty",
    );
  });
});

describe('the redeem dialog’s refusal', () => {
  const dialog = (body: string, field = '<input placeholder="Enter coupon code" value="SPEND50">') =>
    parseHtml(`<!DOCTYPE html><html lang="en"><body>
      <div role="dialog" aria-label="Redeem coupon">${field}${body}<button>Confirm</button></div>
      </body></html>`);
  const url = 'https://ads.tiktok.com/i18n/account/payment?aadvid=1';

  it('shown in words only, is heard on the page and known in the worker, in any page language', () => {
    for (const text of ['This code has already been redeemed.', 'Este código ya se ha canjeado.']) {
      const seen = readPageAndTargets(dialog(`<p>${text}</p>`), url).snapshot;
      expect(seen.redeem).toMatchObject({ open: true, code: 'SPEND50', error: null, succeeded: false });
      expect(seen.redeem!.heard).toContain(text);
      const read = finishSnapshot(seen).redeem;
      expect(read).toEqual({ open: true, code: 'SPEND50', error: text, succeeded: false });
    }
  });

  it('marked by the page (an alert) is the error as seen; a hint nothing marks is no refusal', () => {
    const marked = readPageAndTargets(dialog('<div role="alert">Something went wrong</div>'), url).snapshot;
    expect(marked.redeem).toMatchObject({ error: 'Something went wrong', heard: [] });
    const hint = readPageAndTargets(
      dialog(
        '<p id="h">Codes are case-sensitive</p>',
        '<input placeholder="Enter coupon code" value="X1" aria-describedby="h">',
      ),
      url,
    ).snapshot;
    expect(hint.redeem!.heard[0]).toBe('Codes are case-sensitive');
    expect(finishSnapshot(hint).redeem).toMatchObject({ error: null, succeeded: false });
  });

  it('heard beside a success message, the code did not succeed', () => {
    const seen = readPageAndTargets(
      dialog('<p>Coupon redeemed</p><p>This code has expired.</p>'),
      url,
    ).snapshot;
    expect(seen.redeem).toMatchObject({ error: null, succeeded: true });
    expect(finishSnapshot(seen).redeem).toMatchObject({ error: 'This code has expired.', succeeded: false });
  });
});

describe('the dialog as the worker read it, shown on the page', () => {
  const seen = (error: string | null) =>
    seenPage(promotionsSnapshot('1', [], { redeem: { open: true, code: 'X1', error, succeeded: false } }));

  it('takes the worker’s refusal where the page marked none, while the page shows that dialog', () => {
    const page = seen(null);
    const read = dialogIn(
      { redeem: { open: true, code: 'X1', error: 'This code has expired.', succeeded: false } },
      page,
    );
    expect(withDialogRead(page, read).redeem).toMatchObject({ error: 'This code has expired.' });
    // The page moved on (another code typed): the read was of another dialog.
    const typed = { ...page, redeem: { ...page.redeem!, code: 'X2' } };
    expect(withDialogRead(typed, read)).toBe(typed);
  });

  it('keeps a refusal the page marked as the page said it, never the worker’s clipped copy', () => {
    const long = `Refused ${'x'.repeat(MAX_MESSAGE + 50)}`;
    const page = seen(long);
    const clipped = clipSnapshot(page).redeem!;
    expect(clipped.error).not.toBe(long);
    const read = dialogIn({ redeem: { ...clipped, heard: undefined } }, page);
    expect(withDialogRead(page, read)).toBe(page);
  });

  it('shows a success only once the worker has read the dialog and found no refusal beside it', () => {
    const success = seenPage(
      promotionsSnapshot('1', [], { redeem: { open: true, code: 'X1', error: null, succeeded: true } }),
    );
    const page = {
      ...success,
      redeem: { ...success.redeem!, heard: ['Coupon redeemed', 'This code has expired.'] },
    };
    expect(withDialogRead(page, null).redeem).toMatchObject({ error: null, succeeded: false });
    const refused = dialogIn({ redeem: finishSnapshot(page).redeem }, page);
    expect(withDialogRead(page, refused).redeem).toMatchObject({
      error: 'This code has expired.',
      succeeded: false,
    });
    const clean = { ...page, redeem: { ...page.redeem, heard: ['Coupon redeemed'] } };
    const accepted = dialogIn({ redeem: finishSnapshot(clean).redeem }, clean);
    expect(withDialogRead(clean, accepted).redeem).toMatchObject({ error: null, succeeded: true });
  });

  it('ignores an answer that says nothing usable of the dialog', () => {
    const page = seen(null);
    expect(dialogIn({ redeem: { error: 5 } }, page)).toBeNull();
    expect(dialogIn(null, page)).toBeNull();
    expect(withDialogRead(page, null)).toBe(page);
  });
});
