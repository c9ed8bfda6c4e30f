// Entry points import this first: it hands the real WebExtension API to the platform modules.
import browser from 'webextension-polyfill';
import { setBrowser } from './browser.ts';

setBrowser(browser);
