// The readers against input nobody designed for: 10,000 page DOMs (saved fixtures and generated pages,
// mutated; and DOMs generated at random) through readPage, and arbitrary offer texts and diagnosis
// cases through parseTerms and diagnose. None may throw; every output must pass its schema.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { diagnose } from '../../src/core/diagnosis/index.ts';
import { translatorFrom } from '../../src/core/i18n.ts';
import { readPage } from '../../src/core/page/read.ts';
import { Diagnosis, PageSnapshot, PromotionTerms } from '../../src/core/schemas.ts';
import { parseTerms, type ParseOptions } from '../../src/core/terms/index.ts';
import { caseText, diagnosisCaseArb } from '../support/cases.ts';
import { parseHtml } from '../support/dom.ts';
import { mutate, mutationArb, type Mutation } from '../support/mutate.ts';
import {
  PAGE_LANGUAGES,
  defaultCurrency,
  paymentPage,
  promotionsPage,
  samplePromotions,
} from '../support/pages.ts';
import type { Tab } from '../support/pages.ts';
import { PAYLOADS } from '../support/payloads.ts';
import { report, scaled } from './figures.ts';

const SEED = 20261124;
const FIXTURES = join(import.meta.dirname, '../fixtures/pages');
const TABS: Tab[] = ['available', 'earning', 'notAvailable'];

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
const fixtureCount = fixtures.length;

/** Every base page parsed once; each case clones one, so 10,000 cases cost 10,000 clones, not parses. */
const bases: Document[] = [
  ...fixtures,
  ...PAGE_LANGUAGES.flatMap((lang, i) => {
    const currency = defaultCurrency(lang);
    const tab = TABS[i % TABS.length]!;
    return [
      promotionsPage(samplePromotions(4, { seed: i, tab, currency }), {
        lang,
        tab,
        realTable: i % 2 === 0,
        shuffleSeed: i,
        extraColumns: i % 3 === 0,
        nesting: i % 3,
      }).html,
      paymentPage(
        {
          total: 120,
          cash: 70,
          credit: 50,
          redeem: { open: true, code: ' TTADS-5O0FF', error: 'invalidCode' },
        },
        { lang, businessCenter: i % 2 === 1 },
      ).html,
    ];
  }),
].map(parseHtml);

/**
 * Replacement text: arbitrary strings, hostile payloads, and words the reader looks for. Payloads are cut
 * to 2,000 characters here (a random page may hold dozens); each whole one, 100 KB included, goes into
 * every saved fixture once, below.
 */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...PAYLOADS.map((p) => p.text.slice(0, 2_000))),
  fc.constantFrom(
    'Balance',
    'Credit',
    'USD 50.00',
    '$1,234.56',
    '¥10,000',
    'Promotions',
    'Redeem',
    '2026-13-45',
    ': :',
  ),
);

const urls = fc.oneof(
  fc.constant(null),
  fc.webUrl(),
  fc.constantFrom(
    'https://ads.tiktok.com/i18n/account/payment?aadvid=123',
    'https://ads.tiktok.com/i18n/account/promotion?aadvid=',
    'https://business.tiktok.com/manage/payment?aadvid=%E0%A4%A',
    'not a url',
    '',
  ),
);

// Random documents: nested elements with the roles, tags and attributes the reader keys on.
const TAGS = [
  'div',
  'span',
  'table',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'button',
  'input',
  'label',
  'h1',
  'li',
  'svg',
  'p',
];
const ATTRS = fc.constantFrom(
  'role="dialog"',
  'role="tab" aria-selected="true"',
  'role="row"',
  'role="cell"',
  'role="columnheader"',
  'role="table"',
  'role="alert"',
  'aria-hidden="true"',
  'hidden',
  'style="display:none"',
  'lang="ja"',
  'value="TTADS-5O0FF"',
  'aria-label="Redeem coupon"',
  'class="vi-balance__value"',
  '',
);
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const { node: randomNode } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText.map(escape),
    fc
      .tuple(fc.constantFrom(...TAGS), ATTRS, fc.array(tie('node'), { maxLength: 5 }))
      .map(([tag, attrs, children]) => `<${tag} ${attrs}>${children.join('')}</${tag}>`),
  ),
}));
const randomPage = fc
  .tuple(fc.constantFrom('', 'en', 'ja', 'es', 'xx', 'pt-BR'), fc.array(randomNode, { maxLength: 8 }))
  .map(([lang, body]) => `<!DOCTYPE html><html lang="${lang}"><body>${body.join('')}</body></html>`);

type PageCase =
  | { kind: 'mutated'; base: number; mutations: Mutation[]; url: string | null }
  | { kind: 'random'; html: string; url: string | null };

const pageCase: fc.Arbitrary<PageCase> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('mutated' as const),
      base: fc.nat({ max: bases.length - 1 }),
      mutations: fc.array(mutationArb(hostileText), { minLength: 1, maxLength: 12 }),
      url: urls,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('random' as const), html: randomPage, url: urls }) },
);

function documentOf(c: PageCase): Document {
  if (c.kind === 'random') return parseHtml(c.html);
  const doc = bases[c.base]!.cloneNode(true) as Document;
  for (const m of c.mutations) mutate(doc, m);
  return doc;
}

interface Failure<T> {
  index: number;
  value: T;
  problem: string;
}

/** Checks each value, recording what threw or failed instead of stopping at the first. */
function tryEach<T>(values: readonly T[], check: (value: T) => string | null, first = 0): Failure<T>[] {
  const failures: Failure<T>[] = [];
  values.forEach((value, i) => {
    let problem: string | null;
    try {
      problem = check(value);
    } catch (e) {
      problem = `threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    }
    if (problem !== null) failures.push({ index: first + i, value, problem });
  });
  return failures;
}

/** `runs` seeded samples of arb, generated in batches so 10,000 cases never sit in memory at once. */
function tryAll<T>(arb: fc.Arbitrary<T>, runs: number, seed: number, check: (value: T) => string | null) {
  const failures: Failure<T>[] = [];
  const batch = 500;
  for (let start = 0; start < runs; start += batch) {
    const values = fc.sample(arb, { seed: seed + start, numRuns: Math.min(batch, runs - start) });
    failures.push(...tryEach(values, check, start));
  }
  return failures;
}

const summary = (failures: { index: number; problem: string }[]) =>
  failures.slice(0, 3).map((f) => `case ${f.index}: ${f.problem.slice(0, 600)}`);

describe('fuzzing the readers', () => {
  it('readPage never throws and always returns a schema-valid snapshot', { timeout: 600_000 }, () => {
    const check = (c: PageCase) => {
      const parsed = PageSnapshot.safeParse(readPage(documentOf(c), c.url));
      return parsed.success ? null : parsed.error.message;
    };
    // Every whole payload, 100 KB ones included, as the text of one node of each saved fixture.
    const whole: PageCase[] = PAYLOADS.flatMap((p) =>
      Array.from({ length: fixtureCount }, (_, base) => ({
        kind: 'mutated' as const,
        base,
        mutations: [{ kind: 'text' as const, at: 40 + base * 7, text: p.text }],
        url: null,
      })),
    );
    const runs = Math.max(scaled(10_000) - whole.length, 0);
    const failures = [...tryEach(whole, check, -whole.length), ...tryAll(pageCase, runs, SEED, check)];
    report('fuzz-reader', `${runs + whole.length} cases, ${failures.length} failures`);
    expect(summary(failures)).toEqual([]);
  });

  it('parseTerms never throws on arbitrary and hostile offer texts', { timeout: 300_000 }, () => {
    const runs = scaled(500);
    // Whole payloads (two of them 100 KB) once each below; the random mix takes their first 2,000 characters.
    const payloads = fc.constantFrom(...PAYLOADS.map((p) => p.text.slice(0, 2_000)));
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      payloads,
      fc
        .array(
          fc.oneof(
            payloads,
            fc.constantFrom('Spend $50 within 30 days, get $50', ' by March 31, 2027', ' US only '),
          ),
          {
            maxLength: 6,
          },
        )
        .map((a) => a.join(' ')),
    );
    const options = fc.record({
      lang: fc.constantFrom(null, 'en', 'es', 'pt-BR', 'fr', 'de', 'id', 'ja', 'vi', 'xx', '', '__proto__'),
      received: fc.constantFrom(null, '2026-11-02', '2026-02-30', 'not a date', '__proto__'),
    });
    const checkTerms = ([t, o]: [string, ParseOptions]) => {
      const parsed = PromotionTerms.safeParse(parseTerms(t, o));
      return parsed.success ? null : parsed.error.message;
    };
    const failures = [
      ...tryAll(fc.tuple(text, options), runs, SEED + 1, checkTerms),
      ...tryEach(
        PAYLOADS.map((p): [string, ParseOptions] => [p.text, { lang: 'en', received: null }]),
        checkTerms,
        runs,
      ),
    ];
    report('fuzz-terms', `${runs + PAYLOADS.length} cases, ${failures.length} failures`);
    expect(summary(failures)).toEqual([]);
  });

  it('diagnose never throws and always gives a schema-valid diagnosis', { timeout: 300_000 }, () => {
    const runs = scaled(500);
    const t = translatorFrom(en);
    const text = fc.oneof(caseText, fc.constantFrom(...PAYLOADS.map((p) => p.text)));
    const failures = tryAll(
      fc.tuple(diagnosisCaseArb(text), fc.array(text, { maxLength: 3 })),
      runs,
      SEED + 2,
      ([c, redeemedCodes]) => {
        const parsed = Diagnosis.safeParse(diagnose(c as never, t, { redeemedCodes }));
        if (!parsed.success) return parsed.error.message;
        return parsed.data.reasons.length > 0 ? null : 'no reason given';
      },
    );
    report('fuzz-diagnosis', `${runs} cases, ${failures.length} failures`);
    expect(summary(failures)).toEqual([]);
  });
});
