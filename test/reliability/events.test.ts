// @vitest-environment happy-dom
// What the page hears of typing in the overlay: every key, text and composition event dispatched on a
// text box inside the closed shadow root, as the browser dispatches it (bubbling, composed), must stop
// at our host; the page's own listeners above it (window, document, body) count what reaches them.
import { describe, expect, it } from 'vitest';
import { createLayer, TYPING_EVENTS } from '../../src/content/layer.ts';
import { pageWindow } from '../unit/content.harness.ts';
import { report } from './figures.ts';

const BLANK = '<!DOCTYPE html><html lang="en"><head></head><body><input id="own"></body></html>';

function eventOf(win: Window, type: (typeof TYPING_EVENTS)[number]): Event {
  const init = { bubbles: true, composed: true, cancelable: true };
  const w = win as unknown as typeof globalThis;
  if (type.startsWith('key')) return new w.KeyboardEvent(type, { ...init, key: 's' });
  if (type.startsWith('composition')) return new w.CompositionEvent(type, { ...init, data: 's' });
  if (type === 'input' || type === 'beforeinput') return new w.InputEvent(type, { ...init, data: 's' });
  return new w.Event(type, init);
}

describe('typing in the overlay', () => {
  it('reaches none of the page’s listeners, and the page’s own fields still hear theirs', () => {
    const win = pageWindow('https://ads.tiktok.com/i18n/account/payment?aadvid=1', BLANK);
    const doc = win.document;
    const heard: string[] = [];
    for (const type of TYPING_EVENTS)
      for (const target of [win, doc, doc.body, doc.documentElement] as EventTarget[])
        target.addEventListener(type, () => heard.push(type));
    const layer = createLayer(doc);
    const box = doc.createElement('textarea');
    layer.mount().append(box);
    for (const type of TYPING_EVENTS) box.dispatchEvent(eventOf(win, type));
    expect(heard).toEqual([]);
    // The page's own input is not ours: its events go where they always went.
    doc.getElementById('own')!.dispatchEvent(eventOf(win, 'keydown'));
    expect(heard).toEqual(['keydown', 'keydown', 'keydown', 'keydown']);
    report(
      'event-leakage',
      `${TYPING_EVENTS.length} kinds of typing event in the overlay's text box: 0 reached the page's ` +
        `bubbling listeners on window, document, html and body`,
    );
    layer.remove();
  });
});
