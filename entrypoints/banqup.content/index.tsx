/**
 * Banqup content script. What Chrome evaluates during every Banqup page load is kept to WXT's
 * runtime, the polyfill and this loader: once the page has loaded and gone idle
 * (lib/in-page/page-settled), it imports the Banqup page module from the extension
 * (lib/banqup-page/page.ts: the launcher, the guide's wiring, the export helpers, each in a
 * shadow root so no style leaks either way); the guide's own code is a further chunk imported
 * when it opens. Matches Banqup only; the sandbox build adds the look-alike's origin.
 */
import { browser } from 'wxt/browser';
import { productionHostPatterns } from '../../lib/sites/hosts';
import { PAGE_MODULE_PATH } from '../../lib/banqup-page/module';
import type { BanqupPageModule } from '../../lib/banqup-page/page';
import { isSandboxBuild } from '../../lib/runtime/env';
import { pageSettled } from '../../lib/in-page/page-settled';
import './style.css';

export default defineContentScript({
  matches: [...productionHostPatterns.banqup],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    // Nothing here is urgent: Banqup draws its page first (issue 7's cost on the page).
    if (!(await pageSettled(window, ctx.signal))) return;
    const page = (await import(/* @vite-ignore */ browser.runtime.getURL(PAGE_MODULE_PATH))) as BanqupPageModule;
    if (!ctx.isValid) return;
    await page.setupBanqupPage(ctx, { runtime: browser.runtime, sandbox: isSandboxBuild });
  },
});
