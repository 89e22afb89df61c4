/** Page object: the extension's launcher inside its shadow root on a Banqup page. */
import type { Page } from 'puppeteer-core';

export const launcherHost = 'yokoy-companion-launcher';

export class LauncherOverlay {
  constructor(readonly page: Page) {}

  /** The launcher button's accessible name, read through the shadow root; undefined when absent. */
  async find(timeout = 5_000): Promise<{ label: string; text: string } | undefined> {
    const found = await this.page
      .waitForFunction(
        (host) => document.querySelector(host)?.shadowRoot?.querySelector('button.launcher'),
        { timeout },
        launcherHost,
      )
      .catch(() => undefined);
    if (!found) return undefined;
    return this.page.evaluate((host) => {
      const button = document.querySelector(host)!.shadowRoot!.querySelector('button.launcher')!;
      return { label: button.getAttribute('aria-label') ?? '', text: button.textContent ?? '' };
    }, launcherHost);
  }

  /** Whether any launcher host element exists in the light DOM (should only be on Banqup). */
  count(): Promise<number> {
    return this.page.evaluate((host) => document.querySelectorAll(host).length, launcherHost);
  }
}
