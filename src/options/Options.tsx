// The options page as a function of what is kept. Storage reads and the messages that change anything
// live in main.tsx; every destructive step here asks first.
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import {
  buildBackup,
  parseBackup,
  mergeSettings,
  planImport,
  type FieldChange,
  toCsv,
  toIcs,
  type BackupProblem,
  type ImportPlan,
} from '../core/export.ts';
import { dateInZone } from '../core/dates.ts';
import {
  DEFAULT_SETTINGS,
  type Backup,
  type PromotionRecord,
  type RedeemAttempt,
  type Settings,
} from '../core/schemas.ts';
import {
  MAX_SET_ASIDE_CHARS,
  type NotificationRefusals,
  type QuarantinedItem,
} from '../core/store/layout.ts';
import { STORAGE_QUOTA_BYTES, storageNearlyFull } from '../core/limits.ts';
import { formatDateTime } from '../ui/format.ts';
import { useI18n } from '../ui/i18n.tsx';
import { readSettings, settingsValues, type SettingsField, type SettingsValues } from './settings-form.ts';

export interface OptionsData {
  promotions: readonly PromotionRecord[];
  attempts: readonly RedeemAttempt[];
  settings: Settings;
  quarantine: readonly QuarantinedItem[];
  /** Reminders the browser refused to show (they are tried again); absent when none ever was. */
  refusedNotifications?: NotificationRefusals;
  now: Date;
  /** The system's own zone, offered as the default. */
  systemTimeZone: string;
  /** How much of storage.local is in use, once known. */
  bytesInUse?: number | null;
}

/** Each resolves to null when done, else to a message for the user. */
export interface OptionsActions {
  saveSettings(settings: Settings): Promise<string | null>;
  importBackup(backup: Backup): Promise<string | null>;
  restoreQuarantined(id: string): Promise<string | null>;
  deleteQuarantined(id: string): Promise<string | null>;
  clearAll(): Promise<string | null>;
  download(filename: string, type: string, text: string): void;
}

export function Options(props: { data: OptionsData; actions: OptionsActions }) {
  const { t } = useI18n();
  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      {props.data.bytesInUse != null && storageNearlyFull(props.data.bytesInUse) && (
        <p class="field-error" role="status">
          {t('options_storageNearlyFull', [
            (props.data.bytesInUse / 1024 / 1024).toFixed(1),
            String(STORAGE_QUOTA_BYTES / 1024 / 1024),
          ])}
        </p>
      )}
      <SettingsSection data={props.data} actions={props.actions} />
      <ExportSection data={props.data} actions={props.actions} />
      <ImportSection data={props.data} actions={props.actions} />
      <QuarantineSection data={props.data} actions={props.actions} />
      <ClearSection actions={props.actions} />
    </main>
  );
}

interface SectionProps {
  data: OptionsData;
  actions: OptionsActions;
}

/** A line that says how the last action went, read out when it changes. */
function Outcome(props: { message: string | null; error: boolean }) {
  return (
    <p class={props.error ? 'field-error' : 'muted'} role="status">
      {props.message ?? ''}
    </p>
  );
}

function SettingsSection({ data, actions }: SectionProps) {
  const { t } = useI18n();
  const id = useId();
  const [values, setValues] = useState<SettingsValues>(() => settingsValues(data.settings));
  const [errors, setErrors] = useState<Partial<Record<SettingsField, string>>>({});
  const [outcome, setOutcome] = useState<{ message: string; error: boolean } | null>(null);
  // The form shows what is kept: after "Clear all data", an import or a save it starts again from that,
  // compared by value (a re-read gives a new object with the same settings).
  const kept = JSON.stringify(data.settings);
  const [shown, setShown] = useState(kept);
  if (shown !== kept) {
    setShown(kept);
    setValues(settingsValues(data.settings));
    setErrors({});
  }
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const set = <K extends keyof SettingsValues>(k: K, v: SettingsValues[K]) =>
    setValues({ ...values, [k]: v });
  const described = (f: SettingsField, hint?: string) => {
    const ids = [hint, errors[f] ? `${id}-${f}-error` : undefined].filter(Boolean).join(' ');
    return {
      'aria-invalid': errors[f] ? ('true' as const) : undefined,
      'aria-describedby': ids || undefined,
    };
  };
  const error = (f: SettingsField) =>
    errors[f] && (
      <p class="field-error" id={`${id}-${f}-error`}>
        {t(errors[f])}
      </p>
    );

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('options_remindersTitle')}</h2>
      {data.refusedNotifications && <RefusedNotifications refusals={data.refusedNotifications} />}
      <form
        class="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const r = readSettings(values);
          if (!r.ok) {
            setErrors(r.errors);
            setOutcome(null);
            return;
          }
          setErrors({});
          const failure = await actions.saveSettings(r.settings);
          setOutcome(
            failure === null
              ? { message: t('options_saved'), error: false }
              : { message: failure, error: true },
          );
        }}
      >
        <div class="field">
          <label for={`${id}-days`}>{t('options_reminderDays')}</label>
          <input
            id={`${id}-days`}
            value={values.reminderDays}
            inputMode="numeric"
            {...described('reminderDays', `${id}-days-hint`)}
            onInput={(e) => set('reminderDays', e.currentTarget.value)}
          />
          <p class="hint" id={`${id}-days-hint`}>
            {t('options_reminderDaysHint')}
          </p>
          {error('reminderDays')}
        </div>
        <fieldset class="terms">
          <legend>{t('options_quietHours')}</legend>
          <label class="filter">
            <input
              type="checkbox"
              checked={values.quiet}
              onChange={(e) => set('quiet', e.currentTarget.checked)}
            />
            <span>{t('options_quietEnabled')}</span>
          </label>
          <div class="field">
            <label for={`${id}-qs`}>{t('options_quietStart')}</label>
            <input
              id={`${id}-qs`}
              type="time"
              value={values.quietStart}
              disabled={!values.quiet}
              {...described('quietStart')}
              onInput={(e) => set('quietStart', e.currentTarget.value)}
            />
            {error('quietStart')}
          </div>
          <div class="field">
            <label for={`${id}-qe`}>{t('options_quietEnd')}</label>
            <input
              id={`${id}-qe`}
              type="time"
              value={values.quietEnd}
              disabled={!values.quiet}
              {...described('quietEnd')}
              onInput={(e) => set('quietEnd', e.currentTarget.value)}
            />
            {error('quietEnd')}
          </div>
        </fieldset>
        <div class="field">
          <label for={`${id}-tz`}>{t('options_timeZone')}</label>
          <select
            id={`${id}-tz`}
            value={values.timeZone}
            {...described('timeZone')}
            onChange={(e) => set('timeZone', e.currentTarget.value)}
          >
            <option value="">{t('options_timeZoneSystem', [data.systemTimeZone])}</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
          {error('timeZone')}
        </div>
        <div class="actions">
          <button type="submit" class="primary">
            {t('options_save')}
          </button>
        </div>
        <Outcome message={outcome?.message ?? null} error={outcome?.error ?? false} />
      </form>
    </section>
  );
}

/** The browser would not show some reminders: say so, since the advertiser would otherwise never know. */
function RefusedNotifications({ refusals }: { refusals: NotificationRefusals }) {
  const { t, locale, timeZone } = useI18n();
  return (
    <p class="field-error" role="status">
      {t('options_notificationsRefused', [
        String(refusals.count),
        formatDateTime(refusals.at, locale, timeZone),
        refusals.lastError,
      ])}
    </p>
  );
}

function ExportSection({ data, actions }: SectionProps) {
  const { t, locale, timeZone } = useI18n();
  const stamp = dateInZone(data.now, timeZone);
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('options_exportTitle')}</h2>
      <p class="muted">{t('options_exportHint', [String(data.promotions.length)])}</p>
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            actions.download(
              `ad-credit-guide-${stamp}.json`,
              'application/json',
              buildBackup(
                { promotions: data.promotions, attempts: data.attempts, settings: data.settings },
                data.now,
              ),
            )
          }
        >
          {t('options_exportJson')}
        </button>
        <button
          type="button"
          onClick={() =>
            actions.download(
              `ad-credit-guide-${stamp}.csv`,
              'text/csv',
              toCsv(data.promotions, data.now, timeZone),
            )
          }
        >
          {t('options_exportCsv')}
        </button>
        <button
          type="button"
          onClick={() =>
            actions.download(
              `ad-credit-guide-${stamp}.ics`,
              'text/calendar',
              toIcs(data.promotions, {
                now: data.now,
                timeZone,
                locale,
                reminderDays: data.settings.reminderDays,
                t,
              }),
            )
          }
        >
          {t('options_exportIcs')}
        </button>
      </div>
    </section>
  );
}

const SETTING_LABEL: Record<string, string> = {
  reminderDays: 'options_reminderDays',
  quietHours: 'options_quietHours',
  timeZone: 'options_timeZone',
};

/** A promotion's fields by the names the add/edit form gives them; others by their stored name. */
const FIELD_LABEL: Record<string, string> = {
  code: 'popup_fieldCode',
  accountId: 'popup_fieldAccount',
  receivedOn: 'popup_fieldReceived',
  name: 'popup_fieldName',
  'terms.amount': 'popup_fieldAmount',
  'terms.currency': 'popup_fieldCurrency',
  'terms.minSpend': 'popup_fieldMinSpend',
  'terms.spendWindowDays': 'popup_fieldWindow',
  'terms.spendDeadline': 'popup_fieldSpendDeadline',
  'terms.activateBy': 'popup_fieldActivateBy',
  'terms.creditValidityDays': 'popup_fieldValidity',
  'terms.creditExpiry': 'popup_fieldExpiry',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A kept or imported value as text: lists joined, quiet hours as a range, nothing as a dash. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value))
    return value.every((v) => typeof v !== 'object') ? value.join(', ') : String(value.length);
  if (typeof value === 'object') {
    const range = value as { start?: unknown; end?: unknown };
    if (typeof range.start === 'string' && typeof range.end === 'string')
      return `${range.start}–${range.end}`;
    return JSON.stringify(value);
  }
  return String(value);
}

const PROBLEM_KEY: Record<string, string> = {
  'not-json': 'options_importNotJson',
  'not-a-backup': 'options_importNotBackup',
};

function ImportSection({ data, actions }: SectionProps) {
  const { t } = useI18n();
  const id = useId();
  const [pending, setPending] = useState<{ backup: Backup; plan: ImportPlan } | null>(null);
  // The backup's settings taken, field by field; the others stay as they are.
  const [taken, setTaken] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<BackupProblem[]>([]);
  const [outcome, setOutcome] = useState<{ message: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (file: File) => {
    setOutcome(null);
    const parsed = parseBackup(await file.text());
    if (!parsed.ok) {
      setPending(null);
      setProblems(parsed.problems);
      return;
    }
    setProblems([]);
    const next = planImport(data, parsed.backup);
    setPending({ backup: parsed.backup, plan: next });
    // A setting still at its default is taken from the backup; one the user chose is kept unless ticked.
    setTaken(
      new Set(
        next.settings
          .filter((c) => same(c.before, DEFAULT_SETTINGS[c.field as keyof Settings]))
          .map((c) => c.field),
      ),
    );
  };

  const plan = pending?.plan;
  const nothingToDo =
    plan !== undefined &&
    plan.added.length === 0 &&
    plan.changed.length === 0 &&
    plan.attemptsAdded === 0 &&
    taken.size === 0;
  const label = (r: PromotionRecord) =>
    `${r.name ?? r.code ?? t('ui_unnamedPromotion')} (${r.accountId ?? t('ui_accountUnknown')})`;
  const change = (c: FieldChange, name: string) =>
    t('options_importChange', [name, shown(c.before), shown(c.after)]);
  const settingName = (field: string) => t(SETTING_LABEL[field] ?? field);

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('options_importTitle')}</h2>
      <div class="field">
        <label for={`${id}-file`}>{t('options_importFile')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void read(file);
          }}
        />
      </div>
      {problems.length > 0 && (
        <div role="alert">
          <p class="field-error">{t('options_importInvalid')}</p>
          <ul>
            {problems.slice(0, 10).map((p, i) => (
              <li key={i} class="problem">
                {PROBLEM_KEY[p.message] ? t(PROBLEM_KEY[p.message]!) : `${p.path}: ${p.message}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {pending && plan && (
        <div class="import-plan" aria-live="polite">
          <h3>{t('options_importPlanTitle')}</h3>
          <p>
            {t('options_importSummary', [
              String(plan.added.length),
              String(plan.changed.length),
              String(plan.unchanged),
              String(plan.attemptsAdded),
            ])}
          </p>
          {plan.settings.length > 0 && (
            <fieldset class="terms">
              <legend>{t('options_importSettings')}</legend>
              {plan.settings.map((c) => (
                <label key={c.field} class="filter">
                  <input
                    type="checkbox"
                    checked={taken.has(c.field)}
                    onChange={(e) => {
                      const next = new Set(taken);
                      if (e.currentTarget.checked) next.add(c.field);
                      else next.delete(c.field);
                      setTaken(next);
                    }}
                  />
                  <span>{change(c, settingName(c.field))}</span>
                </label>
              ))}
            </fieldset>
          )}
          {plan.added.length > 0 && (
            <>
              <h4>{t('options_importAdded')}</h4>
              <ul>
                {plan.added.map((r) => (
                  <li key={`${r.accountId}/${r.id}`}>{label(r)}</li>
                ))}
              </ul>
            </>
          )}
          {plan.changed.length > 0 && (
            <>
              <h4>{t('options_importChanged')}</h4>
              <ul>
                {plan.changed.map((c) => (
                  <li key={`${c.after.accountId}/${c.after.id}`}>
                    {/* The name the promotion has now: a renamed one is found by what the user knows. */}
                    {label(c.before)}
                    <ul class="muted">
                      {c.changes.map((x) => (
                        <li key={x.field}>
                          {change(x, FIELD_LABEL[x.field] ? t(FIELD_LABEL[x.field]!) : x.field)}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </>
          )}
          <div class="actions">
            <button
              type="button"
              class={plan.changed.length > 0 ? 'danger' : 'primary'}
              disabled={busy || nothingToDo}
              onClick={async () => {
                setBusy(true);
                const failure = await actions.importBackup({
                  ...pending.backup,
                  settings: mergeSettings(data.settings, pending.backup.settings, taken),
                });
                setBusy(false);
                setPending(null);
                setOutcome(
                  failure === null
                    ? { message: t('options_importDone'), error: false }
                    : { message: failure, error: true },
                );
              }}
            >
              {plan.changed.length > 0
                ? t('options_importConfirmReplace', [String(plan.changed.length)])
                : t('options_importConfirm')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('options_cancel')}
            </button>
          </div>
        </div>
      )}
      <Outcome message={outcome?.message ?? null} error={outcome?.error ?? false} />
    </section>
  );
}

function QuarantineSection({ data, actions }: SectionProps) {
  const { t, locale, timeZone } = useI18n();
  const [outcome, setOutcome] = useState<string | null>(null);
  const run = async (action: Promise<string | null>) => setOutcome(await action);
  return (
    <section aria-labelledby="quarantine-title">
      <h2 id="quarantine-title">{t('options_quarantineTitle')}</h2>
      {data.quarantine.length === 0 ? (
        <p class="muted">{t('options_quarantineEmpty')}</p>
      ) : (
        <>
          <p class="muted">{t('options_quarantineHint')}</p>
          <ul class="attempts">
            {data.quarantine.map((q) => (
              <li key={q.id} class="attempt">
                <p>
                  <code class="code">{q.key}</code>{' '}
                  <span class="muted">{formatDateTime(q.at, locale, timeZone)}</span>
                </p>
                <p class="problem">{q.reason}</p>
                {q.size !== undefined && (
                  <p class="muted">
                    {t('options_quarantineExcerpt', [String(q.size), String(MAX_SET_ASIDE_CHARS)])}
                  </p>
                )}
                <details>
                  <summary>{t('options_quarantineRaw')}</summary>
                  <pre class="code">{JSON.stringify(q.raw, null, 2)}</pre>
                </details>
                <div class="actions">
                  <button
                    type="button"
                    disabled={q.size !== undefined}
                    onClick={() => run(actions.restoreQuarantined(q.id))}
                  >
                    {t('options_restore')}
                  </button>
                  <button type="button" class="danger" onClick={() => run(actions.deleteQuarantined(q.id))}>
                    {t('options_delete')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <Outcome message={outcome} error={outcome !== null} />
    </section>
  );
}

function ClearSection({ actions }: { actions: OptionsActions }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Focus moves to the question's answer so keyboard and screen-reader users meet it at once.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const [outcome, setOutcome] = useState<{ message: string; error: boolean } | null>(null);
  return (
    <section aria-labelledby="clear-title">
      <h2 id="clear-title">{t('options_clearTitle')}</h2>
      <p class="muted">{t('options_clearHint')}</p>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="clear-confirm" class="actions">
          <p id="clear-confirm">{t('options_clearConfirmText')}</p>
          <button
            type="button"
            class="danger"
            ref={confirmRef}
            onClick={async () => {
              const failure = await actions.clearAll();
              setConfirming(false);
              setOutcome(
                failure === null
                  ? { message: t('options_cleared'), error: false }
                  : { message: failure, error: true },
              );
            }}
          >
            {t('options_clearConfirm')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('options_cancel')}
          </button>
        </div>
      ) : (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          {t('options_clear')}
        </button>
      )}
      <Outcome message={outcome?.message ?? null} error={outcome?.error ?? false} />
    </section>
  );
}
