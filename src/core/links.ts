// Where Ads Manager's pages live. The aadvid parameter opens the right ad account; without it Ads Manager
// opens the last account used.
const PAYMENT = 'https://ads.tiktok.com/i18n/account/payment';

export function billingUrl(accountId: string | null): string {
  const url = new URL(PAYMENT);
  if (accountId !== null) url.searchParams.set('aadvid', accountId);
  return url.toString();
}
