/** Page object: the Import page (a tab of the extension). */
import { TimeoutError, type Browser, type Page } from 'puppeteer-core';

export class ImportPage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, extensionId: string, lang = 'en'): Promise<ImportPage> {
    const page = await browser.newPage();
    await page.setViewport({ width: 760, height: 420 });
    await page.goto(`chrome-extension://${extensionId}/import.html?lang=${lang}`);
    await page.waitForSelector('[data-testid="import-input"]');
    return new ImportPage(page);
  }

  /** Picks files through the page's file input (what "Choose files" opens). */
  async pick(...paths: string[]): Promise<void> {
    const input = await this.page.waitForSelector('[data-testid="import-input"]:not([disabled])');
    await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(...paths);
  }

  /** Waits for the preview; returns its summary lines, totals, notes and skipped files. */
  async preview(
    timeout = 60_000,
  ): Promise<{ summary: string[]; totals: string[]; notes: string[]; skipped: { name: string; text: string }[]; send: string | null }> {
    await this.page.waitForSelector('[data-testid="import-preview"], [data-testid="import-problem"]', { timeout });
    // No named helpers inside: tsx (the bench) would wrap them in a `__name` the page lacks.
    return this.page.evaluate(() => ({
      summary: [...document.querySelectorAll('[data-testid="import-summary"] li')].map((el) => el.textContent ?? ''),
      totals: [...document.querySelectorAll('[data-testid="import-totals"] li')].map((el) => el.textContent ?? ''),
      notes: [...document.querySelectorAll('[data-testid="import-preview"] .message, [data-testid="import-problem"]')].map(
        (el) => el.textContent ?? '',
      ),
      skipped: [...document.querySelectorAll('[data-testid="import-skipped"] li')].map((li) => ({
        name: li.getAttribute('data-name') ?? '',
        text: li.textContent ?? '',
      })),
      send: document.querySelector('[data-testid="import-send"]')?.textContent ?? null,
    }));
  }

  async send(): Promise<string> {
    await this.page.click('[data-testid="import-send"]');
    const handle = await this.page.waitForSelector('[data-testid="import-sent"] [role="status"]');
    return handle!.evaluate((el) => el.textContent ?? '');
  }

  /**
   * Waits until the queue has nothing left; returns the progress detail line. Woken by the
   * page's own changes (mutation polling), in waits of at most a minute each: one wait of many
   * minutes (the bench's large archive) would outlast the DevTools protocol's call timeout.
   */
  async waitUntilFinished(timeout = 120_000): Promise<string> {
    const deadline = Date.now() + timeout;
    const selector = '[data-testid="import-progress"] [data-testid="export-progress-detail"]';
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) {
        const text = await this.page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', selector);
        throw new Error(`import not finished after ${timeout} ms: ${text}`);
      }
      try {
        const handle = await this.page.waitForFunction(
          (sel: string) => {
            const text = document.querySelector(sel)?.textContent ?? '';
            return / 0 to go/.test(text) ? text : false;
          },
          { polling: 'mutation', timeout: Math.min(left, 60_000) },
          selector,
        );
        return (await handle.jsonValue()) as string;
      } catch (error) {
        if (!(error instanceof TimeoutError)) throw error;
      }
    }
  }

  async again(): Promise<void> {
    await this.page.click('[data-testid="import-again"]');
    await this.page.waitForSelector('[data-testid="import-input"]:not([disabled])');
  }

  screenshot(path: string): Promise<unknown> {
    return this.page.screenshot({ path, fullPage: true });
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
