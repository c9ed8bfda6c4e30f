// Dates as pages and offers write them, in the eight UI languages and the page's own: numeric and
// named-month patterns, a time of day after a date, and ranges and open ends ("until …", "from …").
import { toIso, type IsoDate } from './dates.ts';
import { charFolder, escapeRe } from './fold.ts';
import { perLanguage, safeLocale } from './locale.ts';

export interface FoundDate {
  iso: IsoDate;
  start: number;
  end: number;
}

const LEARNED_LANGS = ['en', 'es', 'pt', 'fr', 'de', 'id', 'ja', 'vi'] as const;

/** Lower case, no accents, ASCII digits; one character in, one out, so offsets survive. */
function fold(text: string): string {
  // Most cells are plain ASCII ("2026-11-02", "Nov 10, 2026"): skip the per-character Unicode work.
  if (/^[ -~\t\n\r]*$/.test(text)) return text.toLowerCase();
  // Each character outside ASCII loses its accents and case, the rest is lowered in one call, unless
  // lowering would change a length (then ASCII letters one by one).
  const folded = foldAccents(text);
  const lower = folded.toLowerCase();
  return lower.length === folded.length ? lower : folded.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

const foldAccents = charFolder((ch) => {
  const n = ch.normalize('NFKC').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return n.length === ch.length ? n : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
});

const monthNamesCache = new Map<string, Map<string, number>>();

function monthNames(locale: string): Map<string, number> {
  const cached = monthNamesCache.get(locale);
  if (cached) return cached;
  const names = new Map<string, number>();
  const longs: string[] = [];
  // Building a formatter costs far more than formatting with it: four formatters, twelve months each.
  const formats = (
    [
      { month: 'long' },
      { month: 'short' },
      { month: 'long', day: 'numeric' },
      { month: 'short', day: 'numeric' },
    ] as const
  ).map((opts) => ({ opts, format: new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' }) }));
  for (let m = 0; m < 12; m++) {
    const at = Date.UTC(2026, m, 15);
    for (const { opts, format } of formats) {
      const part = format.formatToParts(at).find((p) => p.type === 'month')?.value;
      // Names with digits ("12月", "tháng 12") are read by the numeric patterns instead.
      if (!part || /\d/.test(part)) continue;
      const name = fold(part).replace(/\./g, '').trim();
      names.set(name, m + 1);
      if (opts.month === 'long') longs.push(name);
    }
  }
  // People abbreviate in ways Intl does not ("Sept", "Agu"); accept prefixes that name one month.
  for (const len of [3, 4]) {
    const byPrefix = new Map<string, Set<number>>();
    for (const [name, month] of names) {
      if (name.length <= len) continue;
      const prefix = name.slice(0, len);
      byPrefix.set(prefix, (byPrefix.get(prefix) ?? new Set()).add(month));
    }
    for (const [prefix, months] of byPrefix) {
      const [only] = months;
      if (months.size === 1 && only !== undefined && !names.has(prefix)) names.set(prefix, only);
    }
  }
  monthNamesCache.set(locale, names);
  return names;
}

interface LangRules {
  months: Map<string, number>;
  dayFirst: boolean;
  patterns: Array<{ re: RegExp; read: (m: RegExpExecArray) => IsoDate | null }>;
}

const NOT_BEFORE = '(?<![\\d.,/:$€£¥₩₫])';
const NOT_AFTER = '(?!\\d|[.,/:]\\d|\\s*%)';

// The page language wins a clash; pages mix languages, so the eight UI languages are all known.
const monthSources = (locale: string) => new Set([locale, 'en', ...LEARNED_LANGS]);

/**
 * Builds what the first date read in `lang` needs, one language's month names at a time, until
 * `enough()` says stop; true once all is there. The month names of the eight languages take tens of
 * milliseconds of Intl formatting: a caller that must not hold the page for long spreads them out.
 */
export function prepareDates(lang: string | null | undefined, enough: () => boolean): boolean {
  for (const source of monthSources(safeLocale(lang))) {
    if (monthNamesCache.has(source)) continue;
    monthNames(source);
    if (enough()) return false;
  }
  return true;
}

function rulesOf(locale: string): LangRules {
  const months = new Map<string, number>();
  for (const source of monthSources(locale)) {
    for (const [name, month] of monthNames(source)) if (!months.has(name)) months.set(name, month);
  }
  const order = new Intl.DateTimeFormat(locale, { timeZone: 'UTC' })
    .formatToParts(Date.UTC(2026, 11, 31))
    .map((p) => p.type);
  const dayFirst = order.indexOf('day') < order.indexOf('month');
  const names = [...months.keys()].sort((a, b) => b.length - a.length);
  // One group, the month's name. Patterns number their groups: named groups cost an object per match.
  const M = `(?<![\\p{L}])(${names.map(escapeRe).join('|')})\\.?(?![\\p{L}])`;
  const named = (name: string | undefined, y: string | undefined, d: string | undefined): IsoDate | null =>
    toIso(Number(y), months.get(name ?? '') ?? 0, Number(d));
  const patterns: LangRules['patterns'] = [
    {
      // Groups: year, separator (the same both times), month, day.
      re: new RegExp(`${NOT_BEFORE}(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${NOT_AFTER}`, 'gu'),
      read: (m) => toIso(Number(m[1]), Number(m[3]), Number(m[4])),
    },
    {
      // Groups: year, month, day.
      re: new RegExp(
        // A label's colon may come right before ("有効期限：2027年3月31日"): the 年 makes it a date.
        `${NOT_BEFORE.replace(':', '')}(\\d{4})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]?`,
        'gu',
      ),
      read: (m) => toIso(Number(m[1]), Number(m[2]), Number(m[3])),
    },
    {
      // Groups: day, month, year.
      re: new RegExp(
        `(?:ngay\\s+)?${NOT_BEFORE}(\\d{1,2})\\s+(?:thang|thg)\\s+(\\d{1,2})(?:\\s+nam\\s+|\\s*,\\s*|\\s+)(\\d{4})${NOT_AFTER}`,
        'gu',
      ),
      read: (m) => toIso(Number(m[3]), Number(m[2]), Number(m[1])),
    },
    {
      // Groups: the first number, the separator, the second number, the year.
      re: new RegExp(`${NOT_BEFORE}(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})${NOT_AFTER}`, 'gu'),
      read: (m) => {
        const a = Number(m[1]);
        const b = Number(m[3]);
        const y = Number(m[4]);
        // Dots are only ever day-first; slashes follow the language unless the first number cannot be a month.
        return m[2] === '.' || dayFirst || a > 12 ? toIso(y, b, a) : toIso(y, a, b);
      },
    },
    {
      // Groups: day, month name, year.
      re: new RegExp(
        `${NOT_BEFORE}(\\d{1,2})(?:er|\\.)?\\s*(?:de\\s+)?${M}\\s*(?:de\\s+|,\\s*)?(\\d{4})${NOT_AFTER}`,
        'gu',
      ),
      read: (m) => named(m[2], m[3], m[1]),
    },
    {
      // Groups: month name, day, year.
      re: new RegExp(`${M}\\s*(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,\\s*|\\s+)(\\d{4})${NOT_AFTER}`, 'gu'),
      read: (m) => named(m[1], m[3], m[2]),
    },
  ];
  return { months, dayFirst, patterns };
}

const rules = perLanguage(rulesOf);

export function findDates(text: string, lang?: string | null): FoundDate[] {
  return datesIn(fold(text), lang);
}

const YEAR = /\d{4}/;
const byPlace = (a: FoundDate, b: FoundDate): number => a.start - b.start || b.end - a.end;

/** findDates on text already folded. */
function datesIn(folded: string, lang: string | null | undefined): FoundDate[] {
  const candidates: FoundDate[] = [];
  // Every pattern reads a four-digit year: a text without four digits in a row holds no date.
  if (!YEAR.test(folded)) return candidates;
  for (const { re, read } of rules(lang).patterns) {
    // exec on the one compiled pattern: matchAll copies it first, and for these long patterns the
    // copy costs several times the search. No pattern matches empty text, so the loop always advances.
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const iso = read(m);
      if (iso) candidates.push({ iso, start: m.index, end: m.index + m[0].length });
    }
  }
  // Most texts hold one or two dates found in order: the sort is asked only when they are not.
  for (let i = 1; i < candidates.length; i++)
    if (byPlace(candidates[i - 1]!, candidates[i]!) > 0) {
      candidates.sort(byPlace);
      break;
    }
  const found: FoundDate[] = [];
  for (const c of candidates) {
    const prev = found.at(-1);
    if (!prev || c.start >= prev.end) found.push(c);
  }
  return found;
}

// A time of day and an optional zone after a date carry no calendar information for us.
const TIME_TAIL =
  /^\s*(?:,|at|a las|as|à|um|lúc|luc|pukul)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*\(?\s*(?:utc|gmt)\s*(?:[+\-\u2212]\s*\d{1,2}(?::?\d{2})?)?\s*\)?)?/iu;

function skipTime(text: string, from: number): number {
  const m = TIME_TAIL.exec(text.slice(from));
  return m ? from + m[0].length : from;
}

export function parseDate(text: string, lang?: string | null): IsoDate | null {
  const found = findDates(text, lang);
  const only = found[0];
  if (found.length !== 1 || !only) return null;
  if (text.slice(0, only.start).trim() !== '') return null;
  return text.slice(skipTime(text, only.end)).trim() === '' ? only.iso : null;
}

const RANGE_SEPARATORS = new Set(
  [
    '~',
    '〜',
    '～',
    '-',
    '–',
    '—',
    'to',
    'until',
    'through',
    'até',
    'a',
    'al',
    'hasta',
    'bis',
    'au',
    's.d.',
    's/d',
    'sampai',
    'hingga',
    'đến',
    'から',
  ].map(fold),
);
const OPEN_FROM = new Set(
  ['から', 'ab', 'from', 'desde', 'a partir de', 'à partir du', 'dari', 'từ'].map(fold),
);
const OPEN_UNTIL = new Set(
  [
    'まで',
    'until',
    'bis',
    'hasta',
    'até',
    "jusqu'au",
    'sampai',
    'đến',
    'by',
    'to',
    'expires',
    '~',
    '〜',
    '～',
    '-',
  ].map(fold),
);

export function parseDateRange(
  text: string,
  lang?: string | null,
): { from: IsoDate | null; until: IsoDate | null } | null {
  const folded = fold(text);
  const found = datesIn(folded, lang);
  const gap = (a: number, b: number): string => folded.slice(a, b).trim();
  const [first, second] = found;
  if (!first || found.length > 2) return null;
  const head = gap(0, first.start);
  const afterFirst = skipTime(folded, first.end);
  if (second) {
    const middle = gap(afterFirst, second.start);
    const tail = gap(skipTime(folded, second.end), folded.length);
    if (head !== '' || !RANGE_SEPARATORS.has(middle)) return null;
    return tail === '' || tail === fold('まで') ? { from: first.iso, until: second.iso } : null;
  }
  const tail = gap(afterFirst, folded.length);
  if (head === '' && tail === '') return null;
  if (tail === '' && OPEN_UNTIL.has(head)) return { from: null, until: first.iso };
  if (head === '' && (tail === fold('まで') || tail === fold('までに')))
    return { from: null, until: first.iso };
  if (head === '' && (RANGE_SEPARATORS.has(tail) || tail === fold('以降')))
    return { from: first.iso, until: null };
  if (tail === '' && OPEN_FROM.has(head)) return { from: first.iso, until: null };
  return null;
}

export interface FoundDateRange extends FoundDate {
  /** The first day; `iso` is the last, which is what a deadline means ("between 15 December and 15 January"). */
  from: IsoDate;
}

// What joins the two dates of a range, folded (lower case, no accents). "and" and its kind join a range
// only after an opener ("between … and …", "de … a …"): elsewhere they join two separate statements.
const RANGE_JOIN =
  /^(?:-|–|—|~|to(?: the)?|till|until|through|thru|al|hasta(?: el)?|ate(?: (?:o|a|ao|dia))?|au|bis(?: (?:zum|zur|einschließlich))?|hingga|sampai(?: dengan)?|s\.? ?d\.?|s\/d|đen(?: het)?(?: ngay)?|toi(?: ngay)?|から)$/u;
const RANGE_AND = /^(?:and|y|e|a|et|und|dan|va)(?: (?:the|el|la|le|o|dem|der|tanggal|ngay))?$/u;
const RANGE_OPENER =
  /(?:^|[^\p{L}])(?:between|from|entre|de|del|desde|du|zwischen|vom|von|dari|antara|tu|giua)(?: (?:the|el|la|le|les|o|a|dem|der|tanggal|ngay))?\s*$/u;

/**
 * The dates of a text, with each range ("between 15 December 2026 and 15 January 2027", "du … au …",
 * "vom … bis …", "dari … hingga …", "2026年12月16日～2027年1月15日", "từ … đến …", "de … a/até …")
 * joined into one span that ends on its last day.
 */
export function findDateRanges(text: string, lang?: string | null): FoundDateRange[] {
  const folded = fold(text);
  const dates = datesIn(folded, lang);
  const out: FoundDateRange[] = [];
  for (let i = 0; i < dates.length; i++) {
    const first = dates[i]!;
    const second = dates[i + 1];
    if (second && joinsRange(folded, first, second)) {
      out.push({ iso: second.iso, from: first.iso, start: first.start, end: second.end });
      i++;
    } else out.push({ ...first, from: first.iso });
  }
  return out;
}

function joinsRange(folded: string, first: FoundDate, second: FoundDate): boolean {
  if (second.iso < first.iso) return false;
  const join = folded.slice(skipTime(folded, first.end), second.start).replace(/\s+/g, ' ').trim();
  if (RANGE_JOIN.test(join)) return true;
  return RANGE_AND.test(join) && RANGE_OPENER.test(folded.slice(Math.max(0, first.start - 30), first.start));
}
