// The worker's half of the reader: a promotion row's numbers and dates, read from the texts the content
// script saw in its cells (SeenPromotion): the amount, the unused amount, the minimum spend and the spend
// so far, the dates; and the redeem dialog's refusal, where the page shows it in words only. Not on the
// page's thread: a row's values are never shown on the page, reading dates in eight languages is the
// slowest part of reading a row, and the refusals' wording (every language's) is the worker's data.
// Where a row's numbers contradict each other, the fields are left null and a note says why.
import { findAmounts, parseAmount } from '../amount-text.ts';
import { parseDate, parseDateRange } from '../date-text.ts';
import type { IsoDate } from '../dates.ts';
import { major } from '../money.ts';
import { refusalSaid } from '../diagnosis/refusals.ts';
import type {
  PagePromotion,
  PageSnapshot,
  RedeemDialog,
  SeenPage,
  SeenPromotion,
  SeenRedeem,
} from '../schemas.ts';
import type { LanguageGlossary } from './glossary.ts';
import { wordsFor } from './words.ts';
import type { Words } from './words.ts';

const requirementWording = (g: LanguageGlossary) => g.requirement;
const noRequirements = (g: LanguageGlossary) => g.labels.noRequirements;

/**
 * The page as the PageSnapshot contract has it: each row seen on the page with its values read, in
 * page order. What a row's values could not be, the warnings say ("promotions table: row 3: …"), after
 * what the page's own read warned.
 */
export function finishSnapshot(seen: SeenPage): PageSnapshot {
  const words = wordsFor(seen.lang);
  const warnings = [...seen.warnings];
  const promotions = seen.promotions.map((row, i) => {
    const notes: string[] = [];
    let values: RowValues;
    try {
      values = rowValues(row, seen.lang, words, notes);
    } catch (e) {
      notes.push(`its amounts and dates could not be read (${e instanceof Error ? e.message : String(e)})`);
      values = NO_VALUES;
    }
    for (const note of notes) warnings.push(`promotions table: row ${i + 1}: ${note}`);
    return promotionOf(row, values);
  });
  return { ...seen, promotions, redeem: redeemOf(seen.redeem, seen.lang), warnings };
}

/** The dialog's refusal: the one the markup marked, else the first text heard that says a known one. */
function redeemOf(seen: SeenRedeem | null, lang: string | null): RedeemDialog | null {
  if (!seen) return null;
  const { heard, ...dialog } = seen;
  const error = dialog.error ?? heard.find((t) => refusalSaid(t, lang) !== null) ?? null;
  return { ...dialog, error, succeeded: dialog.succeeded && error === null };
}

type RowValues = Pick<
  PagePromotion,
  'amount' | 'minSpend' | 'spent' | 'unused' | 'redeemedOn' | 'validFrom' | 'validUntil'
>;

const NO_VALUES: RowValues = {
  amount: null,
  minSpend: null,
  spent: null,
  unused: null,
  redeemedOn: null,
  validFrom: null,
  validUntil: null,
};

/** The PagePromotion, its fields in the contract's order (printed snapshots keep it). */
function promotionOf(row: SeenPromotion, v: RowValues): PagePromotion {
  return {
    name: row.name,
    type: row.type,
    status: row.status,
    amount: v.amount,
    minSpend: v.minSpend,
    spent: v.spent,
    unused: v.unused,
    redeemedOn: v.redeemedOn,
    validFrom: v.validFrom,
    validUntil: v.validUntil,
    assigned: row.assigned,
  };
}

function rowValues(row: SeenPromotion, lang: string | null, words: Words, notes: string[]): RowValues {
  const amount = amountOf(row.amount, lang, 'Amount', notes);
  let unused = amountOf(row.unused, lang, 'Unused amount', notes);
  const progress = progressOf(row.progress, lang);
  const dates = row.validDates ? parseDateRange(row.validDates, lang) : null;
  const required = minSpendOf(row.requirement, lang, words);
  // Without a requirements column, the progress display's goal is the minimum; with one, only it says.
  let minSpend = required ?? (row.requirement === null ? progress.goal : null);
  let spent = progress.spent;
  if (unused !== null && amount !== null && unused > amount + 0.005) {
    notes.push(`'Unused amount' ${unused} is more than the amount ${amount}; left empty`);
    unused = null;
  }
  if (required !== null && progress.goal !== null && Math.abs(required - progress.goal) > 0.005) {
    notes.push(
      `progress goal ${progress.goal} differs from the usage requirement ${required}; minimum spend and spend so far left empty`,
    );
    minSpend = null;
    spent = null;
  }
  return {
    amount,
    minSpend,
    spent,
    unused,
    redeemedOn: row.redeemed ? redeemedOn(row.redeemed, lang) : null,
    validFrom: dates?.from ?? null,
    validUntil: dates?.until ?? null,
  };
}

/**
 * A redeemed date by its text and the page language. A list shows the same few days again and again
 * (codes redeemed the same day), and reading one runs the date patterns of eight languages over it: each
 * text is read once. Bounded, since a page of unique dates must not grow it.
 */
function redeemedOn(text: string, lang: string | null): IsoDate | null {
  const key = `${lang ?? ''}\u0001${text}`;
  let date = redeemedDates.get(key);
  if (date === undefined) {
    if (redeemedDates.size >= MAX_REDEEMED_DATES) redeemedDates.clear();
    date = parseDate(text, lang);
    redeemedDates.set(key, date);
  }
  return date;
}

const redeemedDates = new Map<string, IsoDate | null>();
const MAX_REDEEMED_DATES = 2000;

/**
 * The one amount a cell shows. A cell with several amounts in it (a range, a before/after) names no
 * single value: null, and a note says so.
 */
function amountOf(text: string | null, lang: string | null, column: string, notes: string[]): number | null {
  if (!text) return null;
  const whole = parseAmount(text, lang);
  if (whole) return major(whole);
  const found = findAmounts(text, lang, { requireCurrency: false });
  const values = new Set(found.map((f) => major(f.amount)));
  if (values.size > 1) {
    notes.push(`'${column}' shows several amounts (${text}); left empty`);
    return null;
  }
  const marked = findAmounts(text, lang)[0]?.amount;
  return major(marked ?? (found.length === 1 ? found[0]!.amount : null));
}

function minSpendOf(text: string | null, lang: string | null, words: Words): number | null {
  if (!text || words.says(noRequirements, text)) return null;
  const withCurrency = findAmounts(text, lang, { requireCurrency: true })[0]?.amount;
  if (withCurrency) return major(withCurrency);
  // The glossary sentence finds the amount where it is glued to the words around it (Japanese).
  const said = words.pattern(requirementWording, text)?.groups?.amount;
  if (!said) return null;
  const at = text.toLocaleLowerCase().indexOf(said);
  return major(parseAmount(at === -1 ? said : text.slice(at, at + said.length), lang));
}

/**
 * Spend toward the minimum: the first of the row's progress texts (each with one slash, see
 * promotions.ts) that reads as "X / Y".
 */
function progressOf(
  texts: readonly string[],
  lang: string | null,
): { spent: number | null; goal: number | null } {
  for (const text of texts) {
    const slash = text.indexOf('/');
    const x = parseAmount(text.slice(0, slash), lang);
    const y = x && parseAmount(text.slice(slash + 1), lang);
    if (x && y) return { spent: major(x), goal: major(y) };
  }
  return { spent: null, goal: null };
}
