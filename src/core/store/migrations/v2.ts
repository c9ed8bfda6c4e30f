// v2 moves promotions from one flat `promotions` array to one key per promotion, `promo:<account>:<id>`:
// a snapshot then rewrites only the promotions it changed instead of the whole list (smaller writes, less
// quota pressure, no lost update between two records), and a record that fails validation is set aside
// alone. An element without the id and account the key needs cannot be placed: it goes to quarantine
// with its raw value rather than being dropped.
import { promoKey, quarantineKey, type QuarantinedItem } from '../layout.ts';
import type { Migration } from './types.ts';

export const v2: Migration = {
  version: 2,
  migrate(items, at) {
    const set: Record<string, unknown> = { schemaVersion: 2 };
    const list = items.promotions;
    const elements: unknown[] = Array.isArray(list) ? list : list === undefined ? [] : [list];
    elements.forEach((raw, index) => {
      const r = raw as { id?: unknown; accountId?: unknown } | null;
      const placeable =
        typeof r === 'object' &&
        r !== null &&
        typeof r.id === 'string' &&
        r.id !== '' &&
        (r.accountId === null || typeof r.accountId === 'string');
      if (placeable) {
        set[promoKey(r.accountId as string | null, r.id as string)] = raw;
        return;
      }
      const item: QuarantinedItem = {
        id: `v2-promotions-${index}`,
        key: `promotions[${index}]`,
        reason: 'v2 migration: no id or account to store it under',
        at,
        raw,
      };
      set[quarantineKey(item.id)] = item;
    });
    return { set, remove: ['promotions'] };
  },
};
