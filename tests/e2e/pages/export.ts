/** Page object: the popup's Export and History tabs. */
import type { Browser, Page } from 'puppeteer-core';

export interface HistoryRow {
  documentId: string;
  state: string;
  number: string;
  supplier: string;
  reason: string;
  link: string | null;
}

export class ExportPage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, extensionId: string, view: 'export' | 'history' = 'export'): Promise<ExportPage> {
    const page = await browser.newPage();
    await page.setViewport({ width: 420, height: 900 });
    await page.goto(`chrome-extension://${extensionId}/popup.html?lang=en&view=${view}`);
    return new ExportPage(page);
  }

  async setFilter(field: 'from' | 'to' | 'supplier', value: string): Promise<void> {
    const selector = `#export-${field}`;
    await this.page.waitForSelector(selector);
    await this.page.$eval(selector, (el, v) => {
      const input = el as HTMLInputElement;
      input.value = v;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
  }

  /** The preview sentence once counted ("N invoices match."). */
  async preview(): Promise<string> {
    const handle = await this.page.waitForFunction(() => {
      const text = document.querySelector('[data-testid="export-preview"]')?.textContent ?? '';
      return /match|Banqup/.test(text) && !/Counting/.test(text) ? text : false;
    });
    return (await handle.jsonValue()) as string;
  }

  bankStatementsNote(): Promise<string | null> {
    return this.page.$eval('[data-testid="bank-statements-note"]', (el) => el.textContent).catch(() => null);
  }

  private runBefore: string | null = null;

  async start(): Promise<string> {
    await this.page.waitForSelector('[data-testid="export-start"]:not([disabled])');
    this.runBefore = await this.page.$eval('[data-testid="export-progress"]', (el) => el.getAttribute('data-run')).catch(() => null);
    await this.page.click('[data-testid="export-start"]');
    const handle = await this.page.waitForSelector('[data-testid="export-message"] p');
    return handle!.evaluate((el) => el.textContent ?? '');
  }

  /** Waits until the run of `total` invoices has nothing left; returns the progress detail line. */
  async waitUntilFinished(total: number, timeout = 120_000): Promise<string> {
    const handle = await this.page.waitForFunction(
      (n, before) => {
        const progress = document.querySelector('[data-testid="export-progress"]');
        if (!progress || progress.getAttribute('data-run') === before) return false;
        const bar = progress.querySelector('[role="progressbar"]');
        const text = document.querySelector('[data-testid="export-progress-detail"]')?.textContent ?? '';
        return bar?.getAttribute('aria-valuemax') === String(n) && bar.getAttribute('aria-valuenow') === String(n) ? text : false;
      },
      { timeout, polling: 250 },
      total,
      this.runBefore,
    );
    return (await handle.jsonValue()) as string;
  }

  async openHistory(state = ''): Promise<HistoryRow[]> {
    await this.page.click('#tab-history');
    await this.page.waitForSelector('#history-filter');
    await this.page.select('#history-filter', state);
    await new Promise((r) => setTimeout(r, 300));
    return this.historyRows();
  }

  /**
   * Every row of the history, read by scrolling its virtual list to the end (only the rows in
   * view are in the DOM), each row once.
   */
  async historyRows(): Promise<HistoryRow[]> {
    // By position: one document has a row per legal entity it was sent to.
    const rows = new Map<number, HistoryRow>();
    await this.page.waitForSelector('[data-testid="history-scroll"][data-loaded]');
    await this.page.$eval('[data-testid="history-scroll"]', (el) => el.scrollTo({ top: 0 }));
    for (;;) {
      const seen = await this.page.$$eval('[data-testid="history-list"] li', (items) =>
        items.map((li) => ({
          at: Number(li.getAttribute('aria-posinset')),
          documentId: li.getAttribute('data-document-id') ?? '',
          state: li.getAttribute('data-state') ?? '',
          number: li.querySelector('.number')?.textContent ?? '',
          supplier: li.querySelector('.supplier')?.textContent ?? '',
          reason: [...li.querySelectorAll('.reason')].map((r) => r.textContent ?? '').join(' '),
          link: li.querySelector('a')?.getAttribute('href') ?? null,
        })),
      );
      for (const { at, ...row } of seen) rows.set(at, row);
      // Scroll one view down; done when the end is in view and nothing more is to load.
      const moved = await this.page.$eval('[data-testid="history-scroll"]', async (el) => {
        const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
        if (atEnd && el.getAttribute('data-more') !== 'true') return false;
        el.scrollTop += el.clientHeight;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return true;
      });
      if (!moved) break;
      // A page that is still loading: wait until the list grew or says it has no more.
      await this.page.waitForFunction(
        () => {
          const el = document.querySelector('[data-testid="history-scroll"]')!;
          return el.getAttribute('data-more') !== 'true' || el.scrollTop + el.clientHeight < el.scrollHeight - 1;
        },
        { polling: 'raf' },
      );
    }
    return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  }

  close() {
    return this.page.close();
  }
}
