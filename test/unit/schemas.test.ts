import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosisCase, PageSnapshot, PromotionTerms } from '../../src/core/schemas.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const json = (...p: string[]) => JSON.parse(readFileSync(join(fixtures, ...p), 'utf8'));

// The contracts (docs/ARCHITECTURE.md) and the schemas must agree: every expected output in the fixtures is schema-valid.
describe('contract schemas accept every fixture', () => {
  for (const f of readdirSync(join(fixtures, 'pages')).filter((f) => f.endsWith('.json'))) {
    it(`page ${f}`, () => expect(PageSnapshot.safeParse(json('pages', f)).error).toBeUndefined());
  }
  for (const f of readdirSync(join(fixtures, 'terms')).filter((f) => f.endsWith('.json'))) {
    it(`terms ${f}`, () => expect(PromotionTerms.safeParse(json('terms', f).expected).error).toBeUndefined());
  }
  for (const f of readdirSync(join(fixtures, 'diagnosis'))) {
    it(`diagnosis case ${f}`, () => expect(DiagnosisCase.safeParse(json('diagnosis', f).case).error).toBeUndefined());
  }
  it('rejects a snapshot with an unknown view', () => {
    const snap = { ...json('pages', 'en-payment.json'), view: 'checkout' };
    expect(PageSnapshot.safeParse(snap).success).toBe(false);
  });
});
