/** Page object: the toolbar popup, opened as a page at chrome-extension://<id>/popup.html. */
import type { Browser, Page } from 'puppeteer-core';

export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, extensionId: string): Promise<PopupPage> {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return new PopupPage(page);
  }

  /** Waits until the status leaves "loading" and returns what the user reads. */
  async status(): Promise<{ state: string; text: string }> {
    const handle = await this.page.waitForSelector('[data-testid="connection-status"]:not([data-state="loading"])');
    return handle!.evaluate((el) => ({ state: el.getAttribute('data-state') ?? '', text: el.textContent ?? '' }));
  }

  async version(): Promise<string> {
    await this.page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="version"]')?.textContent ?? ''));
    return this.page.$eval('[data-testid="version"]', (el) => el.textContent ?? '');
  }

  close() {
    return this.page.close();
  }
}
