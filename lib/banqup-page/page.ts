/**
 * The Banqup page module: what the Banqup content script sets up once the page has loaded and
 * gone idle — the launcher and the guide's wiring (lib/banqup-page/guide/setup) and the export helpers
 * (./export). Built apart as an ES module (modules/banqup-page-module.ts) and imported by the
 * content script only then, so the script Chrome evaluates during every Banqup page load is
 * little more than WXT's runtime and the polyfill (issue 7: cost on Banqup's page). The guide
 * itself is a further chunk, imported when it first opens.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { setupBanqupGuide } from './guide/setup';
import type { PageModuleEnv } from './env';
import { setupBanqupExport } from './export/setup';

export async function setupBanqupPage(ctx: ContentScriptContext, env: PageModuleEnv): Promise<void> {
  // Guide: owned by lib/guide + lib/overlay (issue 5).
  await setupBanqupGuide(ctx, env);
  // Export helpers: owned by lib/banqup-page (issue 6).
  setupBanqupExport(ctx, env);
}

/** What the content script finds at PAGE_MODULE_PATH (./module.ts): this module's exports. */
export interface BanqupPageModule {
  setupBanqupPage: typeof setupBanqupPage;
}
