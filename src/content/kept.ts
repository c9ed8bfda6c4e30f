// What the worker's answer to a snapshot tells the page: what it shows of the account's kept promotions
// (core/kept-on-page.ts: statuses for the checklist, the list's notes), and until when that holds. The
// content script ships no validator (size budget): the worker is the only author of these views, so only
// the envelope and the fields the overlay uses are checked here; a view that lacks them is left out, not
// thrown on.
import type { KeptView } from '../core/kept-on-page.ts';
import type { SeenPage } from '../core/schemas.ts';
import { unpackRows } from '../core/wire.ts';

export interface Kept {
  accountId: string | null;
  promotions: KeptView[];
  /** The views hold until this instant (ms since the epoch, the page's clock): then they are asked again. */
  until: number;
  /** The worker's clock when it answered (ms since the epoch): the demo build's content script goes by it. */
  workerNow: number | null;
  /** The read is in doubt with the rows' values read (the worker reads them: their notes are its). */
  doubtful: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const numberOrNull = (v: unknown) => v === null || typeof v === 'number';
const stringOrNull = (v: unknown) => v === null || typeof v === 'string';

/** Enough of a view for the checklist and the list notes. */
function looksKept(v: unknown): v is KeptView {
  return (
    isObject(v) &&
    stringOrNull(v.name) &&
    stringOrNull(v.code) &&
    typeof v.termsNeeded === 'boolean' &&
    typeof v.status === 'string' &&
    typeof v.minimum === 'string' &&
    numberOrNull(v.fraction) &&
    numberOrNull(v.daysToSpendDeadline) &&
    stringOrNull(v.pace)
  );
}

/** What the answer to a snapshot of `accountId` says is kept; null when it does not say it. */
export function keptIn(answer: unknown, accountId: string | null): Kept | null {
  if (!isObject(answer) || typeof answer.until !== 'number' || !Number.isFinite(answer.until)) return null;
  // Packed in rows on the wire (core/wire.ts packAnswer).
  const kept = unpackRows(answer.kept);
  if (!Array.isArray(kept)) return null;
  const workerNow = typeof answer.now === 'number' && Number.isFinite(answer.now) ? answer.now : null;
  return {
    accountId,
    promotions: kept.filter(looksKept),
    until: answer.until,
    workerNow,
    doubtful: answer.doubtful === true,
  };
}

/** The redeem dialog as the worker read one the page sent (`seen`, as JSON): its refusal and success. */
export interface DialogRead {
  seen: string;
  error: string | null;
  succeeded: boolean;
}

/** What the answer to `sent` says of its redeem dialog; null when it says nothing usable. */
export function dialogIn(answer: unknown, sent: SeenPage): DialogRead | null {
  const read = isObject(answer) ? answer.redeem : null;
  if (!sent.redeem || !isObject(read) || !stringOrNull(read.error) || typeof read.succeeded !== 'boolean')
    return null;
  return { seen: JSON.stringify(sent.redeem), error: read.error as string | null, succeeded: read.succeeded };
}

/**
 * The page with its redeem dialog as the worker read it, while the page still shows the dialog it read:
 * a refusal shown in words only (no alert, no error state) is known to the worker alone. A refusal the
 * page marked is the page's own (the worker's copy of it may be clipped). Until the worker has read the
 * dialog, a success is not one yet: a text beside the success message may be a refusal in known words.
 */
export function withDialogRead(page: SeenPage, read: DialogRead | null): SeenPage {
  const dialog = page.redeem;
  if (!dialog || dialog.error !== null) return page;
  if (read && JSON.stringify(dialog) === read.seen)
    return { ...page, redeem: { ...dialog, error: read.error, succeeded: read.succeeded } };
  return dialog.succeeded && dialog.heard.length > 0
    ? { ...page, redeem: { ...dialog, succeeded: false } }
    : page;
}

/** The kept promotions' views, while they hold at `now`; null once they no longer do. */
export function keptAt(kept: Kept, now: Date): KeptView[] | null {
  return now.getTime() < kept.until ? kept.promotions : null;
}
