// The review of one page's read: what the extension read, field by field, beside the reader's warnings;
// the advertiser marks wrong values (and may type the right ones), sees the redacted report, and saves it.
// Page text is rendered as text only; the redacted page is shown in a sandboxed frame that runs nothing.
import { useMemo, useState } from 'preact/hooks';

import type { CapturedPage } from '../core/messages.ts';
import type { Correction, Report } from '../core/report/index.ts';
import { useI18n } from '../ui/i18n.tsx';
import { localWarning, readFields, type ReadField } from './fields.ts';

export interface ReviewProps {
  page: CapturedPage;
  /** The report of this page with these corrections (the same redaction every time). */
  report(corrections: Correction[]): Report;
  /** The redacted page's text, as a reader of the file sees it. */
  textOf(document: string): string;
  /** Today in the advertiser's calendar, for the file name. */
  today: string;
  save(fileName: string, html: string): void;
}

type Marks = Record<string, { wrong: boolean; right: string }>;

export function Review(props: ReviewProps) {
  const { t } = useI18n();
  const { snapshot } = props.page;
  const fields = useMemo(() => readFields(snapshot, t), [snapshot, t]);
  const preview = useMemo(() => props.report([]), [props.report]);
  const text = useMemo(() => props.textOf(preview.document), [preview, props.textOf]);
  const [marks, setMarks] = useState<Marks>({});
  const [saved, setSaved] = useState<string | null>(null);

  const mark = (id: string, change: Partial<Marks[string]>) =>
    setMarks((m) => ({ ...m, [id]: { wrong: false, right: '', ...m[id], ...change } }));

  const save = () => {
    const corrections: Correction[] = fields
      .filter((f) => marks[f.id]?.wrong)
      .map((f) => ({ field: f.id, read: f.value, right: marks[f.id]!.right.trim() || null }));
    const fileName = `ad-credit-guide-report-${props.today}.html`;
    props.save(fileName, props.report(corrections).html);
    setSaved(fileName);
  };

  const shown = (f: ReadField) =>
    f.value === null
      ? t('report_notFound')
      : typeof f.value === 'boolean'
        ? t(f.value ? 'report_yes' : 'report_no')
        : String(f.value);

  return (
    <main class="review">
      <h1>{t('report_title')}</h1>
      <p>{t('report_intro')}</p>

      {/* The warnings come first, and stand beside the values on a wide window: they say which values to doubt. */}
      <div class="read">
        <section aria-labelledby="warnings-title" class="warnings">
          <h2 id="warnings-title">{t('report_warnings')}</h2>
          {snapshot.warnings.length === 0 ? (
            <p>{t('report_noWarnings')}</p>
          ) : (
            <ul>
              {snapshot.warnings.map((w, i) => (
                <li key={i}>{localWarning(w, t)}</li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="fields-title" class="fields">
          <h2 id="fields-title">{t('report_fields')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('report_field')}</th>
                <th scope="col">{t('report_read')}</th>
                <th scope="col">{t('report_wrong')}</th>
                <th scope="col">{t('report_right')}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => {
                const m = marks[f.id];
                return (
                  <tr key={f.id} data-field={f.id} data-wrong={m?.wrong ? 'true' : undefined}>
                    <th scope="row">{f.label}</th>
                    <td class={f.value === null ? 'missing' : undefined}>{shown(f)}</td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${t('report_wrong')}: ${f.label}`}
                        checked={m?.wrong ?? false}
                        onChange={(e) => mark(f.id, { wrong: (e.currentTarget as HTMLInputElement).checked })}
                      />
                    </td>
                    <td>
                      {m?.wrong && (
                        <input
                          type="text"
                          aria-label={`${t('report_right')}: ${f.label}`}
                          value={m.right}
                          onInput={(e) => mark(f.id, { right: (e.currentTarget as HTMLInputElement).value })}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      </div>

      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{t('report_preview')}</h2>
        <p>{t('report_privacy')}</p>
        <h3>{t('report_previewPage')}</h3>
        {/* sandbox with no permissions: the redacted page is shown, never run (it holds no script anyway). */}
        <iframe sandbox="" srcdoc={preview.document} title={t('report_previewPage')} />
        <h3>{t('report_previewText')}</h3>
        <pre data-part="report-text">{text}</pre>
      </section>

      <div class="save">
        <button type="button" class="primary" onClick={save}>
          {t('report_save')}
        </button>
        {saved && <p role="status">{t('report_saved', [saved])}</p>}
      </div>
    </main>
  );
}
