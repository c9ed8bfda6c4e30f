// The checklist panel docked to the page edge: the five redemption steps ticking themselves from the
// page, what to do now and what tends to go wrong. Folds to a small tab (remembered per ad account,
// Escape folds it too), moves to the other edge, or out of the way, when the redeem dialog needs it, and
// shows only its tab while both edges would cover the Redeem button or the promotions table.
import type { Checklist, Step, StepState } from '../../core/checklist.ts';
import { builder, keyed, setAttrs, setChildren, setText } from '../dom.ts';
import { coalesce } from '../schedule.ts';
import { placePanel, visibleBox, type Box } from '../geometry.ts';
import { readDoubtful } from '../../core/report/doubt.ts';
import type { Feature, PageState, Translate } from '../types.ts';

const STATE_KEY: Record<StepState, string> = {
  done: 'overlay_stepDone',
  current: 'overlay_stepCurrent',
  todo: 'overlay_stepTodo',
  missed: 'overlay_stepMissed',
};
const MARK: Record<StepState, string> = { done: '✓', current: '→', todo: '', missed: '✗' };

/**
 * The panel's elements, made once. The function returned brings them up to date with a checklist and
 * gives back the one to show: the open panel, or the tab it folds to.
 */
function panelView(
  doc: Document,
  t: Translate,
  onToggle: (collapsed: boolean) => void,
  onReport: () => void,
) {
  const el = builder(doc);
  const tab = el(
    'button',
    { type: 'button', 'data-part': 'tab', 'aria-expanded': 'false', onclick: () => onToggle(false) },
    t('overlay_title'),
  );
  const fold = el(
    'button',
    {
      type: 'button',
      'aria-expanded': 'true',
      'aria-label': t('overlay_collapse'),
      title: t('overlay_collapse'),
      onclick: () => onToggle(true),
    },
    '–',
  );
  const header = el('header', {}, el('h2', {}, t('overlay_title')), fold);
  const steps = el('ol');
  const now = el('p', { 'data-part': 'now' });
  const pitfallsTitle = el('h3', {}, t('overlay_pitfalls'));
  const pitfalls = el('ul');
  const allDone = el('p', { 'data-part': 'now' }, t('steps_allDone'));
  const readWrong = el(
    'button',
    { type: 'button', 'data-part': 'report', onclick: onReport },
    t('report_action'),
  );
  const section = el('section', {
    'data-part': 'panel',
    'aria-label': t('overlay_title'),
    onkeydown: (e) => {
      if ((e as KeyboardEvent).key === 'Escape') onToggle(true);
    },
  });

  const stepItems = keyed(
    (step: Step) => step.id,
    () => {
      const mark = el('span', { 'data-part': 'mark', 'aria-hidden': 'true' });
      const title = el('span');
      const sr = el('span', { 'data-part': 'sr' });
      const li = el('li', {}, mark, title, sr);
      return {
        node: li,
        update(step) {
          setAttrs(li, {
            'data-state': step.state,
            'aria-current': step.state === 'current' ? 'step' : null,
          });
          setText(mark, MARK[step.state]);
          setText(title, t(step.titleKey));
          setText(sr, ` (${t(STATE_KEY[step.state])})`);
        },
      };
    },
  );
  const pitfallItems = keyed(
    (key: string) => key,
    (key) => ({ node: el('li', {}, t(key)) }),
  );

  return (list: Checklist, collapsed: boolean, side: 'right' | 'left', doubtful: boolean): HTMLElement => {
    if (collapsed) {
      setAttrs(tab, { 'data-side': side });
      return tab;
    }
    setAttrs(section, { 'data-side': side });
    // The step where the list stands: the one to do now, or the one that was missed (what to do instead).
    const current = list.steps.find((s) => s.state === 'current' || s.state === 'missed');
    const hints = current?.state === 'current' ? current.pitfallKeys : [];
    if (current?.instructionKey) setText(now, t(current.instructionKey));
    setChildren(steps, stepItems(list.steps));
    setChildren(pitfalls, pitfallItems(hints));
    setChildren(section, [
      header,
      steps,
      !!current?.instructionKey && now,
      hints.length > 0 && pitfallsTitle,
      hints.length > 0 && pitfalls,
      current === undefined && allDone,
      readWrong,
    ]);
    setAttrs(readWrong, { 'data-prominent': doubtful ? 'true' : null });
    return section;
  };
}

/**
 * What the panel must not cover: the controls the checklist sends the advertiser to (the Redeem button,
 * the Promotions link, the Earning and Available tabs) and the promotions table (its first and last rows
 * give its columns' extent, and our notes sit at its rows' ends) — a few layout reads, however long the list.
 */
function keepInView(s: PageState): Box[] {
  const { redeemButton, promotionsLink, earningTab, availableTab, promotionRows: rows } = s.targets;
  return [
    redeemButton,
    promotionsLink,
    earningTab,
    availableTab,
    rows[0]?.row,
    rows[rows.length - 1]?.row,
  ].flatMap((el) => visibleBox(el) ?? []);
}

export const panel: Feature = {
  name: 'panel',
  init(signal, { win, deps, layer, state }) {
    const root = layer.mount();
    // undefined: not yet known for this account (render nothing rather than flash the wrong state).
    let collapsed: boolean | undefined;
    let account: string | null | undefined;
    // Folded for the page's sake, not the user's: opening the tab then shows the panel all the same.
    let autoFolded = false;
    let openedAnyway = false;

    const toggle = (value: boolean) => {
      if (!value && autoFolded) openedAnyway = true;
      if (value) openedAnyway = false;
      collapsed = value;
      void deps.panelCollapsed.set(account ?? null, value);
      draw();
      // Focus follows the control just used: the tab after folding, the fold button after unfolding.
      root.querySelector('button')?.focus();
    };
    const view = panelView(win.document, deps.t, toggle, () => void deps.send({ type: 'report-open' }));

    const draw = () => {
      const s: PageState | null = state.get();
      if (!s || signal.aborted) return;
      if (s.snapshot.accountId !== account) {
        const id = s.snapshot.accountId;
        account = id;
        collapsed = undefined;
        void deps.panelCollapsed.get(id).then((value) => {
          if (account !== id) return;
          collapsed = value;
          draw();
        });
      }
      const dialog = s.snapshot.redeem?.open ? visibleBox(s.targets.dialog) : null;
      const place = placePanel(dialog, keepInView(s), { width: win.innerWidth, height: win.innerHeight });
      autoFolded = place?.folded ?? false;
      // No edge free of the dialog: step out of the way until it closes.
      setChildren(
        root,
        collapsed === undefined || place === null
          ? []
          : [
              view(
                s.checklist,
                collapsed || (place.folded && !openedAnyway),
                place.side,
                readDoubtful(s.snapshot) || s.kept?.doubtful === true,
              ),
            ],
      );
    };

    // Placing the panel reads the page's layout: at the next frame, where the browser lays the page out
    // anyway, not in the task that published a read (after a long list changed, that read would lay out
    // the whole list there and then).
    const redraw = coalesce(deps.schedule, draw);
    state.subscribe(() => redraw.request(), signal);
    win.addEventListener('resize', () => redraw.request(), { passive: true, signal });
    signal.addEventListener('abort', () => {
      redraw.cancel();
      root.remove();
    });
  },
};
