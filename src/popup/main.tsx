// Popup entry, the first script: the real browser, then the app (./App.tsx says what loads when).
import '../platform/install.ts';
import { render } from 'preact';
import { localeOf } from '../core/i18n.ts';
import { translator } from '../platform/services.ts';
import { PopupApp } from './App.tsx';

document.documentElement.lang = localeOf(translator());
render(<PopupApp />, document.getElementById('app')!);
