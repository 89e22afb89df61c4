/** Page object: the extension's "Send to Yokoy" button and progress panel on Banqup pages. */
import type { ElementHandle, Page } from 'puppeteer-core';

export class BanqupSend {
  constructor(readonly page: Page) {}

  /** Clicks "Send to Yokoy" on an invoice's page; returns what it announces. */
  async send(): Promise<string> {
    const button = await this.page.waitForFunction(() => document.querySelector('yokoy-companion-send')?.shadowRoot?.querySelector('button'), { timeout: 10_000 });
    const before = await this.page.evaluate(() => document.querySelector('yokoy-companion-send')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '');
    await (button.asElement() as ElementHandle<Element>).click();
    // The status empties on press, then says the outcome.
    await this.page.waitForFunction((b) => !b || document.querySelector('yokoy-companion-send')?.shadowRoot?.querySelector('[role="status"]')?.textContent !== b, {}, before);
    const said = await this.page.waitForFunction(() => document.querySelector('yokoy-companion-send')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim(), {
      timeout: 10_000,
    });
    return (await said.jsonValue()) as string;
  }

  async buttonLabel(): Promise<string> {
    const button = await this.page.waitForFunction(() => document.querySelector('yokoy-companion-send')?.shadowRoot?.querySelector('button')?.textContent, { timeout: 10_000 });
    return (await button.jsonValue()) as string;
  }

  /** The progress panel's text while an export runs (undefined when none shows). */
  async progressText(timeout = 5_000): Promise<string | undefined> {
    const found = await this.page
      .waitForFunction(() => document.querySelector('yokoy-companion-progress')?.shadowRoot?.querySelector('p')?.textContent, { timeout })
      .catch(() => undefined);
    return found ? ((await found.jsonValue()) as string) : undefined;
  }
}
