// fast-check arbitraries for diagnosis cases: any promotion terms and progress, any page snapshot, any
// code and error text (including impossible dates, negative amounts and unknown currencies), so that
// properties reach every rule of diagnose() and not only its "nothing known" path.
import fc from 'fast-check';
import { Lifecycle } from '../../src/core/schemas.ts';

const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { nil: null });

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const amount = maybe(fc.double({ min: -10, max: 1e6, noNaN: true }));
const days = maybe(fc.integer({ min: -5, max: 400 }));

const promotion = fc.record({
  amount,
  currency: maybe(fc.constantFrom('USD', 'GBP', 'JPY', 'EUR', 'XYZ')),
  minSpend: amount,
  spendWindowDays: days,
  spendDeadline: maybe(fc.oneof(isoDate, fc.constant('2026-02-30'))),
  activateWithinDays: days,
  activateBy: maybe(isoDate),
  creditValidityDays: days,
  creditExpiry: maybe(isoDate),
  creditArrivalDays: days,
  newAdvertisersOnly: maybe(fc.boolean()),
  onePerAdvertiser: maybe(fc.boolean()),
  excludesTax: maybe(fc.boolean()),
  regions: fc.array(fc.constantFrom('GB', 'US', 'JP', 'DE', 'BR')),
  activatedOn: maybe(isoDate),
  metOn: maybe(isoDate),
  spent: amount,
  status: maybe(fc.constantFrom(...Lifecycle.options)),
});

function snapshotArb(text: fc.Arbitrary<string>) {
  const row = fc.record({
    name: maybe(text),
    type: fc.constantFrom('free', 'assignable', 'conditional', 'unknown'),
    status: fc.constantFrom('earning', 'processing', 'available', 'used', 'expired', 'invalid', 'unknown'),
    amount,
    minSpend: amount,
    spent: amount,
    unused: amount,
    redeemedOn: maybe(isoDate),
    validFrom: maybe(isoDate),
    validUntil: maybe(isoDate),
    assigned: maybe(fc.boolean()),
  });
  return fc.record({
    view: fc.constantFrom('payment', 'promotions', 'other'),
    url: maybe(fc.string()),
    lang: maybe(fc.constantFrom('en', 'es', 'pt-BR', 'fr', 'de', 'id', 'ja', 'vi', 'xx', '')),
    accountId: maybe(text),
    currency: maybe(fc.constantFrom('USD', 'GBP', 'JPY', 'EUR')),
    balance: maybe(fc.record({ total: amount, cash: amount, credit: amount })),
    promotions: fc.array(row, { maxLength: 4 }),
    redeem: maybe(
      fc.record({ open: fc.boolean(), code: maybe(text), error: maybe(text), succeeded: fc.boolean() }),
    ),
    warnings: fc.constant([]),
  });
}

/** Codes and error messages: arbitrary strings, graphemes, and known troublemakers. */
export const caseText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(' TTADS-5O0FF\u200b', 'ﾃｽﾄ', '$1$$'),
);

/** Any diagnosis case; `text` draws its codes, errors, names and account ids. */
export function diagnosisCaseArb(text: fc.Arbitrary<string> = caseText) {
  return fc.record(
    {
      code: maybe(text),
      error: maybe(text),
      lang: maybe(fc.constantFrom('en', 'es', 'ja', 'vi', 'zz', '')),
      snapshot: maybe(snapshotArb(text)),
      promotion: maybe(promotion),
      now: fc
        .date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString()),
    },
    { requiredKeys: ['now'] },
  );
}
