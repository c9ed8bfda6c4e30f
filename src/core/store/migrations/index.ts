// Runs the migrations storage still needs, in order, and folds them into one set of changes.
import { SCHEMA_VERSION } from '../layout.ts';
import type { Changes, Items, Migration } from './types.ts';
import { v1 } from './v1.ts';
import { v2 } from './v2.ts';
import { v3 } from './v3.ts';
import { v4 } from './v4.ts';

export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4];

export interface Plan extends Changes {
  from: number;
  to: number;
}

/**
 * The changes that bring `items` to SCHEMA_VERSION. A version newer than ours (a downgrade) is left alone:
 * an older build must not rewrite data it does not understand.
 */
export function planMigrations(items: Items, at: string): Plan {
  const from = typeof items.schemaVersion === 'number' ? items.schemaVersion : 0;
  const state: Record<string, unknown> = { ...items };
  const set: Record<string, unknown> = {};
  const removed = new Set<string>();
  for (const migration of MIGRATIONS) {
    if (migration.version <= from) continue;
    const step = migration.migrate(state, at);
    for (const [key, value] of Object.entries(step.set)) {
      state[key] = value;
      set[key] = value;
      removed.delete(key);
    }
    for (const key of step.remove) {
      delete state[key];
      delete set[key];
      removed.add(key);
    }
  }
  return { from, to: Math.max(from, SCHEMA_VERSION), set, remove: [...removed] };
}
