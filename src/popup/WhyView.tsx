// "Why did my code fail?" and "Credit not applied?": loaded only when opened, since the diagnosis brings the page wording of
// every language with it. Diagnoses with what is kept: codes already redeemed tell it what this
// advertiser's codes look like, and which are repeats.
import { useMemo } from 'preact/hooks';
import { diagnose } from '../core/diagnosis/index.ts';
import type { PromotionRecord, RedeemAttempt } from '../core/schemas.ts';
import { CreditChecks, DiagnoseForm, FailedAttempts } from '../ui/Diagnosis.tsx';
import { useI18n } from '../ui/i18n.tsx';
import type { Item } from '../core/urgency.ts';

export interface WhyViewProps {
  /** A refused code, or credit that has not appeared: two questions, each with its own entry. */
  part: 'code' | 'credit';
  promotions: readonly PromotionRecord[];
  attempts: readonly RedeemAttempt[];
  items: readonly Item[];
  now: Date;
}

export function WhyView(props: WhyViewProps) {
  const { t, locale } = useI18n();
  const { promotions, attempts, items, now } = props;
  const history = useMemo(
    () => ({
      redeemedCodes: [
        ...new Set([
          ...attempts.filter((a) => a.succeeded).map((a) => a.code),
          ...promotions.flatMap((r) =>
            r.code !== null && r.status !== 'received' && r.status !== 'rejected' ? [r.code] : [],
          ),
        ]),
      ],
    }),
    [attempts, promotions],
  );
  if (props.part === 'code')
    return (
      <>
        <FailedAttempts attempts={attempts} />
        <DiagnoseForm
          diagnose={(code, error) =>
            diagnose(
              {
                code: code === '' ? null : code,
                error: error.trim() === '' ? null : error,
                lang: locale,
                now: now.toISOString(),
              },
              t,
              history,
            ).reasons
          }
        />
      </>
    );
  return (
    <CreditChecks
      items={items}
      check={({ record, progress }) =>
        diagnose(
          {
            now: now.toISOString(),
            lang: locale,
            promotion: {
              ...record.terms,
              activatedOn: record.activatedOn,
              metOn: record.metOn,
              spent: progress.spent,
              status: progress.status,
            },
          },
          t,
          history,
        ).reasons
      }
    />
  );
}
