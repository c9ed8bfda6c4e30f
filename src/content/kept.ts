// What the worker's answer to a snapshot tells the page: the account's kept promotions and the time zone
// their days are counted in. The content script ships no validator (size budget): the worker is the only
// writer of these records and validated them when it wrote them, so only the envelope and the fields the
// overlay uses are checked here; a record that lacks them is left out, not thrown on.
import type { PromotionRecord } from '../core/schemas.ts';
import { unpackRows } from '../core/wire.ts';

export interface Kept {
  accountId: string | null;
  records: PromotionRecord[];
  /** The advertiser's time zone (their setting, else the system's), as the popup counts days in. */
  timeZone: string;
  /** The worker's clock when it answered (ms since the epoch): the demo build's content script goes by it. */
  workerNow: number | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Enough of a record for the checklist and the list notes. */
function looksKept(v: unknown): v is PromotionRecord {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.status === 'string' &&
    typeof v.termsNeeded === 'boolean' &&
    isObject(v.terms) &&
    Array.isArray(v.observations)
  );
}

/** The kept promotions of `accountId` in a snapshot's answer; null when the answer does not say them. */
export function keptIn(answer: unknown, accountId: string | null): Kept | null {
  if (!isObject(answer) || typeof answer.timeZone !== 'string' || answer.timeZone === '') return null;
  // Packed in rows on the wire (core/wire.ts packAnswer).
  const kept = unpackRows(answer.kept);
  if (!Array.isArray(kept)) return null;
  const records = kept.filter(looksKept).filter((r) => r.accountId === accountId);
  const workerNow = typeof answer.now === 'number' && Number.isFinite(answer.now) ? answer.now : null;
  return { accountId, records, timeZone: answer.timeZone, workerNow };
}
