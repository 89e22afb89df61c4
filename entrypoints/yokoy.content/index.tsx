/**
 * Yokoy content script: on Yokoy's web app, offers to take the organization ID from the
 * Developer page and, with the user's click, the one-time client ID and secret while Yokoy
 * shows them; explains the Developer role where it is missing. It only offers values to the
 * service worker; it never reads anything back.
 */
import { browser } from 'wxt/browser';
import { productionHostPatterns } from '../../lib/sites/hosts';
import type { CaptureAnswer, Response } from '../../lib/messaging/protocol';
import { mountYokoyAssistant } from '../../lib/yokoy-page/assistant';
import './style.css';

export default defineContentScript({
  matches: [...productionHostPatterns.yokoyWeb],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    await mountYokoyAssistant(ctx, {
      offer: async (values) => {
        const answer = (await browser.runtime.sendMessage({ type: 'capture.offer', ...values })) as Response<CaptureAnswer>;
        return answer.ok ? answer.value : { outcome: 'refused', problem: answer.failure.detail };
      },
    });
  },
});
