// The billing pages' wordings, for a content script built before they were bundled with it.
import { ok } from '../../core/messages.ts';
import { glossaryFile } from '../../core/page/glossary.ts';
import { changes, handler } from './types.ts';

export const glossary = handler<'glossary'>()({
  reads: [],
  plan: () => ok({ changes: changes(), value: glossaryFile() }),
});
