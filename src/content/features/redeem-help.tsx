// At the moment of redemption. A refused code: the attempt goes to the worker (once per code and error),
// which keeps it and answers with the core diagnosis; the likeliest reasons, with what points to them and
// the fix, appear beside the dialog. The diagnosis runs in the worker so its rules and wording stay out of
// the content script. An accepted code: "Promotion saved", and when the page showed no terms, a box to
// paste them from the offer e-mail (sent to the worker, which parses and keeps them).
import { render } from 'preact';
import { checklist } from '../../core/checklist.ts';
import type { PromotionRecord, Reason } from '../../core/schemas.ts';
import { follow } from '../follow.ts';
import { besideDialog, dockSide, MARGIN, visibleBox } from '../geometry.ts';
import type { Feature, PageState, Translate } from '../types.ts';

const CARD_WIDTH = 320;
const SHOWN_REASONS = 3;

/** What the seed article lists for a code that does not work, shown until (or if never) the worker answers. */
const GENERAL_CAUSES = checklist(null).steps.find((s) => s.id === 'enter-code')!.pitfallKeys;

export function ReasonsView({ t, reasons }: { t: Translate; reasons: readonly Reason[] | null }) {
  return (
    <section data-part="card" role="status" aria-label={t('overlay_title')}>
      <h2>{t('overlay_redeemFailed')}</h2>
      <ol>
        {reasons
          ? reasons.slice(0, SHOWN_REASONS).map((reason) => (
              <li key={reason.id}>
                <ul>
                  {reason.evidence.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                <p>
                  <strong>{t('overlay_fix')}</strong> {reason.fix}
                </p>
              </li>
            ))
          : GENERAL_CAUSES.map((key) => <li key={key}>{t(key)}</li>)}
      </ol>
    </section>
  );
}

export type TermsStatus = 'editing' | 'sending' | 'saved' | 'failed';

interface SavedProps {
  t: Translate;
  askTerms: boolean;
  text: string;
  status: TermsStatus;
  onText(text: string): void;
  onSubmit(): void;
}

export function SavedView({ t, askTerms, text, status, onText, onSubmit }: SavedProps) {
  const editing = askTerms && status !== 'saved';
  return (
    <section data-part="card" role="status" aria-label={t('overlay_title')}>
      <h2>{t('overlay_saved')}</h2>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          <label>
            {t('overlay_termsPrompt')}
            <textarea rows={4} value={text} onInput={(e) => onText(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={status === 'sending'}>
            {t('overlay_termsSave')}
          </button>
          {status === 'failed' ? <p role="alert">{t('overlay_termsFailed')}</p> : null}
        </form>
      ) : null}
      {status === 'saved' ? <p>{t('overlay_termsSaved')}</p> : null}
    </section>
  );
}

/** Does the kept promotion for this code still lack its terms (or is it not kept yet)? */
function termsNeeded(kept: readonly PromotionRecord[], code: string): boolean {
  const record = kept.find((p) => p.code !== null && p.code.trim() === code.trim());
  return record ? record.termsNeeded : true;
}

export const redeemHelp: Feature = {
  name: 'redeem-help',
  init(signal, { win, deps, layer, state }) {
    const root = layer.mount();
    // Reasons per attempt (code and error); null while the worker has not answered.
    const attempts = new Map<string, readonly Reason[] | null>();
    // The terms being pasted for the code just accepted.
    let terms = { code: '', text: '', status: 'editing' as TermsStatus };

    const report = (s: PageState, code: string, error: string | null): string => {
      const key = JSON.stringify([code, error]);
      if (attempts.has(key)) return key;
      attempts.set(key, null);
      void deps
        .send({
          type: 'redeem-attempt',
          accountId: s.snapshot.accountId,
          code,
          error,
          succeeded: error === null,
          lang: s.snapshot.lang,
          // The worker diagnoses with the page, and reads the new promotion's terms from it.
          snapshot: s.snapshot,
        })
        .then((answer) => {
          if (!answer.ok || signal.aborted) return;
          attempts.set(key, answer.value.attempt.reasons);
          draw();
        });
      return key;
    };

    const submitTerms = (s: PageState) => {
      const { code, text } = terms;
      if (!text.trim() || terms.status === 'sending') return;
      terms = { ...terms, status: 'sending' };
      draw();
      void deps
        .send({ type: 'terms-text', accountId: s.snapshot.accountId, code, text, lang: s.snapshot.lang })
        .then(({ ok }) => {
          if (terms.code !== code) return;
          terms = { ...terms, status: ok ? 'saved' : 'failed' };
          draw();
        });
    };

    const draw = () => {
      const s = state.get();
      const redeem = s?.snapshot.redeem;
      const code = redeem?.code ?? null;
      if (signal.aborted || !s || !redeem?.open || code === null || (!redeem.error && !redeem.succeeded)) {
        render(null, root);
        follower.observe([]);
        return;
      }
      const key = report(s, code, redeem.error);
      if (redeem.error) {
        render(<ReasonsView t={deps.t} reasons={attempts.get(key) ?? null} />, root);
      } else {
        if (terms.code !== code) terms = { code, text: '', status: 'editing' };
        render(
          <SavedView
            t={deps.t}
            askTerms={termsNeeded(s.kept, code)}
            text={terms.text}
            status={terms.status}
            onText={(text) => {
              terms = { ...terms, text };
            }}
            onSubmit={() => submitTerms(s)}
          />,
          root,
        );
      }
      follower.observe(s.targets.dialog ? [s.targets.dialog] : []);
      follower.request();
    };

    const follower = follow(win, deps.schedule, signal, () => {
      const s = state.get();
      const card = root.firstElementChild as HTMLElement | null;
      if (!card || !s) return;
      const dialog = visibleBox(s.targets.dialog);
      const viewport = { width: win.innerWidth, height: win.innerHeight };
      // Without a measurable dialog (still animating in) the card waits in the corner.
      const at = dialog
        ? besideDialog(dialog, viewport, CARD_WIDTH, dockSide(dialog, viewport))
        : { left: MARGIN, top: MARGIN };
      card.style.left = `${at.left}px`;
      // Only here is the card's height known: beside or below a dialog low on the page its bottom would
      // leave the viewport (its max-height keeps it shorter than the viewport, so it always fits).
      card.style.top = `${Math.max(MARGIN, Math.min(at.top, viewport.height - card.offsetHeight - MARGIN))}px`;
    });

    state.subscribe(draw, signal);
    signal.addEventListener('abort', () => {
      render(null, root);
      root.remove();
    });
  },
};
