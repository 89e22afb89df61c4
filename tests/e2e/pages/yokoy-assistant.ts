/**
 * Page object: the companion's assistant on Yokoy's pages, inside its closed shadow root: read
 * from the content script's world (support/our-ui.ts), clicked with the real mouse.
 */
import type { Page } from 'puppeteer-core';
import { clickInOurUi, inOurUi, waitInOurUi } from '../support/our-ui';

export const assistantHost = 'yokoy-companion-assistant';

export class YokoyAssistant {
  constructor(readonly page: Page) {}

  /** Waits for an offer ('offer-credentials', 'offer-organization-id', 'no-developer-role'); returns its text. */
  waitForOffer(testId: string, timeout = 10_000): Promise<string> {
    return waitInOurUi(
      this.page,
      (root, a) => root(a.host)?.querySelector(`[data-testid="${a.id}"]`)?.textContent,
      { host: assistantHost, id: testId },
      timeout,
    );
  }

  async hasOffer(testId: string): Promise<boolean> {
    return Boolean(
      await inOurUi(this.page, (root, a) => Boolean(root(a.host)?.querySelector(`[data-testid="${a.id}"]`)), {
        host: assistantHost,
        id: testId,
      }),
    );
  }

  /** Waits until the offer is gone (the dialog closed). */
  async waitForNoOffer(testId: string): Promise<void> {
    await waitInOurUi(
      this.page,
      (root, a) => {
        const r = root(a.host);
        return r ? !r.querySelector(`[data-testid="${a.id}"]`) : false;
      },
      { host: assistantHost, id: testId },
    );
  }

  /** Clicks the offer's button, as the user does, and returns the announced result. */
  async accept(testId: string): Promise<string> {
    await clickInOurUi(this.page, assistantHost, `[data-testid="${testId}"] button`);
    return this.result(testId);
  }

  /** The offer's announced result (waits for one). */
  result(testId: string, timeout = 15_000): Promise<string> {
    return waitInOurUi(
      this.page,
      (root, a) => root(a.host)?.querySelector(`[data-testid="${a.id}"] .result`)?.textContent?.trim(),
      { host: assistantHost, id: testId },
      timeout,
    );
  }

  /** Whether the organization ID is outlined on the page. */
  async hasRing(): Promise<boolean> {
    return Boolean(await inOurUi(this.page, (root, host) => Boolean(root(host)?.querySelector('.ring')), assistantHost));
  }
}
