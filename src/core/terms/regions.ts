// Country names and codes → ISO 3166 alpha-2, in every language the offers come in.
import { LANGUAGES, REGION_ALIASES } from './lexicon.ts';

// Intl knows these two-letter codes, but they are not countries an offer could be limited to.
const NOT_COUNTRIES = new Set([
  'EU',
  'EZ',
  'UN',
  'QO',
  'XA',
  'XB',
  'ZZ',
  'AC',
  'CP',
  'CQ',
  'DG',
  'EA',
  'IC',
  'TA',
  'XK',
]);

interface RegionIndex {
  codes: ReadonlySet<string>;
  byName: ReadonlyMap<string, string>;
  pattern: RegExp;
}

let index: RegionIndex | null = null;

const escapeRe = (s: string): string => s.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&');
const isCjk = (s: string): boolean => /[\u3040-\u30ff\u4e00-\u9fff]/u.test(s);

function buildIndex(): RegionIndex {
  const codes = new Set<string>();
  const byName = new Map<string, string>();
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (!NOT_COUNTRIES.has(code) && english.of(code)) codes.add(code);
    }
  }
  for (const lang of LANGUAGES) {
    const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    for (const code of codes) {
      const name = names.of(code);
      // The first language to use a name keeps it, so English decides between lookalikes.
      if (!name || name === code || byName.has(name)) continue;
      byName.set(name, code);
      // "Congo (DRC)", "Hong Kong SAR China": the short form is what people write.
      const short = name.replace(/\s*\(.*\)$/u, '').replace(/\s+SAR\s+China$/u, '');
      if (short !== name && !byName.has(short)) byName.set(short, code);
    }
  }
  for (const [alias, code] of Object.entries(REGION_ALIASES)) byName.set(alias, code);
  // Longest names first so "Guinea-Bissau" is not read as "Guinea"; Latin names only as whole words.
  const alternatives = [...byName.keys()]
    .sort((x, y) => y.length - x.length)
    .map((n) => (isCjk(n) ? escapeRe(n) : `(?<![\\p{L}\\p{N}])${escapeRe(n)}(?![\\p{L}\\p{N}])`));
  const codePart = '(?<![\\p{L}\\p{N}$])[A-Z]{2}(?![\\p{L}\\p{N}$])';
  return { codes, byName, pattern: new RegExp(`${alternatives.join('|')}|${codePart}`, 'gu') };
}

/** ISO codes named in a sentence already known to be about where the offer applies, in order, without repeats. */
export function regionsIn(sentence: string): string[] {
  index ??= buildIndex();
  const found: string[] = [];
  for (const m of sentence.matchAll(index.pattern)) {
    const code = index.byName.get(m[0]) ?? (index.codes.has(m[0]) ? m[0] : undefined);
    if (code && !found.includes(code)) found.push(code);
  }
  return found;
}
