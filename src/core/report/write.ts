// The report file: one self-contained HTML page, the redacted structure of the billing page, with the
// comment browsers write into saved pages (so `cli parse` reads a report as it reads any saved page) and
// a second comment holding what the extension read and what the advertiser corrected.
import * as z from 'zod/mini';

import { PageSnapshot } from '../schemas.ts';
import type { Capture, CapturedElement, CapturedNode } from './capture.ts';

/** A value the advertiser marked wrong, with the value they typed as right (optional). */
export const Correction = z.object({
  /** Where in the snapshot: "balance.total", "promotions.2.amount", "redeem.error". */
  field: z.string().check(z.maxLength(200)),
  /** The value as the report reads it (redacted like the page), null when the report lacks the field. */
  read: z.nullable(z.union([z.string(), z.number(), z.boolean()])),
  /** As the advertiser typed it: their choice to share. */
  right: z.nullable(z.string().check(z.maxLength(500))),
});
export type Correction = z.infer<typeof Correction>;

export const ReportFacts = z.object({
  /** The page's URL without its query values (the ad account id redacted). */
  url: z.nullable(z.string()),
  extensionVersion: z.string(),
  browser: z.string(),
  uiLanguage: z.string(),
  /** What the reader found on the report itself: the page's snapshot, its values redacted. */
  snapshot: PageSnapshot,
  /** What the reader warned about on the page itself. */
  warnings: z.array(z.string()),
  warningCount: z.number(),
  corrections: z.array(Correction),
});
export type ReportFacts = z.infer<typeof ReportFacts>;

const FACTS_OPEN = '<!-- ad-credit-guide report';
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** The page as HTML: the kept attributes, and a mark where the page hid a subtree (as the user saw it). */
export function writeDocument(capture: Capture): string {
  const out: string[] = [];
  const write = (node: CapturedNode): void => {
    if ('text' in node) {
      out.push(escapeText(node.text));
      return;
    }
    out.push(`<${node.tag}`);
    for (const [name, value] of node.attrs) out.push(` ${name}="${escapeAttr(value)}"`);
    if (node.hides) out.push(' data-acg-hidden="" style="display:none"');
    out.push('>');
    if (node.tag === 'head') out.push('<meta charset="utf-8">');
    if (VOID.has(node.tag)) return;
    for (const child of node.children) write(child);
    out.push(`</${node.tag}>`);
  };
  const root: CapturedElement = capture.root.children.some((c) => !('text' in c) && c.tag === 'head')
    ? capture.root
    : {
        ...capture.root,
        children: [{ tag: 'head', attrs: [], hides: false, children: [] }, ...capture.root.children],
      };
  write(root);
  return out.join('');
}

/** JSON that can sit in an HTML comment: no "--", no "<" (only strings can hold either). */
const commentSafe = (json: string) =>
  json.replace(/</g, '\\u003c').replace(/--/g, '-\\u002d').replace(/>/g, '\\u003e');

export function writeReport(document: string, facts: ReportFacts): string {
  const saved = facts.url
    ? `<!-- saved from url=(${String(facts.url.length).padStart(4, '0')})${facts.url} -->\n`
    : '';
  return `<!DOCTYPE html>\n${saved}${FACTS_OPEN}\n${commentSafe(JSON.stringify(facts, null, 1))}\n-->\n${document}\n`;
}

/** The facts of a report file, or null when the file is not a report (or its facts do not validate). */
export function readReportFacts(html: string): ReportFacts | null {
  const start = html.indexOf(FACTS_OPEN);
  if (start < 0) return null;
  const end = html.indexOf('-->', start);
  if (end < 0) return null;
  try {
    const parsed = ReportFacts.safeParse(JSON.parse(html.slice(start + FACTS_OPEN.length, end)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
