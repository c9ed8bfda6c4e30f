// The add/edit form with the offer-text reader: loaded only when the form opens, since the reader
// brings the offer wording of every language with it.
import { parseTerms } from '../core/terms/index.ts';
import { useI18n } from '../ui/i18n.tsx';
import { PromotionForm, type PromotionFormProps } from '../ui/PromotionForm.tsx';

export function EditView(props: Omit<PromotionFormProps, 'parseTerms'>) {
  const { locale } = useI18n();
  return (
    <PromotionForm {...props} parseTerms={(text, received) => parseTerms(text, { lang: locale, received })} />
  );
}
