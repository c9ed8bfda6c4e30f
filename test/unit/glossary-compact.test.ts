// The glossary as the build ships it (vite.config.ts compactGlossary): the same objects as glossary.json,
// key order included, without the documentation.
import { describe, expect, it } from 'vitest';
import raw from '../../src/core/page/glossary.json' with { type: 'json' };
import { glossaryFor, glossaryLanguages } from '../../src/core/page/glossary.ts';
import { compactGlossaryModule } from '../../vite.config.ts';

type File = Parameters<typeof compactGlossaryModule>[0];

async function load(file: File): Promise<Record<string, unknown>> {
  const code = compactGlossaryModule(file);
  const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
    default: Record<string, unknown>;
  };
  return module.default;
}

const keyOrder = (tree: unknown): string[] =>
  tree !== null && typeof tree === 'object' && !Array.isArray(tree)
    ? Object.entries(tree).flatMap(([k, v]) => [k, ...keyOrder(v).map((p) => `${k}.${p}`)])
    : [];

describe('compact glossary', () => {
  it('rebuilds every language as glossary.json has it, in the same key order', async () => {
    const built = await load(raw as File);
    expect(built._about).toEqual({ languages: raw._about.languages });
    for (const lang of raw._about.languages) {
      const expected = (raw as unknown as Record<string, unknown>)[lang];
      expect(built[lang], lang).toEqual(expected);
      expect(keyOrder(built[lang]), lang).toEqual(keyOrder(expected));
    }
  });

  it('ships a language whose keys are in another order as it is', async () => {
    const { nav, ...rest } = raw.es;
    const file = { ...raw, es: { ...rest, nav } } as File;
    const built = await load(file);
    expect(keyOrder(built.es)).toEqual(keyOrder(file.es));
    expect(built.de).toEqual(raw.de);
  });

  it('ships a language as it is when a line cannot hold one of its wordings', async () => {
    const piped = { ...raw.es, nav: { ...raw.es.nav, payment: 'Pago | Facturación' } };
    const single = { ...raw.pt, nav: { ...raw.pt.nav, finance: ['Finanças'] } };
    const broken = { ...raw.fr, nav: { ...raw.fr.nav, promotions: 'Promotions\nCodes' } };
    const file = { ...raw, es: piped, pt: single, fr: broken } as File;
    const built = await load(file);
    expect(built.es).toEqual(piped);
    expect(built.pt).toEqual(single);
    expect(built.fr).toEqual(broken);
    expect(built.de).toEqual(raw.de);
  });

  it('is what the reader reads in the tests, as in the build', () => {
    for (const lang of glossaryLanguages())
      expect(glossaryFor(lang)).toEqual((raw as unknown as Record<string, unknown>)[lang]);
  });

  it('drops the documentation', () => {
    const code = compactGlossaryModule(raw as File);
    expect(code).not.toContain(raw._about.what);
    expect(code.length).toBeLessThan(JSON.stringify(raw).length * 0.85);
  });
});
