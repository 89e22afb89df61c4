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

  /**
   * The popup on its Export (or History) tab. The export's status filter starts at Banqup's
   * connector default (fully approved documents); `status: 'any'` (the default here, so a
   * backfill covers every seeded document) picks "Any status" first, `'default'` leaves it.
   */
  static async open(
    browser: Browser,
    extensionId: string,
    view: 'export' | 'history' = 'export',
    options: { status?: 'any' | 'default' } = {},
  ): Promise<ExportPage> {
    const page = await browser.newPage();
    await page.setViewport({ width: 420, height: 900 });
    await page.goto(`chrome-extension://${extensionId}/popup.html?lang=en&view=${view}`);
    const opened = new ExportPage(page);
    if (view === 'export' && (options.status ?? 'any') === 'any') await opened.setStatus('ANY');
    return opened;
  }

  /** An export view already open in a page (e.g. the tab the guide opened). */
  static attach(page: Page): ExportPage {
    return new ExportPage(page);
  }

  /** Chooses Banqup's document status (and optionally the payment status) to export. */
  async setStatus(documentStatus: string, pay?: string): Promise<void> {
    await this.page.waitForSelector('#export-status');
    await this.page.select('#export-status', documentStatus);
    if (pay !== undefined) await this.page.select('#export-pay', pay);
    // Until the count shown is the one for these filters (the connector default has no documentStatus).
    await this.page.waitForFunction(
      (d, p) => {
        const raw = document.querySelector('[data-testid="export-preview"]')?.getAttribute('data-for');
        if (!raw) return false;
        const f = JSON.parse(raw) as { documentStatus?: string; payStatus?: string };
        return (f.documentStatus ?? 'FULLY_APPROVED') === d && (p === undefined || (f.payStatus ?? '') === p);
      },
      {},
      documentStatus,
      pay,
    );
  }

  /** The status filter as shown: the selected options' values and texts. */
  statusChoice(): Promise<{ document: string; documentText: string; pay: string; hint: string }> {
    return this.page.evaluate(() => {
      const d = document.querySelector<HTMLSelectElement>('#export-status')!;
      const p = document.querySelector<HTMLSelectElement>('#export-pay')!;
      return {
        document: d.value,
        documentText: d.selectedOptions[0]?.textContent ?? '',
        pay: p.value,
        hint: document.querySelector('[data-testid="export-status-hint"]')?.textContent ?? '',
      };
    });
  }

  async setFilter(field: 'from' | 'to' | 'supplier', value: string): Promise<void> {
    const selector = `#export-${field}`;
    await this.page.waitForSelector(selector);
    await this.page.$eval(
      selector,
      (el, v) => {
        const input = el as HTMLInputElement;
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      },
      value,
    );
    // The count on screen is for these filters (data-for), not a previous, unfiltered one.
    await this.page.waitForFunction(
      (f, v) => {
        const raw = document.querySelector('[data-testid="export-preview"]')?.getAttribute('data-for');
        return raw ? ((JSON.parse(raw) as Record<string, string | undefined>)[f] ?? '') === v : false;
      },
      {},
      field,
      value,
    );
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
    // The rows of this filter, not the last one's: the list says which filter it shows.
    await this.page.waitForSelector(`[data-testid="history-scroll"][data-loaded][data-filter="${state}"]`);
    return this.historyRows();
  }

  /**
   * Every row of the history, read by scrolling its virtual list to the end (only the rows in
   * view are in the DOM), each row once, in order (newest first).
   */
  async historyRows(): Promise<HistoryRow[]> {
    const rows = new Map<string, HistoryRow>();
    await this.page.waitForSelector('[data-testid="history-scroll"][data-loaded]');
    await this.page.$eval('[data-testid="history-scroll"]', (el) => el.scrollTo({ top: 0 }));
    for (;;) {
      const seen = await this.page.$$eval('[data-testid="history-list"] li', (items) =>
        items.map((li) => ({
          position: li.getAttribute('aria-posinset') ?? '',
          documentId: li.getAttribute('data-document-id') ?? '',
          state: li.getAttribute('data-state') ?? '',
          number: li.querySelector('.number')?.textContent ?? '',
          supplier: li.querySelector('.supplier')?.textContent ?? '',
          reason: [...li.querySelectorAll('.reason')].map((r) => r.textContent ?? '').join(' '),
          link: li.querySelector('a')?.getAttribute('href') ?? null,
        })),
      );
      // By position: a document exported in two runs has a row for each job.
      for (const { position, ...row } of seen) rows.set(position, row);
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
    return [...rows.values()];
  }

  close() {
    return this.page.close();
  }
}
