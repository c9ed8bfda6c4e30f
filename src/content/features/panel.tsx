// The checklist panel docked to the page edge: the five redemption steps ticking themselves from the
// page, what to do now and what tends to go wrong. Folds to a small tab (remembered per ad account,
// Escape folds it too) and moves to the other edge, or out of the way, when the redeem dialog needs it.
import { render } from 'preact';
import type { Checklist, StepState } from '../../core/checklist.ts';
import { coalesce } from '../schedule.ts';
import { dockSide, visibleBox } from '../geometry.ts';
import type { Feature, PageState, Translate } from '../types.ts';

const STATE_KEY: Record<StepState, string> = {
  done: 'overlay_stepDone',
  current: 'overlay_stepCurrent',
  todo: 'overlay_stepTodo',
};
const MARK: Record<StepState, string> = { done: '✓', current: '→', todo: '' };

interface ViewProps {
  t: Translate;
  list: Checklist;
  collapsed: boolean;
  side: 'right' | 'left';
  onToggle(collapsed: boolean): void;
}

export function PanelView({ t, list, collapsed, side, onToggle }: ViewProps) {
  if (collapsed) {
    return (
      <button
        type="button"
        data-part="tab"
        data-side={side}
        aria-expanded="false"
        onClick={() => onToggle(false)}
      >
        {t('overlay_title')}
      </button>
    );
  }
  const current = list.steps.find((s) => s.state === 'current');
  return (
    <section
      data-part="panel"
      data-side={side}
      aria-label={t('overlay_title')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onToggle(true);
      }}
    >
      <header>
        <h2>{t('overlay_title')}</h2>
        <button
          type="button"
          aria-expanded="true"
          aria-label={t('overlay_collapse')}
          title={t('overlay_collapse')}
          onClick={() => onToggle(true)}
        >
          –
        </button>
      </header>
      <ol>
        {list.steps.map((step) => (
          <li
            key={step.id}
            data-state={step.state}
            aria-current={step.state === 'current' ? 'step' : undefined}
          >
            <span data-part="mark" aria-hidden="true">
              {MARK[step.state]}
            </span>
            <span>{t(step.titleKey)}</span>
            <span data-part="sr">{` (${t(STATE_KEY[step.state])})`}</span>
          </li>
        ))}
      </ol>
      {current?.instructionKey ? <p data-part="now">{t(current.instructionKey)}</p> : null}
      {current && current.pitfallKeys.length > 0 ? (
        <>
          <h3>{t('overlay_pitfalls')}</h3>
          <ul>
            {current.pitfallKeys.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {list.current === null ? <p data-part="now">{t('steps_allDone')}</p> : null}
    </section>
  );
}

export const panel: Feature = {
  name: 'panel',
  init(signal, { win, deps, layer, state }) {
    const root = layer.mount();
    // undefined: not yet known for this account (render nothing rather than flash the wrong state).
    let collapsed: boolean | undefined;
    let account: string | null | undefined;

    const toggle = (value: boolean) => {
      collapsed = value;
      void deps.panelCollapsed.set(account ?? null, value);
      draw();
      // Focus follows the control just used: the tab after folding, the fold button after unfolding.
      root.querySelector('button')?.focus();
    };

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
      const side = dockSide(dialog, { width: win.innerWidth, height: win.innerHeight });
      // No edge free of the dialog: step out of the way until it closes.
      if (collapsed === undefined || side === null) return render(null, root);
      render(
        <PanelView t={deps.t} list={s.checklist} collapsed={collapsed} side={side} onToggle={toggle} />,
        root,
      );
    };

    const redraw = coalesce(deps.schedule, draw);
    state.subscribe(draw, signal);
    win.addEventListener('resize', () => redraw.request(), { passive: true, signal });
    signal.addEventListener('abort', () => {
      redraw.cancel();
      render(null, root);
      root.remove();
    });
  },
};
