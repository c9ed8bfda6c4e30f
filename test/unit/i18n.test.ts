import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { localeOf, translatorFrom, type Messages } from '../../src/core/i18n.ts';

const LOCALES = join(import.meta.dirname, '../../public/_locales');
const read = (locale: string): Messages =>
  JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Messages;
const english = read('en');
const others = readdirSync(LOCALES).filter((l) => l !== 'en');

describe('translatorFrom (Chrome messages.json semantics)', () => {
  const t = translatorFrom(
    {
      plain: { message: 'Hello' },
      numbered: { message: '$1 of $2' },
      named: {
        message: 'Spend $Amount$ by $DATE$',
        placeholders: { amount: { content: '$1' }, date: { content: '$2' } },
      },
      dollars: { message: 'costs $$5 and $AMOUNT$', placeholders: { amount: { content: '$1' } } },
      fixed: { message: 'by $WHO$', placeholders: { who: { content: 'TikTok' } } },
    },
    'pt-BR',
  );

  it('substitutes numbered and named placeholders, case-insensitively', () => {
    expect(t('plain')).toBe('Hello');
    expect(t('numbered', [3, 'ten'])).toBe('3 of ten');
    expect(t('NAMED', ['$30', 'Dec 10'])).toBe('Spend $30 by Dec 10');
    expect(t('fixed')).toBe('by TikTok');
  });

  it('reads $$ as a dollar sign and leaves a substituted "$1" literal', () => {
    expect(t('dollars', ['$1'])).toBe('costs $5 and $1');
  });

  it('leaves a missing substitution empty and names a missing key', () => {
    expect(t('numbered', [1])).toBe('1 of ');
    expect(t('nowhere')).toBe('nowhere');
  });

  it('answers @@ui_locale like browser.i18n', () => {
    expect(t('@@ui_locale')).toBe('pt_BR');
    expect(localeOf(t)).toBe('pt-BR');
  });
});

describe('locales', () => {
  it('has locales besides English', () => {
    expect(others.length).toBeGreaterThanOrEqual(7);
  });

  it.each(others)('%s has every English key', (locale) => {
    const messages = read(locale);
    const missing = Object.keys(english).filter((k) => messages[k] === undefined);
    expect(missing).toEqual([]);
  });

  it.each(others)('%s keeps every placeholder of the English messages', (locale) => {
    const messages = read(locale);
    const lost: string[] = [];
    for (const [key, en] of Object.entries(english)) {
      const own = messages[key];
      if (!own) continue;
      const used = (m: string): string[] =>
        [...m.matchAll(/\$([A-Za-z0-9_@]+)\$|\$([1-9])/g)].map((x) => (x[1] ?? x[2]!).toLowerCase()).sort();
      if (JSON.stringify(used(own.message)) !== JSON.stringify(used(en.message)))
        lost.push(`${key}: message`);
      for (const [name, p] of Object.entries(en.placeholders ?? {})) {
        if (own.placeholders?.[name]?.content !== p.content) lost.push(`${key}: placeholder ${name}`);
      }
    }
    expect(lost).toEqual([]);
  });

  it.each(['en', ...others])('%s messages are not empty', (locale) => {
    const empty = Object.entries(read(locale)).filter(([, m]) => m.message.trim() === '');
    expect(empty.map(([k]) => k)).toEqual([]);
  });
});
