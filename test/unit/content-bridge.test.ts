import { beforeEach, describe, expect, it } from 'vitest';
import { panelCollapsed, send } from '../../src/content/bridge.ts';
import { keptAt, keptIn } from '../../src/content/kept.ts';
import { keptOnPage } from '../../src/core/kept-on-page.ts';
import { packAnswer } from '../../src/core/wire.ts';
import { setBrowser, type PlatformBrowser } from '../../src/platform/browser.ts';
import { unpackMessage } from '../../src/core/wire.ts';
import { NOW, pagePromotion, record } from './content.harness.ts';
import { startWorker } from '../../src/background/worker.ts';
import { ROWS_PER_MESSAGE } from '../../src/core/wire.ts';
import { readKept } from '../../src/platform/store.ts';
import { createFakeBrowser } from '../fake-browser.ts';
import { pageSnapshot, seenPage } from '../support/pages.ts';

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
  snapshot: seenPage(pageSnapshot({ lang: null })),
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
    const promotion = seenPage(pageSnapshot({ promotions: [pagePromotion()] })).promotions[0]!;
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

  it('takes what the page shows of the kept promotions, and until when, from a snapshot’s answer, leaving out what is not a view', () => {
    const views = keptOnPage(
      [record({ id: 'a', name: 'A' }), record({ id: 'b', name: 'B' })],
      NOW,
      'Asia/Tokyo',
    );
    const answer = {
      changed: [],
      held: 0,
      refused: 0,
      kept: [views.promotions[0], { id: 'broken' }, { ...views.promotions[1], fraction: '40%' }],
      until: views.until,
      now: NOW,
    };
    const kept = keptIn(answer, '111');
    expect(kept?.promotions).toEqual([views.promotions[0]]);
    expect(kept).toMatchObject({ accountId: '111', until: views.until, workerNow: NOW });
    // An answer that does not say them (an older worker, a failure) tells nothing: nothing dated is shown.
    expect(keptIn({ changed: [] }, '111')).toBeNull();
    expect(keptIn({ ...answer, until: null }, '111')).toBeNull();
    expect(keptIn({ ...answer, until: Number.NaN }, '111')).toBeNull();
    expect(keptIn({ ...answer, kept: 'all' }, '111')).toBeNull();
    expect(keptIn(null, '111')).toBeNull();
  });

  it('holds what the answer said until its instant, and not from then on', () => {
    const kept = keptIn({ kept: [], until: NOW + 1000 }, '111')!;
    expect(keptAt(kept, new Date(NOW + 999))).toEqual([]);
    expect(keptAt(kept, new Date(NOW + 1000))).toBeNull();
  });

  it('unpacks the kept promotions the worker sends packed in rows', () => {
    const { promotions, until } = keptOnPage(
      [record({ id: 'a', name: 'A' }), record({ id: 'b', name: 'B', termsNeeded: true })],
      NOW,
      'UTC',
    );
    const answer = packAnswer('snapshot', { ok: true, value: { changed: [], kept: promotions, until } });
    const value = (structuredClone(answer) as { value: { kept: unknown } }).value;
    expect(value.kept).toHaveProperty('rows');
    expect(keptIn(value, '111')?.promotions).toEqual(promotions);
  });

  it('sends a long list in parts, each copy timed, which the worker takes as one snapshot', async () => {
    const fake = createFakeBrowser({ now: NOW });
    const sent: unknown[] = [];
    setBrowser({
      ...fake.browser,
      runtime: {
        ...fake.browser.runtime,
        sendMessage: (m: unknown) => (sent.push(m), fake.send(m, fake.senders.content())),
      },
    } as PlatformBrowser);
    const worker = startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
    await worker.idle();
    const count = ROWS_PER_MESSAGE * 2 + 7;
    const [row] = seenPage(pageSnapshot({ promotions: [pagePromotion()] })).promotions;
    const promotions = Array.from({ length: count }, (_, i) => ({ ...row!, name: `Offer ${i}` }));
    const copies: number[] = [];
    const answer = await send(
      { ...snapshotMessage, snapshot: { ...snapshotMessage.snapshot, accountId: '111', promotions } },
      (start) => copies.push(start),
    );
    expect(answer.ok).toBe(true);
    expect(sent).toHaveLength(3);
    // Clipping and packing the list, then each of its three copies.
    expect(copies).toHaveLength(4);
    expect((await readKept()).promotions.filter((p) => p.accountId === '111')).toHaveLength(count);
  });

  it('sends the whole list again, once, when the worker lost the parts sent ahead', async () => {
    const fake = createFakeBrowser({ now: NOW });
    let restarts = 1;
    const types: unknown[] = [];
    setBrowser({
      ...fake.browser,
      runtime: {
        ...fake.browser.runtime,
        sendMessage: async (m: unknown) => {
          types.push((m as { type: string }).type);
          const answer = await fake.send(m, fake.senders.content());
          // The worker stops after taking the first part, and a new one answers what follows.
          if (restarts > 0 && (m as { type: string }).type === 'snapshot-rows') {
            restarts--;
            fake.restartWorker();
            startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
          }
          return answer;
        },
      },
    } as PlatformBrowser);
    startWorker({ now: () => fake.clock.now, systemTimeZone: () => 'UTC' });
    const [row] = seenPage(pageSnapshot({ promotions: [pagePromotion()] })).promotions;
    const promotions = Array.from({ length: ROWS_PER_MESSAGE + 1 }, (_, i) => ({ ...row!, name: `O ${i}` }));
    const message = {
      ...snapshotMessage,
      snapshot: { ...snapshotMessage.snapshot, accountId: '111', promotions },
    };
    expect((await send(message)).ok).toBe(true);
    expect(types).toEqual(['snapshot-rows', 'snapshot', 'snapshot-rows', 'snapshot']);
    // A worker that keeps losing them is answered once more, then the failure is the caller's.
    restarts = 2;
    types.length = 0;
    expect(await send(message)).toMatchObject({ ok: false, error: { code: 'no-answer' } });
    expect(types).toEqual(['snapshot-rows', 'snapshot', 'snapshot-rows', 'snapshot']);
  });
});
