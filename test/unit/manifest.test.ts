import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Least privilege, pinned: growing a permission, a host or a remote resource, or loosening the CSP, must be
// a deliberate change to this test, reviewed with the reason in the commit.
const ALLOWED_PERMISSIONS = ['alarms', 'notifications', 'storage'];
const CONTENT_MATCHES = ['https://ads.tiktok.com/*', 'https://business.tiktok.com/*'];
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'self'";

const root = join(import.meta.dirname, '..', '..');
const read = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8')) as Record<string, unknown>;

function checkManifest(m: Record<string, unknown>) {
  expect(m.manifest_version).toBe(3);
  expect([...((m.permissions as string[]) ?? [])].sort()).toEqual(ALLOWED_PERMISSIONS);
  expect(m.host_permissions ?? []).toEqual([]);
  expect(m.optional_permissions ?? []).toEqual([]);
  expect(m.optional_host_permissions ?? []).toEqual([]);
  const scripts = m.content_scripts as Array<{ matches: string[]; all_frames?: boolean; world?: string }>;
  expect(scripts.flatMap((s) => s.matches).sort()).toEqual(CONTENT_MATCHES);
  // The MAIN world would put our code in the page's JavaScript, where the page can reach it.
  for (const s of scripts) expect(s.world ?? 'ISOLATED').toBe('ISOLATED');
  expect(m.externally_connectable).toBeUndefined();
  const csp = (m.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages;
  expect(csp ?? EXTENSION_PAGES_CSP).toBe(EXTENSION_PAGES_CSP);
  // No page of ours may be loaded by a web page: that would let a site frame or probe the extension.
  const war = (m.web_accessible_resources as Array<{ matches?: string[] }> | undefined) ?? [];
  for (const r of war) for (const match of r.matches ?? []) expect(CONTENT_MATCHES).toContain(match);
  // Nothing remote: every URL-valued key must stay inside the package.
  const text = JSON.stringify(m);
  expect(text).not.toMatch(/https?:\/\/(?!ads\.tiktok\.com\/\*|business\.tiktok\.com\/\*)/);
  expect(m.update_url).toBeUndefined();
}

describe('least privilege', () => {
  it('the source manifest asks for storage, alarms and notifications only', () => {
    checkManifest(read('manifest.json'));
  });

  for (const target of ['chrome', 'firefox']) {
    const built = join('dist', target, 'manifest.json');
    it.runIf(existsSync(join(root, built)))(`the built ${target} manifest keeps to the same limits`, () => {
      const m = read(built);
      checkManifest(m);
      if (target === 'firefox') {
        expect((m.background as { scripts?: string[] }).scripts?.length).toBeGreaterThan(0);
        expect((m.browser_specific_settings as { gecko?: { id?: string } }).gecko?.id).toMatch(/@/);
      } else {
        expect(m.browser_specific_settings).toBeUndefined();
      }
    });
  }

  it('fails on a manifest that grew a permission or a host', () => {
    const m = read('manifest.json');
    expect(() => checkManifest({ ...m, permissions: [...(m.permissions as string[]), 'tabs'] })).toThrow();
    expect(() => checkManifest({ ...m, host_permissions: ['<all_urls>'] })).toThrow();
    expect(() =>
      checkManifest({
        ...m,
        content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" },
      }),
    ).toThrow();
  });
});
