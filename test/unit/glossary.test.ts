import { afterEach, describe, expect, it } from 'vitest';
import raw from '../../src/core/page/glossary.json' with { type: 'json' };
import { glossaryProblems } from '../../src/core/page/glossary-schema.ts';
import {
  GLOSSARY_VERSION,
  glossaryFile,
  glossaryGeneration,
  glossaryLanguages,
  installGlossary,
  glossariesFor,
  glossaryFor,
  glossaryLanguage,
  matchesWording,
  normalizeLabel,
  wordingPattern,
  wordings,
} from '../../src/core/page/glossary.ts';
import { wordingsStamp } from '../../src/core/page/stamp.ts';
import { wordsFor } from '../../src/core/page/words.ts';

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

describe('installGlossary (the content script takes the wordings from storage)', () => {
  const shipped = glossaryFile();
  afterEach(() => expect(installGlossary(shipped)).toBeNull());
  type Loose = { _about: { languages: string[]; version?: string } } & Record<
    string,
    Record<string, unknown>
  >;
  const copy = () => structuredClone(shipped) as unknown as Loose;

  it('installs an exact copy of this build’s wordings, and lookups are built again from it', () => {
    expect(shipped._about.version).toBe(GLOSSARY_VERSION);
    expect(wordingsStamp(shipped, shipped._about.languages)).toBe(GLOSSARY_VERSION);
    const before = wordsFor('es');
    expect(installGlossary(copy())).toBeNull();
    expect(glossaryLanguages()).toEqual(shipped._about.languages);
    expect(wordsFor('es')).not.toBe(before);
    expect(wordsFor('es').key('tabs', wordings(glossaryFor('es')!.tabs.earning)[0]!)).toBe('earning');
  });

  it('refuses another build’s copy and any copy changed since it was stamped, keeping what it had', () => {
    const broken: Array<[string, (f: Loose) => void]> = [
      ['another stamp', (f) => void (f._about.version = 'older')],
      ['no languages', (f) => void (f._about.languages = [])],
      ['a listed language missing', (f) => void f._about.languages.push('ko')],
      ['languages in another order', (f) => void f._about.languages.reverse()],
      ['a wording changed', (f) => void ((f.de!.tabs as Record<string, unknown>).earning = 'Verdienen')],
      ['an empty wording', (f) => void ((f.de!.tabs as Record<string, unknown>).earning = '')],
      ['a wording where a group goes', (f) => void (f.ja!.tabs = 'タブ')],
      ['a key missing', (f) => void delete (f.vi!.columns as Record<string, unknown>).status],
      [
        'keys in another order',
        (f) => {
          const { nav, ...rest } = f.pt!;
          f.pt = { ...rest, nav };
        },
      ],
    ];
    const before = glossaryGeneration();
    for (const [what, breakIt] of broken) {
      const file = copy();
      breakIt(file);
      expect(installGlossary(file), what).not.toBeNull();
    }
    expect(installGlossary('junk')).toBe('not a glossary');
    expect(glossaryGeneration()).toBe(before);
  });
});
