// The redeem-coupon dialog: which dialog it is, whether it shows, the code as typed and the answer.
import { MAX_HEARD, MAX_MESSAGE } from '../limits.ts';
import type { SeenRedeem } from '../schemas.ts';
import type { LanguageGlossary } from './glossary.ts';
import type { Dialog, Labelled, Scan } from './scan.ts';
import { fold } from './scan.ts';
import type { Words } from './words.ts';

const dialogTitle = (g: LanguageGlossary) => g.redeem.dialogTitle;
const redeemButton = (g: LanguageGlossary) => g.buttons.redeemCoupon;
const codeLabel = (g: LanguageGlossary) => g.redeem.codeLabel;
const codePlaceholder = (g: LanguageGlossary) => g.redeem.codePlaceholder;
const success = (g: LanguageGlossary) => g.redeem.success;

/**
 * The dialog whose name, a text in it or its field says the glossary's redeem wording. Other dialogs
 * (a cookie banner is one) are not it.
 */
export function findRedeemDialog(scan: Scan, words: Words): { dialog: Dialog; index: number } | null {
  let found: { dialog: Dialog; index: number } | null = null;
  scan.dialogs.forEach((dialog, index) => {
    if (found && (found.dialog.hidden || !dialog.hidden)) return;
    if (isRedeemDialog(dialog, index, scan, words)) found = { dialog, index };
  });
  return found;
}

function isRedeemDialog(dialog: Dialog, index: number, scan: Scan, words: Words): boolean {
  if (words.says(dialogTitle, dialog.label) || words.says(redeemButton, dialog.label)) return true;
  if (dialog.inputs.some((i) => words.says(codePlaceholder, i.getAttribute('placeholder') ?? '')))
    return true;
  return scan.blocks.some(
    (b) => b.dialog === index && (words.says(dialogTitle, b.text) || words.says(codeLabel, b.text)),
  );
}

/** The code field: the one the glossary names by placeholder, else the dialog's first text field. */
export function codeInput(dialog: Dialog, words: Words): Element | null {
  const typed = dialog.inputs.filter((i) => {
    const type = (i.getAttribute('type') ?? 'text').toLowerCase();
    return type === 'text' || type === 'search' || type === '' || i.localName?.toLowerCase() === 'textarea';
  });
  return (
    typed.find((i) => words.says(codePlaceholder, i.getAttribute('placeholder') ?? '')) ?? typed[0] ?? null
  );
}

export function readRedeem(scan: Scan, words: Words): SeenRedeem | null {
  const found = findRedeemDialog(scan, words);
  if (!found) return null;
  const { dialog, index } = found;
  if (dialog.hidden) return { open: false, code: null, error: null, succeeded: false, heard: [] };
  const input = codeInput(dialog, words);
  const value = input ? valueOf(input) : '';
  const inDialog = (a: Labelled): boolean => a.dialog === index && !a.hidden;
  const answers = scan.alerts.filter(inDialog);
  const texts = scan.blocks.filter((b) => b.dialog === index && !b.hidden).map((b) => b.text);
  const said = (a: Labelled): string => fold(a.parts.join(' '));
  const succeeded =
    answers.some((a) => a.role === 'status' && words.says(success, said(a))) ||
    texts.some((t) => words.says(success, t));
  const alert = answers.find((a) => a.role === 'alert' && said(a) !== '');
  const field = alert ? null : fieldError(scan, index, input);
  const error = alert ? said(alert) : (field?.error ?? null);
  // A refusal the markup does not mark is known by its wording, which the worker holds: the texts that
  // may be it, in the order they are looked at (the field's hints, the dialog's texts, the page's alerts).
  const heard =
    error !== null
      ? []
      : [...(field?.hints ?? []), ...texts, ...scan.alerts.map(said)]
          .filter((t) => t !== '' && t.length <= MAX_MESSAGE)
          .slice(0, MAX_HEARD);
  return { open: true, code: value === '' ? null : value, error, succeeded: succeeded && !error, heard };
}

/**
 * The message the page ties to the code field, whatever its wording: the element named by the field's
 * aria-errormessage, or by its aria-describedby when the field or it is marked as an error, or, for a
 * field marked invalid, the text under it in its form item (the kits' form error elements). `hints`: the
 * texts its aria-describedby names that nothing marks as an error (a refusal in known words is one).
 */
function fieldError(
  scan: Scan,
  index: number,
  input: Element | null,
): { error: string | null; hints: string[] } | null {
  if (!input) return null;
  // aria-invalid says it; the kits also say it by an error state on the field (a hint, never needed).
  const invalid = input.getAttribute('aria-invalid') === 'true' || saysError(input);
  const shown = scan.blocks.filter((b) => b.dialog === index && !b.hidden && !b.control);
  const textOf = (el: Element): string =>
    fold(
      shown
        .filter((b) => el.contains(b.el))
        .map((b) => b.text)
        .join(' '),
    );
  const doc = input.ownerDocument;
  const refs = (attr: string): Element[] =>
    (input.getAttribute(attr) ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => doc?.getElementById(id) ?? null)
      .filter((el): el is HTMLElement => el !== null);
  for (const el of refs('aria-errormessage')) {
    const t = textOf(el);
    if (t) return { error: t, hints: [] };
  }
  // A field often names its help text and its error both ("Codes are case-sensitive", then the refusal):
  // the one marked as an error is the error, and where one is marked the others never are.
  const described = refs('aria-describedby');
  const marked = described.filter((el) => saysError(el) || el.querySelector('[class*="error" i]') !== null);
  const hints = described
    .filter((el) => !marked.includes(el))
    .map(textOf)
    .filter(Boolean);
  const error = marked.map(textOf).find(Boolean);
  if (error) return { error, hints };
  // An invalid field's one description is its error; of several, nothing says which (the hints go to
  // the worker, which knows refusals by their wording).
  if (!invalid || marked.length > 0 || hints.length > 1) return { error: null, hints };
  if (hints.length > 0) return { error: hints[0]!, hints: [] };
  // The form item: the nearest element around the field that holds text after it.
  let item: Element | null = input.parentElement;
  for (let level = 0; level < 3 && item; level++, item = item.parentElement) {
    const after = shown.filter(
      (b) => item!.contains(b.el) && (input.compareDocumentPosition(b.el) & FOLLOWING) !== 0,
    );
    if (after.length > 0) return { error: fold(after.map((b) => b.text).join(' ')), hints };
  }
  return { error: null, hints };
}

/** A class token naming an error state ("ant-input-status-error", "is-invalid", "text-destructive"). */
const ERROR_CLASS = /(?:^|[\s_-])(?:error|invalid|destructive)(?:$|[\s_-])/i;
const saysError = (el: Element): boolean => ERROR_CLASS.test(el.getAttribute('class') ?? '');

/** Node.DOCUMENT_POSITION_FOLLOWING, as a number: src/core has no DOM globals. */
const FOLLOWING = 4;

/** What the field holds as typed: the live value where the DOM keeps one, else the markup's value. */
function valueOf(input: Element): string {
  const live = (input as { value?: unknown }).value;
  return typeof live === 'string' ? live : (input.getAttribute('value') ?? '');
}
