// The five redemption steps (sign in, open Payment, enter the code, meet the minimum spend, see the credit),
// ticked from what the billing page shows and from what the extension already keeps for the account.
// The popup and the on-page panel render the same result, so they can never disagree.
import type { Lifecycle, PagePromotion, PageSnapshot, PromotionRecord } from './schemas.ts';

/**
 * What the checklist reads of a page: a snapshot, or the page as the content script saw it (its rows'
 * values not read yet: the checklist needs only their statuses).
 */
export type PageShows = Pick<PageSnapshot, 'view' | 'accountId' | 'balance' | 'redeem'> & {
  promotions: ReadonlyArray<Pick<PagePromotion, 'status'>>;
};
import { isFree } from './urgency.ts';

export type StepId = 'sign-in' | 'open-billing' | 'enter-code' | 'meet-minimum' | 'check-balance';
/** 'missed': the minimum was not met by the deadline; the list ends there, with what to do instead. */
export type StepState = 'done' | 'current' | 'todo' | 'missed';

/** The element the page panel outlines for the current step (found by the reader's `readPageAndTargets`). */
export type Target =
  'promotionsLink' | 'redeemButton' | 'codeInput' | 'activateButton' | 'earningTab' | 'availableTab';

export interface Step {
  id: StepId;
  state: StepState;
  /** messages.json key of the step's title. */
  titleKey: string;
  /** messages.json key of what to do now; set on the current step only. */
  instructionKey: string | null;
  /** messages.json keys of the pitfalls the step is known for. */
  pitfallKeys: readonly string[];
}

export interface Checklist {
  steps: Step[];
  current: StepId | null;
  target: Target | null;
}

const STEP_IDS: readonly StepId[] = [
  'sign-in',
  'open-billing',
  'enter-code',
  'meet-minimum',
  'check-balance',
];

const TITLE: Record<StepId, string> = {
  'sign-in': 'steps_signIn',
  'open-billing': 'steps_openBilling',
  'enter-code': 'steps_enterCode',
  'meet-minimum': 'steps_meetMinimum',
  'check-balance': 'steps_checkBalance',
};

// The seed article's pitfalls, attached to the step where they bite.
export const PITFALLS: Readonly<Record<StepId, readonly string[]>> = {
  'sign-in': [],
  'open-billing': [],
  'enter-code': ['steps_pitfallTypos', 'steps_pitfallExpiry', 'steps_pitfallEligibility'],
  'meet-minimum': ['steps_pitfallMinimum', 'steps_pitfallCampaignActive'],
  'check-balance': ['steps_pitfallProcessing'],
};

interface Progress {
  state: Record<StepId, boolean>;
  instruction: string | null;
  target: Target | null;
  /** The minimum spend step ended short of the minimum: no step is "do this now" any more. */
  missed?: boolean;
}

/** A kept promotion's status as of now (its dates may have moved it on since it was stored). */
export type StatusOf = (record: PromotionRecord) => Lifecycle;

/**
 * Whether a kept promotion waits on a minimum spend: 'yes' (a minimum above zero, or conditional credit),
 * 'no' (free credit), 'maybe' (terms not known: only credit already on the page rules a minimum out).
 */
export type Minimum = 'yes' | 'maybe' | 'no';

export function minimumOf(record: PromotionRecord): Minimum {
  if (isFree(record)) return 'no';
  return (record.terms.minSpend ?? 0) > 0 || record.type === 'conditional' ? 'yes' : 'maybe';
}

/** A kept promotion as the checklist weighs it: its status as of now and whether it waits on a minimum. */
export interface KeptStep {
  status: Lifecycle;
  minimum: Minimum;
}

/** What the redeem step still needs, read from the dialog when it is in the page. */
function redeemStep(snapshot: PageShows): { instruction: string; target: Target | null } {
  const dialog = snapshot.redeem;
  if (!dialog?.open) {
    return { instruction: 'steps_doOpenRedeem', target: 'redeemButton' };
  }
  if (dialog.error) return { instruction: 'steps_doFixCode', target: 'codeInput' };
  if (!dialog.code) return { instruction: 'steps_doTypeCode', target: 'codeInput' };
  return { instruction: 'steps_doActivate', target: 'activateButton' };
}

function evaluate<T>(
  snapshot: PageShows | null,
  kept: readonly T[],
  stepOf: (item: T) => KeptStep,
): Progress {
  const onAdsManager = snapshot !== null;
  const onBilling = snapshot !== null && snapshot.view !== 'other';
  const rows = snapshot?.promotions ?? [];
  // A kept promotion's status is worked out only when the page's own rows leave the question open, once
  // each: on a long promotions list the rows answer it, and the thousands kept are never dated.
  const steps = new Map<T, KeptStep>();
  const stepOfKept = (item: T) => {
    let step = steps.get(item);
    if (step === undefined) steps.set(item, (step = stepOf(item)));
    return step;
  };
  const anyKept = (test: (step: KeptStep) => boolean) => kept.some((item) => test(stepOfKept(item)));
  const redeemed =
    snapshot?.redeem?.succeeded === true ||
    rows.some((r) => r.status !== 'invalid') ||
    anyKept(({ status }) => status !== 'received' && status !== 'rejected');

  const creditOnPage = (snapshot?.balance?.credit ?? 0) > 0 || rows.some((r) => r.status === 'available');
  const creditSeen = () =>
    creditOnPage || anyKept(({ status }) => status === 'available' || status === 'used');

  // The minimum is the open question only while some conditional promotion is still earning. Free credit
  // has no minimum; a code whose terms are unknown may have one, unless the page already shows credit.
  const earningOnPage = rows.some((r) => r.status === 'earning');
  const earningKept = () =>
    anyKept(
      ({ status, minimum }) =>
        (status === 'activated' || status === 'earning') &&
        (minimum === 'yes' || (minimum === 'maybe' && !creditOnPage)),
    );
  const minimumOpen = earningOnPage || (rows.length === 0 && earningKept());
  const credit = !minimumOpen && creditSeen();
  const missed = !minimumOpen && !credit && anyKept(({ status }) => status === 'missed');

  const state: Record<StepId, boolean> = {
    'sign-in': onAdsManager && (snapshot?.accountId != null || onBilling),
    'open-billing': onBilling,
    'enter-code': redeemed,
    'meet-minimum': redeemed && !minimumOpen && !missed,
    'check-balance': redeemed && !minimumOpen && credit,
  };

  if (!state['sign-in']) return { state, instruction: 'steps_doSignIn', target: null };
  if (!state['open-billing']) return { state, instruction: 'steps_doOpenBilling', target: null };
  const dialog = snapshot?.redeem;
  if (!state['enter-code'] || (dialog?.open && !dialog.succeeded)) {
    // An open dialog means the advertiser is redeeming (another) code now: guide that first.
    state['enter-code'] = false;
    return { state, ...redeemStep(snapshot!) };
  }
  if (missed) return { state, instruction: 'steps_doAskSupport', target: null, missed };
  if (!state['meet-minimum']) {
    return snapshot?.view === 'promotions'
      ? { state, instruction: 'steps_doSpend', target: earningOnPage ? null : 'earningTab' }
      : { state, instruction: 'steps_doOpenPromotions', target: 'promotionsLink' };
  }
  if (!state['check-balance']) {
    return snapshot?.view === 'promotions'
      ? { state, instruction: 'steps_doWaitCredit', target: 'availableTab' }
      : { state, instruction: 'steps_doWaitCredit', target: 'promotionsLink' };
  }
  return { state, instruction: null, target: null };
}

/**
 * The checklist for an Ads Manager page (snapshot null: not on Ads Manager) and the promotions kept for
 * the page's ad account, each with its status as of now (`statusOf`; the stored one by default).
 */
export function checklist(
  snapshot: PageShows | null,
  kept: readonly PromotionRecord[] = [],
  statusOf: StatusOf = (record) => record.status,
): Checklist {
  return listOf(
    evaluate(snapshot, kept, (record) => ({ status: statusOf(record), minimum: minimumOf(record) })),
  );
}

/** The checklist for a page and its account's kept promotions as the worker weighed them (core/kept-on-page.ts). */
export function checklistOf(snapshot: PageShows | null, kept: readonly KeptStep[]): Checklist {
  return listOf(evaluate(snapshot, kept, (step) => step));
}

function listOf({ state, instruction, target, missed }: Progress): Checklist {
  const stop = STEP_IDS.find((id) => !state[id]) ?? null;
  // A missed minimum ends the list at that step: it is nothing to "do now", and nothing after it follows.
  const current = missed ? null : stop;
  const stateOf = (id: StepId): StepState => {
    if (id === stop) return missed ? 'missed' : 'current';
    return stop && STEP_IDS.indexOf(id) > STEP_IDS.indexOf(stop) ? 'todo' : 'done';
  };
  return {
    current,
    target: current ? target : null,
    steps: STEP_IDS.map((id) => ({
      id,
      // A checklist reads top to bottom: nothing after the current step shows as done.
      state: stateOf(id),
      titleKey: TITLE[id],
      instructionKey: id === stop ? instruction : null,
      pitfallKeys: PITFALLS[id],
    })),
  };
}
