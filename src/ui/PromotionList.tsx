// Every kept promotion, most urgent first, optionally narrowed to one ad account.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { promoKey } from '../core/store/keys.ts';
import { useI18n } from './i18n.tsx';
import { PromotionCard, type CardActions } from './PromotionCard.tsx';
import { byUrgency, type Item } from '../core/urgency.ts';

// Promotions read before the account id was known share one filter entry.
const NO_ACCOUNT = '\u0000';
const ALL = '';
/** Cards rendered at first and per "show more": the most urgent ones matter, and 500 cards at once stall. */
export const PAGE_SIZE = 50;
/**
 * Cards in the very first render, more than the popup shows before it scrolls (a 600-px popup shows the
 * first card and the top of the second: a card with its chart is over 400 px tall at 360 px wide): the
 * rest of the first page follows right after that paint, so the most urgent cards do not wait for the
 * others to be built.
 */
export const FIRST_PAINT = 3;

export interface ListActions extends CardActions {
  add(): void;
}

export function PromotionList(props: { items: readonly Item[]; actions: ListActions }) {
  const { t } = useI18n();
  const [account, setAccount] = useState(ALL);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [painted, setPainted] = useState(false);
  // Effects run after the browser has painted: the first cards are on screen by then.
  useEffect(() => setPainted(true), []);
  const rendered = painted ? limit : Math.min(limit, FIRST_PAINT);
  const accounts = useMemo(
    () => [...new Set(props.items.map((i) => i.record.accountId ?? NO_ACCOUNT))].sort(),
    [props.items],
  );
  // The account's name where a page has shown it: an advertiser knows their accounts by name.
  const names = useMemo(
    () =>
      new Map(
        props.items.flatMap((i) =>
          i.record.accountName ? [[i.record.accountId, i.record.accountName]] : [],
        ),
      ),
    [props.items],
  );
  const sorted = useMemo(() => byUrgency(props.items), [props.items]);
  // A filter left on an account that no longer has promotions would hide everything.
  const selected = accounts.includes(account) ? account : ALL;
  const shown =
    selected === ALL ? sorted : sorted.filter((i) => (i.record.accountId ?? NO_ACCOUNT) === selected);

  if (props.items.length === 0) return <EmptyState actions={props.actions} />;
  return (
    <section class="list" aria-labelledby="list-title">
      <div class="list-head">
        <h2 id="list-title">{t('popup_promotionsTitle')}</h2>
        {accounts.length > 1 && (
          <label class="filter">
            <span>{t('popup_filterAccount')}</span>
            <select
              value={selected}
              onChange={(e) => {
                setAccount(e.currentTarget.value);
                setLimit(PAGE_SIZE);
              }}
            >
              <option value={ALL}>{t('popup_allAccounts', [String(accounts.length)])}</option>
              {accounts.map((a) => (
                <option key={a} value={a}>
                  {a === NO_ACCOUNT ? t('ui_accountUnknown') : names.has(a) ? `${names.get(a)} (${a})` : a}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <ul class="cards">
        {shown.slice(0, rendered).map((item) => (
          <li key={promoKey(item.record.accountId, item.record.id)}>
            <PromotionCard item={item} actions={props.actions} />
          </li>
        ))}
      </ul>
      {painted && shown.length > limit && (
        <div class="actions">
          <button type="button" onClick={() => setLimit(limit + PAGE_SIZE)}>
            {t('popup_showMore', [
              String(Math.min(PAGE_SIZE, shown.length - limit)),
              String(shown.length - limit),
            ])}
          </button>
        </div>
      )}
    </section>
  );
}

/** No promotion yet: say where they come from and offer both ways in. */
export function EmptyState(props: { actions: ListActions }) {
  const { t } = useI18n();
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('popup_emptyTitle')}</h2>
      <ol class="empty-steps">
        <li>
          <p>{t('popup_emptyOpenPayment')}</p>
          <button type="button" class="primary" onClick={() => props.actions.openBilling(null)}>
            {t('popup_openBilling')}
          </button>
        </li>
        <li>
          <p>{t('popup_emptyAddByHand')}</p>
          <button type="button" onClick={() => props.actions.add()}>
            {t('popup_addCode')}
          </button>
        </li>
      </ol>
    </section>
  );
}
