// Options entry: the real browser, then the app.
import '../platform/install.ts';
import { render } from 'preact';
import { localeOf } from '../core/i18n.ts';
import { followDemoClock } from '../platform/clock.ts';
import { translator } from '../platform/services.ts';
import { OptionsApp } from './App.tsx';

void followDemoClock();
const t = translator();
document.documentElement.lang = localeOf(t);
document.title = t('options_title');
render(<OptionsApp />, document.getElementById('app')!);
