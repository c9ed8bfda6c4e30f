// The message protocol between the content script, the popup/options pages and the service worker.
//
// Public API (used by src/platform/messaging.ts and every UI):
//   Message            zod discriminated union (by `type`) of every message sent TO the worker
//   ContentMessage     the subset a content script may send (content→worker); the worker refuses the
//                      rest from a tab, so a compromised page context cannot clear or import data
//   PageMessage        the subset the popup and options pages send (popup→worker, options→worker)
//   Answers            per message type, the value of a successful answer (worker→popup/overlay)
//   Result<T>          { ok: true, value } | { ok: false, error: { code, message } } — never a thrown error
//   ErrorCode          the typed failure codes the UI can show a message for
//
// Direction is part of the name: a message's `type` says what it asks for; `ContentMessage`/`PageMessage`
// say who may send it. Shapes reuse the stored schemas so a message can never carry a record the store
// would refuse.
import * as z from 'zod/mini';
import { REPORT_CAPTURE, type CapturedElement } from './report/capture.ts';
import { ERROR_CODES } from './result.ts';
import type { KeptView } from './kept-on-page.ts';

export { fail, ok, type Failure, type Result } from './result.ts';
import {
  Backup,
  IsoDate,
  PageSnapshot,
  PromotionRecord,
  PromotionTerms,
  RedeemAttempt,
  RedeemDialog,
  SeenPage,
  Settings,
} from './schemas.ts';

/** Identifies one kept promotion: ids are unique only within an ad account. */
export const PromotionRef = z.object({
  accountId: PromotionRecord.shape.accountId,
  id: PromotionRecord.shape.id,
});
export type PromotionRef = z.infer<typeof PromotionRef>;

// ---------------------------------------------------------------- content→worker

/** The page's state, sent by the content script only when it changed. */
export const SnapshotMessage = z.object({ type: z.literal('snapshot'), snapshot: SeenPage });

/**
 * A code typed into the redeem dialog and the page's answer. It carries no reasons: the worker always
 * diagnoses itself, so a page cannot have its own wording ("re-enter your card at …") shown as ours.
 */
export const RedeemAttemptMessage = z.object({
  type: z.literal('redeem-attempt'),
  accountId: RedeemAttempt.shape.accountId,
  code: RedeemAttempt.shape.code,
  error: RedeemAttempt.shape.error,
  succeeded: z.boolean(),
  lang: RedeemAttempt.shape.lang,
  /** The page at the time: the worker diagnoses with it and reads the new promotion's terms from it. */
  snapshot: z.optional(z.nullable(SeenPage)),
});

/** Offer text the user pasted into the overlay's terms prompt after a successful redeem. */
export const TermsTextMessage = z.object({
  type: z.literal('terms-text'),
  accountId: PromotionRecord.shape.accountId,
  code: PromotionRecord.shape.code,
  text: z.string().check(z.maxLength(20_000)),
  lang: RedeemAttempt.shape.lang,
});

/** Whether the on-page panel is folded for an account; `collapsed` given sets it. */
export const PanelCollapsedMessage = z.object({
  type: z.literal('panel-collapsed'),
  accountId: PromotionRef.shape.accountId,
  collapsed: z.optional(z.boolean()),
});

/** "Read wrong?" on the page's panel: the worker opens the review page for the sender's tab. */
export const ReportOpenMessage = z.object({ type: z.literal('report-open') });

// ---------------------------------------------------------------- popup/options→worker

/** The advertiser's answer to a page's change held for confirmation: apply it, or keep what was kept. */
export const HeldAnswerMessage = z.object({
  type: z.literal('held-answer'),
  promotion: PromotionRef,
  apply: z.boolean(),
});

/**
 * A promotion as the add/edit form gives it: the one draft shape, used by the form (ui/promotion-form.ts),
 * this message and the merge that applies it (core/store/merge.ts applyDraft).
 */
export const PromotionDraft = z.object({
  code: PromotionRecord.shape.code,
  accountId: PromotionRecord.shape.accountId,
  receivedOn: z.nullable(IsoDate),
  name: PromotionRecord.shape.name,
  terms: PromotionTerms,
});
export type PromotionDraft = z.infer<typeof PromotionDraft>;

/** A promotion added or edited by hand. `existing` names the record being edited, null to add. */
export const PromotionSaveMessage = z.object({
  type: z.literal('promotion-save'),
  existing: z.nullable(PromotionRef),
  draft: PromotionDraft,
});

export const PromotionDeleteMessage = z.object({
  type: z.literal('promotion-delete'),
  promotion: PromotionRef,
});

/** Silence this promotion's reminders for one day. */
export const ReminderSnoozeMessage = z.object({
  type: z.literal('reminder-snooze'),
  promotion: PromotionRef,
});

/** Put a quarantined value back, as it was or as the user edited it; it is validated again. */
export const QuarantineRestoreMessage = z.object({
  type: z.literal('quarantine-restore'),
  id: z.string().check(z.minLength(1)),
  value: z.optional(z.unknown()),
});

export const QuarantineDeleteMessage = z.object({
  type: z.literal('quarantine-delete'),
  id: z.string().check(z.minLength(1)),
});

/** A backup the user accepted after seeing the import plan: records are added or replaced, never removed. */
export const DataImportMessage = z.object({ type: z.literal('data-import'), backup: Backup });

export const DataClearMessage = z.object({ type: z.literal('data-clear') });

export const SettingsSaveMessage = z.object({ type: z.literal('settings-save'), settings: Settings });

// ---------------------------------------------------------------- the union

export const ContentMessage = z.discriminatedUnion('type', [
  SnapshotMessage,
  RedeemAttemptMessage,
  TermsTextMessage,
  ReportOpenMessage,
  PanelCollapsedMessage,
]);
export type ContentMessage = z.infer<typeof ContentMessage>;

export const PageMessage = z.discriminatedUnion('type', [
  PromotionSaveMessage,
  PromotionDeleteMessage,
  ReminderSnoozeMessage,
  QuarantineRestoreMessage,
  QuarantineDeleteMessage,
  DataImportMessage,
  DataClearMessage,
  SettingsSaveMessage,
  HeldAnswerMessage,
]);
export type PageMessage = z.infer<typeof PageMessage>;

export const Message = z.discriminatedUnion('type', [
  ...ContentMessage.def.options,
  ...PageMessage.def.options,
]);
export type Message = z.infer<typeof Message>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** Types only a content script sends; every other type is accepted only from extension pages. */
export const CONTENT_TYPES: ReadonlySet<MessageType> = new Set(
  ContentMessage.def.options.flatMap((o) => o.shape.type.def.values),
);

// ---------------------------------------------------------------- answers (worker→sender)

export interface Answers {
  /**
   * Keys of the promotions the snapshot added or changed; how many changes wait for the advertiser's
   * confirmation, and how many new promotions the account's bounds left out; what the page shows of the
   * snapshot's account's kept promotions after the merge, and until when it holds (core/kept-on-page.ts).
   */
  snapshot: {
    changed: PromotionRef[];
    held: number;
    refused: number;
    kept: KeptView[];
    until: number;
    /**
     * The read is in doubt once the rows' values are read too (core/report/doubt.ts): their notes are the
     * worker's, so the page learns of them here.
     */
    doubtful: boolean;
    /** The redeem dialog as the worker read it: a refusal the page showed in words only is known here. */
    redeem: RedeemDialog | null;
    /** The worker's clock (ms since the epoch): the demo build's content script goes by it (platform/clock.ts). */
    now: number;
  };
  'redeem-attempt': { attempt: RedeemAttempt; promotion: PromotionRecord | null };
  'terms-text': { promotion: PromotionRecord | null };
  'report-open': null;
  'panel-collapsed': boolean;
  'held-answer': null;
  'promotion-save': { promotion: PromotionRecord };
  'promotion-delete': null;
  /** The instant reminders for the promotion resume. */
  'reminder-snooze': { until: string };
  'quarantine-restore': null;
  'quarantine-delete': null;
  'data-import': { promotions: number; attempts: number };
  'data-clear': null;
  'settings-save': null;
}

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Validates an answer crossing contexts: anything else becomes a typed failure, never a throw. */
export const ResultShape = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: ErrorCode, message: z.string() }) }),
]);

// ---------------------------------------------------------------- review page→content script

/**
 * The review page asks the content script of one tab for its page's structure (never the worker: the
 * page's unredacted text goes from the tab to the review page only, and is redacted there). The content
 * script answers only a page of this extension; its answer is validated here, on receipt.
 */
export { REPORT_CAPTURE };

const CapturedElementShape: z.ZodMiniType<CapturedElement> = z.object({
  tag: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
  attrs: z.array(z.tuple([z.string(), z.string()])),
  hides: z.boolean(),
  get children() {
    return z.array(z.union([z.object({ text: z.string() }), CapturedElementShape]));
  },
});

export const PageCapture = z.object({
  capture: z.object({
    root: CapturedElementShape,
  }),
  /** What the extension read from the page, as the content script saw it. */
  snapshot: SeenPage,
  url: z.string(),
});
export type PageCapture = z.infer<typeof PageCapture>;

/** A capture as the review page shows it: the page's rows with their values read (finishSnapshot). */
export type CapturedPage = Omit<PageCapture, 'snapshot'> & { snapshot: PageSnapshot };
