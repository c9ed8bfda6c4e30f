// On fixture pages mutated at random the reader never throws and always returns a valid snapshot.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { readPage } from '../../src/core/page/index.ts';
import { PageSnapshot } from '../../src/core/schemas.ts';
import { parseHtml } from '../support/dom.ts';
import { mutate, mutationArb } from '../support/mutate.ts';

const DIR = join(import.meta.dirname, '../fixtures/pages');
const pages = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => readFileSync(join(DIR, f), 'utf8'));

describe('reader on mutated fixture pages', () => {
  it('never throws and always returns a snapshot the schema accepts', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: pages.length - 1 }),
        fc.array(mutationArb(), { minLength: 1, maxLength: 25 }),
        fc.option(fc.webUrl(), { nil: null }),
        (page, mutations, url) => {
          const doc = parseHtml(pages[page]!);
          for (const m of mutations) mutate(doc, m);
          const snapshot = readPage(doc, url);
          const parsed = PageSnapshot.safeParse(snapshot);
          expect(parsed.success, parsed.error?.message).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('survives documents that are barely pages at all', () => {
    for (const html of [
      '',
      '<p>hi',
      '<table><tr><td>USD 5</td></tr></table>',
      '<div role="dialog"><input></div>',
    ])
      expect(PageSnapshot.safeParse(readPage(parseHtml(html), 'not a url')).success).toBe(true);
  });
});
