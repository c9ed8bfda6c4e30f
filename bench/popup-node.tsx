// Popup first render in happy-dom: the root view with every kept promotion, from the render call until
// the first cards are in the DOM, and until the whole first page is (the list paints its most urgent
// cards first and the rest right after). The first render of the process is the cold one a user waits
// for; the median of the next ones shows the steady cost.
import { Window } from 'happy-dom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
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
): { coldMs: number; warmMs: number; cards: number; firstPageMs: number; firstPageCards: number } {
  const window = new Window();
  const globals = globalThis as unknown as Record<string, unknown>;
  const saved = { document: globals.document, window: globals.window };
  // Preact creates elements through the global document.
  globals.document = window.document;
  globals.window = window;
  try {
    const records = benchRecords(promotions);
    const once = () => {
      const root = window.document.createElement('div');
      window.document.body.appendChild(root);
      const cards = () => root.querySelectorAll('article').length;
      let first = { ms: 0, cards: 0 };
      const t0 = performance.now();
      // act runs the effects a browser runs after the first paint before it returns: the first page's rest.
      act(() => {
        render(
          <I18nProvider value={{ t, locale: 'en', timeZone: 'UTC' }}>
            <Popup
              data={{
                promotions: records,
                attempts: [],
                snapshot: null,
                now: NOW,
                snoozed: {},
                notice: null,
              }}
              actions={actions}
            />
          </I18nProvider>,
          root as unknown as HTMLElement,
        );
        const n = cards();
        first = { ms: performance.now() - t0, cards: n };
      });
      const page = { cards: cards(), ms: performance.now() - t0 };
      render(null, root as unknown as HTMLElement);
      root.remove();
      return { first, page };
    };
    const cold = once();
    const warm = Array.from({ length: runs }, () => once().first.ms);
    return {
      coldMs: cold.first.ms,
      warmMs: median(warm),
      cards: cold.first.cards,
      firstPageMs: cold.page.ms,
      firstPageCards: cold.page.cards,
    };
  } finally {
    Object.assign(globals, saved);
    void window.happyDOM.close();
  }
}
