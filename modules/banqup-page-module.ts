/**
 * Builds the Banqup page module (lib/banqup-page/page.ts: launcher, guide wiring, export
 * helpers) and the guide (lib/banqup-page/guide/guide.ts) as two ES modules in `content-scripts/banqup-page/`,
 * and lists the folder as web-accessible for the Banqup content script's origins. The content script imports the module once the page has settled and the
 * module imports the guide when it opens: WXT bundles a content script as one IIFE without code
 * splitting, and every byte in it is parsed while Banqup's page loads (issue 7). The approach
 * follows WXT's "ESM content script" example; under `wxt dev` the module is rebuilt when one of
 * its sources changes, and the extension reloads.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { defineWxtModule } from 'wxt/modules';
import { PAGE_MODULE_DIR } from '../lib/banqup-page/module';

const ENTRYPOINT = 'banqup';
const CONTENT_SCRIPT = `content-scripts/${ENTRYPOINT}.js`;
/** What the module is built from (for dev-mode rebuilds). */
const SOURCES = ['lib/banqup-page/', 'lib/in-page/', 'lib/sites/', 'lib/messaging/', 'lib/i18n/'];

export default defineWxtModule((wxt) => {
  /** One self-contained ES module (see lib/banqup-page/module.ts for why no shared chunks). */
  const buildOne = (name: string, entry: string) =>
    build({
      configFile: false,
      root: wxt.config.root,
      logLevel: 'warn',
      mode: wxt.config.mode,
      // Not the polyfill module's alias for `wxt/browser`: see lib/in-page/mount.ts.
      resolve: { alias: wxt.config.alias },
      // What differs between builds comes in through env; lib/in-page/mount.ts finds the
      // content script's CSS by its entrypoint's name.
      define: { 'import.meta.env.ENTRYPOINT': JSON.stringify(ENTRYPOINT) },
      build: {
        outDir: resolve(wxt.config.outDir, PAGE_MODULE_DIR),
        emptyOutDir: false,
        copyPublicDir: false,
        minify: wxt.config.mode !== 'development',
        target: 'es2022',
        modulePreload: false,
        rollupOptions: {
          input: { [name]: resolve(wxt.config.root, entry) },
          preserveEntrySignatures: 'exports-only',
          output: { format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true },
        },
      },
    });
  const buildModule = async () => {
    const started = Date.now();
    rmSync(resolve(wxt.config.outDir, PAGE_MODULE_DIR), { recursive: true, force: true });
    await buildOne('page', 'lib/banqup-page/page.ts');
    await buildOne('guide', 'lib/banqup-page/guide/guide.ts');
    wxt.logger.info(`Built /${PAGE_MODULE_DIR}/ in ${Date.now() - started} ms`);
  };
  wxt.hooks.hook('build:done', buildModule);
  wxt.hooks.hookOnce('build:done', () => {
    const root = resolve(wxt.config.root);
    wxt.server?.watcher.on('change', (file) => {
      const path = resolve(file)
        .slice(root.length + 1)
        .replaceAll('\\', '/');
      if (!SOURCES.some((source) => path.startsWith(source))) return;
      void buildModule().then(() => wxt.server?.reloadExtension());
    });
  });

  wxt.hooks.hook('build:manifestGenerated', (_, manifest) => {
    const script = manifest.content_scripts?.find((s) => s.js?.includes(CONTENT_SCRIPT));
    if (!script?.matches) throw new Error(`banqup-page-module: no content script ${CONTENT_SCRIPT} in the manifest`);
    manifest.web_accessible_resources ??= [];
    // WXT turns this MV3 form into MV2's list of paths for Firefox.
    (manifest.web_accessible_resources as { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[]).push({
      resources: [`${PAGE_MODULE_DIR}/*`],
      // A copy: the sandbox build widens the content script's matches (wxt.config.ts) and
      // this entry in the same hook, in either order.
      matches: [...script.matches],
      // As WXT does for the shadow roots' CSS: reachable only through this session's random
      // URL that runtime.getURL gives, so a page cannot probe for the extension with it.
      use_dynamic_url: true,
    });
  });

  wxt.hooks.hook('prepare:publicPaths', (_, paths) => {
    paths.push(`${PAGE_MODULE_DIR}/page.js`, `${PAGE_MODULE_DIR}/guide.js`);
  });
});
