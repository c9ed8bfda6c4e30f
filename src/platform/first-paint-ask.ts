/// <reference types="vite/client" />
// The popup page's first script, a classic one ahead of its module (vite.config.ts popupPage() adds it):
// it asks storage for what the first paint reads while the browser is still fetching and compiling the
// module, so the answer is on its way, or there, when the module wants it. It reaches the browser's
// storage alone, so it stays a few hundred bytes.
import type { PlatformBrowser } from './browser.ts';
import { askFirstPaint } from './first-paint.ts';

const globals = globalThis as unknown as { browser: PlatformBrowser; chrome: PlatformBrowser };
askFirstPaint((import.meta.env.MODE === 'firefox' ? globals.browser : globals.chrome).storage.local);
