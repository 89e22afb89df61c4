/**
 * Page object: the extension's "Send to Yokoy" button and progress panel on Banqup pages, in
 * closed shadow roots: read from the content script's world, clicked with the real mouse.
 */
import type { Page } from 'puppeteer-core';
import { clickInOurUi, inOurUi, waitInOurUi } from '../support/our-ui';

export const sendHost = 'yokoy-companion-send';
export const progressHost = 'yokoy-companion-progress';

export class BanqupSend {
  constructor(readonly page: Page) {}

  private status(): Promise<string | undefined> {
    return inOurUi(this.page, (root, host) => root(host)?.querySelector('[role="status"]')?.textContent ?? '', sendHost);
  }

  /** Clicks "Send to Yokoy" on an invoice's page; returns what it announces. */
  async send(): Promise<string> {
    await waitInOurUi(this.page, (root, host) => root(host)?.querySelector('button'), sendHost);
    const before = (await this.status()) ?? '';
    await clickInOurUi(this.page, sendHost, 'button');
    // The status empties on press, then says the outcome.
    if (before)
      await waitInOurUi(this.page, (root, a) => root(a.host)?.querySelector('[role="status"]')?.textContent !== a.before, {
        host: sendHost,
        before,
      });
    return waitInOurUi(this.page, (root, host) => root(host)?.querySelector('[role="status"]')?.textContent?.trim(), sendHost);
  }

  buttonLabel(): Promise<string> {
    return waitInOurUi(this.page, (root, host) => root(host)?.querySelector('button')?.textContent, sendHost);
  }

  /** The progress panel's text while an export runs (undefined when none shows). */
  progressText(timeout = 5_000): Promise<string | undefined> {
    return waitInOurUi(this.page, (root, host) => root(host)?.querySelector('p')?.textContent, progressHost, timeout).catch(
      () => undefined,
    );
  }
}
