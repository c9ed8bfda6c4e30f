// Service worker entry: install the real browser API, then start the worker in this first turn so every
// listener is registered before the browser delivers the event that woke it.
import '../platform/install.ts';
import { startWorker } from './worker.ts';

startWorker();
