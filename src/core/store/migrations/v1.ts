// v1, the first layout: settings, a flat `promotions` array and `attempts`. On a fresh install it writes
// the defaults so that every later reader and migration starts from a known shape; values already there
// (e.g. an unversioned build's) are kept.
import { DEFAULT_SETTINGS } from '../../schemas.ts';
import type { Migration } from './types.ts';

export const v1: Migration = {
  version: 1,
  migrate(items) {
    const set: Record<string, unknown> = { schemaVersion: 1 };
    if (!('settings' in items)) set.settings = DEFAULT_SETTINGS;
    if (!('promotions' in items)) set.promotions = [];
    if (!('attempts' in items)) set.attempts = [];
    return { set, remove: [] };
  },
};
