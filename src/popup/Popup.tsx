// The popup as a function of what is kept: promotions, redeem attempts, settings and the active tab's
// latest snapshot. Reading and writing storage happen in main.tsx; this renders and reports intents.
import { useMemo, useState } from 'preact/hooks';
import { dateInZone } from '../core/dates.ts';
import { progressOfRecord } from '../core/progress.ts';
import type { PageSnapshot, PromotionRecord, RedeemAttempt } from '../core/schemas.ts';
import { promoKey } from '../core/store/keys.ts';
import type { HeldChange } from '../core/store/layout.ts';
import { useI18n } from '../ui/i18n.tsx';
import { lazyPart } from '../ui/lazy.tsx';
import { PromotionList } from '../ui/PromotionList.tsx';
import type { PromotionDraft } from '../ui/promotion-form.ts';
import type { Item } from '../core/urgency.ts';

export interface PopupData {
  promotions: readonly PromotionRecord[];
  attempts: readonly RedeemAttempt[];
  /** The latest snapshot of the active tab when it is an Ads Manager page, else null. */
  snapshot: PageSnapshot | null;
  now: Date;
  /** Reminder snoozes by promotion key (the store's promoKey), as the worker keeps them. */
  snoozed: Readonly<Record<string, string>>;
  /** A problem reading what is kept (e.g. records set aside as invalid), shown above everything. */
  notice: string | null;
  /** Page changes waiting for the advertiser's confirmation (absent: none, or not read yet). */
  held?: readonly HeldChange[];
}

export interface PopupActions {
  openBilling(accountId: string | null): void;
  openOptions(): void;
  /** Resolves to null once saved, else to a message for the user. */
  savePromotion(draft: PromotionDraft, existing: PromotionRecord | null): Promise<string | null>;
  deletePromotion(record: PromotionRecord): Promise<string | null>;
  snooze(record: PromotionRecord): Promise<string | null>;
  /** "Read wrong?": the review of what was read from the billing page in the active tab. */
  reportPage(): void;
  /** Applies (or dismisses) a page's change held for confirmation. */
  answerHeld?(change: HeldChange, apply: boolean): Promise<string | null>;
}

type Page = 'promotions' | 'why' | 'credit';
type View = { name: Page } | { name: 'form'; record: PromotionRecord | null };

// The diagnosis and the offer-text reader carry every language's wording: the list opens without them.
const WhyView = lazyPart(() => import('./WhyView.tsx').then((m) => m.WhyView));
const EditView = lazyPart(() => import('./EditView.tsx').then((m) => m.EditView));
// Held changes and the checklist come with the full read, which preloads them: the first cards wait for neither.
export const PageParts = lazyPart(() => import('./PageParts.tsx').then((m) => m.PageParts));

export function Popup(props: { data: PopupData; actions: PopupActions }) {
  const { t, timeZone } = useI18n();
  const { promotions, attempts, snapshot, now, snoozed, held = [] } = props.data;
  const [failure, setFailure] = useState<string | null>(null);
  const [view, setView] = useState<View>({ name: 'promotions' });
  const today = dateInZone(now, timeZone);

  const items = useMemo<Item[]>(
    () =>
      promotions.map((record) => {
        const until = snoozed[promoKey(record.accountId, record.id)] ?? null;
        return {
          record,
          progress: progressOfRecord(record, now, timeZone),
          snoozedUntil: until !== null && Date.parse(until) > now.getTime() ? until : null,
        };
      }),
    [promotions, now, timeZone, snoozed],
  );
  const accounts = useMemo(
    () => [...new Set(promotions.flatMap((r) => (r.accountId === null ? [] : [r.accountId])))].sort(),
    [promotions],
  );
  const nav = (name: Page, key: string) => (
    <button
      type="button"
      aria-current={view.name === name ? 'page' : undefined}
      onClick={() => setView({ name })}
    >
      {t(key)}
    </button>
  );

  return (
    <main
      class="popup"
      // Escape leaves the form as Cancel does (the browser would otherwise close the whole popup).
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || view.name !== 'form') return;
        e.preventDefault();
        setView({ name: 'promotions' });
      }}
    >
      <header class="list-head">
        <h1>{t('extName')}</h1>
        <button type="button" onClick={props.actions.openOptions}>
          {t('popup_settings')}
        </button>
      </header>
      {props.data.notice !== null && (
        <p class="field-error" role="status">
          {props.data.notice}
        </p>
      )}
      {failure !== null && (
        <p class="field-error" role="alert">
          {failure}
        </p>
      )}
      <nav class="nav" aria-label={t('popup_navLabel')}>
        {nav('promotions', 'popup_navPromotions')}
        {nav('why', 'popup_navWhy')}
        {nav('credit', 'popup_navCredit')}
        <button
          type="button"
          aria-current={view.name === 'form' && view.record === null ? 'page' : undefined}
          onClick={() => setView({ name: 'form', record: null })}
        >
          {t('popup_addCode')}
        </button>
      </nav>

      {view.name === 'promotions' && (
        <>
          {(held.length > 0 || (snapshot !== null && snapshot.view !== 'other')) && (
            <PageParts
              held={held}
              answerHeld={props.actions.answerHeld}
              snapshot={snapshot}
              promotions={promotions}
              items={items}
              reportPage={props.actions.reportPage}
            />
          )}
          <PromotionList
            items={items}
            actions={{
              openBilling: props.actions.openBilling,
              edit: (item) => setView({ name: 'form', record: item.record }),
              snooze: (item) => void props.actions.snooze(item.record).then(setFailure),
              add: () => setView({ name: 'form', record: null }),
            }}
          />
        </>
      )}

      {view.name === 'why' && (
        <section aria-labelledby="why-title">
          <h2 id="why-title">{t('popup_navWhy')}</h2>
          <WhyView part="code" promotions={promotions} attempts={attempts} items={items} now={now} />
        </section>
      )}

      {view.name === 'credit' && (
        <section aria-labelledby="credit-view-title">
          <h2 id="credit-view-title">{t('popup_navCredit')}</h2>
          <WhyView part="credit" promotions={promotions} attempts={attempts} items={items} now={now} />
        </section>
      )}

      {view.name === 'form' && (
        <EditView
          // A new key per record resets the form's state when switching from one promotion to another.
          key={view.record ? `${view.record.accountId}/${view.record.id}` : 'new'}
          initial={view.record}
          accounts={accounts}
          today={today}
          onSave={async (draft) => {
            const failure = await props.actions.savePromotion(draft, view.record);
            if (failure === null) setView({ name: 'promotions' });
            return failure;
          }}
          onDelete={
            view.record &&
            (async (record) => {
              const failed = await props.actions.deletePromotion(record);
              if (failed === null) setView({ name: 'promotions' });
              return failed;
            })
          }
          onCancel={() => setView({ name: 'promotions' })}
        />
      )}
    </main>
  );
}
