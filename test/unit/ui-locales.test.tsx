// Every string the popup, the options page and the exports show comes from messages.json: each key they
// use exists in English, and every other locale has it with the same substitutions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const localesDir = join(root, 'public', '_locales');
const load = (lang: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(localesDir, lang, 'messages.json'), 'utf8'));

const sources = [
  ...['src/ui', 'src/popup', 'src/options'].flatMap((dir) =>
    readdirSync(join(root, dir)).map((f) => join(root, dir, f)),
  ),
  join(root, 'src/core/export.ts'),
].filter((f) => /\.tsx?$/.test(f));
const used = new Set(
  sources.flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/'((?:popup|options|ui)_[A-Za-z]+)'/g)].map((m) => m[1]!),
  ),
);
const en = load('en');
const ours = Object.keys(en).filter((k) => /^(popup|options|ui)_/.test(k));
const subs = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();

describe('UI strings', () => {
  it('every key the UI uses is in English, and every English UI key is used', () => {
    expect([...used].filter((k) => !(k in en))).toEqual([]);
    expect(ours.filter((k) => !used.has(k))).toEqual([]);
  });

  for (const lang of readdirSync(localesDir).filter((l) => l !== 'en')) {
    it(`${lang} has every UI key with the same substitutions`, () => {
      const messages = load(lang);
      expect(ours.filter((k) => !messages[k])).toEqual([]);
      expect(
        ours.filter((k) => messages[k] && subs(messages[k].message).join() !== subs(en[k]!.message).join()),
      ).toEqual([]);
    });
  }
});
