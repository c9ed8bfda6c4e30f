// Pure intake: what a page snapshot, a redeem attempt, a hand-entered promotion or pasted offer text does to
// the kept records. The worker calls these inside its write queue with the account's kept records; each
// returns only the records that changed, so it writes only their keys.
import type { IsoDate } from '../dates.ts';
import type { PromotionDraft } from '../messages.ts';
import {
  EMPTY_TERMS,
  blankPromotion,
  type Lifecycle,
  type PagePromotion,
  type PageSnapshot,
  type PageStatus,
  type PromotionRecord,
  type PromotionTerms,
} from '../schemas.ts';
import { normalizeCode, normalizeName, promotionId } from './ids.ts';
import { observe } from './observations.ts';

/**
 * Where a status sits on the way to credit; the end states share the last place. It keeps our own
 * inferences from going backwards, and a page's change that goes backwards is held for the advertiser.
 */
export const RANK: Record<Lifecycle, number> = {
  received: 0,
  activated: 1,
  earning: 2,
  processing: 3,
  available: 4,
  used: 5,
  expired: 5,
  rejected: 5,
  missed: 5,
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The day the row started: the redeem date, else the validity start. */
const rowDate = (p: PagePromotion): IsoDate | null => p.redeemedOn ?? p.validFrom;

/** The lifecycle a page tag states. Expired before the minimum was met is a missed promotion. */
function statusFromPage(
  status: PageStatus,
  record: Pick<PromotionRecord, 'metOn' | 'creditIssuedOn' | 'terms'>,
): Lifecycle | null {
  switch (status) {
    case 'earning':
    case 'processing':
    case 'available':
    case 'used':
      return status;
    case 'expired':
      return record.creditIssuedOn === null && record.metOn === null && (record.terms.minSpend ?? 0) > 0
        ? 'missed'
        : 'expired';
    case 'invalid':
      return 'expired';
    case 'unknown':
      return null;
  }
}

/**
 * Kept records a page row may still be, by id and by start date: a long list is matched row by row
 * against thousands of records, and scanning them all for each row made a snapshot cost rows × records.
 * A record matched to a row is taken out of `byId`; `byDate` keeps it, and is checked against `byId`.
 */
interface Unmatched {
  byId: Map<string, PromotionRecord>;
  byDate: Map<IsoDate, PromotionRecord[]>;
}

function unmatched(records: readonly PromotionRecord[]): Unmatched {
  const byDate = new Map<IsoDate, PromotionRecord[]>();
  for (const r of records)
    for (const date of new Set([r.activatedOn, r.validFrom])) {
      if (date === null) continue;
      const same = byDate.get(date);
      if (same) same.push(r);
      else byDate.set(date, [r]);
    }
  return { byId: new Map(records.map((r) => [r.id, r])), byDate };
}

/**
 * The kept record a page row is: same id (name and date), else the one record of the account with the same
 * start date and a compatible amount and type — the same promotion read in another language, or the record
 * a redeem created before the page listed it.
 */
function findKept(kept: Unmatched, p: PagePromotion): PromotionRecord | undefined {
  const date = rowDate(p);
  const byId = kept.byId.get(promotionId({ code: null, name: p.name, date }));
  if (byId !== undefined || date === null) return byId;
  const candidates = (kept.byDate.get(date) ?? []).filter(
    (r) =>
      kept.byId.get(r.id) === r &&
      (r.terms.amount === null || p.amount === null || r.terms.amount === p.amount) &&
      (r.type === 'unknown' || p.type === 'unknown' || r.type === p.type),
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** A record the page showed first (or a redeem made); applyRow fills it from the page. */
function newRecord(
  id: string,
  where: Pick<PageSnapshot, 'accountId' | 'accountName' | 'currency'>,
  at: string,
): PromotionRecord {
  return blankPromotion({
    id,
    accountId: where.accountId,
    ...named(where.accountName),
    status: 'activated',
    terms: { ...EMPTY_TERMS, currency: where.currency },
    termsNeeded: true,
    source: 'page',
    createdAt: at,
  });
}

/** One page row applied to its record: the page's values win where it shows them; absent ones keep ours. */
function applyRow(
  record: PromotionRecord,
  p: PagePromotion,
  snapshot: PageSnapshot,
  at: string,
  today: IsoDate,
): PromotionRecord {
  const terms: PromotionTerms = {
    ...record.terms,
    amount: p.amount ?? record.terms.amount,
    minSpend: p.minSpend ?? record.terms.minSpend,
    currency: record.terms.currency ?? snapshot.currency,
  };
  const next: PromotionRecord = {
    ...record,
    name: record.name ?? p.name,
    type: p.type === 'unknown' ? record.type : p.type,
    pageStatus: p.status === 'unknown' ? record.pageStatus : p.status,
    terms,
    termsNeeded: record.termsNeeded && terms.amount === null,
    activatedOn: record.activatedOn ?? p.redeemedOn,
    validFrom: p.validFrom ?? record.validFrom,
    validUntil: p.validUntil ?? record.validUntil,
    assigned: p.assigned ?? record.assigned,
    unused: p.unused ?? record.unused,
    observations: p.spent === null ? record.observations : observe(record.observations, at, p.spent),
  };
  // What the page's tag says is the status, even backwards from an end state (the page says so);
  // our own inferences below only ever move forward.
  next.status = statusFromPage(p.status, next) ?? next.status;
  const spent = p.spent ?? next.observations[next.observations.length - 1]?.spent ?? null;
  const minSpend = next.terms.minSpend;
  const met =
    next.status === 'processing' ||
    (minSpend !== null && minSpend > 0 && spent !== null && spent >= minSpend);
  if (met) {
    next.metOn ??= today;
    if (RANK[next.status] < RANK.processing) next.status = 'processing';
  }
  if (next.status === 'available') next.creditIssuedOn ??= today;
  return advanceFromReceived(next);
}

/** The account name a page showed, as a record's field: nothing when it showed none (the kept one stays). */
function named(accountName: string | null | undefined): Pick<PromotionRecord, 'accountName'> {
  return accountName ? { accountName } : {};
}

function advanceFromReceived(record: PromotionRecord): PromotionRecord {
  return record.status === 'received' && record.activatedOn !== null
    ? { ...record, status: 'activated' }
    : record;
}

function touched(
  before: PromotionRecord | undefined,
  after: PromotionRecord,
  at: string,
): PromotionRecord | null {
  if (before !== undefined && same({ ...before, updatedAt: '' }, { ...after, updatedAt: '' })) return null;
  return { ...after, updatedAt: at };
}

/** What a snapshot does to the kept records: the records new or changed, and those it folds away. */
export interface Merged {
  changed: PromotionRecord[];
  /** Records a redeem made that turned out to be rows the page lists: their row's record is the promotion. */
  removed: PromotionRecord[];
}

/**
 * Merges a snapshot into the kept records of its account.
 * Rows that land on the same record (the same promotion listed twice) are applied in turn. A row that
 * several kept records could be is set aside until the other rows have taken theirs: two codes redeemed
 * the same day, one with pasted terms, are told apart by elimination.
 */
export function mergeSnapshot(
  kept: readonly PromotionRecord[],
  snapshot: PageSnapshot,
  at: string,
  today: IsoDate,
): Merged {
  const working = new Map(kept.filter((r) => r.accountId === snapshot.accountId).map((r) => [r.id, r]));
  const original = new Map(working);
  // A record is one row of a snapshot at most: two different promotions redeemed the same day with the
  // same amount must not fold into one just because the second one's name is new.
  const free = unmatched([...working.values()]);
  const taken = new Map<string, string>();
  const apply = (row: PagePromotion, record: PromotionRecord) => {
    free.byId.delete(record.id);
    taken.set(promotionId({ code: null, name: row.name, date: rowDate(row) }), record.id);
    working.set(record.id, applyRow(record, row, snapshot, at, today));
  };
  let waiting: PagePromotion[] = [];
  for (const row of snapshot.promotions) {
    const again = taken.get(promotionId({ code: null, name: row.name, date: rowDate(row) }));
    const record = again === undefined ? findKept(free, row) : working.get(again);
    if (record === undefined) waiting.push(row);
    else apply(row, record);
  }
  for (let progress = true; progress && waiting.length > 0;) {
    progress = false;
    waiting = waiting.filter((row) => {
      const record = findKept(free, row);
      if (record === undefined) return true;
      apply(row, record);
      progress = true;
      return false;
    });
  }
  for (const row of waiting)
    apply(row, newRecord(promotionId({ code: null, name: row.name, date: rowDate(row) }), snapshot, at));
  // Any page of the account that shows its name names every promotion of it (the payment page too).
  if (snapshot.accountName)
    for (const r of working.values())
      if (r.accountName !== snapshot.accountName) working.set(r.id, { ...r, ...named(snapshot.accountName) });
  const removed = foldRedeemed(working, free, new Set(snapshot.promotions.flatMap((p) => rowDate(p) ?? [])));
  for (const r of removed) working.delete(r.id);
  // A record no row or name touched is still the kept object: only the others can have changed, and an
  // account of hundreds of promotions must not cost a comparison of each on every page change.
  return {
    changed: [...working.values()].flatMap((r) =>
      original.get(r.id) === r ? [] : (touched(original.get(r.id), r, at) ?? []),
    ),
    removed,
  };
}

/**
 * Codes redeemed on one day that the page cannot tell apart (no terms known, rows of that day all alike
 * to them) are the page's rows of that day once the page has listed at least as many rows of that day
 * (listed since the codes were redeemed) as there are such codes: each code is one of those rows, and a
 * card per code beside a card per row would count every promotion twice. Which code is which row is not known, so none of the rows is
 * given a code; until the page has listed enough rows, the codes stay their own cards.
 */
function foldRedeemed(
  working: ReadonlyMap<string, PromotionRecord>,
  free: Unmatched,
  dates: ReadonlySet<IsoDate>,
): PromotionRecord[] {
  return [...dates].flatMap((date) => {
    const ofDay = [...working.values()].filter((r) => r.activatedOn === date || r.validFrom === date);
    const orphans = ofDay.filter(
      (r) => free.byId.get(r.id) === r && r.code !== null && r.name === null && r.termsNeeded,
    );
    // A row record made after every such code was redeemed failed to match only because it could have
    // been any of them; an older one is another promotion of that day.
    const latest = orphans.reduce((max, r) => (r.createdAt > max ? r.createdAt : max), '');
    const rows = ofDay.filter((r) => r.code === null && r.source === 'page' && r.createdAt > latest);
    return orphans.length > 0 && rows.length >= orphans.length ? orphans : [];
  });
}

export interface RedeemSuccess {
  accountId: string | null;
  code: string;
  snapshot: PageSnapshot | null;
}

/**
 * A code the page accepted: its promotion is `activated` today. The terms come from the page's row for a
 * promotion redeemed today when there is exactly one no other code's record has taken, else the record
 * asks for them (termsNeeded).
 */
export function recordRedeemSuccess(
  kept: readonly PromotionRecord[],
  success: RedeemSuccess,
  at: string,
  today: IsoDate,
): PromotionRecord {
  const account = kept.filter((r) => r.accountId === success.accountId);
  const code = normalizeCode(success.code);
  // A row of today that another code's record already is (it took the row's name) is not this code's.
  const claimed = new Set(
    account.flatMap((r) =>
      r.code !== null && normalizeCode(r.code) !== code && r.name !== null && r.activatedOn === today
        ? [normalizeName(r.name)]
        : [],
    ),
  );
  const rows =
    success.snapshot?.promotions.filter(
      (p) => p.redeemedOn === today && (p.name === null || !claimed.has(normalizeName(p.name))),
    ) ?? [];
  const row = rows.length === 1 ? rows[0] : undefined;
  const existing =
    account.find((r) => r.code !== null && normalizeCode(r.code) === code) ??
    (row === undefined
      ? undefined
      : account.find((r) => r.code === null && findKept(unmatched([r]), row) !== undefined));
  const base =
    existing ??
    newRecord(
      promotionId({ code, name: null, date: null }),
      {
        accountId: success.accountId,
        accountName: success.snapshot?.accountName ?? null,
        currency: success.snapshot?.currency ?? null,
      },
      at,
    );
  let next: PromotionRecord = {
    ...base,
    ...named(success.snapshot?.accountName),
    code: base.code ?? code,
    activatedOn: base.activatedOn ?? today,
    status: RANK[base.status] < RANK.activated ? 'activated' : base.status,
  };
  if (row !== undefined && success.snapshot !== null) next = applyRow(next, row, success.snapshot, at, today);
  return touched(existing, next, at) ?? next;
}

/** A promotion entered or corrected by hand. An edit keeps the record's id, history and page readings. */
export function applyDraft(
  existing: PromotionRecord | null,
  draft: PromotionDraft,
  at: string,
): PromotionRecord {
  const fields = {
    code: draft.code,
    accountId: draft.accountId,
    receivedOn: draft.receivedOn,
    name: draft.name,
    terms: draft.terms,
    termsNeeded: false,
  };
  if (existing !== null) return touched(existing, { ...existing, ...fields }, at) ?? existing;
  return blankPromotion({
    ...fields,
    id: promotionId({ code: draft.code, name: draft.name, date: draft.receivedOn }),
    source: 'manual',
    createdAt: at,
  });
}

/**
 * The records a saved promotion makes redundant: a redeem's placeholder for the same code (no name, no
 * terms yet) is the promotion the user just gave that code to, so it must not stay a card of its own.
 */
export function supersededBy(kept: readonly PromotionRecord[], saved: PromotionRecord): PromotionRecord[] {
  if (saved.code === null) return [];
  const code = normalizeCode(saved.code);
  return kept.filter(
    (r) =>
      r.accountId === saved.accountId &&
      r.id !== saved.id &&
      r.code !== null &&
      normalizeCode(r.code) === code &&
      r.name === null &&
      r.termsNeeded,
  );
}

/** Terms read from pasted offer text: what they state fills in; what the page showed stays. */
export function applyTerms(record: PromotionRecord, parsed: PromotionTerms, at: string): PromotionRecord {
  const terms = { ...parsed };
  for (const key of Object.keys(terms) as Array<keyof PromotionTerms>) {
    if (terms[key] === null && record.terms[key] !== null)
      (terms as Record<string, unknown>)[key] = record.terms[key];
  }
  return touched(record, { ...record, terms, termsNeeded: false }, at) ?? record;
}

/** The promotion pasted terms belong to: the one with that code, else the account's newest asking for terms. */
export function recordForTerms(
  kept: readonly PromotionRecord[],
  accountId: string | null,
  code: string | null,
): PromotionRecord | null {
  const account = kept.filter((r) => r.accountId === accountId);
  if (code !== null) {
    const byCode = account.find((r) => r.code !== null && normalizeCode(r.code) === normalizeCode(code));
    if (byCode) return byCode;
  }
  const asking = account.filter((r) => r.termsNeeded).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return asking[0] ?? null;
}
