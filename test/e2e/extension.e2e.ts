// The built extension in Chromium: it loads cleanly, its content script reaches the real host names,
// the worker survives being stopped, and it makes no network requests of its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages, isDemoSiteUrl } from '../../scripts/demo-server.ts';
import {
  CHROME_DIST,
  OPTIONS_PATH,
  POPUP_PATH,
  findChromium,
  launchHarness,
  type Harness,
} from './harness.ts';
import { overlayText } from './overlay.ts';

describe.skipIf(!findChromium())('extension in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('starts its service worker and asks only for storage, alarms and notifications', async () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await h.workerEval((api) => api.runtime.getManifest());
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'notifications']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.version).toBe(
      JSON.parse(readFileSync(join(CHROME_DIST, 'manifest.json'), 'utf8')).version,
    );
  });

  it.each([POPUP_PATH, OPTIONS_PATH])('opens %s without errors', async (path) => {
    const before = h.errors.length;
    const page = await h.openExtensionPage(path);
    await page.waitForLoadState('networkidle');
    expect(page.url()).toBe(`${h.extensionOrigin}${path}`);
    expect(h.errors.slice(before)).toEqual([]);
    await page.close();
  });

  it.each(fixturePages())('opens fixture $name at its real URL with the content script', async (fixture) => {
    const page = await h.openPage(fixture.servedUrl);
    expect(page.url()).toBe(fixture.realUrl);
    // The saved DOM, without the script that restored the URL.
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    const savedTitle = /<title>(.*)<\/title>/.exec(readFileSync(fixture.file, 'utf8'))?.[1];
    expect(await page.title()).toBe(savedTitle);
    await expect.poll(() => h.contentScriptWorlds(page)).not.toEqual([]);
    // The panel appears, and the snapshot the worker keeps is the one the reader contract expects.
    await expect.poll(() => overlayText(page), { timeout: 15_000 }).toContain('Ad Credit Guide');
    const expected = JSON.parse(readFileSync(fixture.file.replace(/\.html$/, '.json'), 'utf8'));
    const stored = () =>
      h.workerEval(async (api) => (await api.storage.local.get('lastSnapshot')).lastSnapshot) as Promise<{
        snapshot: Record<string, unknown>;
      } | null>;
    await expect.poll(async () => (await stored())?.snapshot.url, { timeout: 15_000 }).toBe(fixture.realUrl);
    const { warnings: _w, ...snapshot } = (await stored())!.snapshot;
    const { warnings: _e, ...want } = expected;
    expect(snapshot).toEqual(want);
    await page.close();
  });

  it('reads a Spanish page when storage lost the page wordings: the worker hands them over and keeps them again', async () => {
    const fixture = fixturePages().find((f) => f.name === 'es-promotions-earning')!;
    await h.workerEval((api) => api.storage.local.remove('glossary'));
    const page = await h.openPage(fixture.servedUrl);
    await expect.poll(() => overlayText(page), { timeout: 15_000 }).toContain('Ad Credit Guide');
    const expected = JSON.parse(readFileSync(fixture.file.replace(/\.html$/, '.json'), 'utf8'));
    const stored = () =>
      h.workerEval(async (api) => {
        const { lastSnapshot, glossary } = await api.storage.local.get(['lastSnapshot', 'glossary']);
        return {
          url: (lastSnapshot as { snapshot?: { url?: string } } | undefined)?.snapshot?.url,
          promotions: (lastSnapshot as { snapshot?: { promotions?: unknown } } | undefined)?.snapshot
            ?.promotions,
          languages: (glossary as { _about?: { languages?: string[] } } | undefined)?._about?.languages,
        };
      });
    await expect.poll(async () => (await stored()).url, { timeout: 15_000 }).toBe(fixture.realUrl);
    const { promotions, languages } = await stored();
    expect(promotions).toEqual(expected.promotions);
    expect(languages).toContain('es');
    await page.close();
  });

  it('stops its worker like an idle timeout and starts again on the next event', async () => {
    await h.workerEval(() => {
      (globalThis as { e2eMarker?: string }).e2eMarker = 'before stop';
    });
    await h.stopServiceWorker();
    expect(h.serviceWorkerStatus()).toBe('stopped');
    // A fresh worker: globals set before the stop are gone.
    expect(await h.workerEval(() => (globalThis as { e2eMarker?: string }).e2eMarker ?? null)).toBeNull();
    expect(h.serviceWorkerStatus()).toBe('running');
  });

  it('makes no network requests of its own', () => {
    expect(h.network.requests.length).toBeGreaterThan(0);
    expect(h.network.extensionRequests()).toEqual([]);
    expect(h.network.unexpected(isDemoSiteUrl)).toEqual([]);
  });
});
