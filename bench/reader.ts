// Reading cost against the floor, size by size: the reader and a bare text walk of the same Document,
// interleaved run for run. Shared by the Node DOMs (here) and Chromium (reader-chromium.ts), which run
// the same comparison inside the page and hand back the same numbers.
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { readPage } from '../src/core/page/index.ts';
import { textFloor } from './floor.ts';
import { rereadOneRow } from './reread.ts';
import { benchPage, readsCorrectly, SIZES } from './pages.ts';
import type { Figure } from './report.ts';
import { compare, growthExponent } from './stats.ts';

export interface SizePoint {
  rows: number;
  readerMs: number;
  floorMs: number;
  /** Median of the per-run ratios (not the ratio of the medians). */
  ratio: number;
  ratioIqr: [number, number];
  runs: number;
  correct: boolean;
  /** The same page read again after one row changed, with the content script's memo. */
  reread: { ms: number; floorMs: number; ratio: number; ratioIqr: [number, number]; runs: number };
}

/** A re-read after one row changed, on lists of REREAD_BUDGET_ROWS rows or more. */
export const RATIO_BUDGET = 1.5;
/** Below this a list is read in well under a millisecond, less than building any snapshot costs. */
export const REREAD_BUDGET_ROWS = 1000;
/** Linear growth, with room for the fixed costs that flatten the small end. */
export const GROWTH_BUDGET = 1.2;

/** Fewer runs where one run takes seconds; the interleaving keeps even a few runs comparable. */
export function runsFor(rows: number): { minRuns: number; maxRuns: number; minMs: number } {
  return rows >= 3000
    ? { minRuns: 5, maxRuns: 9, minMs: 0 }
    : rows >= 1000
      ? { minRuns: 7, maxRuns: 15, minMs: 0 }
      : { minRuns: 15, maxRuns: 200, minMs: 300 };
}

interface NodeDom {
  name: string;
  parse(html: string): { doc: Document; close(): void };
}

// jsdom is left out: it takes about half a minute to parse the 3,000-row page here, and ships no types.
export const NODE_DOMS: Record<string, NodeDom> = {
  // As the CLI builds it (src/cli/commands/parse.ts).
  'happy-dom': {
    name: 'happy-dom',
    parse(html) {
      const window = new Window({
        settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
      });
      const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
      return { doc, close: () => void window.happyDOM.close() };
    },
  },
  linkedom: {
    name: 'linkedom',
    parse: (html) => ({ doc: parseHTML(html).document as unknown as Document, close: () => {} }),
  },
};

/** What one comparison of a reading against the floor hands back (stats.ts `compare`). */
type Comparison = Pick<ReturnType<typeof compare>, 'a' | 'b' | 'ratio' | 'ratioIqr' | 'runs'>;

/** One size's point from its two comparisons: the first read, and the re-read after a row changed. */
export function sizePoint(rows: number, first: Comparison, again: Comparison, correct: boolean): SizePoint {
  return {
    rows,
    readerMs: first.a,
    floorMs: first.b,
    ratio: first.ratio,
    ratioIqr: first.ratioIqr,
    runs: first.runs,
    correct,
    reread: { ms: again.a, floorMs: again.b, ratio: again.ratio, ratioIqr: again.ratioIqr, runs: again.runs },
  };
}

export function measureNodeDom(dom: NodeDom, sizes: readonly number[] = SIZES): SizePoint[] {
  return sizes.map((rows) => {
    const page = benchPage(rows);
    const { doc, close } = dom.parse(page.html);
    try {
      const correct = readsCorrectly(page, readPage(doc, page.url).promotions);
      const r = compare(
        () => readPage(doc, page.url),
        () => textFloor(doc),
        runsFor(rows),
      );
      const again = compare(rereadOneRow(doc, page.url), () => textFloor(doc), runsFor(rows));
      return sizePoint(rows, r, again, correct);
    } finally {
      close();
    }
  });
}

/** One figure per size (the ratio, with both medians in the note), the growth exponent and the cost per row. */
export function readerFigures(section: string, points: readonly SizePoint[]): Figure[] {
  const fmt = (ms: number) => (ms >= 10 ? ms.toFixed(0) : ms.toFixed(2));
  const figures: Figure[] = points.map((p) => ({
    section,
    name: `reader/floor @${p.rows} rows`,
    value: p.ratio,
    unit: '×',
    // The first read's budget is the content script's own, in its isolated world (extension.ts): here
    // both sides run in the page's world or a Node DOM, which says how the reader scales, not what ships.
    note:
      `reader ${fmt(p.readerMs)} ms, floor ${fmt(p.floorMs)} ms, ${p.runs} runs, ratio IQR ` +
      `${p.ratioIqr[0].toFixed(2)}–${p.ratioIqr[1].toFixed(2)}` +
      (p.correct ? '' : '; READER OUTPUT WRONG: figure not meaningful'),
  }));
  figures.push(
    ...points.map((p) => ({
      section,
      name: `re-read/floor @${p.rows} rows, one row changed`,
      value: p.reread.ratio,
      unit: '×',
      ...(p.rows >= REREAD_BUDGET_ROWS ? { budget: { max: RATIO_BUDGET } } : {}),
      note:
        `re-read ${fmt(p.reread.ms)} ms, floor ${fmt(p.reread.floorMs)} ms, ${p.reread.runs} runs, ratio IQR ` +
        `${p.reread.ratioIqr[0].toFixed(2)}–${p.reread.ratioIqr[1].toFixed(2)}; what each content read costs once the page is read`,
    })),
  );
  if (points.length >= 2) {
    const first = points[0]!;
    const last = points[points.length - 1]!;
    const reader = growthExponent(points.map((p) => ({ n: p.rows, ms: p.readerMs })));
    const floor = growthExponent(points.map((p) => ({ n: p.rows, ms: p.floorMs })));
    figures.push({
      section,
      name: `reader growth exponent ${first.rows}→${last.rows} rows`,
      value: reader,
      unit: '',
      budget: { max: GROWTH_BUDGET },
      note: `1 = linear; floor's own: ${floor.toFixed(2)}`,
    });
    // The first read's own cost at the largest size: beside a floor that only touches text, the ratio
    // says little of what finding the table and parsing every row costs per row (see the README).
    figures.push({
      section,
      name: `first read per 1,000 rows @${last.rows} rows`,
      value: (last.readerMs * 1000) / last.rows,
      unit: 'ms',
      note: `reader ${fmt(last.readerMs)} ms for ${last.rows} rows`,
    });
  }
  return figures;
}
