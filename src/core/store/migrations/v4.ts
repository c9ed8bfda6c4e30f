// v4 removes the `glossary` key: the billing pages' wordings now ship inside the content script, so the
// copy the worker used to keep in storage for it is stale data nobody reads. Nothing else changes shape.
import type { Migration } from './types.ts';

/** Where builds before v4 kept the page wordings. */
export const STALE_GLOSSARY_KEY = 'glossary';

export const v4: Migration = {
  version: 4,
  migrate: (items) => ({
    set: { schemaVersion: 4 },
    remove: STALE_GLOSSARY_KEY in items ? [STALE_GLOSSARY_KEY] : [],
  }),
};
