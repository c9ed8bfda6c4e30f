// Add or edit a promotion by hand. Pasted offer text is read as it is typed and fills the term fields
// the user has not changed themselves; nothing is sent until every field is valid.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { EMPTY_TERMS, type IsoDate, type PromotionRecord, type PromotionTerms } from '../core/schemas.ts';
import { useI18n } from './i18n.tsx';
import {
  IDENTITY_FIELDS,
  TERM_FIELDS,
  termValues,
  validateForm,
  valuesFrom,
  type FormErrors,
  type FormField,
  type FormValues,
  type PromotionDraft,
} from './promotion-form.ts';

export interface PromotionFormProps {
  /** null: a new promotion. */
  initial: PromotionRecord | null;
  /** Known ad accounts, offered as suggestions. */
  accounts: readonly string[];
  today: IsoDate;
  parseTerms(text: string, received: IsoDate | null): PromotionTerms;
  /** Resolves to null once saved, else to the message to show (e.g. storage full). */
  onSave(draft: PromotionDraft): Promise<string | null>;
  /** Deletes the promotion being edited (null for a new one); resolves like onSave. */
  onDelete: ((record: PromotionRecord) => Promise<string | null>) | null;
  onCancel(): void;
}

const LABEL: Record<FormField, string> = {
  code: 'popup_fieldCode',
  accountId: 'popup_fieldAccount',
  receivedOn: 'popup_fieldReceived',
  name: 'popup_fieldName',
  amount: 'popup_fieldAmount',
  currency: 'popup_fieldCurrency',
  minSpend: 'popup_fieldMinSpend',
  spendWindowDays: 'popup_fieldWindow',
  spendDeadline: 'popup_fieldSpendDeadline',
  activateBy: 'popup_fieldActivateBy',
  creditValidityDays: 'popup_fieldValidity',
  creditExpiry: 'popup_fieldExpiry',
};

const DATE_FIELDS: ReadonlySet<FormField> = new Set([
  'receivedOn',
  'spendDeadline',
  'activateBy',
  'creditExpiry',
]);
const NUMBER_FIELDS: ReadonlySet<FormField> = new Set([
  'amount',
  'minSpend',
  'spendWindowDays',
  'creditValidityDays',
]);

export function PromotionForm(props: PromotionFormProps) {
  const { t, locale } = useI18n();
  const isNew = props.initial === null;
  const prefix = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<FormValues>(() => valuesFrom(props.initial, props.today));
  const [offer, setOffer] = useState('');
  // Terms the form does not show (regions, eligibility...) come from the last reading of the offer.
  const [base, setBase] = useState<PromotionTerms>(props.initial?.terms ?? EMPTY_TERMS);
  const [readCount, setReadCount] = useState<number | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(new Set());
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const idOf = (f: FormField) => `${prefix}-${f}`;

  // After a first submit, errors follow the values so a fixed field clears at once.
  const revalidate = (next: FormValues, nextBase: PromotionTerms) => {
    if (!submitted) return;
    const r = validateForm(next, locale, isNew, nextBase);
    setErrors(r.ok ? {} : r.errors);
  };

  const setField = (f: FormField, value: string) => {
    const next = { ...values, [f]: value };
    setValues(next);
    setTouched((prev) => new Set(prev).add(f));
    revalidate(next, base);
  };

  const readOffer = (text: string) => {
    setOffer(text);
    const terms = props.parseTerms(text, values.receivedOn === '' ? null : values.receivedOn);
    const read = termValues(terms);
    const next = { ...values };
    for (const f of TERM_FIELDS) if (!touched.has(f)) next[f] = read[f];
    setValues(next);
    setBase(terms);
    setReadCount(TERM_FIELDS.filter((f) => read[f] !== '').length);
    revalidate(next, terms);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setSubmitted(true);
    setSaveError(null);
    const r = validateForm(values, locale, isNew, base);
    if (!r.ok) {
      setErrors(r.errors);
      const first = [...IDENTITY_FIELDS, ...TERM_FIELDS].find((f) => r.errors[f]);
      if (first) formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(idOf(first))}`)?.focus();
      return;
    }
    setErrors({});
    setSaving(true);
    const failure = await props.onSave(r.draft);
    setSaving(false);
    if (failure !== null) setSaveError(failure);
  };

  const field = (f: FormField, locked = false) => {
    const error = errors[f];
    const errorId = `${idOf(f)}-error`;
    return (
      <div class="field" key={f}>
        <label for={idOf(f)}>{t(LABEL[f])}</label>
        <input
          id={idOf(f)}
          type={DATE_FIELDS.has(f) ? 'date' : 'text'}
          inputMode={NUMBER_FIELDS.has(f) ? (f.endsWith('Days') ? 'numeric' : 'decimal') : undefined}
          value={values[f]}
          readOnly={locked}
          spellcheck={false}
          autocomplete="off"
          list={f === 'accountId' && !locked ? `${prefix}-accounts` : undefined}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? errorId : undefined}
          onInput={(e) => setField(f, e.currentTarget.value)}
        />
        {error && (
          <p class="field-error" id={errorId}>
            {t(error)}
          </p>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>{t(isNew ? 'popup_addTitle' : 'popup_editTitle')}</h2>
      <form ref={formRef} class="form" noValidate onSubmit={submit}>
        {field('code', !isNew)}
        {field('accountId', !isNew)}
        <datalist id={`${prefix}-accounts`}>
          {props.accounts.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        {field('receivedOn')}
        {field('name')}
        <div class="field">
          <label for={`${prefix}-offer`}>{t('popup_fieldOffer')}</label>
          <textarea
            id={`${prefix}-offer`}
            rows={4}
            value={offer}
            aria-describedby={`${prefix}-offer-hint`}
            onInput={(e) => readOffer(e.currentTarget.value)}
          />
          <p class="hint" id={`${prefix}-offer-hint`} aria-live="polite">
            {readCount === null ? t('popup_offerHint') : t('popup_offerRead', [String(readCount)])}
          </p>
        </div>
        <fieldset class="terms">
          <legend>{t('popup_termsLegend')}</legend>
          {TERM_FIELDS.map((f) => field(f))}
        </fieldset>
        {saveError !== null && (
          <p class="field-error" role="alert">
            {saveError}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={saving}>
            {t('popup_save')}
          </button>
          <button type="button" onClick={props.onCancel}>
            {t('popup_cancel')}
          </button>
        </div>
        {props.onDelete && props.initial && (
          <DeleteButton
            confirming={confirmDelete}
            setConfirming={setConfirmDelete}
            onDelete={async () => {
              setSaveError(null);
              const failure = await props.onDelete!(props.initial!);
              if (failure !== null) setSaveError(failure);
            }}
          />
        )}
      </form>
    </section>
  );
}

/** Deleting asks once more, and focus moves to the question so keyboard users hear it. */
function DeleteButton(props: {
  confirming: boolean;
  setConfirming(v: boolean): void;
  onDelete(): Promise<void>;
}) {
  const { t } = useI18n();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (props.confirming) confirmRef.current?.focus();
  }, [props.confirming]);
  if (!props.confirming) {
    return (
      <div class="actions">
        <button type="button" class="danger" onClick={() => props.setConfirming(true)}>
          {t('popup_delete')}
        </button>
      </div>
    );
  }
  return (
    <div class="actions" role="group" aria-labelledby="delete-question">
      <p id="delete-question">{t('popup_deleteConfirmText')}</p>
      <button type="button" class="danger" ref={confirmRef} onClick={() => void props.onDelete()}>
        {t('popup_deleteConfirm')}
      </button>
      <button type="button" onClick={() => props.setConfirming(false)}>
        {t('popup_cancel')}
      </button>
    </div>
  );
}
