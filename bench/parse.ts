// What the amount and date finders cost on a promotions page's own texts, beside a bare walk over the
// same text (issue 19): every text node of the bench's 3,000-row page through each finder the reader
// calls on cells, then through all of them. That is more parsing than a read does (a read asks each
// cell only what its column holds), so the figures compare the finders' speed from run to run; they are
// not the read's share. No budget: the reader's ratio is the figure that counts.
import { parseHTML } from 'linkedom';
import { findDates, parseDate, parseDateRange } from '../src/core/date-text.ts';
import { currencyOf, findAmounts, parseAmount } from '../src/core/amount-text.ts';
import { textFloor } from './floor.ts';
import { benchPage } from './pages.ts';
import type { Figure } from './report.ts';
import { compare } from './stats.ts';

const ROWS = 3000;
const SHOW_TEXT = 0x4;

/** Each finder on its own over the texts, then all of them, each against the walk. */
const FINDERS: Record<string, (text: string, lang: string) => unknown> = {
  parseAmount,
  findAmounts: (text, lang) => findAmounts(text, lang),
  currencyOf,
  parseDate,
  parseDateRange,
  findDates,
};

export interface ParsePoint {
  finder: string;
  texts: number;
  ms: number;
  floorMs: number;
  ratio: number;
  ratioIqr: [number, number];
  runs: number;
}

export function measureParse(): ParsePoint[] {
  const page = benchPage(ROWS);
  const doc = parseHTML(page.html).document as unknown as Document;
  const lang = doc.documentElement.getAttribute('lang') ?? 'en';
  const texts: string[] = [];
  const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if ((node as Text).data.trim() !== '') texts.push((node as Text).data);
  const over = (finders: Array<(text: string, lang: string) => unknown>) => () => {
    for (const text of texts) for (const find of finders) find(text, lang);
  };
  const runs = { minRuns: 9, maxRuns: 15, minMs: 0 };
  const points = Object.entries(FINDERS).map(([finder, find]) => ({ finder, run: over([find]) }));
  points.push({ finder: 'all', run: over(Object.values(FINDERS)) });
  return points.map(({ finder, run }) => {
    const r = compare(run, () => textFloor(doc), runs);
    return {
      finder,
      texts: texts.length,
      ms: r.a,
      floorMs: r.b,
      ratio: r.ratio,
      ratioIqr: r.ratioIqr,
      runs: r.runs,
    };
  });
}

export function parseFigures(points: readonly ParsePoint[]): Figure[] {
  return points.map((p) => ({
    section: 'parse (linkedom)',
    name: `${p.finder === 'all' ? 'every finder' : p.finder} on ${p.texts} texts of ${ROWS} rows ÷ text walk`,
    value: p.ratio,
    unit: '×',
    note:
      `${p.ms.toFixed(1)} ms, walk ${p.floorMs.toFixed(1)} ms, ${p.runs} runs, ratio IQR ` +
      `${p.ratioIqr[0].toFixed(2)}–${p.ratioIqr[1].toFixed(2)}`,
  }));
}
