import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptFor, panelCollapsed, send } from '../../src/content/bridge.ts';
import { loadGlossary } from '../../src/content/glossary.ts';
import { glossaryFile, glossaryGeneration, installGlossary } from '../../src/core/page/glossary.ts';
import type { LanguageGlossary } from '../../src/core/page/glossary.ts';
import { wordsFor } from '../../src/core/page/words.ts';
import { GLOSSARY_KEY } from '../../src/core/store/keys.ts';
import { setBrowser, type PlatformBrowser } from '../../src/platform/browser.ts';
import { unpackMessage } from '../../src/core/wire.ts';
import { pagePromotion, record } from './content.harness.ts';

/** The two browser parts the bridge uses: storage.local in a Map, and a worker answering by function. */
function fakeBrowser(worker: (message: unknown) => Promise<unknown>) {
  const items = new Map<string, unknown>();
  const local = {
    async get(keys?: null | string | string[]) {
      const wanted = keys == null ? [...items.keys()] : ([] as string[]).concat(keys);
      return Object.fromEntries(
        wanted.filter((k) => items.has(k)).map((k) => [k, structuredClone(items.get(k))]),
      );
    },
    async set(values: Record<string, unknown>) {
      for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
    },
  };
  setBrowser({ storage: { local }, runtime: { sendMessage: worker } } as unknown as PlatformBrowser);
  return items;
}

const snapshotMessage = {
  type: 'snapshot' as const,
  snapshot: {
    view: 'payment' as const,
    url: null,
    lang: null,
    accountId: null,
    currency: null,
    balance: null,
    promotions: [],
    redeem: null,
    warnings: [],
  },
};

describe('content bridge', () => {
  beforeEach(() => fakeBrowser(async () => ({ ok: true, value: { changed: [] } })));

  it('asks the worker for the folded panel per ad account, never storage', async () => {
    const asked: unknown[] = [];
    const items = fakeBrowser(async (m) => {
      asked.push(m);
      return { ok: true, value: (m as { collapsed?: boolean }).collapsed ?? true };
    });
    expect(await panelCollapsed.get('111')).toBe(true);
    await panelCollapsed.set(null, false);
    expect(asked).toEqual([
      { type: 'panel-collapsed', accountId: '111' },
      { type: 'panel-collapsed', accountId: null, collapsed: false },
    ]);
    expect([...items.keys()]).toEqual([]);
    fakeBrowser(async () => undefined);
    expect(await panelCollapsed.get('111')).toBe(false);
  });

  it('sends a snapshot’s promotions packed in rows, which the worker unpacks to what was read', async () => {
    const received: unknown[] = [];
    fakeBrowser(async (message) => {
      received.push(structuredClone(message));
      return { ok: true, value: { changed: [] } };
    });
    const promotion = pagePromotion();
    const message = {
      ...snapshotMessage,
      snapshot: { ...snapshotMessage.snapshot, promotions: [promotion] },
    };
    await send(message);
    expect(received[0]).toMatchObject({ snapshot: { promotions: { columns: Object.keys(promotion) } } });
    expect(unpackMessage(received[0])).toEqual(message);
  });

  it('passes the worker’s answer through; no answer or a throw becomes a typed failure', async () => {
    expect(await send(snapshotMessage)).toEqual({ ok: true, value: { changed: [] } });
    fakeBrowser(async () => undefined);
    expect(await send(snapshotMessage)).toMatchObject({ ok: false, error: { code: 'no-answer' } });
    fakeBrowser(async () => {
      throw new Error('Extension context invalidated.');
    });
    expect(await send(snapshotMessage)).toMatchObject({ ok: false, error: { code: 'no-answer' } });
    fakeBrowser(async () => ({ ok: false, error: { code: 'forbidden', message: 'no' } }));
    expect(await send(snapshotMessage)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('asks the worker for one account’s promotions, leaving out what is not a record', async () => {
    const asked: unknown[] = [];
    fakeBrowser(async (m) => {
      asked.push(m);
      return { ok: true, value: [record({ id: 'a' }), { id: 'broken' }] };
    });
    expect((await keptFor('111')).map((r) => r.id)).toEqual(['a']);
    expect(asked).toEqual([{ type: 'kept-for', accountId: '111' }]);
    fakeBrowser(async () => ({ ok: false, error: { code: 'no-answer', message: 'x' } }));
    expect(await keptFor('111')).toEqual([]);
  });
});

describe('page wordings', () => {
  const shipped = glossaryFile();
  const installs = () => glossaryGeneration();
  afterEach(() => expect(installGlossary(shipped)).toBeNull());

  it('installs the wordings kept in storage without asking the worker', async () => {
    const asked: unknown[] = [];
    fakeBrowser(async (m) => void asked.push(m)).set(GLOSSARY_KEY, structuredClone(shipped));
    const before = installs();
    expect(await loadGlossary()).toBeNull();
    expect(asked).toEqual([]);
    expect(installs()).toBe(before + 1);
  });

  it('asks the worker when storage holds none, another build’s, or a copy changed since', async () => {
    const changed = structuredClone(shipped);
    (changed.en as LanguageGlossary).balance.cashBalance = 'Money on hand';
    for (const stored of [
      undefined,
      { ...shipped, _about: { languages: ['en'], version: 'older' } },
      changed,
    ]) {
      const asked: unknown[] = [];
      const items = fakeBrowser(async (m) => {
        asked.push(m);
        return { ok: true, value: structuredClone(shipped) };
      });
      if (stored) items.set(GLOSSARY_KEY, stored);
      const before = installs();
      expect(await loadGlossary()).toBeNull();
      expect(asked).toEqual([{ type: 'glossary' }]);
      expect(installs()).toBe(before + 1);
    }
  });

  it('says why when neither storage nor the worker has them, and keeps what it had', async () => {
    const items = fakeBrowser(async () => ({ ok: true, value: { _about: 'nothing' } }));
    items.set(GLOSSARY_KEY, 'junk');
    const before = installs();
    expect(await loadGlossary()).toMatch(/not loaded \(storage: not a glossary; worker: not a glossary\)/);
    fakeBrowser(async () => undefined);
    expect(await loadGlossary()).toMatch(/storage: none kept; worker: the worker gave no answer/);
    fakeBrowser(() => new Promise(() => {}));
    expect(await loadGlossary(20)).toMatch(/storage: none kept; worker: no answer within 20 ms/);
    expect(installs()).toBe(before);
    expect(wordsFor('en').key('balance', 'Cash balance')).toBe('cashBalance');
  });
});
