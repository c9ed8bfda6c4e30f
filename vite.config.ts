/// <reference types="vitest/config" />
import { readFile } from 'node:fs/promises';
import { build, defineConfig, type Plugin, type PluginOption, type ResolvedConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type CrxPlugin, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

// One source, two targets: `vite build` makes dist/chrome, `vite build --mode firefox` dist/firefox.
// Firefox rejects background.service_worker and wants a gecko id; Chrome rejects the gecko keys.
// The content scripts and the popup are left out of what crx sees: contentScript() and popupPage() build
// and declare them.
function manifestFor(target: 'chrome' | 'firefox'): ManifestV3Export {
  const { content_scripts: _content, action: withPopup, ...others } = baseManifest;
  const { default_popup: _popup, ...action } = withPopup;
  const manifest = { ...others, action };
  if (target === 'chrome') return manifest as ManifestV3Export;
  const { background, ...rest } = manifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: 'ad-credit-guide@adcreditguide.app',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as ManifestV3Export;
}

/**
 * The content script runs on every Ads Manager page, so it is built on its own into one classic script:
 * tree-shaken for what it uses alone (shared chunks carry every export any entry needs), compressed as
 * one stream, with no module loader and nothing web-accessible for pages to probe. crx's own
 * standalone mode cannot do this: its build takes no plugins, and the content script needs
 * compactGlossary() and, under `npm run bench`, the module recorder passed to build().
 */
function contentScript(): CrxPlugin {
  let config: ResolvedConfig;
  return {
    name: 'acg-content-script',
    apply: 'build',
    // After crx's own manifest plugins, which expect every content script they see to be theirs.
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    // crx's hook for plugins that add to the manifest, called once its own entries have file names.
    async renderCrxManifest(manifest) {
      const content_scripts = [];
      for (const declared of baseManifest.content_scripts) {
        const js = [];
        for (const entry of declared.js) {
          const fileName = entry.replace(/\.tsx?$/, '.js');
          const result = await build({
            configFile: false,
            root: config.root,
            mode: config.mode,
            logLevel: 'warn',
            plugins: [compactGlossary(), ...(config.inlineConfig.plugins ?? [])],
            build: {
              write: false,
              target: config.build.target,
              minify: config.build.minify,
              sourcemap: false,
              rollupOptions: { input: entry, output: { format: 'iife', entryFileNames: fileName } },
            },
          });
          for (const output of Array.isArray(result) ? result : [result])
            for (const file of 'output' in output ? output.output : [])
              if (file.type === 'chunk')
                this.emitFile({ type: 'asset', fileName: file.fileName, source: file.code });
          js.push(fileName);
        }
        content_scripts.push({ ...declared, js });
      }
      return { ...manifest, content_scripts };
    },
  };
}

/**
 * The popup must show its first cards about as soon as the browser shows an empty extension page, so its
 * page is built on its own: its first script is one module holding everything the first paint runs (a
 * shared build splits that into chunks shared with the options page, each fetched and linked before the
 * script runs), and its style sheet is written into the page, since a module script waits for every
 * style sheet still loading. The parts loaded after the first paint are chunks of this build that import
 * from that module. Ahead of the module runs a classic script of a few hundred bytes that starts the
 * first paint's storage read (src/platform/first-paint-ask.ts): the browser answers it while it fetches
 * and compiles the module. The extension pages' policy allows both: it limits scripts to the extension's
 * own files, and says nothing of styles.
 */
function popupPage(): CrxPlugin {
  let config: ResolvedConfig;
  const page = baseManifest.action.default_popup;
  const part = async (input: string, output: Record<string, unknown>, plugins: PluginOption[] = []) => {
    const result = await build({
      configFile: false,
      root: config.root,
      mode: config.mode,
      logLevel: 'warn',
      plugins: [compactGlossary(), ...plugins, ...(config.inlineConfig.plugins ?? [])],
      build: {
        write: false,
        target: config.build.target,
        minify: config.build.minify,
        sourcemap: false,
        modulePreload: { polyfill: false },
        rollupOptions: { input, output },
      },
    });
    return (Array.isArray(result) ? result : [result]).flatMap((o) => ('output' in o ? o.output : []));
  };
  return {
    name: 'acg-popup-page',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    async renderCrxManifest(manifest) {
      const files = await part(
        page,
        {
          entryFileNames: 'assets/popup-[hash].js',
          chunkFileNames: 'assets/popup-[name]-[hash].js',
          codeSplitting: { groups: [{ name: 'first', tags: ['$initial'] }] },
        },
        [preact()],
      );
      const [ask, ...more] = await part('src/platform/first-paint-ask.ts', {
        format: 'iife',
        entryFileNames: 'assets/popup-ask-[hash].js',
      });
      if (ask?.type !== 'chunk' || more.length > 0)
        throw new Error("the popup's first read is not one script");
      this.emitFile({ type: 'asset', fileName: ask.fileName, source: ask.code });
      const sheets = new Map<string, string>();
      for (const file of files)
        if (file.type === 'asset' && file.fileName.endsWith('.css'))
          sheets.set(file.fileName, String(file.source));
      for (const file of files) {
        if (file.type === 'chunk')
          this.emitFile({ type: 'asset', fileName: file.fileName, source: file.code });
        else if (file.fileName === page)
          this.emitFile({
            type: 'asset',
            fileName: page,
            source: askingFirst(inlineSheets(String(file.source), sheets), ask.fileName),
          });
        else if (!sheets.has(file.fileName))
          this.emitFile({ type: 'asset', fileName: file.fileName, source: file.source });
      }
      return { ...manifest, action: { ...manifest.action, default_popup: page } };
    },
  };
}

/**
 * The page with the classic script right before its module script. The browser hands an extension page
 * its files one after another, in the order the page asks for them (10-13 ms each in a trace of a warm
 * open), and the parser waits for the classic script: placed after the module it came second and held
 * the module, which had arrived, until it came; placed first, the storage read starts one file earlier
 * and its answer is there when the module runs (first card 51.4 against 54.1 ms, means of six runs of
 * ten warm opens, earlier in five of the six).
 */
function askingFirst(html: string, script: string): string {
  const module = /<script type="module"[^>]*><\/script>/.exec(html);
  if (module === null) throw new Error("the popup's page has no module script");
  const at = module.index;
  return `${html.slice(0, at)}<script src="/${script}"></script>\n    ${html.slice(at)}`;
}

/** The page with each of its style sheets written into a <style> element in place of its link. */
function inlineSheets(html: string, sheets: ReadonlyMap<string, string>): string {
  const inlined = new Set<string>();
  const page = html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (link) => {
    const file = /\bhref="\/([^"]+)"/.exec(link)?.[1];
    const css = file === undefined ? undefined : sheets.get(file);
    if (css === undefined) throw new Error(`${link}: no such style sheet in the popup's build`);
    inlined.add(file!);
    return `<style>${css}</style>`;
  });
  const left = [...sheets.keys()].filter((file) => !inlined.has(file));
  if (left.length > 0) throw new Error(`the popup's page does not link ${left.join(', ')}`);
  return page;
}

// Not ending in .json, or Vite's JSON plugin would parse the module again.
const COMPACT = '.compact.js';

/**
 * glossary.json, shipped without its documentation and with each language's wordings as lines of one
 * string in the order of one key list, rebuilt into the same objects at load. Every bundle, the content script's
 * included, reads the wordings from this module. Unit tests read the module through this plugin too,
 * so the reader's tests run on what ships; the command line reads the file.
 */
export function compactGlossary(): Plugin {
  return {
    name: 'acg-compact-glossary',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== './glossary.json' || !importer?.endsWith('/src/core/page/glossary.ts')) return null;
      const file = await this.resolve(source, importer, { skipSelf: true });
      return file ? `\0${file.id}${COMPACT}` : null;
    },
    async load(id) {
      if (!id.startsWith('\0') || !id.endsWith(COMPACT)) return null;
      const path = id.slice(1, -COMPACT.length);
      this.addWatchFile(path);
      return compactGlossaryModule(JSON.parse(await readFile(path, 'utf8')) as GlossaryFile);
    },
  };
}

type Tree = { [key: string]: string | string[] | Tree };
type GlossaryFile = { _about: { languages: string[] } } & Record<string, unknown>;

/**
 * The JavaScript module that rebuilds glossary.json's languages (and `_about.languages`). Each language is
 * one string: its wordings in the order of one key list, a line each, a wording's variants apart by '|'.
 */
export function compactGlossaryModule(file: GlossaryFile): string {
  const languages = file._about.languages;
  const pathsOf = (tree: Tree, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' || Array.isArray(value) ? [prefix + key] : pathsOf(value, `${prefix}${key}.`),
    );
  const valueAt = (tree: Tree, path: string) =>
    path.split('.').reduce<Tree | string | string[]>((node, key) => (node as Tree)[key]!, tree) as
      string | string[];
  const paths = pathsOf(file[languages[0]!] as Tree);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((p, i) => p === b[i]);
  // A wording the line format cannot give back as it is: one holding a separator, or a list of one.
  const plain = (w: string) => !w.includes(VARIANT) && !w.includes(WORDING);
  const fits = (value: string | string[]) =>
    typeof value === 'string' ? plain(value) : value.length > 1 && value.every(plain);
  // A language whose keys are not in the first language's order ships as it is: the reader takes the
  // first key that says a wording, so the order is part of the meaning. So does one a line cannot hold.
  const encoded = languages.map((lang) => {
    const tree = file[lang] as Tree;
    const values = paths.map((p) => valueAt(tree, p));
    if (!same(pathsOf(tree), paths) || !values.every(fits)) return tree;
    return values.map((v) => (typeof v === 'string' ? v : v.join(VARIANT))).join(WORDING);
  });
  return `const paths = ${JSON.stringify(paths.join(','))}.split(',').map((p) => p.split('.'));
const tree = (lines) => {
  if (typeof lines !== 'string') return lines;
  const root = {};
  lines.split(${JSON.stringify(WORDING)}).forEach((line, i) => {
    const path = paths[i];
    let node = root;
    for (const key of path.slice(0, -1)) node = node[key] ??= {};
    node[path[path.length - 1]] = line.includes(${JSON.stringify(VARIANT)}) ? line.split(${JSON.stringify(VARIANT)}) : line;
  });
  return root;
};
const languages = ${JSON.stringify(languages)};
const encoded = ${JSON.stringify(encoded)};
export default Object.fromEntries([['_about', { languages }], ...languages.map((l, i) => [l, tree(encoded[i])])]);
`;
}

// Separators of the shipped wordings: a wording's variants, and one wording from the next.
const VARIANT = '|';
const WORDING = '\n';

export default defineConfig(({ mode }) => {
  const target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      compactGlossary(),
      preact(),
      crx({ manifest: manifestFor(target), browser: target }),
      contentScript(),
      popupPage(),
    ],
    build: {
      // `--mode demo` (npm start): the Chrome build with the demo's movable clock (src/platform/clock.ts).
      outDir: `dist/${mode === 'demo' ? 'demo' : target}`,
      emptyOutDir: true,
      sourcemap: false,
      target: 'es2022',
      // Every browser the builds support preloads modules itself (Chrome 66, Firefox 115): the polyfill
      // would only add to each page's first script.
      modulePreload: { polyfill: false },
      // The review page of "Read wrong?" is opened by the extension, not named in the manifest.
      rollupOptions: { input: { report: 'src/report/index.html' } },
    },
    test: {
      include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'src/**/*.test.ts'],
      // test/pages/kits is the test-page generator, a project of its own: its node_modules holds other tests.
      exclude: ['test/e2e/**', 'node_modules/**', 'test/pages/kits/**'],
      environment: 'node',
      testTimeout: 20_000,
      setupFiles: ['test/support/setup.ts'],
      // The overlay's CSS, imported as a string, is the real thing in tests (vitest stubs CSS by default).
      css: { include: [/src\/content\/overlay\.css/] },
    },
  };
});
