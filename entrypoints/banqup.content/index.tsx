/**
 * Banqup content script: the launcher and the setup guide (lib/guide, lib/overlay) and the
 * export helpers (lib/banqup-page), each in a shadow root so no style leaks either way.
 * Matches Banqup only; the sandbox build adds the look-alike's origin.
 */
import { setupBanqupExport } from '../../lib/banqup-page/export';
import { mountLauncher } from '../../lib/overlay/launcher';
import './style.css';

export default defineContentScript({
  matches: ['https://*.banqup.com/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    // Guide: owned by lib/guide + lib/overlay (issue 5).
    await mountLauncher(ctx, {
      onOpen: () => {
        // The guide (issue 5) opens from here.
      },
    });
    // Export helpers: owned by lib/banqup-page (issue 6).
    setupBanqupExport(ctx);
  },
});
