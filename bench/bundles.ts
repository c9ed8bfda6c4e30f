// Bundle sizes, gzipped, per entry of the built extension: the manifest names each entry (content
// script, worker, popup and options pages), and an entry costs its own file (a page's HTML too: the
// popup's carries its style sheet) plus every chunk it imports statically. The content script is one classic script with nothing to import (vite.config.ts builds it
// on its own), so its figure is everything that loads on an Ads Manager page. The build runs into a
// temporary folder, so dist/ (which others test against) is left as is, and it records which modules
// each chunk holds, the content script's included: when an entry is over budget, the figures say why.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import process from 'node:process';
import { gzipSync } from 'node:zlib';
import { build, minifySync, type Plugin } from 'vite';
import { ROOT } from '../scripts/browser/harness.ts';
import type { Figure } from './report.ts';

const KB = 1024;
// The content script carries the page wordings of every language it reads; the popup must open at once.
export const BUDGET_KB: Record<string, number | undefined> = { content: 28, popup: 25 };

interface Manifest {
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  background?: { service_worker?: string };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
}

/** Source module → its code as rendered into one chunk, before the chunk is minified. */
type ChunkModules = Map<string, Map<string, string>>;

function recordModules(into: ChunkModules): Plugin {
  return {
    name: 'acg-bench-modules',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const codes = new Map<string, string>();
        for (const [id, m] of Object.entries(chunk.modules)) if (m.code) codes.set(shortId(id), m.code);
        into.set(chunk.fileName, codes);
      }
    },
  };
}

/**
 * Bytes each module adds to its chunk gzipped: the chunk minified and gzipped, less the same without
 * that module. Raw lengths mislead: a table of wordings in eight languages compresses far worse than
 * code that repeats the chunk's names. The minifier keeps code left unused by a module taken out, so
 * that only that module's own code goes; the chunk is wrapped in a function, as the content script is,
 * so its names are shortened as they ship. An estimate: the shares add up to about the chunk's size.
 */
function gzipShares(codes: ReadonlyMap<string, string>): Map<string, number> {
  const minify = (code: string) => minifySync('chunk.js', code, { compress: { unused: false } }).code;
  const size = (parts: string[]) =>
    gzipSync(minify(`(function(){${parts.join('\n')}})();`), { level: 9 }).length;
  const modules = [...codes.keys()];
  const all = size([...codes.values()]);
  return new Map(
    modules.map((m) => [m, all - size(modules.filter((o) => o !== m).map((o) => codes.get(o)!))]),
  );
}

/** "zod" for anything in node_modules/zod, "src/core/money.ts" for our own files. */
function shortId(id: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (pkg) return pkg[1]!;
  const at = id.indexOf('/src/');
  return at === -1 ? id.replace(ROOT + '/', '') : id.slice(at + 1);
}

// Static imports in built ES modules ("import{a}from"./x.js"", "import"./x.js"", "export*from"./x.js"").
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["']([^"']+\.js)["']/g;
const HTML_ASSET = /<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g;

/** Every file an entry loads before it runs: the entry and its static imports, transitively. */
function entryFiles(dist: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(dist, file), 'utf8');
    const resolve = (ref: string) =>
      ref.startsWith('/') ? posix.normalize(ref.replace(/^\//, '')) : posix.join(posix.dirname(file), ref);
    const refs = file.endsWith('.html')
      ? [...text.matchAll(HTML_ASSET)].map((m) => resolve(m[1]!))
      : file.endsWith('.js')
        ? [...text.matchAll(STATIC_IMPORT)].map((m) => resolve(m[1]!))
        : [];
    refs.forEach(visit);
  };
  visit(entry);
  return [...seen];
}

export interface EntrySize {
  entry: string;
  files: Array<{ file: string; bytes: number; gzip: number }>;
  gzipKb: number;
  /** The largest source modules in the entry's JS, by what each adds to it gzipped (gzipShares). */
  heaviest: Array<{ module: string; gzipKb: number }>;
}

/**
 * Builds the Chrome extension into a temporary folder and sizes its entries. With `timing`, the build is
 * the bench's own (VITE_ACG_TIMING=1): its content script leaves User Timing measures of its reads, sends
 * and redraws, which shipped builds do not (a page could read them). Sizes are the shipped build's.
 */
export async function measureBundles({ timing = false } = {}): Promise<{
  dist: string;
  entries: EntrySize[];
}> {
  const dist = mkdtempSync(join(tmpdir(), 'acg-bench-dist-'));
  const modules: ChunkModules = new Map();
  // Vite takes VITE_* variables from the environment, for the content script's own build as well.
  const before = process.env.VITE_ACG_TIMING;
  if (timing) process.env.VITE_ACG_TIMING = '1';
  else delete process.env.VITE_ACG_TIMING;
  try {
    await build({
      root: ROOT,
      logLevel: 'silent',
      build: { outDir: dist, emptyOutDir: true },
      plugins: [recordModules(modules)],
    });
  } finally {
    if (before === undefined) delete process.env.VITE_ACG_TIMING;
    else process.env.VITE_ACG_TIMING = before;
  }
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Manifest;
  const entries: Array<[string, string[]]> = [
    ['content', manifest.content_scripts?.flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]) ?? []],
    ['worker', manifest.background?.service_worker ? [manifest.background.service_worker] : []],
    ['popup', manifest.action?.default_popup ? [manifest.action.default_popup] : []],
    ['options', manifest.options_ui?.page ? [manifest.options_ui.page] : []],
  ];
  // Chunks the popup and the options page share are weighed once.
  const shares = new Map<string, Map<string, number>>();
  const sharesOf = (file: string) => {
    const codes = modules.get(file);
    if (!codes) return [];
    if (!shares.has(file)) shares.set(file, gzipShares(codes));
    return shares.get(file)!;
  };
  return {
    dist,
    entries: entries.map(([entry, roots]) => {
      const files = [...new Set(roots.flatMap((r) => entryFiles(dist, r)))].map((file) => {
        const bytes = readFileSync(join(dist, file));
        return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      });
      const weights = new Map<string, number>();
      for (const f of files) for (const [m, n] of sharesOf(f.file)) weights.set(m, (weights.get(m) ?? 0) + n);
      return {
        entry,
        files,
        gzipKb: files.reduce((a, f) => a + f.gzip, 0) / KB,
        heaviest: [...weights]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([module, n]) => ({ module, gzipKb: n / KB })),
      };
    }),
  };
}

export function bundleFigures(entries: readonly EntrySize[]): Figure[] {
  return entries.map((e) => {
    const max = BUDGET_KB[e.entry];
    const heaviest = e.heaviest.map((h) => `${h.module} ${h.gzipKb.toFixed(1)} KB`).join(', ');
    const css = e.files.filter((f) => f.file.endsWith('.css')).reduce((a, f) => a + f.gzip, 0);
    return {
      section: 'bundle',
      name: `${e.entry} (gzip, with its static imports)`,
      value: e.files.length === 0 ? null : e.gzipKb,
      unit: 'KB',
      ...(max === undefined ? {} : { budget: { max } }),
      note:
        e.files.length === 0
          ? 'not in the manifest'
          : `${e.files.length} file(s)${css ? `, CSS ${(css / KB).toFixed(1)} KB of it` : ''}; heaviest: ${heaviest || 'n/a'}`,
    };
  });
}
