/**
 * The Banqup page module: what the Banqup content script sets up once the page has loaded and
 * gone idle — the launcher and the guide's wiring (lib/banqup-page/guide/setup) and the export helpers
 * (./export). Built apart as an ES module (modules/banqup-page-module.ts) and imported by the
 * content script only then, so the script Chrome evaluates during every Banqup page load is
 * little more than WXT's runtime and the polyfill (issue 7: cost on Banqup's page). The guide
 * itself is a further chunk, imported when it first opens.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
// In this module's build `wxt/browser` is WXT's plain one (no polyfill): the helper only asks it
// for the URL of the content script's CSS (runtime.getURL, the same in every browser).
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { setupBanqupGuide } from './guide/setup';
import type { PageModuleEnv } from './env';
import { setupBanqupExport } from './export/setup';

export async function setupBanqupPage(ctx: ContentScriptContext, pageEnv: PageModuleEnv): Promise<void> {
  const env = { ...pageEnv, createShadowRootUi };
  // Guide: owned by lib/guide + lib/overlay (issue 5).
  await setupBanqupGuide(ctx, env);
  // Export helpers: owned by lib/banqup-page (issue 6).
  setupBanqupExport(ctx, env);
}

/** What the content script finds at PAGE_MODULE_PATH (./module.ts): this module's exports. */
export interface BanqupPageModule {
  setupBanqupPage: typeof setupBanqupPage;
}
