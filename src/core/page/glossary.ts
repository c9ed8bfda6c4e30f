// The billing pages' wording per UI language, as validated data. Adding a language or a renamed label
// is an edit to glossary.json; nothing here names a label.
import { z } from 'zod';
import raw from './glossary.json' with { type: 'json' };

/** A wording: one string, or the main wording followed by variants. */
const Wording = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const LanguageGlossary = z.object({
  nav: z.object({ payment: Wording, promotions: Wording, finance: Wording, promotionsTitle: Wording }),
  balance: z.object({ accountBalance: Wording, cashBalance: Wording, adCredit: Wording }),
  buttons: z.object({
    addBalance: Wording,
    redeemCoupon: Wording,
    activate: Wording,
    cancel: Wording,
    viewAssign: Wording,
  }),
  tabs: z.object({ available: Wording, earning: Wording, notAvailable: Wording }),
  columns: z.object({
    name: Wording,
    creditType: Wording,
    amount: Wording,
    usageRequirements: Wording,
    redeemedDate: Wording,
    validDates: Wording,
    unusedAmount: Wording,
    usedAmount: Wording,
    percentSpent: Wording,
    status: Wording,
    progress: Wording,
    actions: Wording,
  }),
  creditTypes: z.object({ free: Wording, assignable: Wording, conditional: Wording }),
  statuses: z.object({
    earning: Wording,
    processing: Wording,
    available: Wording,
    used: Wording,
    expired: Wording,
    invalid: Wording,
  }),
  assignment: z.object({ notAssigned: Wording, campaigns: Wording }),
  requirement: Wording,
  redeem: z.object({
    dialogTitle: Wording,
    codeLabel: Wording,
    codePlaceholder: Wording,
    success: Wording,
    errors: z.object({
      invalidCode: Wording,
      expiredCode: Wording,
      alreadyRedeemed: Wording,
      usageLimit: Wording,
      newAdvertisersOnly: Wording,
      regionUnavailable: Wording,
      accountTypeNotEligible: Wording,
      notIssuedToAccount: Wording,
      paymentMethodRequired: Wording,
    }),
  }),
  labels: z.object({ adAccountId: Wording, spendSoFar: Wording, noRequirements: Wording, currency: Wording }),
});
export type LanguageGlossary = z.infer<typeof LanguageGlossary>;
export type Wording = z.infer<typeof Wording>;

const GlossaryFile = z
  .object({ _about: z.object({ languages: z.array(z.string().min(2)).min(1) }).loose() })
  .catchall(z.unknown());

function load(data: unknown): ReadonlyMap<string, LanguageGlossary> {
  const file = GlossaryFile.parse(data);
  const byLang = new Map<string, LanguageGlossary>();
  for (const lang of file._about.languages) {
    const parsed = LanguageGlossary.safeParse(file[lang]);
    // A broken language entry is a data bug that tests must catch, not something to limp past silently.
    if (!parsed.success)
      throw new Error(`glossary.json: language "${lang}" is invalid: ${parsed.error.message}`);
    byLang.set(lang, parsed.data);
  }
  return byLang;
}

const GLOSSARY = load(raw);

/** Languages the page reader understands, in glossary order (English first). */
export const GLOSSARY_LANGUAGES: readonly string[] = [...GLOSSARY.keys()];

/** "pt-BR" → "pt", "ES" → "es"; null for a language the glossary does not know. */
export function glossaryLanguage(lang: string | null | undefined): string | null {
  if (!lang) return null;
  const base = lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return GLOSSARY.has(base) ? base : null;
}

/** The glossary of a page language, or null when the language is unknown. */
export function glossaryFor(lang: string | null | undefined): LanguageGlossary | null {
  const base = glossaryLanguage(lang);
  return base ? GLOSSARY.get(base)! : null;
}

/**
 * Glossaries to try for a page: its own language first, then the others. Real pages mix languages
 * (an English menu on a Spanish page) and some have no or a wrong `lang`, so every language is a fallback.
 */
export function glossariesFor(lang: string | null | undefined): LanguageGlossary[] {
  const own = glossaryLanguage(lang);
  const order = own ? [own, ...GLOSSARY_LANGUAGES.filter((l) => l !== own)] : [...GLOSSARY_LANGUAGES];
  return order.map((l) => GLOSSARY.get(l)!);
}

export function wordings(w: Wording): string[] {
  return typeof w === 'string' ? [w] : w;
}

/**
 * Label comparison form: compatibility-normalised (full-width → ASCII), case-folded, punctuation at the
 * ends and counts such as "(3)" dropped, inner whitespace folded. Keeps letters of every script.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('und')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
    .replace(/\(\s*\d+\s*\)|（\s*\d+\s*）/g, ' ')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/^[\s:：·•*\-–—|]+|[\s:：·•*\-–—|]+$/g, '')
    .trim();
}

/** Does `text` say exactly one of the wordings (after normalisation)? */
export function matchesWording(text: string, w: Wording): boolean {
  const n = normalizeLabel(text);
  return n !== '' && wordings(w).some((v) => normalizeLabel(v) === n);
}

/**
 * Turns a wording with placeholders ({n}, {amount}, {days}) into a regular expression over normalised
 * text, with named groups n, amount and days.
 */
export function wordingPattern(template: string): RegExp {
  const escaped = normalizeLabel(template)
    .split(/(\{(?:n|amount|days)\})/)
    .map((part) => {
      if (part === '{n}') return '(?<n>\\d+)';
      if (part === '{days}') return '(?<days>\\d+)';
      if (part === '{amount}') return '(?<amount>.+?)';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${escaped}$`, 'u');
}
