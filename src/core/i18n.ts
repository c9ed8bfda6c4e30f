// Core produces human text only through a Translate, so the extension can hand it browser.i18n.getMessage
// and the CLI the English messages.json, and both read the same words.

export type Translate = (key: string, substitutions?: Array<string | number>) => string;

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Messages = Record<string, MessageEntry>;

// One pass over the text, so a substituted value that itself contains "$1" or "$NAME$" stays literal,
// as it does in Chrome.
const TOKEN = /\$(\$|[1-9]|[A-Za-z0-9_@]+\$)/g;

function expand(
  text: string,
  substitutions: ReadonlyArray<string | number>,
  placeholder: (name: string) => string | null,
): string {
  return text.replace(TOKEN, (whole, token: string) => {
    if (token === '$') return '$';
    if (/^[1-9]$/.test(token)) return String(substitutions[Number(token) - 1] ?? '');
    return placeholder(token.slice(0, -1).toLowerCase()) ?? whole;
  });
}

/**
 * Chrome's messages.json semantics: named $PLACEHOLDER$ (case-insensitive) expand to their content, whose
 * $1..$9 take the substitutions; $1..$9 in the message itself are substituted too; $$ is a dollar sign;
 * a missing substitution is empty. `@@ui_locale` answers `locale`, as browser.i18n does, so callers can
 * format numbers and dates for the same language as the words.
 *
 * Unlike Chrome, an unknown key returns the key rather than "": a missing message should be visible in
 * the CLI's output and in tests, not a blank line.
 */
export function translatorFrom(messages: Messages, locale = 'en'): Translate {
  const byKey = new Map(Object.entries(messages).map(([k, v]) => [k.toLowerCase(), v]));
  return (key, substitutions = []) => {
    if (key === '@@ui_locale') return locale.replace('-', '_');
    const entry = byKey.get(key.toLowerCase());
    if (!entry) return key;
    const placeholders = new Map(
      Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]),
    );
    return expand(entry.message, substitutions, (name) => {
      const content = placeholders.get(name);
      return content === undefined ? null : expand(content, substitutions, () => null);
    });
  };
}

/** The BCP 47 locale a translator speaks, for formatting amounts and dates beside its words. */
export function localeOf(t: Translate): string {
  const ui = t('@@ui_locale');
  return ui && ui !== '@@ui_locale' ? ui.replace('_', '-') : 'en';
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The message key for a count: `<key>One` where the language words that count as it does 1 ("1 day
 * left", in French also 0), else `key` itself. The rule is Intl's, per language, not ours.
 */
export function countKey(key: string, count: number, locale: string): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count) === 'one' ? `${key}One` : key;
}
