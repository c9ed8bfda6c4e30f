// What the report tests share: a report made as the command line makes one (markup visibility), with a
// fixed key; the shape of a snapshot (what is null, how many rows, which statuses), which a report must
// keep while its values change; and the factor its amounts were scaled by, which must be one for all.
import { readPageAndTargets } from '../../src/core/page/read.ts';
import { finishSnapshot } from '../../src/core/page/row-values.ts';
import { capturePage, makeReport, shownByMarkup } from '../../src/core/report/index.ts';
import type { RedactionKey, Report } from '../../src/core/report/index.ts';
import type { PageSnapshot } from '../../src/core/schemas.ts';
import { parseHtml } from './dom.ts';

export function reportOf(
  html: string,
  url: string | null,
  key: RedactionKey = [1, 2, 3, 4],
): Report & { read: PageSnapshot } {
  const doc = parseHtml(html);
  const { snapshot: seen, targets } = readPageAndTargets(doc, url);
  const snapshot = finishSnapshot(seen);
  const capture = capturePage(doc, { shown: shownByMarkup(doc), codeInput: targets.codeInput });
  const report = makeReport({
    capture,
    url,
    read: snapshot,
    corrections: [],
    about: { extensionVersion: 'test', browser: 'test', uiLanguage: 'en' },
    key,
    parse: parseHtml,
  });
  return { ...report, read: snapshot };
}

const isNull = (v: unknown) => (v === null ? 'null' : 'value');

/** What a report keeps of a snapshot: which fields are null, the rows, their statuses and types. */
export function shapeOf(s: PageSnapshot) {
  return {
    view: s.view,
    lang: s.lang,
    accountId: isNull(s.accountId),
    currency: s.currency,
    balance: s.balance && {
      total: isNull(s.balance.total),
      cash: isNull(s.balance.cash),
      credit: isNull(s.balance.credit),
    },
    promotions: s.promotions.map((p) => ({
      ...Object.fromEntries(Object.entries(p).map(([k, v]) => [k, isNull(v)])),
      type: p.type,
      status: p.status,
      assigned: p.assigned,
    })),
    // An error the glossary knows stays verbatim, and any other is page text, redacted: whether there is one.
    redeem: s.redeem && { ...s.redeem, code: isNull(s.redeem.code), error: isNull(s.redeem.error) },
    warnings: s.warnings.length,
  };
}

/** Every amount of a snapshot, in order: the balance's, then each promotion's. */
function amountsOf(s: PageSnapshot): Array<number | null> {
  const out: Array<number | null> = [];
  if (s.balance) out.push(s.balance.total, s.balance.cash, s.balance.credit);
  for (const p of s.promotions) out.push(p.amount, p.minSpend, p.spent, p.unused);
  return out;
}

/**
 * The one whole factor that takes every amount the page read to the amount the report reads (a report
 * scales all amounts of a page by one factor, so that sums and order between them hold): the factor, 1 when
 * the page has no amount but zeros, null when no single whole factor ≥ 2 does (or the nulls differ).
 */
export function factorBetween(page: PageSnapshot, report: PageSnapshot): number | null {
  const from = amountsOf(page);
  const to = amountsOf(report);
  if (from.length !== to.length || from.some((v, i) => (v === null) !== (to[i] === null))) return null;
  const first = from.findIndex((v) => v !== null && v !== 0);
  if (first < 0) return to.every((v) => v === null || v === 0) ? 1 : null;
  const k = Math.round(to[first]! / from[first]!);
  // Amounts are exact to the cent; a float's last digits are not.
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return Number.isInteger(k) && k >= 2 && from.every((v, i) => v === null || same(to[i]!, k * v)) ? k : null;
}
