// The Intl locale to use for a page or user language tag: "pt_BR" and "pt-BR" alike, 'en' when the
// runtime does not know the tag. Cached because supportedLocalesOf costs more than the parse it guards,
// and a page asks for the same language thousands of times.
const cache = new Map<string, string>();

export function safeLocale(lang: string | null | undefined): string {
  if (!lang) return 'en';
  let locale = cache.get(lang);
  if (locale === undefined) {
    try {
      locale = Intl.NumberFormat.supportedLocalesOf(lang.replace('_', '-'))[0] ?? 'en';
    } catch {
      locale = 'en';
    }
    cache.set(lang, locale);
  }
  return locale;
}

/**
 * `build` made once per Intl locale and kept, looked up by a page or user language tag. A page asks in
 * one language thousands of times, so the last tag's answer is kept beside the map and given at once.
 */
export function perLanguage<T>(build: (locale: string) => T): (lang: string | null | undefined) => T {
  const built = new Map<string, T>();
  let lastLang: string | null | undefined;
  let last: T | undefined;
  return (lang) => {
    if (last !== undefined && lang === lastLang) return last;
    const locale = safeLocale(lang);
    let value = built.get(locale);
    if (value === undefined) {
      value = build(locale);
      built.set(locale, value);
    }
    lastLang = lang;
    last = value;
    return value;
  };
}
