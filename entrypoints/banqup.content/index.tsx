/**
 * Banqup content script: mounts the launcher (and, later, the guide) in a shadow root so no
 * style leaks either way. Matches Banqup only; the sandbox build adds the look-alike's origin.
 */
import { mountLauncher } from '../../lib/overlay/launcher';
import './style.css';

export default defineContentScript({
  matches: ['https://*.banqup.com/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    await mountLauncher(ctx, {
      onOpen: () => {
        // The guide (issue 5) opens from here.
      },
    });
  },
});
