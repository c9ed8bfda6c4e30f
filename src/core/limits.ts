// How much of anything a page (or a backup, or another tool) can make the extension keep. Every stored
// string and list has a bound here, checked by the schemas (src/core/schemas.ts): storage.local holds
// 10 MB for everything, and a page that fills it must not be able to silence the reminders of every
// other ad account. The page's text is clipped to these bounds before it is sent (clipSnapshot), so an
// over-long value from a page loses its tail, never the whole snapshot.
import type { ContentMessage } from './messages.ts';
import type { PageSnapshot, Reason, SeenPage } from './schemas.ts';

/** A promotion's name, a code, a reason's evidence or fix: a line of text. */
export const MAX_NAME = 300;
/** A coupon code as typed; TikTok's are under 40 characters. */
export const MAX_CODE = 100;
/** The page's error message under the redeem dialog, or a warning: a paragraph. */
export const MAX_MESSAGE = 1_000;
/** An ad account id (TikTok's are 19 digits), a language tag, a time-zone name. */
export const MAX_ID = 100;
/** The page address kept with the latest snapshot. */
export const MAX_URL = 2_048;
/** Warnings one read may carry. */
export const MAX_WARNINGS = 50;
/** Reasons, and evidence lines per reason, one diagnosis keeps. */
export const MAX_REASONS = 20;
export const MAX_EVIDENCE = 10;
/** A line of evidence or a fix: our wording around a quoted page message or list of regions. */
export const MAX_LINE = 2_000;
/** Region codes one offer may name. */
export const MAX_REGIONS = 300;
/**
 * Promotion rows one snapshot may carry, and promotions one ad account may keep. TikTok lists an
 * account's promotions a page at a time; 2,000 is years of coupons. A page with more is clipped with a
 * warning, so a hostile list cannot take the whole storage area.
 */
export const MAX_ROWS = 2_000;
/**
 * Texts of one promotion row that may be its progress display. A row shows one; the first that reads as
 * "X / Y" is taken, so a row with more candidates than this loses only its spend, never gains a wrong one.
 */
export const MAX_PROGRESS_TEXTS = 8;
/**
 * Texts of the redeem dialog (and the page's alerts) that may be its refusal, sent for the worker to
 * recognise by wording. A dialog shows a few; one that shows more loses only a refusal past them.
 */
export const MAX_HEARD = 30;
/**
 * The most JSON one ad account's promotions may take in storage (a promotion with a full spend history
 * is about 6 KB): 2 MB leaves room for four accounts at their worst and every reminder's state. A
 * snapshot that would go past it updates the promotions already kept and adds none.
 */
export const ACCOUNT_BUDGET_BYTES = 2 * 1024 * 1024;
/** Days an offer can count: longer than any real spend window, activation or validity (ten years). */
export const MAX_DAYS = 3_660;
/** Money amounts, in major units: larger than any ad credit, small enough to add without losing cents. */
export const MAX_AMOUNT = 1e12;

/** storage.local's size in Chrome without the unlimitedStorage permission (Firefox allows more). */
export const STORAGE_QUOTA_BYTES = 10 * 1024 * 1024;
/** The options page warns from here on, while a full visit's snapshot still fits. */
export const STORAGE_WARN_RATIO = 0.8;

/**
 * About how many bytes storage.local counts for `items`: each key and the JSON of its value (Chrome's
 * QUOTA_BYTES reckoning; characters, so text outside ASCII counts a little under its UTF-8 size).
 */
export function storageBytes(items: Readonly<Record<string, unknown>>): number {
  let bytes = 0;
  for (const [key, value] of Object.entries(items))
    bytes += key.length + (JSON.stringify(value)?.length ?? 0);
  return bytes;
}

/** Whether the options page should say storage is nearly full. */
export const storageNearlyFull = (bytes: number, quota = STORAGE_QUOTA_BYTES): boolean =>
  bytes >= quota * STORAGE_WARN_RATIO;

/** `text` cut to `max` characters, with an ellipsis saying it was cut. Never splits a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

const clipOrNull = (text: string | null, max: number) => (text === null ? null : clip(text, max));

/**
 * A snapshot within the schemas' bounds: over-long texts clipped, rows past MAX_ROWS left out with a
 * warning saying how many. What the page said is otherwise unchanged. The account id is not clipped:
 * a cut id could name another account, so an over-long one fails validation and the snapshot is refused.
 */
export function clipSnapshot<S extends PageSnapshot | SeenPage>(snapshot: S): S {
  const rows = snapshot.promotions;
  const warnings = snapshot.warnings.slice(0, MAX_WARNINGS - 1).map((w) => clip(w, MAX_MESSAGE));
  if (rows.length > MAX_ROWS)
    warnings.push(`${rows.length} promotion rows on the page; the first ${MAX_ROWS} were kept`);
  return {
    ...snapshot,
    url: clipOrNull(snapshot.url, MAX_URL),
    lang: clipOrNull(snapshot.lang, MAX_ID),
    // A seen row's texts are within bounds as the reader takes them (promotions.ts).
    promotions: rows.slice(0, MAX_ROWS).map((p) => ({ ...p, name: clipOrNull(p.name, MAX_NAME) })),
    redeem:
      snapshot.redeem === null
        ? null
        : {
            ...snapshot.redeem,
            code: clipOrNull(snapshot.redeem.code, MAX_CODE),
            error: clipOrNull(snapshot.redeem.error, MAX_MESSAGE),
          },
    warnings,
  };
}

/** A diagnosis within the stored bounds: our wording quotes page text, which may be long. */
export function clipReasons(reasons: readonly Reason[]): Reason[] {
  return reasons.slice(0, MAX_REASONS).map((r) => ({
    ...r,
    evidence: r.evidence.slice(0, MAX_EVIDENCE).map((e) => clip(e, MAX_LINE)),
    fix: clip(r.fix, MAX_LINE),
  }));
}

/** What a content script sends, within the bounds the worker validates it against. */
export function clipMessage<M extends ContentMessage>(message: M): M {
  switch (message.type) {
    case 'snapshot':
      return { ...message, snapshot: clipSnapshot(message.snapshot) };
    case 'redeem-attempt':
      return {
        ...message,
        code: clip(message.code, MAX_CODE),
        error: clipOrNull(message.error, MAX_MESSAGE),
        lang: clipOrNull(message.lang, MAX_ID),
        snapshot: message.snapshot ? clipSnapshot(message.snapshot) : message.snapshot,
      };
    default:
      return message;
  }
}
