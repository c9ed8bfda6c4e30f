// The redacted page report ("Read wrong?"): the one entry the extension and the command line use, so that
// `cli redact` prints exactly what the extension would save for the same page.
import { readPage } from '../page/index.ts';
import type { PageSnapshot } from '../schemas.ts';
import type { Capture } from './capture.ts';
import { createRedactor, digitRunsOf, pageTextsOf, redactCapture, splitAmountsOf } from './redact.ts';
import type { RedactionKey } from './redact.ts';
import { writeDocument, writeReport } from './write.ts';
import type { Correction, ReportFacts } from './write.ts';

export { capturePage, shownByMarkup } from './capture.ts';
export type { Capture, Shown } from './capture.ts';
export type { RedactionKey } from './redact.ts';
export { Correction, readReportFacts, ReportFacts } from './write.ts';

export interface ReportInput {
  capture: Capture;
  /** The page's URL as the reader saw it. */
  url: string | null;
  /** What the extension read from the page itself. */
  read: PageSnapshot;
  corrections: Correction[];
  about: Pick<ReportFacts, 'extensionVersion' | 'browser' | 'uiLanguage'>;
  /** Drawn with crypto.getRandomValues for each report, and not kept. */
  key: RedactionKey;
  /** HTML → Document in the caller's DOM (DOMParser in the extension, linkedom on the command line). */
  parse(html: string): Document;
}

export interface Report {
  html: string;
  /** What the reader finds on the report: the page's snapshot, its values redacted. */
  snapshot: PageSnapshot;
  /** The redacted page alone, for a preview. */
  document: string;
}

export function makeReport(input: ReportInput): Report {
  const { capture, url, read, key } = input;
  const lang = capture.root.attrs.find(([name]) => name === 'lang')?.[1] ?? read.lang;
  const split = splitAmountsOf(capture, lang);
  const redactor = createRedactor(key, lang, digitRunsOf(capture, url), pageTextsOf(capture, split));
  const document = writeDocument(redactCapture(capture, redactor, split));
  const reportUrl = redactor.url(url);
  const snapshot = readPage(input.parse(document), reportUrl);
  const html = writeReport(document, {
    url: reportUrl,
    ...input.about,
    snapshot,
    // Our own sentences, but a number in them may be the page's: digits go the way the page's went.
    warnings: read.warnings.map(redactor.numbers),
    warningCount: read.warnings.length,
    // What was read is the page's own value: the report names it as the report reads it, redacted.
    corrections: input.corrections.map((c) => ({ ...c, read: valueAt(snapshot, c.field) })),
  });
  return { html, snapshot, document };
}

/** The value at "promotions.2.amount" in a snapshot, or null when the report has no such field. */
function valueAt(snapshot: PageSnapshot, field: string): Correction['read'] {
  let node: unknown = snapshot;
  for (const key of field.split('.'))
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean' ? node : null;
}
