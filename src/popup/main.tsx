// Popup entry: the real browser, then the app.
import '../platform/install.ts';
import { render } from 'preact';
import { localeOf } from '../core/i18n.ts';
import { followDemoClock } from '../platform/clock.ts';
import { translator } from '../platform/services.ts';
import { PopupApp } from './App.tsx';

void followDemoClock();
document.documentElement.lang = localeOf(translator());
render(<PopupApp />, document.getElementById('app')!);
