// At the moment of redemption. A refused code: the attempt goes to the worker (once per code and error),
// which keeps it and answers with the core diagnosis; the likeliest reasons, with what points to them and
// the fix, appear beside the dialog. The diagnosis runs in the worker so its rules and wording stay out of
// the content script. An accepted code: "Promotion saved", and when the page showed no terms, a box to
// paste them from the offer e-mail (sent to the worker, which parses and keeps them).
import { withoutLinks } from '../../core/quote.ts';
import { PITFALLS } from '../../core/checklist.ts';
import type { KeptView } from '../../core/kept-on-page.ts';
import type { Reason } from '../../core/schemas.ts';
import { builder, keyed, setAttrs, setChildren, setText } from '../dom.ts';
import { follow } from '../follow.ts';
import { besideDialog, dockSide, MARGIN, visibleBox } from '../geometry.ts';
import type { Feature, PageState, Translate } from '../types.ts';

const CARD_WIDTH = 320;
const SHOWN_REASONS = 3;

/** What the seed article lists for a code that does not work, shown until (or if never) the worker answers. */
const GENERAL_CAUSES = PITFALLS['enter-code'];

interface Terms {
  code: string;
  text: string;
  status: 'editing' | 'sending' | 'saved' | 'failed';
}

/**
 * The card beside the dialog, made once: the same card turns from a refused code's reasons to an
 * accepted code's "saved", and the terms box in it keeps what is typed, and its focus, while the page
 * changes around it.
 */
function cardView(doc: Document, t: Translate, onText: (text: string) => void, onSubmit: () => void) {
  const el = builder(doc);
  const heading = el('h2');
  const causes = el('ol');
  const textarea = el('textarea', { rows: '4', oninput: () => onText(textarea.value) });
  const prompt = el('label', {}, t('overlay_termsPrompt'), textarea);
  const save = el('button', { type: 'submit' }, t('overlay_termsSave'));
  const failed = el('p', { role: 'alert' }, t('overlay_termsFailed'));
  const form = el(
    'form',
    {
      onsubmit: (e) => {
        e.preventDefault();
        onSubmit();
      },
    },
    prompt,
    save,
  );
  const savedNote = el('p', {}, t('overlay_termsSaved'));
  const card = el('section', { 'data-part': 'card', role: 'status', 'aria-label': t('overlay_title') });

  const reasonItems = keyed(
    (reason: Reason) => reason.id,
    () => {
      const evidence = el('ul');
      const lines = keyed(
        (line: string) => line,
        (line) => ({ node: el('li', {}, line) }),
      );
      const fix = doc.createTextNode('');
      return {
        node: el('li', {}, evidence, el('p', {}, el('strong', {}, t('overlay_fix')), ' ', fix)),
        update(reason) {
          // Page text quoted in our card: no address the page wrote is shown (core/quote.ts).
          setChildren(
            evidence,
            lines(reason.evidence.map((line) => withoutLinks(line, t('ui_linkRemoved')))),
          );
          setText(fix, withoutLinks(reason.fix, t('ui_linkRemoved')));
        },
      };
    },
  );
  const generalItems = keyed(
    (key: string) => key,
    (key) => ({ node: el('li', {}, t(key)) }),
  );

  return {
    card,
    /** A refused code: the worker's likeliest reasons, or the general causes until it answers. */
    refused(reasons: readonly Reason[] | null) {
      setText(heading, t('overlay_redeemFailed'));
      setChildren(
        causes,
        reasons ? reasonItems(reasons.slice(0, SHOWN_REASONS)) : generalItems(GENERAL_CAUSES),
      );
      setChildren(card, [heading, causes]);
    },
    /** An accepted code, with the box for its terms when they are still needed. */
    accepted(askTerms: boolean, { text, status }: Terms) {
      setText(heading, t('overlay_saved'));
      if (textarea.value !== text) textarea.value = text;
      setAttrs(save, { disabled: status === 'sending' });
      setChildren(form, [prompt, save, status === 'failed' && failed]);
      setChildren(card, [heading, askTerms && status !== 'saved' && form, status === 'saved' && savedNote]);
    },
  };
}

/** Does the kept promotion for this code still lack its terms (or is it not kept yet)? */
function termsNeeded(kept: readonly KeptView[], code: string): boolean {
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
    let terms: Terms = { code: '', text: '', status: 'editing' };

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

    const submitTerms = () => {
      const s = state.get();
      const { code, text } = terms;
      if (!s || !text.trim() || terms.status === 'sending') return;
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
    const view = cardView(
      win.document,
      deps.t,
      (text) => {
        terms = { ...terms, text };
      },
      submitTerms,
    );

    const draw = () => {
      const s = state.get();
      const redeem = s?.snapshot.redeem;
      const code = redeem?.code ?? null;
      if (signal.aborted || !s || !redeem?.open || code === null || (!redeem.error && !redeem.succeeded)) {
        setChildren(root, []);
        follower.observe([]);
        return;
      }
      const key = report(s, code, redeem.error);
      if (redeem.error) {
        view.refused(attempts.get(key) ?? null);
      } else {
        if (terms.code !== code) terms = { code, text: '', status: 'editing' };
        view.accepted(termsNeeded(s.kept?.promotions ?? [], code), terms);
      }
      setChildren(root, [view.card]);
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
    signal.addEventListener('abort', () => root.remove());
  },
};
