// Redaction with the shape kept: a report must read like the page (the same fields found, the same rows,
// the same statuses) while saying nothing about the advertiser.
// - The page wording the extension knows (every word of the glossary and of the refusals, in every language)
//   stays as it is.
// - Amounts are all multiplied by one whole factor k ≥ 2 drawn for the report, in their exact minor units and
//   written back in the page's own format ("2.718,40 €" → "8.155,20 €" for k = 3): sums, order and ratios
//   between amounts hold, so the reader's self-checks (total = cash + credit, unused ≤ amount) pass on the
//   report as on the page. An amount split over several texts (integer and decimals in their own spans) is
//   scaled as the one amount the reader joins, and its pieces written back into the same texts.
//   Percentages are ratios and stay as they are.
// - Other digits become other digits in the same format. The same digits become the same digits throughout
//   one report (the ad account id in the URL and on the page stay one id). No run of 3 or more digits, scaled
//   or replaced, becomes a run the page itself shows: k is chosen so.
// - Dates stay valid dates: every date of the report moves by the same whole number of leap cycles (4-year
//   steps), so months, days, order and distances are kept and 29 February stays a real day.
// - Other letters (names, e-mails, ids) become placeholders of the same length, case and script.
// The substitution comes from a key the caller draws with crypto random and never keeps: nothing maps a
// report back to the page.
import { findAmounts, joinPieces } from '../amount-text.ts';
import type { FoundAmount } from '../amount-text.ts';
import { findDates } from '../date-text.ts';
import { safeLocale } from '../locale.ts';
import { refusalWordings } from '../diagnosis/refusals.ts';
import { glossaryFile, glossaryLanguages, wordings } from '../page/glossary.ts';
import type { Wording } from '../page/glossary.ts';
import { REFERENCE_ATTRIBUTES, STRUCTURAL_ATTRIBUTES, TEXT_ATTRIBUTES } from './capture.ts';
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
  /** One amount split over several texts, each piece scaled in place; null when they are not one amount. */
  pieces(pieces: readonly string[]): string[] | null;
  /** The whole factor every amount of the report is multiplied by. */
  readonly factor: number;
  /** An element id or a list of them: renamed, the same id always to the same name. */
  reference(ids: string): string;
  /** The page's URL without its query values; the ad account id (aadvid) redacted like the page's digits. */
  url(url: string | null): string | null;
}

const DIGIT_RUN = /[0-9\uff10-\uff19]+/g;
const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30fc';
/** Words: a run of CJK letters, or of other letters ("にJPY" is two: the currency code stands apart). */
/** Zero-width marks a page may put inside a CJK word ("未使用\u200b額"), which the reader skips. */
const ZERO_WIDTH = '\\u200b-\\u200d\\u2060';
const LETTERS = new RegExp(
  `[${CJK_CLASS}](?:[${CJK_CLASS}]|[${ZERO_WIDTH}](?=[${CJK_CLASS}]))*|(?:(?![${CJK_CLASS}])[\\p{L}\\p{M}])+`,
  'gu',
);
const ZERO_WIDTH_CHAR = new RegExp(`[${ZERO_WIDTH}]`);

/** Where the glossary run `w` ends when it starts at `i` of `text`, zero-width marks skipped; -1 if not there. */
function runEnd(text: string, i: number, w: string): number {
  let at = i;
  for (const ch of w) {
    while (ZERO_WIDTH_CHAR.test(text[at] ?? '')) at++;
    if (text[at] !== ch) return -1;
    at++;
  }
  return at;
}
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

/**
 * Every word of the glossary and of the redeem dialog's known refusals, in every language, lower-cased;
 * runs of CJK text longest first.
 */
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
  for (const [, wording] of refusalWordings(null)) visit(wording);
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
 * `pageTexts` are the page's texts (each a text, or the pieces of one amount split over several), from
 * which the amounts' factor is chosen so that no scaled amount shows one of those runs.
 */
export function createRedactor(
  key: RedactionKey,
  lang: string | null,
  pageDigits: ReadonlySet<string>,
  pageTexts: ReadonlyArray<readonly string[]> = [],
): Redactor {
  const vocab = glossaryVocabulary();
  const digitRuns = new Map<string, string>();
  const ids = new Map<string, string>();
  const yearShift = leapCycles(key, pageDigits);
  const { factor, group } = amountFactor(key, lang, pageDigits, pageTexts);

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
      const end = vocab.cjk.reduce((found, w) => (found >= 0 ? found : runEnd(lower, i, w)), -1);
      if (end >= 0) {
        out += word.slice(i, end);
        i = end;
      } else if (ZERO_WIDTH_CHAR.test(word[i]!)) {
        out += word[i];
        i++;
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
    for (const p of percentages(s)) add(p.start, p.end, (part) => part);
    for (const a of amountsIn(s, lang))
      add(a.start, a.end, (part) => {
        const scaled = scaleEdits(part, { ...a, start: 0, end: part.length }, factor, group);
        return scaled ? applyEdits(part, scaled.edits) : redactDigits(part);
      });
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

  function pieces(list: readonly string[]): string[] | null {
    const split = splitAmount(list, lang);
    if (!split) return null;
    const edits = scaleEdits(split.joined, split.amount, factor, group)?.edits;
    if (!edits) return null;
    const out = [...list];
    // Each digit's replacement goes back into the piece the digit came from, from the right within a piece.
    const byPiece = new Map<number, Array<[number, string]>>();
    for (const [at, digits] of edits) {
      const [piece, offset] = split.origin[at]!;
      byPiece.set(piece, [...(byPiece.get(piece) ?? []), [offset, digits]]);
    }
    for (const [piece, pieceEdits] of byPiece) out[piece] = applyEdits(list[piece]!, pieceEdits);
    return out;
  }

  return { text, shape, numbers: redactDigits, reference, url, pieces, factor };
}

// ---------------------------------------------------------------- amounts

/** Where the factor is drawn from, and how far it may go looking for one that repeats no page number. */
const FACTOR_LOW = 2;
const FACTOR_SPAN = 998;
const FACTOR_TRIES = FACTOR_SPAN;
/** Amounts scaled in all while looking: a page of hundreds of amounts gets fewer tries, in bounded time. */
const FACTOR_WORK = 20_000;

/** Percentages with their sign: ratios of the page's amounts, which stay true when every amount is scaled. */
const PERCENTAGE = /(?<![\d.,])\d+(?:[.,]\d+)?[\s\u00a0\u202f]?[%％]/g;

function percentages(s: string): Array<{ start: number; end: number }> {
  return [...s.matchAll(PERCENTAGE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Digits on either side of a mark ("3,120", "0.40", "1 250"): a number no count is written as. */
const MARKED_NUMBER = /\d[.,'’\s\u00a0\u202f\u2009]\d/;

/**
 * The amounts a text shows: numbers with a currency mark, and numbers with a group or decimal mark ("5,000"
 * after a word the currency sign is glued to, a cell whose currency the column header gives). A bare integer
 * is as likely a count, and is redacted digit by digit.
 */
function amountsIn(s: string, lang: string | null): FoundAmount[] {
  const marked = findAmounts(s, lang);
  const loose = findAmounts(s, lang, { requireCurrency: false }).filter(
    (a) =>
      MARKED_NUMBER.test(s.slice(a.start, a.end)) && !marked.some((m) => a.start < m.end && m.start < a.end),
  );
  return loose.length === 0 ? marked : [...marked, ...loose].sort((a, b) => a.start - b.start);
}

/** Pieces that join, as the reader joins them, into one amount and nothing else. */
interface SplitAmount {
  joined: string;
  amount: FoundAmount;
  /** For each index of `joined`: the piece and the index in it. */
  origin: Array<[piece: number, offset: number]>;
}

function splitAmount(list: readonly string[], lang: string | null): SplitAmount | null {
  if (list.filter((p) => p.trim() !== '').length < 2) return null;
  const joined = joinPieces(list);
  if (findDates(joined, lang).length > 0) return null;
  const found = amountsIn(joined, lang);
  const only = found[0];
  if (
    found.length !== 1 ||
    !only ||
    joined.slice(0, only.start).trim() + joined.slice(only.end).trim() !== ''
  )
    return null;
  // joinPieces puts the trimmed pieces in order, with at most a space between two: find each from the last.
  const origin: SplitAmount['origin'] = [];
  let cursor = 0;
  list.forEach((piece, i) => {
    const trimmed = piece.trim();
    if (trimmed === '') return;
    const at = joined.indexOf(trimmed, cursor);
    const lead = piece.length - piece.trimStart().length;
    for (let j = 0; j < trimmed.length; j++) origin[at + j] = [i, lead + j];
    cursor = at + trimmed.length;
  });
  return { joined, amount: only, origin };
}

const isDigit = (ch: string | undefined) => ch !== undefined && /[0-9\uff10-\uff19]/.test(ch);

/** How an amount is written: where its digits are, how many are decimals, how its thousands are marked. */
interface AmountShape {
  /** Index in the text of each digit. */
  at: number[];
  /** The digits, ASCII, as one number in the shown decimals' units. */
  shown: string;
  decimals: number;
  /** Digits before the first mark inside the integer part (all of them when it has none). */
  first: number;
  /** The integer part's group mark, null when it has none. */
  mark: string | null;
}

/** Null when the digits do not say the amount's value exactly (a "万" multiplier). */
function amountShape(text: string, found: FoundAmount): AmountShape | null {
  const at: number[] = [];
  for (let i = found.start; i < found.end; i++) if (isDigit(text[i])) at.push(i);
  const shown = toAscii(at.map((i) => text[i]).join(''));
  const value = Number(shown);
  const minor = Math.abs(found.amount.minor);
  // How many of the shown digits are decimals: the amount's exponent, less the zeros a currency's usual
  // decimals added to a whole number ("$50" reads as 5000 cents).
  let decimals = -1;
  for (let d = found.amount.exponent; d >= 0 && decimals < 0; d--)
    if (value * 10 ** (found.amount.exponent - d) === minor) decimals = d;
  if (at.length === 0 || decimals < 0) return null;
  const integer = shown.length - decimals;
  let first = 1;
  while (first < integer && at[first] === at[first - 1]! + 1) first++;
  const mark = first < integer ? text.slice(at[first - 1]! + 1, at[first]) : null;
  return { at, shown, decimals, first: Math.min(first, integer), mark };
}

/**
 * The digits of an amount multiplied by k: for each digit's index, what it becomes (the first digit also
 * carries the digits and group marks the larger number adds in front), and the scaled amount's whole
 * units as digits. Null when the amount cannot be scaled exactly.
 */
function scaleEdits(
  text: string,
  found: FoundAmount,
  k: number,
  group: string | null,
): { edits: Array<[number, string]>; whole: string } | null {
  const shape = amountShape(text, found);
  if (!shape) return null;
  const { at, shown, decimals, first } = shape;
  const product = Number(shown) * k;
  if (!Number.isSafeInteger(product)) return null;
  const digits = String(product).padStart(shown.length, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const added = digits.slice(0, digits.length - shown.length);
  const kept = digits.slice(added.length);
  const edits: Array<[number, string]> = at.map((i, n) => [i, toWideLike(kept[n]!, text[i]!)]);
  if (added === '') return { edits, whole };
  // The integer part grows on its left by whole groups, marked as this number marks them, else as the
  // page's other amounts (or its language) do; a number of four or more digits shown without marks stays so.
  const mark = shape.mark ?? (shown.length - decimals <= 3 ? group : null);
  const lead = added + kept.slice(0, first);
  let grouped = lead;
  if (mark) {
    const chunks: string[] = [];
    for (let end = lead.length; end > 0; end -= 3) chunks.unshift(lead.slice(Math.max(0, end - 3), end));
    grouped = chunks.join(mark);
  }
  const before = grouped.slice(0, grouped.length - first);
  edits[0] = [at[0]!, [...before].map((c) => toWideLike(c, text[at[0]!]!)).join('') + edits[0]![1]];
  return { edits, whole };
}

const toWideLike = (ch: string, like: string) => (/\d/.test(ch) ? toWide(ch, like) : ch);

function applyEdits(text: string, edits: ReadonlyArray<readonly [number, string]>): string {
  const at = new Map(edits.map(([i, s]) => [i, s]));
  let out = '';
  for (let i = 0; i < text.length; i++) out += at.get(i) ?? text[i];
  return out;
}

/**
 * The factor for one report: drawn from the key, then the next one up (wrapping) until no amount of the
 * page, scaled, shows a digit run of 3 or more the page shows; where none does, the one that shows fewest.
 * The mark the page groups thousands with comes along, for amounts that grow past three digits.
 */
function amountFactor(
  key: RedactionKey,
  lang: string | null,
  pageDigits: ReadonlySet<string>,
  pageTexts: ReadonlyArray<readonly string[]>,
): { factor: number; group: string | null } {
  const amounts: Array<{ text: string; amount: FoundAmount }> = [];
  for (const texts of pageTexts) {
    if (texts.length === 1)
      for (const a of amountsIn(texts[0]!, lang)) amounts.push({ text: texts[0]!, amount: a });
    else {
      const split = splitAmount(texts, lang);
      if (split) amounts.push({ text: split.joined, amount: split.amount });
    }
  }
  // A page that shows no amount of four digits or more has not said how it marks thousands: its language's way.
  const group =
    amounts.map(({ text, amount }) => amountShape(text, amount)?.mark).find((m) => m) ??
    new Intl.NumberFormat(safeLocale(lang)).formatToParts(12345).find((p) => p.type === 'group')?.value ??
    null;
  const repeats = (k: number, enough: number): number => {
    let count = 0;
    for (const { text, amount } of amounts) {
      if (count >= enough) break;
      const scaled = scaleEdits(text, amount, k, group);
      if (!scaled) continue;
      const shown = applyEdits(text.slice(0, amount.end), scaled.edits).slice(amount.start);
      for (const run of shown.match(DIGIT_RUN) ?? [])
        if (run.length >= 3 && pageDigits.has(toAscii(run))) count++;
      // The report's snapshot holds the amount as a plain number: its whole units must not repeat either.
      if (scaled.whole.replace(/^0+/, '').length >= 3 && pageDigits.has(scaled.whole.replace(/^0+/, '')))
        count++;
    }
    return count;
  };
  const start = FACTOR_LOW + Math.floor(keyed(key, '\u0000factor')() * FACTOR_SPAN);
  let best = { factor: start, repeats: Infinity };
  const tries = Math.max(1, Math.min(FACTOR_TRIES, Math.floor(FACTOR_WORK / Math.max(1, amounts.length))));
  for (let i = 0; i < tries && best.repeats > 0; i++) {
    const k = FACTOR_LOW + ((start - FACTOR_LOW + i) % FACTOR_SPAN);
    const r = repeats(k, best.repeats);
    if (r < best.repeats) best = { factor: k, repeats: r };
  }
  return { factor: best.factor, group };
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

type CapturedText = { text: string };

/** Pieces one amount may be split into: prefix, integer, decimals, suffix, and a space or two. */
const AMOUNT_PIECES = 6;

/**
 * The amounts the page splits over several texts (a statistic card's integer and decimals in their own
 * spans, the currency in a third): the largest element whose shown texts join, as the reader joins them,
 * into one amount, so that no part of an amount ("£980" of "£980.40") is taken for a whole one. Each is
 * scaled as one amount; a text of one is scaled on its own.
 */
export function splitAmountsOf(capture: Capture, lang: string | null): CapturedText[][] {
  const shownTexts = new Map<CapturedElement, CapturedText[] | null>();
  /** The element's shown texts, null when there are more than one amount can be made of. */
  const collect = (el: CapturedElement): CapturedText[] | null => {
    let texts: CapturedText[] | null = [];
    for (const c of el.children) {
      if ('text' in c) {
        if (c.text.trim() !== '') texts?.push(c);
      } else {
        // Every child is collected, for the amounts inside it, even when this element has too many texts.
        const inner = collect(c);
        if (c.hides) continue;
        texts = inner && texts ? [...texts, ...inner] : null;
      }
      if (texts && texts.length > AMOUNT_PIECES) texts = null;
    }
    shownTexts.set(el, texts);
    return texts;
  };
  collect(capture.root);
  const units: CapturedText[][] = [];
  const claim = (el: CapturedElement): void => {
    const texts = shownTexts.get(el);
    if (
      texts &&
      texts.length >= 2 &&
      splitAmount(
        texts.map((t) => t.text),
        lang,
      )
    )
      units.push(texts);
    else for (const c of el.children) if (!('text' in c)) claim(c);
  };
  claim(capture.root);
  return units;
}

/** What the page shows that may hold amounts: each text or text attribute, and each split amount whole. */
export function pageTextsOf(capture: Capture, split: CapturedText[][]): string[][] {
  const inSplit = new Set(split.flat());
  const out: string[][] = split.map((texts) => texts.map((t) => t.text));
  const visit = (el: CapturedElement) => {
    for (const [name, value] of el.attrs) if (TEXT_ATTRIBUTES.has(name)) out.push([value]);
    for (const c of el.children)
      if (!('text' in c)) visit(c);
      else if (!inSplit.has(c)) out.push([c.text]);
  };
  visit(capture.root);
  return out;
}

/** The capture with every text and every attribute that says something redacted. */
export function redactCapture(capture: Capture, redactor: Redactor, split: CapturedText[][] = []): Capture {
  const scaled = new Map<CapturedText, string>();
  for (const texts of split) {
    const pieces = redactor.pieces(texts.map((t) => t.text));
    if (pieces) texts.forEach((t, i) => scaled.set(t, pieces[i]!));
  }
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
    children: el.children.map((c) =>
      'text' in c ? { text: scaled.get(c) ?? redactor.text(c.text) } : visit(c),
    ),
  });
  return { ...capture, root: visit(capture.root) };
}
