// Add or edit a promotion by hand. Pasted offer text is read once typing pauses (so a keystroke never
// waits on a reading) and fills the term fields the user has not changed themselves; a very long paste
// is read up to a limit, with a note saying so. Nothing is sent until every field is valid.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { EMPTY_TERMS, type IsoDate, type PromotionRecord, type PromotionTerms } from '../core/schemas.ts';
import { useI18n } from './i18n.tsx';
import {
  IDENTITY_FIELDS,
  OFFER_READ_DELAY_MS,
  OFFER_READ_LIMIT,
  offerToRead,
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
  const [capped, setCapped] = useState(false);
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

  // The reading runs later, from a timer: it must see the fields as they are then, not as they were typed.
  const latest = useRef({ values, touched, submitted });
  latest.current = { values, touched, submitted };
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; text: string } | null>(null);
  useEffect(() => () => clearTimeout(pending.current?.timer), []);

  /** Reads the offer now; returns the values and terms it leaves, for a submit that cannot wait. */
  const readOffer = (text: string): { next: FormValues; terms: PromotionTerms } => {
    pending.current = null;
    const { values: now, touched: changed, submitted: checked } = latest.current;
    const part = offerToRead(text);
    const terms = props.parseTerms(part.text, now.receivedOn === '' ? null : now.receivedOn);
    const read = termValues(terms);
    const next = { ...now };
    for (const f of TERM_FIELDS) if (!changed.has(f)) next[f] = read[f];
    setValues(next);
    setBase(terms);
    setCapped(part.capped);
    setReadCount(TERM_FIELDS.filter((f) => read[f] !== '').length);
    if (checked) {
      const r = validateForm(next, locale, isNew, terms);
      setErrors(r.ok ? {} : r.errors);
    }
    return { next, terms };
  };

  const typeOffer = (text: string) => {
    setOffer(text);
    clearTimeout(pending.current?.timer);
    pending.current = { text, timer: setTimeout(() => readOffer(text), OFFER_READ_DELAY_MS) };
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setSubmitted(true);
    setSaveError(null);
    // Text typed just before Save is read now rather than after the pause.
    let current = { next: values, terms: base };
    if (pending.current) {
      clearTimeout(pending.current.timer);
      current = readOffer(pending.current.text);
    }
    const r = validateForm(current.next, locale, isNew, current.terms);
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
            onInput={(e) => typeOffer(e.currentTarget.value)}
          />
          <p class="hint" id={`${prefix}-offer-hint`} aria-live="polite">
            {readCount === null ? t('popup_offerHint') : t('popup_offerRead', [String(readCount)])}
            {capped && ` ${t('popup_offerCapped', [OFFER_READ_LIMIT.toLocaleString(locale)])}`}
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
