// A backup the advertiser accepted after seeing the import plan: every entry a backup carries (the store
// registry's `backedUp`) is written; promotions are added or replaced, never removed, and attempts merged.
import { ok } from '../../core/messages.ts';
import { KEY, MAX_ATTEMPTS, promoKey } from '../../core/store/layout.ts';
import { changes, handler } from './types.ts';

export const dataImport = handler<'data-import'>()({
  reads: ['attempts'],
  plan(state, { backup }) {
    const set: Record<string, unknown> = Object.fromEntries(
      backup.promotions.map((r) => [promoKey(r.accountId, r.id), r]),
    );
    const known = new Set(state.attempts.map((a) => a.id));
    const added = backup.attempts.filter((a) => !known.has(a.id));
    set[KEY.attempts] = [...state.attempts, ...added]
      .sort((a, b) => a.at.localeCompare(b.at))
      .slice(-MAX_ATTEMPTS);
    set[KEY.settings] = backup.settings;
    return ok({
      changes: changes(set),
      value: { promotions: backup.promotions.length, attempts: added.length },
      effects: [{ kind: 'remind' }],
    });
  },
});
