import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAmount, minorDigits, toMajor } from '../../src/core/money.ts';
import { currencyOf, findAmounts, parseAmount } from '../../src/core/amount-text.ts';

const LANGS = ['en', 'es', 'pt', 'fr', 'de', 'id', 'ja', 'vi'] as const;
/** Fixed in CI; FC_SEED=<n> replays a failure (fast-check prints the seed it used). */
const SEED = Number(process.env.FC_SEED ?? 19_2026);

describe('toMajor', () => {
  // The decimal text "<minor>e-<exponent>" parsed is the exact value rounded once: the reference.
  it(`is the double the decimal text parses to, for any safe minor and any exponent (seed ${SEED})`, () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger().filter((n) => n >= -Number.MAX_SAFE_INTEGER),
        fc.integer({ min: 0, max: 30 }),
        (minor, exponent) => {
          expect(
            Object.is(toMajor({ minor, exponent, currency: null }), Number(`${minor}e-${exponent}`)),
          ).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it.each([
    [1, 2, 0.01],
    [-12345, 2, -123.45],
    [9007199254740991, 22, 9.007199254740991e-7],
    [5, 25, 5e-25],
    [42, 0, 42],
  ])('%d with %d decimals is %d', (minor, exponent, value) => {
    expect(toMajor({ minor, exponent, currency: null })).toBe(value);
  });
});

describe('parseAmount', () => {
  it.each([
    ['$50.00', null, 50, null],
    ['USD 50.00', null, 50, 'USD'],
    ['50,00 US$', 'es', 50, 'USD'],
    ['1.234,56 €', 'de', 1234.56, 'EUR'],
    ['R$ 1.234,56', 'pt', 1234.56, 'BRL'],
    ['¥10,000', 'ja', 10000, 'JPY'],
    ['10,000円', 'ja', 10000, 'JPY'],
    ['Rp1.000.000', 'id', 1000000, 'IDR'],
    ['1.000.000 ₫', 'vi', 1000000, 'VND'],
    ['10.000 đ', 'vi', 10000, 'VND'],
    ['€50', 'en', 50, 'EUR'],
    ['50 €', 'fr', 50, 'EUR'],
    ['£1,000', 'en', 1000, 'GBP'],
    ['US$50', 'pt', 50, 'USD'],
    ['CA$20', 'en', 20, 'CAD'],
    ['A$20', 'en', 20, 'AUD'],
    ['MX$20', 'es', 20, 'MXN'],
    ['₩50,000', 'en', 50000, 'KRW'],
    ['50,000원', 'ko', 50000, 'KRW'],
    ['-$1,187.42', 'en', -1187.42, null],
    ['\u221212,50 €', 'fr', -12.5, 'EUR'],
    ['(USD 5.00)', 'en', -5, 'USD'],
    ['1\u00a0234,56 €', 'fr', 1234.56, 'EUR'],
    ['1\u202f234,56 €', 'fr', 1234.56, 'EUR'],
    ["1'234.50", 'de-CH', 1234.5, null],
    ['1500', 'en', 1500, null],
    ['1.500,00', 'es', 1500, null],
    ['1.500,00', 'pt-BR', 1500, null],
    ['1.500,00', 'id', 1500, null],
    ['1.500,00', 'vi', 1500, null],
    ['1,500.00', 'en', 1500, null],
    ['1.234.567,89', 'en', 1234567.89, null],
    ['1,234,567.89', 'de', 1234567.89, null],
    ['1,234,567', 'de', 1234567, null],
    ['1,500.00', 'ja', 1500, null],
    ['1.500', 'de', 1500, null],
    ['1.500', 'en', 1.5, null],
    ['USD 20.00', 'es', 20, 'USD'],
    ['1万円', 'ja', 10000, 'JPY'],
    ['1.5万円', 'ja', 15000, 'JPY'],
    ['１０，０００円', 'ja', 10000, 'JPY'],
    ['\u00a0 $5 \u00a0', 'en', 5, null],
  ] as const)('%s (%s) is %d %s', (text, lang, value, currency) => {
    const a = parseAmount(text, lang);
    expect(a).not.toBeNull();
    expect(toMajor(a!)).toBe(value);
    expect(a!.currency).toBe(currency);
    expect(Number.isInteger(a!.minor)).toBe(true);
  });

  it('treats a three-digit tail as grouping in a zero-decimal currency', () => {
    expect(toMajor(parseAmount('¥1.000', 'ja')!)).toBe(1000);
    expect(toMajor(parseAmount('Rp 1.000', 'en')!)).toBe(1000);
    expect(toMajor(parseAmount('JPY 1,000', 'de')!)).toBe(1000);
  });

  it('reads "¥" by language', () => {
    expect(parseAmount('¥100', 'ja')?.currency).toBe('JPY');
    expect(parseAmount('¥100', 'zh-CN')?.currency).toBe('CNY');
    expect(parseAmount('¥100', 'en')?.currency).toBeNull();
  });

  it.each(['', 'abc', '12%', '$', '50 days', '1.2.3', '2026-12-31', '10:30', 'USD 5 EUR 6', 'XYZ 5'])(
    'rejects %j',
    (text) => {
      expect(parseAmount(text, 'en')).toBeNull();
    },
  );

  it('keeps minor units exact', () => {
    const a = parseAmount('0.10', 'en')!;
    const b = parseAmount('0.20', 'en')!;
    expect(a.exponent).toBe(b.exponent);
    expect(a.minor + b.minor).toBe(30);
    expect(parseAmount('USD 1234.56')).toEqual({ minor: 123456, exponent: 2, currency: 'USD' });
    expect(parseAmount('USD 50')).toEqual({ minor: 5000, exponent: 2, currency: 'USD' });
    expect(parseAmount('JPY 50')).toEqual({ minor: 50, exponent: 0, currency: 'JPY' });
  });
});

describe('findAmounts', () => {
  it('finds currency amounts in offer text and skips days', () => {
    const text = 'Spend $50 within 30 days, get USD 50.00 in ad credit.';
    const found = findAmounts(text, 'en');
    expect(found.map((f) => [toMajor(f.amount), f.amount.currency])).toEqual([
      [50, null],
      [50, 'USD'],
    ]);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('$50');
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe('USD 50.00');
  });

  it('ignores percentages, dates, times, phones, ids and versions', () => {
    const text =
      'Save 15% on 2026-12-31 at 10:00, call +1 555-123-4567, id 1234567890123, v1.2.3, within 30 days';
    expect(findAmounts(text, 'en')).toEqual([]);
    expect(findAmounts(text, 'en', { requireCurrency: false }).map((f) => toMajor(f.amount))).toEqual([30]);
  });

  it('finds bare numbers only when asked', () => {
    expect(findAmounts('Minimum 1,500.00', 'en')).toEqual([]);
    expect(findAmounts('Minimum 1,500.00', 'en', { requireCurrency: false })).toHaveLength(1);
  });

  it('reads Japanese terms', () => {
    const found = findAmounts('10,000円以上のご利用で1万円分のクーポン', 'ja');
    expect(found.map((f) => [toMajor(f.amount), f.amount.currency])).toEqual([
      [10000, 'JPY'],
      [10000, 'JPY'],
    ]);
  });

  it('does not lend a suffix symbol to the next number', () => {
    const found = findAmounts('50 € 30 €', 'fr');
    expect(found.map((f) => toMajor(f.amount))).toEqual([50, 30]);
  });
});

describe('currencyOf', () => {
  it.each([
    ['Balance $50 (USD)', 'en', 'USD'],
    ['Currency: EUR', 'en', 'EUR'],
    ['$50', 'en', null],
    ['Use ALL of $5', 'en', null],
    ['R$ 50', 'pt', 'BRL'],
    ['€ 5', 'de', 'EUR'],
    ['¥500', 'ja', 'JPY'],
    ['¥500', 'en', null],
    ['10.000 đ', 'vi', 'VND'],
    ['Rp 10.000', 'id', 'IDR'],
    ['₹ 500', 'en', 'INR'],
    ['฿500', 'en', 'THB'],
    ['₱500', 'en', 'PHP'],
    ['50 zł', 'pl', 'PLN'],
  ] as const)('%s -> %s', (text, lang, code) => {
    expect(currencyOf(text, lang)).toBe(code);
  });
});

describe('minorDigits', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['IDR', 0],
    ['VND', 0],
    ['BHD', 3],
  ] as const)('%s has %d', (code, digits) => {
    expect(minorDigits(code)).toBe(digits);
  });
});

describe('formatAmount', () => {
  it('uses the currency style and minor digits', () => {
    expect(formatAmount(1234.5, 'USD', 'en')).toBe('$1,234.50');
    expect(formatAmount(1000000, 'IDR', 'id')).toBe('Rp\u00a01.000.000');
    expect(formatAmount(12.5, null, 'de')).toBe('12,5');
  });
});

describe('round trip through Intl', () => {
  const CURRENCIES = ['USD', 'EUR', 'JPY', 'BRL', 'IDR', 'VND', 'GBP'] as const;
  it('parses back what Intl.NumberFormat formats', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGS),
        fc.constantFrom(...CURRENCIES),
        fc.integer({ min: -1e9, max: 1e9 }),
        (lang, currency, raw) => {
          const nf = new Intl.NumberFormat(lang, { style: 'currency', currency });
          const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
          const value = raw / 10 ** digits;
          const parsed = parseAmount(nf.format(value), lang);
          expect(parsed).not.toBeNull();
          expect(toMajor(parsed!)).toBe(Number(value.toFixed(digits)));
          if (parsed!.currency !== null) expect(parsed!.currency).toBe(currency);
          if (currency !== 'USD' && currency !== 'JPY') expect(parsed!.currency).toBe(currency);
        },
      ),
      { numRuns: 500 },
    );
  });
});
