// v3 adds the `summary` key: the few most urgent promotions, so the popup paints its first cards from one
// small read instead of waiting for every promotion. Nothing stored before changes shape. Which promotions
// are most urgent is the popup's ranking, outside src/core, and a summary is only worth its day: the worker
// writes it right after the migrations, in the same step of its queue, and again with every change.
import type { Migration } from './types.ts';

export const v3: Migration = {
  version: 3,
  migrate: () => ({ set: { schemaVersion: 3 }, remove: [] }),
};
