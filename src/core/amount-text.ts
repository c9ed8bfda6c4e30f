// Amounts as pages and offers write them: currency codes and symbols, each language's separators, the
// numbers around them, and an amount's pieces split across elements. The values they read are
// ./money.ts's Amount.
import { charFolder, escapeRe } from './fold.ts';
import { perLanguage } from './locale.ts';
import { minorDigits, type Amount } from './money.ts';

export interface FoundAmount {
  amount: Amount;
  start: number;
  end: number;
}

const ISO_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

// Real ISO codes that are also ordinary upper-case words; only trusted next to a number.
const WORDLIKE_CODES: ReadonlySet<string> = new Set([
  'ALL',
  'AED',
  'ANG',
  'BAM',
  'BOB',
  'CUP',
  'GEL',
  'MOP',
  'MAD',
  'SOS',
  'TOP',
  'TRY',
  'WST',
]);

const SYMBOLS: Record<string, string | null> = {
  US$: 'USD',
  $US: 'USD',
  CA$: 'CAD',
  $CA: 'CAD',
  C$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  $AU: 'AUD',
  MX$: 'MXN',
  $MX: 'MXN',
  NZ$: 'NZD',
  HK$: 'HKD',
  S$: 'SGD',
  SG$: 'SGD',
  NT$: 'TWD',
  R$: 'BRL',
  'JP¥': 'JPY',
  'CN¥': 'CNY',
  '£GB': 'GBP',
  '€': 'EUR',
  '£': 'GBP',
  '₩': 'KRW',
  원: 'KRW',
  '₫': 'VND',
  đ: 'VND',
  '₹': 'INR',
  '฿': 'THB',
  '₱': 'PHP',
  zł: 'PLN',
  Rp: 'IDR',
  円: 'JPY',
  '₺': 'TRY',
  '₽': 'RUB',
  $: null,
  '¥': null,
};

const SYMBOL_ALT = Object.keys(SYMBOLS)
  .sort((a, b) => b.length - a.length)
  .map(escapeRe)
  .join('|');
// Letter-like markers must stand apart from words ("Rp" yes, "Rpx" no; "đ" not inside "được").
// 円 and 원 are the exceptions: Japanese and Korean run straight on ("10,000円以上").
// Two numbered groups, the ISO code and the symbol: named groups cost an object per match, and every
// amount of a page is matched against this.
const MARKER = `(?:(?<![\\p{L}])([A-Z]{3})(?![\\p{L}])|(?<![\\p{L}])(${SYMBOL_ALT})(?:(?<=[^\\p{L}]|[円원])|(?!\\p{L})))`;
// matchAll clones a global regex, so one compiled pattern serves every call.
const MARKER_RE = new RegExp(MARKER, 'gu');
const SPACE = '[\\s\\u00A0\\u202F\\u2009]';
const MINUS = '[-\\u2212\\u2013]';
// Groups: 1 the opening bracket, 2 a minus before the marker, 3 and 4 the marker's, 5 a minus after it.
const PREFIX_RE = new RegExp(
  `(\\(${SPACE}?)?(${MINUS}${SPACE}?)?${MARKER}${SPACE}?(${MINUS}${SPACE}?)?$`,
  'u',
);
/** The longest text PREFIX_RE matches: a bracket and a space, a minus and a space, a 3-character marker, a space, a minus and a space. */
const PREFIX_MAX = 10;
const SUFFIX_RE = new RegExp(`^${SPACE}?${MARKER}`, 'u');
// A marker's first and last characters: a code's capitals or a symbol's. A number with none of them within
// a space and a minus of its edges has no marker there, and skips the searches (most numbers of a long text).
const CAPITALS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MARKER_FIRST = new Set([...CAPITALS, ...Object.keys(SYMBOLS).map((sym) => sym[0]!)]);
const MARKER_LAST = new Set([...CAPITALS, ...Object.keys(SYMBOLS).map((sym) => sym.at(-1)!)]);

/** Whether PREFIX_RE can match `before`: its marker ends in the last four characters (marker, space, minus, space). */
function mayEndWithMarker(before: string): boolean {
  for (let i = Math.max(0, before.length - 4); i < before.length; i++)
    if (MARKER_LAST.has(before[i]!)) return true;
  return false;
}

// Groups: 1 the opening bracket, 2 the minus.
const BARE_SIGN_RE = new RegExp(`(\\(${SPACE}?)?(${MINUS})?$`, 'u');

function symbolCurrency(sym: string, lang: string | null | undefined): string | null {
  if (sym === '¥') {
    const base = baseLang(lang);
    return base === 'ja' ? 'JPY' : base === 'zh' ? 'CNY' : null;
  }
  return SYMBOLS[sym] ?? null;
}

function baseLang(lang: string | null | undefined): string {
  return (lang ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
}

interface Separators {
  group: string;
  decimal: string;
  numberRe: RegExp;
}

function separatorsOf(locale: string): Separators {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  // Where the language groups with a space, a plain space typed by a person is a group too.
  const groupChars = `.,'’\\u00A0\\u202F\\u2009${/\s/.test(group) ? ' ' : ''}`;
  const num = `\\d{1,3}(?:[${groupChars}]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?`;
  // Not part of a version, time, date, phone number or identifier.
  const numberRe = new RegExp(
    `(?<![\\d.,:/+_]|\\d${MINUS})(?:${num})(?![\\d:/_]|[.,]\\d|${MINUS}\\d|${SPACE}?[%％])`,
    'gu',
  );
  return { group, decimal, numberRe };
}

const separators = perLanguage(separatorsOf);

/** Turns "1.234,56" into minor 123456, exponent 2, using the language only when the text is ambiguous. */
function interpretNumber(
  raw: string,
  lang: string | null | undefined,
  currency: string | null,
): { minor: number; exponent: number } | null {
  // One pass, no strings built: every amount on a page comes through here. The number pattern lets in
  // ASCII digits, dots and commas, and group spaces and apostrophes, which carry nothing.
  // The decimal separator, when there is one, is the last, so the minor units are all the digits in a
  // row and the exponent the count after the last separator. Digit by digit, a value past 2^53 stays
  // past it, as reading the digits as one number would.
  let minor = 0;
  let after = 0;
  let count = 0;
  let last = '';
  let mixed = false;
  for (let i = 0; i < raw.length; i++) {
    const digit = raw.charCodeAt(i) - 48;
    if (digit >= 0 && digit <= 9) {
      minor = minor * 10 + digit;
      after++;
    } else if (raw[i] === '.' || raw[i] === ',') {
      if (count > 0 && raw[i] !== last) mixed = true;
      count++;
      last = raw[i]!;
      after = 0;
    }
  }
  let decimal = mixed;
  if (count === 1)
    decimal =
      after !== 3 ||
      ((currency === null || minorDigits(currency) !== 0) && last === separators(lang).decimal);
  return Number.isSafeInteger(minor) ? { minor, exponent: decimal ? after : 0 } : null;
}

/** Full-width digits and symbols become ASCII one character at a time, so offsets stay valid. */
function foldWidth(text: string): string {
  // Printable ASCII has no full-width forms to fold: most amounts on a page skip the per-character work.
  if (/^[ -~]*$/.test(text)) return text;
  return foldWide(text);
}

const foldWide = charFolder((ch) => {
  const n = ch.normalize('NFKC');
  return n.length === ch.length ? n : ch;
});

/** The currency of a MARKER match, from its ISO code or its symbol; an unknown code is no marker. */
function markerCurrency(
  code: string | undefined,
  sym: string | undefined,
  lang: string | null | undefined,
): { currency: string | null; valid: boolean } {
  if (code) return { currency: code, valid: isCurrencyCode(code) };
  return sym ? { currency: symbolCurrency(sym, lang), valid: true } : { currency: null, valid: false };
}

export function findAmounts(
  text: string,
  lang?: string | null,
  opts?: { requireCurrency?: boolean },
): FoundAmount[] {
  const requireCurrency = opts?.requireCurrency ?? true;
  const folded = foldWidth(text);
  const { numberRe } = separators(lang);
  const found: FoundAmount[] = [];
  let lastEnd = 0;
  // exec on the one compiled pattern: matchAll copies it first, which costs more than the search.
  // A number is never empty, so the loop always advances.
  numberRe.lastIndex = 0;
  for (let m = numberRe.exec(folded); m; m = numberRe.exec(folded)) {
    const numStart = m.index;
    let numEnd = numStart + m[0].length;
    if (m[0].length >= 10 && /^\d+$/.test(m[0])) continue;
    let start = numStart;
    let end = numEnd;
    let negative = false;
    let open = false;
    let currency: string | null = null;
    let marked = false;

    // No match of PREFIX_RE is longer, and one that starts further back cannot reach the number.
    const before = folded.slice(Math.max(lastEnd, numStart - PREFIX_MAX), numStart);
    const pre = mayEndWithMarker(before) ? PREFIX_RE.exec(before) : null;
    const preMarker = pre ? markerCurrency(pre[3], pre[4], lang) : null;
    const prefixed = pre !== null && preMarker !== null && preMarker.valid;
    if (prefixed) {
      marked = true;
      currency = preMarker.currency;
      negative = Boolean(pre[2] ?? pre[5]);
      open = Boolean(pre[1]);
      start = numStart - pre[0].length;
    }

    let multiplier = 0;
    if (folded[numEnd] === '万') {
      multiplier = 4;
      numEnd += 1;
      end = numEnd;
    }
    // A marker after the number starts right after it, or after one space.
    const suf =
      MARKER_FIRST.has(folded[numEnd] ?? '') || MARKER_FIRST.has(folded[numEnd + 1] ?? '')
        ? SUFFIX_RE.exec(folded.slice(numEnd, numEnd + 8))
        : null;
    const sufMarker = suf ? markerCurrency(suf[1], suf[2], lang) : null;
    if (suf && sufMarker?.valid) {
      marked = true;
      // An ISO code is more specific than a symbol on the other side ("$50 USD").
      if (currency === null || suf[1]) currency = sufMarker.currency ?? currency;
      end = numEnd + suf[0].length;
    }
    // Asked only now: in a long text most numbers have no currency and are dropped here.
    if (requireCurrency && !marked) continue;
    if (!prefixed) {
      const bare = BARE_SIGN_RE.exec(before);
      negative = Boolean(bare?.[2]);
      open = Boolean(bare?.[1]);
      start = numStart - (bare?.[0].length ?? 0);
    }
    if (open) {
      const close = /^[\s\u00A0\u202F]?\)/.exec(folded.slice(end));
      if (close) {
        negative = true;
        end += close[0].length;
      } else start += 1;
    }

    const parsed = interpretNumber(m[0], lang, currency);
    if (!parsed) continue;
    let { minor, exponent } = parsed;
    if (multiplier) {
      const shift = Math.min(multiplier, exponent);
      exponent -= shift;
      minor *= 10 ** (multiplier - shift);
    }
    const wanted = currency ? minorDigits(currency) : 0;
    if (exponent < wanted) {
      minor *= 10 ** (wanted - exponent);
      exponent = wanted;
    }
    if (!Number.isSafeInteger(minor)) continue;
    found.push({ amount: { minor: negative ? -minor : minor, exponent, currency }, start, end });
    lastEnd = end;
  }
  return found;
}

export function parseAmount(text: string, lang?: string | null): Amount | null {
  const found = findAmounts(text, lang, { requireCurrency: false });
  const only = found[0];
  if (found.length !== 1 || !only) return null;
  return text.slice(0, only.start).trim() === '' && text.slice(only.end).trim() === '' ? only.amount : null;
}

export function currencyOf(text: string, lang?: string | null): string | null {
  const folded = foldWidth(text);
  for (const { amount } of findAmounts(folded, lang)) if (amount.currency) return amount.currency;
  for (const m of folded.matchAll(/(?<![\p{L}])[A-Z]{3}(?![\p{L}])/gu)) {
    if (isPlainCurrencyCode(m[0])) return m[0];
  }
  for (const m of folded.matchAll(MARKER_RE)) {
    const sym = m[2];
    // "đ" and "Rp" are too short to trust away from a number.
    if (sym && sym !== 'đ' && sym !== 'Rp') {
      const currency = symbolCurrency(sym, lang);
      if (currency) return currency;
    }
  }
  return null;
}

// A digit run cut where a decimal or group separator meets digits: "2.718" + ",40", "1,284" + ".50".
const CUT_BEFORE = /^[.,]\d/;
const DIGIT_START = /^\d/;
const DIGIT_END = /\d$/;
const SEPARATOR_END = /\d[.,]$/;

/**
 * The text a reader sees from an amount's pieces, as pages split them across elements: integer and
 * decimal parts ("2.718" ",40" → "2.718,40"), prefix and suffix currency ("$" "1,284" ".50" "USD" →
 * "$ 1,284.50 USD"). Pieces meet without a space only where the cut falls inside the number (a
 * separator on one side of the cut and a digit on the other); two bare digit runs side by side stay
 * apart, so that "12" "345" never becomes a number the page did not show.
 */
export function joinPieces(pieces: readonly string[]): string {
  let out = '';
  for (const raw of pieces) {
    const piece = raw.trim();
    if (piece === '') continue;
    const glued =
      out !== '' &&
      ((CUT_BEFORE.test(piece) && DIGIT_END.test(out)) ||
        (SEPARATOR_END.test(out) && DIGIT_START.test(piece)));
    out = out === '' ? piece : glued ? out + piece : `${out} ${piece}`;
  }
  return out;
}

/** Is `code` an ISO 4217 code this runtime knows ("USD"; not "ABC")? */
export function isCurrencyCode(code: string): boolean {
  return ISO_CODES.has(code);
}

/** Is `code` an ISO code that is not also an ordinary upper-case word ("TOP", "ALL")? */
export function isPlainCurrencyCode(code: string): boolean {
  return ISO_CODES.has(code) && !WORDLIKE_CODES.has(code);
}
