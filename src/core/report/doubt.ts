// When "Read wrong?" stands out (on the page's panel and in the popup): the read itself is in doubt.
import type { PageSnapshot } from '../schemas.ts';

type Read = Pick<PageSnapshot, 'view' | 'accountId' | 'balance' | 'redeem' | 'warnings'> & {
  promotions: readonly unknown[];
};

/** The reader warned, or found nothing at all on a page whose address says it is a billing page. */
export function readDoubtful(s: Read): boolean {
  const nothing =
    s.balance === null && s.promotions.length === 0 && s.redeem === null && s.accountId === null;
  return s.warnings.length > 0 || (s.view !== 'other' && nothing);
}
