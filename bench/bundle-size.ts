/**
 * Figure 1: bundle size per entrypoint of the production Chrome build, raw and gzip (level 9,
 * as a store download or a cache would see it). An entrypoint counts every file it loads: a
 * page's HTML, its scripts and their static imports (shared chunks included), its CSS; a
 * content script its JS and the CSS it injects into its shadow root; a module a content script
 * imports itself (the Banqup page module after the page has loaded, the guide when it opens) is
 * its own line. The popup's line is its first view in English (what popup.html loads before the
 * status can show); two more lines say what that leaves out: the first view in the language whose
 * chunk is largest (loaded before the first render), and every tab (the chunks loaded on demand,
 * in English). When a budget is missed,
 * a source-mapped build of the same code (bench/config/wxt.analysis.config.ts) says which
 * packages and folders the bytes come from.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { composition } from './lib/composition';
import { figure, type Budget, type Figure } from './lib/figure';

const GROUP = 'bundle';
const kb = (bytes: number) => bytes / 1024;

interface Manifest {
  background?: { service_worker?: string };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  content_scripts?: { js?: string[]; css?: string[]; matches?: string[] }[];
  web_accessible_resources?: { resources: string[] }[];
}

/** Static imports of a built ES module (`from"./x.js"`, `import"./x.js"`), as paths from the root. */
function importsOf(root: string, file: string): string[] {
  const code = readFileSync(join(root, file), 'utf8');
  const found = [...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) =>
    posix.join(posix.dirname(file), m[1]!),
  );
  return found;
}

/** Dynamic imports of a built ES module (`import("./x.js")`), as paths from the root. */
function dynamicImportsOf(root: string, file: string): string[] {
  const code = readFileSync(join(root, file), 'utf8');
  return [...code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)].map((m) => posix.join(posix.dirname(file), m[1]!));
}

/** A language's catalogue chunk (`chunks/de-….js`): what a page loads before it renders in that language. */
const languageOf = (file: string) => /^(pt|fr|nl|de)-[\w-]+\.js$/.exec(posix.basename(file))?.[1];

/** A file and everything it statically imports. */
function withImports(root: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry) || !existsSync(join(root, entry))) return seen;
  seen.add(entry);
  if (entry.endsWith('.js')) for (const dep of importsOf(root, entry)) withImports(root, dep, seen);
  return seen;
}

/** An HTML page, its scripts, preloads and stylesheets, and their imports. */
function pageFiles(root: string, html: string): Set<string> {
  const files = new Set<string>([html]);
  const text = readFileSync(join(root, html), 'utf8');
  for (const m of text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)) {
    const ref = m[1]!.startsWith('/') ? m[1]!.slice(1) : posix.join(posix.dirname(html), m[1]!);
    withImports(root, ref, files);
  }
  return files;
}

const moduleNames: Record<string, string> = { 'page.js': 'banqup page module (after load)', 'guide.js': 'guide module (on demand)' };

export interface Entrypoint {
  name: string;
  files: string[];
  /** What the line counts, when the name cannot say it all. */
  note?: string;
}

/**
 * The popup beyond its first view in English: the first view in each other language (its
 * catalogue chunks, fetched before the first render; the largest is the line), and all tabs
 * (every chunk the first view may import later, with their static imports, in English).
 */
function popupVariants(root: string, first: Set<string>): Entrypoint[] {
  const byLanguage = new Map<string, Set<string>>();
  for (const file of first)
    if (file.endsWith('.js'))
      for (const chunk of dynamicImportsOf(root, file)) {
        const language = languageOf(chunk);
        if (language) withImports(root, chunk, byLanguage.get(language) ?? byLanguage.set(language, new Set(first)).get(language)!);
      }
  const gz = (files: Set<string>) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(root, f)), { level: 9 }).length, 0);
  const ranked = [...byLanguage.entries()].sort((a, b) => gz(b[1]) - gz(a[1]));
  const all = new Set(first);
  const queue = [...first];
  while (queue.length) {
    const file = queue.pop()!;
    if (!file.endsWith('.js')) continue;
    for (const chunk of dynamicImportsOf(root, file)) {
      if (languageOf(chunk) || all.has(chunk)) continue;
      const before = new Set(all);
      withImports(root, chunk, all);
      queue.push(...[...all].filter((f) => !before.has(f)));
    }
  }
  const out: Entrypoint[] = [];
  if (ranked[0])
    out.push({
      name: 'popup first view, largest language',
      files: [...ranked[0][1]],
      note: `first view in ${ranked[0][0]}; by language (gzip): ${ranked.map(([l, files]) => `${l} ${kb(gz(files)).toFixed(1)} KB`).join(', ')}`,
    });
  out.push({ name: 'popup, all tabs', files: [...all], note: 'the first view and every tab loaded on demand, in English' });
  return out;
}

export function entrypointsOf(root: string): Entrypoint[] {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest;
  const out: Entrypoint[] = [];
  if (manifest.background?.service_worker)
    out.push({ name: 'background', files: [...withImports(root, manifest.background.service_worker)] });
  if (manifest.action?.default_popup) {
    const first = pageFiles(root, manifest.action.default_popup);
    out.push({ name: 'popup', files: [...first], note: 'the first view in English (what popup.html loads before the status shows)' });
    out.push(...popupVariants(root, first));
  }
  if (manifest.options_ui?.page) out.push({ name: 'options', files: [...pageFiles(root, manifest.options_ui.page)] });
  for (const script of manifest.content_scripts ?? []) {
    const js = script.js ?? [];
    const name = `${posix.basename(js[0] ?? 'content', '.js')} content script`;
    // The shadow-root CSS ships as a web-accessible resource next to the script.
    const css = js.map((f) => f.replace(/\.js$/, '.css')).filter((f) => existsSync(join(root, f)));
    const files = new Set<string>([...(script.css ?? []), ...css]);
    for (const f of js) withImports(root, f, files);
    out.push({ name, files: [...files] });
  }
  // Modules a content script imports itself (web-accessible folders of ES modules): the Banqup
  // page module, fetched once the page has settled, and the guide, fetched when it opens. Each
  // counts its own file: what it imports is already loaded by then.
  for (const resource of manifest.web_accessible_resources ?? []) {
    for (const pattern of resource.resources.filter((r) => r.endsWith('/*'))) {
      const dir = pattern.slice(0, -2);
      for (const file of readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.js'))
        .sort()) {
        out.push({ name: moduleNames[file] ?? `${posix.basename(file, '.js')} module`, files: [posix.join(dir, file)] });
      }
    }
  }
  return out;
}

export interface BundleOptions {
  /** The production Chrome build (`<outputDir>/chrome-mv3`). */
  buildDir: string;
  /** Where the source-mapped analysis build goes (built only when a budget is missed). */
  analysisOutDir?: string;
  projectRoot: string;
}

const budgets: Record<string, Budget> = {
  'banqup content script': { max: 15, text: '≤ 15 KB gz' },
  popup: { max: 25, text: '≤ 25 KB gz' },
};

const analysed = new Set<string>();

/** Top contributors of each JS file of an entrypoint, from the analysis build's source maps. */
function explain(options: BundleOptions, entry: Entrypoint): string {
  const out = options.analysisOutDir;
  if (!out) return '';
  const analysisRoot = join(out, 'chrome-mv3');
  // Built once per process from the current sources (an old one could explain old code).
  if (!analysed.has(out)) {
    analysed.add(out);
    execFileSync('npx', ['wxt', 'build', '-c', 'bench/config/wxt.analysis.config.ts'], {
      cwd: options.projectRoot,
      env: { ...process.env, BENCH_ANALYSIS_OUT_DIR: relative(options.projectRoot, out) || out },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const twin = entrypointsOf(analysisRoot).find((e) => e.name === entry.name);
  const groups = new Map<string, number>();
  for (const file of twin?.files.filter((f) => f.endsWith('.js')) ?? []) {
    if (!existsSync(join(analysisRoot, `${file}.map`))) continue;
    for (const { group, bytes } of composition(join(analysisRoot, file))) groups.set(group, (groups.get(group) ?? 0) + bytes);
  }
  const total = [...groups.values()].reduce((a, b) => a + b, 0);
  return [...groups.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([g, b]) => `${g} ${kb(b).toFixed(1)} KB (${Math.round((b / total) * 100)}%)`)
    .join(', ');
}

export function measureBundleSize(options: BundleOptions): Figure[] {
  const root = options.buildDir;
  if (!existsSync(join(root, 'manifest.json')))
    throw new Error(`No production build in ${root}: build it first (WXT_OUT_DIR=… npx wxt build).`);
  const figures: Figure[] = [];
  for (const entry of entrypointsOf(root)) {
    const contents = entry.files.map((f) => readFileSync(join(root, f)));
    const raw = contents.reduce((sum, c) => sum + c.length, 0);
    const gzip = contents.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0);
    const budget = budgets[entry.name];
    const files = entry.files.map((f) => `${f} ${kb(readFileSync(join(root, f)).length).toFixed(1)} KB`).join(', ');
    const id = entry.name.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '');
    figures.push(
      figure({
        group: GROUP,
        id: `bundle.${id}.raw`,
        label: `Bundle ${entry.name} (raw)`,
        unit: 'KB',
        samples: [kb(raw)],
        note: `${entry.note ? `${entry.note}; ` : ''}files: ${files}`,
      }),
    );
    const gz = figure({
      group: GROUP,
      id: `bundle.${id}.gzip`,
      label: `Bundle ${entry.name} (gzip)`,
      unit: 'KB',
      samples: [kb(gzip)],
      budget,
      note: entry.note,
    });
    if (gz.verdict === 'miss') gz.note = `${entry.note ? `${entry.note}; ` : ''}raw bytes by origin: ${explain(options, entry)}`;
    figures.push(gz);
  }
  return figures;
}

export const defaultAnalysisDir = (outputDir: string) => resolve(dirname(outputDir), `${relative(dirname(outputDir), outputDir)}-analysis`);
