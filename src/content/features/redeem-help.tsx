// At the moment of redemption. A rejected code: the likeliest reasons, with what points to them and the
// fix, beside the dialog, and the attempt goes to the worker (once per code and error). An accepted
// code: "Promotion saved", and when the page showed no terms, a box to paste them from the offer e-mail.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { Diagnosis, PromotionRecord } from '../../core/schemas.ts';
import { follow } from '../follow.ts';
import { besideDialog, dockSide, visibleBox } from '../geometry.ts';
import type { Feature, PageState, Translate } from '../types.ts';

const CARD_WIDTH = 320;
const SHOWN_REASONS = 3;

export function ReasonsView({ t, reasons }: { t: Translate; reasons: Diagnosis['reasons'] }) {
  return (
    <section data-part="card" role="status" aria-label={t('overlay_title')}>
      <h2>{t('overlay_redeemFailed')}</h2>
      <ol>
        {reasons.slice(0, SHOWN_REASONS).map((reason) => (
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
        ))}
      </ol>
    </section>
  );
}

type TermsState = 'editing' | 'sending' | 'saved' | 'failed';

export function SavedView({
  t,
  askTerms,
  onTerms,
}: {
  t: Translate;
  askTerms: boolean;
  onTerms(text: string): Promise<boolean>;
}) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<TermsState>('editing');
  return (
    <section data-part="card" role="status" aria-label={t('overlay_title')}>
      <h2>{t('overlay_saved')}</h2>
      {askTerms && status !== 'saved' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim() || status === 'sending') return;
            setStatus('sending');
            void onTerms(text).then((ok) => setStatus(ok ? 'saved' : 'failed'));
          }}
        >
          <label>
            {t('overlay_termsPrompt')}
            <textarea rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={status === 'sending' || !text.trim()}>
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
function termsNeeded(kept: readonly PromotionRecord[], code: string | null): boolean {
  const record = kept.find((p) => p.code !== null && p.code.trim() === code?.trim());
  return record ? record.termsNeeded : true;
}

function attemptKey(code: string, error: string | null): string {
  return JSON.stringify([code, error]);
}

export const redeemHelp: Feature = {
  name: 'redeem-help',
  init(signal, { win, deps, layer, state }) {
    const root = layer.mount();
    const sent = new Set<string>();
    let diagnosed: { key: string; diagnosis: Diagnosis } | null = null;

    const diagnosisFor = (s: PageState, code: string, error: string): Diagnosis => {
      const key = attemptKey(code, error);
      if (diagnosed?.key !== key) {
        diagnosed = {
          key,
          diagnosis: deps.diagnose(
            {
              code,
              error,
              lang: s.snapshot.lang,
              snapshot: s.snapshot,
              now: deps.now().toISOString(),
            },
            // Codes this account redeemed before: the shape a new code should have, and repeats.
            { redeemedCodes: s.kept.flatMap((p) => (p.code === null ? [] : [p.code])) },
          ),
        };
      }
      return diagnosed.diagnosis;
    };

    const report = (s: PageState, code: string, error: string | null, reasons: Diagnosis['reasons']) => {
      const key = attemptKey(code, error);
      if (sent.has(key)) return;
      sent.add(key);
      void deps.send({
        type: 'redeem-attempt',
        accountId: s.snapshot.accountId,
        code,
        error,
        succeeded: error === null,
        lang: s.snapshot.lang,
        reasons,
      });
    };

    const place = () => {
      const s = state.get();
      const dialog = s?.snapshot.redeem?.open ? visibleBox(s.targets.dialog) : null;
      const card = root.firstElementChild;
      if (!(card instanceof win.HTMLElement)) return;
      const viewport = { width: win.innerWidth, height: win.innerHeight };
      // Without a measurable dialog (still animating in) the card waits in the corner.
      const at = dialog
        ? besideDialog(dialog, viewport, CARD_WIDTH, dockSide(dialog, viewport))
        : { left: 12, top: 12 };
      card.style.left = `${at.left}px`;
      card.style.top = `${at.top}px`;
    };
    const follower = follow(win, deps.schedule, signal, place);

    state.subscribe((s) => {
      const redeem = s?.snapshot.redeem;
      const code = redeem?.code ?? null;
      if (!s || !redeem?.open || code === null || (!redeem.error && !redeem.succeeded)) {
        render(null, root);
        follower.observe([]);
        return;
      }
      if (redeem.error) {
        const { reasons } = diagnosisFor(s, code, redeem.error);
        report(s, code, redeem.error, reasons);
        render(<ReasonsView t={deps.t} reasons={reasons} />, root);
      } else {
        report(s, code, null, []);
        render(
          <SavedView
            key={code}
            t={deps.t}
            askTerms={termsNeeded(s.kept, code)}
            onTerms={(text) =>
              deps.send({
                type: 'terms-text',
                accountId: s.snapshot.accountId,
                code,
                text,
                lang: s.snapshot.lang,
              })
            }
          />,
          root,
        );
      }
      follower.observe(s.targets.dialog ? [s.targets.dialog] : []);
      follower.request();
    }, signal);

    signal.addEventListener('abort', () => {
      render(null, root);
      root.remove();
    });
  },
};
