// A quarantined value put back, as it was or as the advertiser edited it, validated again against the
// store registry: to the key it came from when that entry is restorable (an attempt back into the list),
// else to the first restorable family whose schema it fits (a promotion from an old flat list).
import { fail, ok, type Result } from '../../core/messages.ts';
import { KEY, MAX_ATTEMPTS, promoKey, quarantineKey, type QuarantinedItem } from '../../core/store/layout.ts';
import { REGISTRY, RESTORABLE, ruleOf, type KeyName } from '../../core/store/registry.ts';
import { RedeemAttempt, type PromotionRecord } from '../../core/schemas.ts';
import { issuesText, type Kept } from '../../platform/store.ts';
import { changes, handler } from './types.ts';

export const quarantineRestore = handler<'quarantine-restore'>()({
  reads: ['quarantine', 'attempts'],
  plan(state, message) {
    const item = state.quarantine.find((q) => q.id === message.id);
    if (item === undefined) return fail('not-found', 'That item is no longer set aside.');
    const value = message.value === undefined ? item.raw : message.value;
    const restored = restoreTarget(item, value, state);
    if (!restored.ok) return restored;
    return ok({
      changes: changes(restored.value, [quarantineKey(item.id)]),
      value: null,
      effects: [{ kind: 'remind' }],
    });
  },
});

/** "attempts[3]" is an element of the attempts list. */
const entryOf = (key: string): KeyName | undefined =>
  key.startsWith(`${KEY.attempts}[`) ? 'attempts' : ruleOf(key);

export function restoreTarget(
  item: QuarantinedItem,
  value: unknown,
  state: Pick<Kept, 'attempts'>,
): Result<Record<string, unknown>> {
  if (item.size !== undefined && value === item.raw)
    return fail('invalid-value', `Only the first part of this ${item.size}-character value was kept.`);
  const own = entryOf(item.key);
  if (own !== undefined && !RESTORABLE.includes(own))
    return fail('invalid-value', `${item.key} is not restored`);
  // A value from a key that no longer exists (an old layout's) goes where its shape says.
  const candidates: KeyName[] = own !== undefined ? [own] : RESTORABLE.filter((n) => REGISTRY[n].family);
  let reason = 'no kept value has this shape';
  for (const name of candidates) {
    if (name === 'attempts') {
      const attempt = RedeemAttempt.safeParse(value);
      if (attempt.success) return ok({ [KEY.attempts]: withAttempt(state.attempts, attempt.data) });
      reason = issuesText(attempt.error);
      continue;
    }
    const parsed = REGISTRY[name].schema.safeParse(value);
    if (!parsed.success) {
      reason = issuesText(parsed.error);
      continue;
    }
    const record = name === 'promotions' ? (parsed.data as PromotionRecord) : null;
    if (record !== null) return ok({ [promoKey(record.accountId, record.id)]: record });
    return ok({ [REGISTRY[name].family ? item.key : REGISTRY[name].key]: parsed.data });
  }
  return fail('invalid-value', reason);
}

const withAttempt = (attempts: readonly RedeemAttempt[], attempt: RedeemAttempt) =>
  [...attempts.filter((a) => a.id !== attempt.id), attempt].slice(-MAX_ATTEMPTS);
