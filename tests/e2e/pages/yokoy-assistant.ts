/** Page object: the companion's assistant on Yokoy's pages (inside its shadow root). */
import type { ElementHandle, Page } from 'puppeteer-core';

const host = 'yokoy-companion-assistant';

export class YokoyAssistant {
  constructor(readonly page: Page) {}

  /** Waits for an offer ('offer-credentials', 'offer-organization-id', 'no-developer-role'); returns its text. */
  async waitForOffer(testId: string, timeout = 10_000): Promise<string> {
    const handle = await this.page.waitForFunction(
      (h, id) => document.querySelector(h)?.shadowRoot?.querySelector(`[data-testid="${id}"]`)?.textContent,
      { timeout },
      host,
      testId,
    );
    return (await handle.jsonValue()) as string;
  }

  hasOffer(testId: string): Promise<boolean> {
    return this.page.evaluate((h, id) => Boolean(document.querySelector(h)?.shadowRoot?.querySelector(`[data-testid="${id}"]`)), host, testId);
  }

  /** Clicks the offer's button, as the user does, and returns the announced result. */
  async accept(testId: string): Promise<string> {
    const button = await this.page.waitForFunction(
      (h, id) => document.querySelector(h)?.shadowRoot?.querySelector(`[data-testid="${id}"] button`),
      {},
      host,
      testId,
    );
    await (button.asElement() as ElementHandle<Element>).click();
    const result = await this.page.waitForFunction(
      (h, id) => document.querySelector(h)?.shadowRoot?.querySelector(`[data-testid="${id}"] .result`)?.textContent?.trim(),
      { timeout: 15_000 },
      host,
      testId,
    );
    return (await result.jsonValue()) as string;
  }

  /** Whether the organization ID is outlined on the page. */
  hasRing(): Promise<boolean> {
    return this.page.evaluate((h) => Boolean(document.querySelector(h)?.shadowRoot?.querySelector('.ring')), host);
  }
}
