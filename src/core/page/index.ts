// The whole reader, Document → PageSnapshot (its contract: docs/ARCHITECTURE.md, "Contracts"), as the
// command line, the review page's report and the tests use it: the page as the content script sees it
// (read.ts), then its rows' values as the worker reads them (row-values.ts). The extension splits the
// two across the page's thread and the worker; this is the same work in one call.
import type { PageSnapshot } from '../schemas.ts';
import { readPageAndTargets } from './read.ts';
import { finishSnapshot } from './row-values.ts';

export function readPage(doc: Document, url: string | null = null): PageSnapshot {
  return finishSnapshot(readPageAndTargets(doc, url).snapshot);
}
