// The page reader as the watcher drives it: readAhead works through what changed, slice by slice, so
// the read that follows has no changes left to look for.
import { detectView, readAhead, readPageAndTargets } from '../core/page/read.ts';
import type { Reader } from './types.ts';

export const pageReader: Reader = {
  detectView,
  readAhead,
  read: (doc, url, memo) => readPageAndTargets(doc, url, memo, []),
};
