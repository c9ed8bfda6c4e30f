// Redaction with the shape kept: a report must read like the page (the same fields found, the same rows,
// the same statuses) while saying nothing about the advertiser.
// - The page wording the reader knows (every word of the glossary, in every language) stays as it is.
// - Digits become other digits in the same format: "2.718,40 €" → "8.314,27 €". The same digits become the
//   same digits throughout one report (an amount shown twice stays equal, the ad account id in the URL and
//   on the page stay one id); no run of 3 or more digits becomes a run the page itself shows.
// - Dates stay valid dates: every date of the report moves by the same whole number of leap cycles (4-year
//   steps), so months, days, order and distances are kept and 29 February stays a real day.
// - Other letters (names, e-mails, ids) become placeholders of the same length, case and script.
// The substitution comes from a key the caller draws with crypto random and never keeps: nothing maps a
// report back to the page.
import { findDates } from '../dates.ts';
import { findAmounts } from '../money.ts';
import { glossaryFile, glossaryLanguages, wordings } from '../page/glossary.ts';
import type { Wording } from '../page/glossary.ts';
import { REFERENCE_ATTRIBUTES, STRUCTURAL_ATTRIBUTES } from './capture.ts';
import type { Capture, CapturedElement, CapturedNode } from './capture.ts';

/** 128 bits from crypto.getRandomValues. */
export type RedactionKey = readonly [number, number, number, number];

export interface Redactor {
  /** Page text (or a text attribute): glossary wording kept, everything else redacted. */
  text(text: string): string;
  /** A form value (the redeem code): every letter and digit redacted, separators and spaces kept. */
  shape(text: string): string;
  /** Our own sentences (the reader's warnings): only their digits are redacted, as the page's were. */
  numbers(text: string): string;
  /** An element id or a list of them: renamed, the same id always to the same name. */
  reference(ids: string): string;
  /** The page's URL without its query values; the ad account id (aadvid) redacted like the page's digits. */
  url(url: string | null): string | null;
}

const DIGIT_RUN = /[0-9\uff10-\uff19]+/g;
const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30fc';
/** Words: a run of CJK letters, or of other letters ("にJPY" is two: the currency code stands apart). */
const LETTERS = new RegExp(`[${CJK_CLASS}]+|(?:(?![${CJK_CLASS}])[\\p{L}\\p{M}])+`, 'gu');
const RANGE_WORD_LONGEST = 12;
/** An e-mail address is all data, even where a part of it is a glossary word ("com" is Portuguese). */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');

/** One placeholder letter per script (upper, lower where the script has case). */
const PLACEHOLDERS: Array<[RegExp, string, string]> = [
  [/\p{Script=Latin}/u, 'X', 'x'],
  [/\p{Script=Greek}/u, 'Ξ', 'ξ'],
  [/\p{Script=Cyrillic}/u, 'Ж', 'ж'],
  [/\p{Script=Han}/u, '字', '字'],
  [/\p{Script=Hiragana}/u, 'あ', 'あ'],
  [/\p{Script=Katakana}/u, 'ア', 'ア'],
  [/\p{Script=Hangul}/u, '가', '가'],
  [/\p{Script=Arabic}/u, 'س', 'س'],
  [/\p{Script=Hebrew}/u, 'ש', 'ש'],
  [/\p{Script=Thai}/u, 'ก', 'ก'],
  [/\p{Script=Devanagari}/u, 'क', 'क'],
];

function placeholder(ch: string): string {
  if (/\p{M}/u.test(ch)) return '';
  const upper = ch !== ch.toLowerCase();
  for (const [script, up, low] of PLACEHOLDERS) if (script.test(ch)) return upper ? up : low;
  // A script without a placeholder of its own: a neutral mark keeps the length.
  return '•';
}

/** Every word of the glossary, in every language, lower-cased; runs of CJK text longest first. */
interface Vocabulary {
  words: Set<string>;
  cjk: string[];
}

let vocabulary: { from: unknown; value: Vocabulary } | null = null;

function glossaryVocabulary(): Vocabulary {
  const file = glossaryFile();
  if (vocabulary?.from === file) return vocabulary.value;
  const words = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node === 'string' || Array.isArray(node)) {
      for (const w of wordings(node as Wording))
        for (const m of w.replace(/\{[a-z]+\}/g, ' ').matchAll(LETTERS))
          words.add(m[0].normalize('NFC').toLowerCase());
    } else if (node && typeof node === 'object') for (const v of Object.values(node)) visit(v);
  };
  for (const lang of glossaryLanguages()) visit((file as unknown as Record<string, unknown>)[lang]);
  const cjk = [...words].filter((w) => CJK.test(w)).sort((a, b) => b.length - a.length);
  vocabulary = { from: file, value: { words, cjk } };
  return vocabulary.value;
}

/** sfc32: a small generator, seeded per redacted value from the key and the value itself. */
function generator(seed: [number, number, number, number]): () => number {
  let [a, b, c, d] = seed;
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** The key mixed with a value: four murmur-style lanes, then a few rounds of the generator. */
function keyed(key: RedactionKey, value: string): () => number {
  const lanes: [number, number, number, number] = [key[0], key[1], key[2], key[3]];
  for (let i = 0; i < value.length; i++) {
    const lane = i & 3;
    let h = lanes[lane]! ^ Math.imul(value.charCodeAt(i), 0xcc9e2d51);
    h = Math.imul((h << 15) | (h >>> 17), 0x1b873593);
    lanes[lane] = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  lanes[0] ^= value.length;
  const next = generator(lanes);
  for (let i = 0; i < 12; i++) next();
  return next;
}

const toWide = (d: string, like: string) =>
  like.charCodeAt(0) >= 0xff10 ? String.fromCharCode(0xff10 + Number(d)) : d;
const toAscii = (s: string) => s.replace(/[\uff10-\uff19]/g, (c) => String(c.charCodeAt(0) - 0xff10));

/**
 * A redactor for one page. `pageDigits` are the digit runs the page shows anywhere (texts, attributes, URL):
 * a replacement of 3 or more digits is never one of them, so no original number reappears elsewhere.
 */
export function createRedactor(
  key: RedactionKey,
  lang: string | null,
  pageDigits: ReadonlySet<string>,
): Redactor {
  const vocab = glossaryVocabulary();
  const digitRuns = new Map<string, string>();
  const ids = new Map<string, string>();
  const yearShift = leapCycles(key, pageDigits);

  function digits(run: string): string {
    let out = digitRuns.get(run);
    if (out !== undefined) return out;
    const ascii = toAscii(run);
    for (let attempt = 0; ; attempt++) {
      const next = keyed(key, `${ascii}\u0000${attempt}`);
      let candidate = '';
      for (let i = 0; i < ascii.length; i++) {
        // The first digit keeps being zero or not: "0,40" stays below one, "07" stays padded, 50 stays 2 digits.
        const d = i > 0 ? Math.floor(next() * 10) : ascii[0] === '0' ? 0 : 1 + Math.floor(next() * 9);
        candidate += d;
      }
      const usable = (c: string) =>
        (ascii === '0' || c !== ascii) && (ascii.length < 3 || !pageDigits.has(c));
      if (attempt >= RANDOM_TRIES) candidate = nearestUsable(candidate, usable);
      if (usable(candidate) || attempt >= RANDOM_TRIES) {
        out = [...candidate].map((d, i) => toWide(d, run[i]!)).join('');
        break;
      }
    }
    digitRuns.set(run, out);
    return out;
  }

  const redactDigits = (s: string) => s.replace(DIGIT_RUN, digits);

  function letters(word: string): string {
    const lower = word.normalize('NFC').toLowerCase();
    // A currency code is how the page names the account's currency ("Currency: USD"): wording, not data.
    if (vocab.words.has(lower) || CURRENCY_CODES.has(word)) return word;
    if (!CJK.test(word)) return [...word].map(placeholder).join('');
    // Japanese and Chinese have no spaces: the glossary's runs are found inside the text, longest first.
    let out = '';
    for (let i = 0; i < word.length;) {
      const known = vocab.cjk.find((w) => lower.startsWith(w, i));
      if (known) {
        out += word.slice(i, i + known.length);
        i += known.length;
      } else {
        const ch = String.fromCodePoint(word.codePointAt(i)!);
        out += placeholder(ch);
        i += ch.length;
      }
    }
    return out;
  }

  /** Digits and letters of a stretch that is neither a date nor an amount. */
  const plain = (s: string) => redactDigits(s).replace(LETTERS, letters);

  function date(s: string, iso: string): string {
    const year = Number(iso.slice(0, 4));
    const runs = [...s.matchAll(DIGIT_RUN)];
    const full = runs.find((m) => Number(toAscii(m[0])) === year && m[0].length === 4);
    const short = runs.find((m) => m[0].length === 2 && Number(toAscii(m[0])) === year % 100);
    const at = full ?? short;
    // A date written without a year of its own digits (none found) is redacted like any number.
    if (!at) return plain(s);
    const shifted = String(year + yearShift).slice(full ? 0 : 2);
    const wide = [...shifted].map((d, i) => toWide(d, at[0][i]!)).join('');
    return s.slice(0, at.index) + wide + s.slice(at.index + at[0].length);
  }

  function text(s: string): string {
    if (!/[\p{L}\p{N}]/u.test(s)) return s;
    // E-mails first (all data), dates (their month names are wording), amounts (so are their currency
    // marks), then the rest.
    const spans: Array<{ start: number; end: number; redact: (part: string) => string }> = [];
    const add = (start: number, end: number, redact: (part: string) => string) => {
      if (!spans.some((o) => start < o.end && o.start < end)) spans.push({ start, end, redact });
    };
    for (const m of s.matchAll(EMAIL)) add(m.index, m.index + m[0].length, shape);
    const dates = findDates(s, lang);
    dates.forEach((d, i) => {
      add(d.start, d.end, (p) => date(p, d.iso));
      // Between two dates, a few letters are the range's word ("au", "bis", "đến"), which the reader needs.
      const next = dates[i + 1];
      if (next && next.start - d.end <= RANGE_WORD_LONGEST && !/[\p{N}]/u.test(s.slice(d.end, next.start)))
        add(d.end, next.start, (p) => p);
    });
    for (const a of findAmounts(s, lang)) add(a.start, a.end, redactDigits);
    spans.sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const span of spans) {
      out += plain(s.slice(at, span.start)) + span.redact(s.slice(span.start, span.end));
      at = span.end;
    }
    return out + plain(s.slice(at));
  }

  function shape(s: string): string {
    return redactDigits(s).replace(LETTERS, (w) => [...w].map(placeholder).join(''));
  }

  function reference(list: string): string {
    return list.replace(/\S+/g, (id) => {
      let name = ids.get(id);
      if (!name) ids.set(id, (name = `acg-id-${ids.size + 1}`));
      return name;
    });
  }

  function url(u: string | null): string | null {
    if (!u) return null;
    let parsed: URL;
    try {
      parsed = new URL(u);
    } catch {
      return null;
    }
    const out = new URL(`${parsed.protocol}//${parsed.host}`);
    // Long digit runs in the path are ids; short ones are route names ("i18n").
    out.pathname = decodeURIComponent(parsed.pathname).replace(/\d{5,}/g, digits);
    // The reader takes the ad account id from aadvid; every other query value is dropped.
    for (const [name, value] of parsed.searchParams)
      out.searchParams.append(name, name === 'aadvid' ? redactDigits(value) : '');
    return out.toString();
  }

  return { text, shape, numbers: redactDigits, reference, url };
}

const RANDOM_TRIES = 32;

/**
 * A page that shows most numbers of some length leaves random tries little room: the next usable number
 * of the same length and first digit kind after `from`, counting up and wrapping; `from` when none is.
 */
function nearestUsable(from: string, usable: (candidate: string) => boolean): string {
  if (from.length > 6) return from;
  const low = from[0] === '0' ? 0 : 10 ** (from.length - 1);
  const high = from[0] === '0' ? 10 ** (from.length - 1) : 10 ** from.length;
  for (let n = Number(from) + 1, i = 0; i < high - low; i++, n++) {
    if (n >= high) n = low;
    const candidate = String(n).padStart(from.length, '0');
    if (usable(candidate)) return candidate;
  }
  return from;
}

/**
 * How many years every date moves: a multiple of 4 drawn from the key, chosen so that no year the page
 * shows becomes another year the page shows (a shifted 2026 must not read as the page's own 2030).
 */
function leapCycles(key: RedactionKey, pageDigits: ReadonlySet<string>): number {
  const years = [...pageDigits].filter((d) => /^(?:19|2\d)\d\d$/.test(d)).map(Number);
  const start = 1 + (key[0] % 6);
  for (let k = start; k < start + 40; k++) {
    const shift = 4 * k;
    if (
      !years.some(
        (y) =>
          pageDigits.has(String(y + shift)) || pageDigits.has(String((y + shift) % 100).padStart(2, '0')),
      )
    )
      return shift;
  }
  return 4 * start;
}

/** Every run of digits the capture shows, in texts and in the attributes that are redacted. */
export function digitRunsOf(capture: Capture, url: string | null): Set<string> {
  const runs = new Set<string>();
  const add = (s: string) => {
    for (const m of s.matchAll(DIGIT_RUN)) runs.add(toAscii(m[0]));
  };
  const visit = (node: CapturedNode) => {
    if ('text' in node) return add(node.text);
    for (const [name, value] of node.attrs) if (!STRUCTURAL_ATTRIBUTES.has(name)) add(value);
    node.children.forEach(visit);
  };
  visit(capture.root);
  if (url) add(url);
  return runs;
}

/** The capture with every text and every attribute that says something redacted. */
export function redactCapture(capture: Capture, redactor: Redactor): Capture {
  const visit = (el: CapturedElement): CapturedElement => ({
    ...el,
    attrs: el.attrs.map(([name, value]): [string, string] => [
      name,
      STRUCTURAL_ATTRIBUTES.has(name)
        ? value
        : REFERENCE_ATTRIBUTES.has(name)
          ? redactor.reference(value)
          : name === 'value'
            ? redactor.shape(value)
            : redactor.text(value),
    ]),
    children: el.children.map((c) => ('text' in c ? { text: redactor.text(c.text) } : visit(c))),
  });
  return { ...capture, root: visit(capture.root) };
}
