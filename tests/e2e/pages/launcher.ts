/**
 * Page object: the extension's launcher inside its closed shadow root on a Banqup page, read
 * from the content script's world (support/our-ui.ts) and clicked with the real mouse.
 */
import type { Page } from 'puppeteer-core';
import { clickInOurUi, inOurUi, waitInOurUi } from '../support/our-ui';

export const launcherHost = 'yokoy-companion-launcher';

export class LauncherOverlay {
  constructor(readonly page: Page) {}

  /** The launcher button's accessible name, read through the shadow root; undefined when absent. */
  async find(timeout = 5_000): Promise<{ label: string; text: string } | undefined> {
    return waitInOurUi(
      this.page,
      (root, host) => {
        const button = root(host)?.querySelector('button.launcher');
        return button ? { label: button.getAttribute('aria-label') ?? '', text: button.textContent ?? '' } : null;
      },
      launcherHost,
      timeout,
    ).catch(() => undefined);
  }

  /** Whether any launcher host element exists in the light DOM (should only be on Banqup). */
  count(): Promise<number> {
    return this.page.evaluate((host) => document.querySelectorAll(host).length, launcherHost);
  }

  /** A real click on the launcher, once it may be clicked. */
  click(): Promise<void> {
    return clickInOurUi(this.page, launcherHost, 'button.launcher');
  }

  /** Whether the launcher's button has been shown long enough to take a click. */
  async armed(): Promise<boolean> {
    return Boolean(
      await inOurUi(
        this.page,
        (root, host) => root(host)?.querySelector('button.launcher')?.getAttribute('data-armed') === 'true',
        launcherHost,
      ),
    );
  }
}
