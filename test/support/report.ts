// What the report tests share: a report made as the command line makes one (markup visibility), with a
// fixed key, and the shape of a snapshot (what is null, how many rows, which statuses), which a report
// must keep while its values change.
import { readPageAndTargets } from '../../src/core/page/read.ts';
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
  const { snapshot, targets } = readPageAndTargets(doc, url);
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
    redeem: s.redeem && { ...s.redeem, code: isNull(s.redeem.code), error: s.redeem.error },
    warnings: s.warnings.length,
  };
}

const AMOUNT_FIELDS: ReadonlySet<string> = new Set(['amount', 'minSpend', 'spent', 'unused']);

/**
 * A report's shape apart from what the amounts decide. A report redacts each amount on its own with a
 * random key, so whether a redacted "unused" still stays under its "amount", or a balance still adds up,
 * is chance: the reader's self-checks may then leave those fields null (see report-known.ts). Everything
 * else (view, language, rows, statuses, types, the redeem dialog) must read the same whatever the key.
 */
export function structureOf(s: PageSnapshot) {
  const shape = shapeOf(s);
  return {
    view: shape.view,
    lang: shape.lang,
    accountId: shape.accountId,
    currency: shape.currency,
    redeem: shape.redeem,
    promotions: shape.promotions.map((p) =>
      Object.fromEntries(Object.entries(p).filter(([k]) => !AMOUNT_FIELDS.has(k))),
    ),
  };
}
