// Popup first render in happy-dom: the root view with every kept promotion, from the render call until
// the cards are in the DOM. The first render of the process is the cold one a user waits for; the median
// of the next ones shows the steady cost.
import { Window } from 'happy-dom';
import { render } from 'preact';
import { Popup, type PopupActions } from '../src/popup/Popup.tsx';
import { I18nProvider } from '../src/ui/i18n.tsx';
import { t } from '../test/unit/ui-records.tsx';
import { benchRecords, NOW } from './records.ts';
import { median } from './stats.ts';

// The first render calls no action; any the view gains later answers like a successful one.
const actions = new Proxy({}, { get: () => async () => null }) as PopupActions;

export function measurePopupNode(
  promotions: number,
  runs = 7,
): { coldMs: number; warmMs: number; cards: number } {
  const window = new Window();
  const globals = globalThis as unknown as Record<string, unknown>;
  const saved = { document: globals.document, window: globals.window };
  // Preact creates elements through the global document.
  globals.document = window.document;
  globals.window = window;
  try {
    const records = benchRecords(promotions);
    const once = (): { ms: number; cards: number } => {
      const root = window.document.createElement('div');
      window.document.body.appendChild(root);
      const t0 = performance.now();
      render(
        <I18nProvider value={{ t, locale: 'en', timeZone: 'UTC' }}>
          <Popup
            data={{ promotions: records, attempts: [], snapshot: null, now: NOW, snoozed: {}, notice: null }}
            actions={actions}
          />
        </I18nProvider>,
        root as unknown as HTMLElement,
      );
      const cards = root.querySelectorAll('article').length;
      const ms = performance.now() - t0;
      render(null, root as unknown as HTMLElement);
      root.remove();
      return { ms, cards };
    };
    const cold = once();
    const warm = Array.from({ length: runs }, () => once().ms);
    return { coldMs: cold.ms, warmMs: median(warm), cards: cold.cards };
  } finally {
    Object.assign(globals, saved);
    void window.happyDOM.close();
  }
}
