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
