/**
 * Banqup content script: the launcher and the setup guide (lib/guide, lib/overlay: opened by
 * the launcher, the worker's `guide.open`, GUIDE_HASH or a reload while open) and the export
 * helpers (lib/banqup-page), each in a shadow root so no style leaks either way, started once
 * the page has loaded and gone idle (lib/runtime/page-settled); the guide's code itself loads
 * only when it opens (lib/overlay/guide-loader). Matches Banqup only; the sandbox build adds
 * the look-alike's origin.
 */
import { setupBanqupExport } from '../../lib/banqup-page/export';
import { setupBanqupGuide } from '../../lib/overlay/setup';
import { pageSettled } from '../../lib/runtime/page-settled';
import './style.css';

export default defineContentScript({
  matches: ['https://*.banqup.com/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    // Nothing here is urgent: Banqup draws its page first (issue 7's cost on the page).
    if (!(await pageSettled(window, ctx.signal))) return;
    // Guide: owned by lib/guide + lib/overlay (issue 5).
    await setupBanqupGuide(ctx);
    // Export helpers: owned by lib/banqup-page (issue 6).
    setupBanqupExport(ctx);
  },
});
