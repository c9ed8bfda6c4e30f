import { describe, expect, it } from 'vitest';
import { accountOfKey, promoKey, promoPrefix } from '../../src/core/store/keys.ts';

describe('promotion storage keys', () => {
  it('group an account’s promotions under one prefix and split back to the account', () => {
    const key = promoKey('7301234567890123456', 'code:TTADS-500FF');
    expect(key.startsWith(promoPrefix('7301234567890123456'))).toBe(true);
    expect(accountOfKey(key)).toBe('7301234567890123456');
    expect(accountOfKey(promoKey(null, 'x'))).toBeNull();
    expect(accountOfKey('settings')).toBeUndefined();
  });

  it('survive page text with an unpaired surrogate, which encodeURIComponent rejects', () => {
    const lone = 'acct\uD800';
    expect(() => promoPrefix(lone)).not.toThrow();
    expect(promoKey(lone, 'name\uDC00').startsWith(promoPrefix(lone))).toBe(true);
    expect(accountOfKey(promoKey(lone, 'n'))).toBe('acct\uFFFD');
  });
});
