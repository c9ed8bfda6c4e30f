// What the popup shows about the page in front of the user and the changes waiting for an answer: page
// changes held for confirmation, the redeem checklist for the billing page in the active tab, and "Read
// wrong?". All of it needs the full read, so it is loaded with it (./full.ts preloads it), never before
// the first cards.
import { useMemo } from 'preact/hooks';
import { checklist } from '../core/checklist.ts';
import type { PageSnapshot, PromotionRecord } from '../core/schemas.ts';
import { readDoubtful } from '../core/report/doubt.ts';
import type { HeldChange } from '../core/store/layout.ts';
import type { Item } from '../core/urgency.ts';
import { ChecklistView } from '../ui/ChecklistView.tsx';
import { HeldChanges } from '../ui/HeldChanges.tsx';
import { useI18n } from '../ui/i18n.tsx';

export interface PagePartsProps {
  held: readonly HeldChange[];
  answerHeld?: (change: HeldChange, apply: boolean) => Promise<string | null>;
  /** The latest snapshot of the active tab when it is an Ads Manager page, else null. */
  snapshot: PageSnapshot | null;
  promotions: readonly PromotionRecord[];
  items: readonly Item[];
  reportPage(): void;
}

export function PageParts(props: PagePartsProps) {
  const { t } = useI18n();
  const { snapshot, promotions, items } = props;
  // The checklist follows the billing page in the active tab, with what is kept for that account.
  const steps = useMemo(() => {
    if (!snapshot || snapshot.view === 'other') return null;
    const status = new Map(items.map((i) => [i.record, i.progress.status]));
    return checklist(
      snapshot,
      promotions.filter((r) => r.accountId === snapshot.accountId),
      (r) => status.get(r) ?? r.status,
    );
  }, [snapshot, promotions, items]);
  return (
    <>
      {props.answerHeld && <HeldChanges held={props.held} answer={props.answerHeld} />}
      {steps && <ChecklistView checklist={steps} />}
      {steps && snapshot && (
        <button
          type="button"
          class={readDoubtful(snapshot) ? 'report-action primary' : 'report-action link'}
          onClick={props.reportPage}
        >
          {t('report_action')}
        </button>
      )}
    </>
  );
}
