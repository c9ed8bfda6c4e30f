// A code typed into the redeem dialog and the page's answer: kept with the worker's own diagnosis (a
// page's words are never shown as ours), and a success makes or updates the promotion it redeemed.
import { diagnose } from '../../core/diagnosis/index.ts';
import { clipReasons } from '../../core/limits.ts';
import { ok } from '../../core/messages.ts';
import type { PromotionRecord, RedeemAttempt } from '../../core/schemas.ts';
import { successBacked, MAX_UNBACKED_PER_VISIT } from '../../core/store/guard.ts';
import { KEY, MAX_ATTEMPTS, promoKey } from '../../core/store/layout.ts';
import { recordRedeemSuccess } from '../../core/store/merge.ts';
import { changes, finished, handler, type Effect } from './types.ts';

export const redeemAttempt = handler<'redeem-attempt'>()({
  reads: ['promotions', 'attempts'],
  plan(state, message, ctx) {
    const snapshot = message.snapshot ? finished(message.snapshot) : null;
    const reasons = message.succeeded
      ? []
      : clipReasons(
          diagnose(
            {
              code: message.code,
              error: message.error,
              lang: message.lang,
              snapshot,
              now: ctx.at,
            },
            ctx.t,
            { redeemedCodes: state.attempts.filter((a) => a.succeeded).map((a) => a.code) },
          ).reasons,
        );
    const attempt: RedeemAttempt = {
      id: `${ctx.now}-${ctx.newId()}`,
      accountId: message.accountId,
      code: message.code,
      error: message.error,
      succeeded: message.succeeded,
      lang: message.lang,
      at: ctx.at,
      reasons,
    };
    const set: Record<string, unknown> = {
      [KEY.attempts]: [...state.attempts, attempt].slice(-MAX_ATTEMPTS),
    };
    const effects: Effect[] = [{ kind: 'remind' }];
    let promotion: PromotionRecord | null = null;
    if (message.succeeded) {
      // A success the page's list does not back (rows redeemed today) may mint only a few promotions per
      // page visit: a hostile page could otherwise fill storage with them. Extension pages are trusted.
      const rows = snapshot?.promotions.filter((p) => p.redeemedOn === ctx.today).length ?? 0;
      const backed =
        ctx.from.kind === 'page' || successBacked(state.promotions, message.accountId, message.code, rows);
      if (!backed) effects.push({ kind: 'count-unbacked', visit: ctx.visit });
      if (backed || ctx.unbackedOnVisit < MAX_UNBACKED_PER_VISIT) {
        promotion = recordRedeemSuccess(
          state.promotions,
          { accountId: message.accountId, code: message.code, snapshot },
          ctx.at,
          ctx.today,
        );
        set[promoKey(promotion.accountId, promotion.id)] = promotion;
      }
    }
    return ok({ changes: changes(set), value: { attempt, promotion }, effects });
  },
});
