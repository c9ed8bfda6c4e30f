import { describe, expect, it } from 'vitest';
import raw from '../../src/core/page/glossary.json' with { type: 'json' };
import { glossaryProblems } from '../../src/core/page/glossary-schema.ts';
import {
  glossaryLanguages,
  glossariesFor,
  glossaryFor,
  glossaryLanguage,
  matchesWording,
  normalizeLabel,
  wordingPattern,
  wordings,
} from '../../src/core/page/glossary.ts';

describe('glossary data', () => {
  it('every listed language has every key, each a non-empty wording', () => {
    expect(glossaryProblems(raw)).toEqual([]);
  });

  it('reports a missing key with its path', () => {
    const broken = structuredClone(raw) as Record<string, unknown> & typeof raw;
    delete (broken.de.tabs as Record<string, unknown>).earning;
    expect(glossaryProblems(broken)).toEqual([expect.stringContaining('de.tabs.earning')]);
  });

  it('covers the eight page languages', () => {
    expect(glossaryLanguages()).toEqual(['en', 'es', 'pt', 'fr', 'de', 'id', 'ja', 'vi']);
  });

  it('keeps the same placeholders in every language', () => {
    const placeholders = (w: string | string[]) =>
      [...new Set(wordings(w).flatMap((v) => v.match(/\{\w+\}/g) ?? []))].sort();
    const en = glossaryFor('en')!;
    for (const lang of glossaryLanguages()) {
      const g = glossaryFor(lang)!;
      expect(placeholders(g.requirement), lang).toEqual(placeholders(en.requirement));
      expect(placeholders(g.assignment.campaigns), lang).toEqual(placeholders(en.assignment.campaigns));
    }
  });
});

describe('glossary lookups', () => {
  it('maps regional and odd-cased tags to the base language', () => {
    expect(glossaryLanguage('pt-BR')).toBe('pt');
    expect(glossaryLanguage('ES')).toBe('es');
    expect(glossaryLanguage('zh-CN')).toBeNull();
    expect(glossaryLanguage(null)).toBeNull();
  });

  it('tries the page language first, then every other one', () => {
    const order = glossariesFor('ja');
    expect(order[0]).toBe(glossaryFor('ja'));
    expect(order).toHaveLength(glossaryLanguages().length);
    expect(glossariesFor('xx')).toHaveLength(glossaryLanguages().length);
  });

  it('normalises labels: case, counts, full-width forms, spacing, trailing colons', () => {
    expect(normalizeLabel('  Available\u00a0(3) ')).toBe('available');
    expect(normalizeLabel('Currency: ')).toBe('currency');
    expect(normalizeLabel('ＡＢＣ')).toBe('abc');
    expect(normalizeLabel('利用可能（12）')).toBe('利用可能');
  });

  it('drops a sort arrow or a help sign drawn in the same text as the label, never a currency sign', () => {
    expect(normalizeLabel('金額 ↕')).toBe('金額');
    expect(normalizeLabel('Amount ▲')).toBe('amount');
    expect(normalizeLabel('広告クレジット ⓘ')).toBe('広告クレジット');
    expect(normalizeLabel('ℹ Ad credit')).toBe('ad credit');
    expect(normalizeLabel('50 €')).toBe('50 €');
    expect(normalizeLabel('$')).toBe('$');
  });

  it('matches a wording or any of its variants, never a part of it', () => {
    const en = glossaryFor('en')!;
    expect(matchesWording('Voucher balance', en.balance.adCredit)).toBe(true);
    expect(matchesWording('ad credit', en.balance.adCredit)).toBe(true);
    expect(matchesWording('Ad credit name', en.balance.adCredit)).toBe(false);
    expect(matchesWording('', en.balance.adCredit)).toBe(false);
  });

  it('turns a wording template into a pattern with named parts', () => {
    const m = normalizeLabel('Spend USD 50.00 within 30 days after activation').match(
      wordingPattern('Spend {amount} within {days} days after activation'),
    );
    expect(m?.groups).toEqual({ amount: 'usd 50.00', days: '30' });
    expect(normalizeLabel('2 campaigns')).toMatch(wordingPattern('{n} campaigns'));
  });
});
