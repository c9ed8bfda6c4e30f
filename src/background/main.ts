// Service worker entry: install the real browser API, then start the worker in this first turn so every
// listener is registered before the browser delivers the event that woke it.
import '../platform/install.ts';
import { clockNow, followDemoClock } from '../platform/clock.ts';
import { startWorker } from './worker.ts';

const worker = startWorker({ now: clockNow });
// The demo build's clock moves by days at once: reminders and the badge follow it at once.
void followDemoClock(worker.reconcile);
