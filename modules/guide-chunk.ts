/**
 * Builds the setup guide (lib/overlay/guide.ts and what it imports) as one ES module at
 * `content-scripts/guide.js`, next to the Banqup content script, and lists it as a
 * web-accessible resource for the same origins as that script. The content script imports it
 * only when the guide opens (lib/overlay/guide-loader.ts): WXT bundles content scripts as one
 * IIFE without code splitting, and the guide is two thirds of the code (issue 7's size budget).
 * The approach follows WXT's "ESM content script" example; under `wxt dev` it is rebuilt when
 * one of its sources changes, and the extension reloads.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { defineWxtModule } from 'wxt/modules';
import { GUIDE_MODULE_PATH } from '../lib/overlay/guide-loader';

const CONTENT_SCRIPT = 'content-scripts/banqup.js';
/** What the guide's module is built from (for dev-mode rebuilds). */
const SOURCES = ['lib/guide/', 'lib/overlay/', 'lib/sites/', 'components/Guide'];

export default defineWxtModule((wxt) => {
  const buildGuide = async () => {
    const started = Date.now();
    await build({
      configFile: false,
      root: wxt.config.root,
      logLevel: 'warn',
      resolve: { alias: wxt.config.alias },
      // The guide reads no build-time flags; the sandbox/production difference comes in through env.
      build: {
        outDir: resolve(wxt.config.outDir, 'content-scripts'),
        emptyOutDir: false,
        copyPublicDir: false,
        minify: wxt.config.mode !== 'development',
        target: 'es2022',
        rollupOptions: {
          input: resolve(wxt.config.root, 'lib/overlay/guide.ts'),
          preserveEntrySignatures: 'exports-only',
          output: { format: 'es', entryFileNames: 'guide.js', inlineDynamicImports: true },
        },
      },
    });
    wxt.logger.info(`Built ${GUIDE_MODULE_PATH} in ${Date.now() - started} ms`);
  };
  wxt.hooks.hook('build:done', buildGuide);
  wxt.hooks.hookOnce('build:done', () => {
    const root = resolve(wxt.config.root);
    wxt.server?.watcher.on('change', (file) => {
      const path = resolve(file).slice(root.length + 1).replaceAll('\\', '/');
      if (!SOURCES.some((source) => path.startsWith(source))) return;
      void buildGuide().then(() => wxt.server?.reloadExtension());
    });
  });

  wxt.hooks.hook('build:manifestGenerated', (_, manifest) => {
    const script = manifest.content_scripts?.find((s) => s.js?.includes(CONTENT_SCRIPT));
    if (!script?.matches) throw new Error(`guide-chunk: no content script ${CONTENT_SCRIPT} in the manifest`);
    manifest.web_accessible_resources ??= [];
    // WXT turns this MV3 form into MV2's list of paths for Firefox.
    (manifest.web_accessible_resources as { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[]).push({
      resources: [GUIDE_MODULE_PATH.slice(1)],
      // A copy: the sandbox build widens the content script's matches (wxt.config.ts) and
      // this entry in the same hook, in either order.
      matches: [...script.matches],
      // As WXT does for the shadow roots' CSS: reachable only through this session's random
      // URL that runtime.getURL gives, so a page cannot probe for the extension with it.
      use_dynamic_url: true,
    });
  });

  wxt.hooks.hook('prepare:publicPaths', (_, paths) => {
    paths.push(GUIDE_MODULE_PATH.slice(1));
  });
});
