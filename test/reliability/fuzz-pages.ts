// readPage against input nobody designed for: 10,000 page DOMs (saved fixtures and generated pages,
// mutated; and DOMs generated at random). It may never throw, and every snapshot must pass its schema.
// The cases are spread over several test files (fuzz-pages.*.test.ts) that run side by side: cloning
// and reading 10,000 documents takes minutes of one core.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';

import { readPage } from '../../src/core/page/index.ts';
import { PageSnapshot } from '../../src/core/schemas.ts';
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
import { summary, tryEach, tryShard } from './attempts.ts';
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

const check = (c: PageCase) => {
  const parsed = PageSnapshot.safeParse(readPage(documentOf(c), c.url));
  return parsed.success ? null : parsed.error.message;
};

/** Every whole payload, 100 KB ones included, as the text of one node of each saved fixture. */
const whole: PageCase[] = PAYLOADS.flatMap((p) =>
  Array.from({ length: fixtureCount }, (_, base) => ({
    kind: 'mutated' as const,
    base,
    mutations: [{ kind: 'text' as const, at: 40 + base * 7, text: p.text }],
    url: null,
  })),
);

/**
 * Test files the generated cases are spread over (fuzz-pages.1.test.ts … fuzz-pages.8.test.ts);
 * the whole payloads have one of their own (fuzz-pages.payloads.test.ts).
 */
export const SHARDS = 8;

export function fuzzWholePayloads(): void {
  it('readPage never throws on a whole hostile payload in any saved page', { timeout: 600_000 }, () => {
    const failures = tryEach(whole, check, -whole.length);
    report('fuzz-reader (payloads)', `${whole.length} cases, ${failures.length} failures`);
    expect(summary(failures)).toEqual([]);
  });
}

/** Part `shard` (1 … SHARDS) of the generated cases: 10,000 in all with the payloads, at scale 1. */
export function fuzzGeneratedPages(shard: number): void {
  it(
    `readPage never throws and always returns a schema-valid snapshot (part ${shard} of ${SHARDS})`,
    { timeout: 600_000 },
    () => {
      const runs = Math.max(scaled(10_000) - whole.length, 0);
      const { tried, failures } = tryShard(pageCase, runs, SEED, check, { shard: shard - 1, shards: SHARDS });
      report(
        `fuzz-reader (part ${shard}/${SHARDS})`,
        `${tried} of ${runs} generated cases, ${failures.length} failures`,
      );
      expect(summary(failures)).toEqual([]);
    },
  );
}
