/// <reference types="vite/client" />
// Entry points import this first: it hands the browser's own WebExtension API to the platform modules.
// Firefox's `browser` already speaks promises everywhere; the Chrome build adapts `chrome` (see chrome.ts),
// which also serves Chromes older than 144, where `browser` does not exist.
import { setBrowser, type PlatformBrowser } from './browser.ts';
import { fromChrome, type ChromeApi } from './chrome.ts';

const globals = globalThis as unknown as { browser: PlatformBrowser; chrome: ChromeApi };

setBrowser(import.meta.env.MODE === 'firefox' ? globals.browser : fromChrome(globals.chrome));
