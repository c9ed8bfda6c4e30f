// Popup entry, the first script: the real browser, then the app (./App.tsx says what loads when).
import '../platform/install.ts';
import { render } from 'preact';
import { localeOf } from '../core/i18n.ts';
import { translator } from '../platform/services.ts';
import { PopupApp, readHead } from './App.tsx';

// The summary's read first: the browser answers it while this page loads its messages (the first
// getMessage waits for them) and renders.
const head = readHead();
document.documentElement.lang = localeOf(translator());
render(<PopupApp head={head} />, document.getElementById('app')!);
