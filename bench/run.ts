// `npm run bench`: every performance figure of issues 8 and 19 in one run, each beside its budget, printed as a
// table and written to bench/results.json. `npm run bench -- --only reader,bundle` runs some sections
// (reader, parse, chromium, bundle, popup, extension, terms, worker).
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium, ROOT } from '../scripts/browser/harness.ts';
import { bundleFigures, measureBundles } from './bundles.ts';
import { extensionFigures, measureExtension } from './extension.ts';
import { measurePopupNode } from './popup-node.tsx';
import { measureChromium } from './reader-chromium.ts';
import { measureParse, parseFigures } from './parse.ts';
import { measureNodeDom, NODE_DOMS, readerFigures } from './reader.ts';
import { table, verdict, type Figure } from './report.ts';
import { measureTerms, termsFigures } from './terms.ts';
import { measureWorkerChromium, measureWorkerNode, workerFigures } from './worker.ts';

const SECTIONS = ['reader', 'parse', 'chromium', 'bundle', 'popup', 'extension', 'terms', 'worker'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: string[]): { only: Set<Section> } {
  const at = argv.indexOf('--only');
  const only = at === -1 ? [...SECTIONS] : (argv[at + 1] ?? '').split(',');
  const unknown = only.filter((s) => !SECTIONS.includes(s as Section));
  if (unknown.length)
    throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  return { only: new Set(only as Section[]) };
}

const args = parseArgs(process.argv.slice(2));
const startedAt = new Date();
const figures: Figure[] = [];
const details: Record<string, unknown> = {};
const seconds: Record<string, number> = {};

/** Runs one section; a section that fails leaves a n/a figure with the reason and the others still run. */
async function section(name: Section, run: () => Promise<Figure[]>): Promise<void> {
  if (!args.only.has(name)) return;
  const t0 = performance.now();
  process.stderr.write(`bench: ${name}…\n`);
  try {
    figures.push(...(await run()));
  } catch (e) {
    figures.push({
      section: name,
      name: 'section failed',
      value: null,
      unit: '',
      note: String(e).split('\n')[0],
    });
  }
  seconds[name] = Math.round((performance.now() - t0) / 100) / 10;
}

await section('bundle', async () => {
  const { dist, entries } = await measureBundles();
  rmSync(dist, { recursive: true, force: true });
  details.bundles = entries;
  return bundleFigures(entries);
});

await section('reader', async () => {
  const out: Figure[] = [];
  for (const name of Object.keys(NODE_DOMS)) {
    const points = measureNodeDom(NODE_DOMS[name]!);
    details[`reader/${name}`] = points;
    out.push(...readerFigures(`reader/${name}`, points));
  }
  return out;
});

await section('parse', async () => {
  const points = measureParse();
  details.parse = points;
  return parseFigures(points);
});

await section('chromium', async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  try {
    const points = await measureChromium(browser);
    details['reader/chromium'] = { version: browser.version(), points };
    return readerFigures('reader/chromium', points);
  } finally {
    await browser.close();
  }
});

await section('popup', async () => {
  const r = measurePopupNode(500);
  details['popup/happy-dom'] = r;
  return [
    {
      section: 'popup (happy-dom)',
      name: 'first render, 500 promotions',
      value: r.coldMs,
      unit: 'ms',
      note: `render call → cards in the DOM (${r.cards} shown); warm renders: ${r.warmMs.toFixed(0)} ms; the popup's budget is Chromium's first card ÷ the empty extension page`,
    },
  ];
});

await section('terms', async () => {
  const points = measureTerms();
  details.terms = points;
  return termsFigures(points);
});

await section('extension', async () => {
  const { dist } = await measureBundles({ timing: true });
  try {
    const r = await measureExtension(dist);
    details.extension = r;
    return extensionFigures(r);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

await section('worker', async () => {
  const { dist } = await measureBundles();
  try {
    const r = { node: await measureWorkerNode(), chromium: await measureWorkerChromium(dist) };
    details.worker = r;
    return workerFigures(r);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

const durationS = Math.round((Date.now() - startedAt.getTime()) / 1000);
process.stdout.write(`${table(figures)}\n\n`);
const misses = figures.filter((f) => verdict(f) === 'miss').length;
const missing = figures.filter((f) => verdict(f) === 'n/a').length;
process.stdout.write(
  `${misses} over budget, ${missing} not measured; ${durationS} s on ${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);
writeFileSync(
  join(ROOT, 'bench', 'results.json'),
  `${JSON.stringify(
    {
      startedAt: startedAt.toISOString(),
      durationS,
      seconds,
      machine: { node: process.version, cores: cpus().length, loadavg: loadavg() },
      figures: figures.map((f) => ({ ...f, verdict: verdict(f) })),
      details,
    },
    null,
    2,
  )}\n`,
);
