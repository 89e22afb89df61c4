/** Page object: the Reconcile tab (entrypoints/reconcile), read from the page as a person sees it. */
import type { Browser, Page } from 'puppeteer-core';
import { seriousViolations } from './a11y';

export interface ReconcileRowView {
  documentId: string;
  verdict: string;
  keep?: string;
  copies: { id: string; href: string | null }[];
  yokoyLinks: string[];
  banqupLink: string | null;
}

export type MonthFigures = Record<string, Record<'inBanqup' | 'inYokoy' | 'missing' | 'duplicated', number>>;

export class ReconcilePage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, extensionId: string, lang = 'en'): Promise<ReconcilePage> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(`chrome-extension://${extensionId}/reconcile.html?lang=${lang}`);
    await page.waitForSelector('#reconcile-entity option');
    return new ReconcilePage(page);
  }

  private async setMonth(selector: string, value: string): Promise<void> {
    await this.page.$eval(
      selector,
      (el, v) => {
        const input = el as HTMLInputElement;
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      },
      value,
    );
  }

  /** Runs a reconcile of `from`..`to` (YYYY-MM) for the legal entity named; waits for the report. */
  async reconcile(from: string, to: string, legalEntityName: string): Promise<string> {
    await this.setMonth('#reconcile-from', from);
    await this.setMonth('#reconcile-to', to);
    const value = await this.page.$$eval(
      '#reconcile-entity option',
      (options, name) => (options as HTMLOptionElement[]).find((o) => o.textContent === name)?.value ?? '',
      legalEntityName,
    );
    await this.page.select('#reconcile-entity', value);
    const before = await this.page.$eval('[data-testid="reconcile-report"]', (el) => el.getAttribute('data-report')).catch(() => null);
    await this.page.waitForSelector('[data-testid="reconcile-run"]:not([disabled])');
    // A trusted click (CDP), as a person's.
    await this.page.click('[data-testid="reconcile-run"]');
    const handle = await this.page.waitForFunction(
      (previous) => {
        const failed = document.querySelector('[data-testid="reconcile-message"].error');
        if (failed) return `failed: ${failed.textContent}`;
        const report = document.querySelector('[data-testid="reconcile-report"]');
        const id = report?.getAttribute('data-report');
        return id && id !== previous ? id : false;
      },
      { timeout: 180_000, polling: 100 },
      before,
    );
    const id = (await handle.jsonValue()) as string;
    if (id.startsWith('failed')) throw new Error(id);
    return id;
  }

  summary(): Promise<string> {
    return this.page.$eval('[data-testid="reconcile-summary"]', (el) => el.textContent ?? '');
  }

  rows(): Promise<ReconcileRowView[]> {
    return this.page.$$eval('[data-testid="reconcile-rows"] tbody tr', (rows) =>
      rows.map((tr) => ({
        documentId: tr.getAttribute('data-document-id') ?? '',
        verdict: tr.getAttribute('data-verdict') ?? '',
        keep: tr.querySelector('[data-role="keep"] [data-invoice-id]')?.getAttribute('data-invoice-id') ?? undefined,
        copies: [...tr.querySelectorAll('[data-role="delete"] [data-invoice-id]')].map((a) => ({
          id: a.getAttribute('data-invoice-id') ?? '',
          href: a.getAttribute('href'),
        })),
        yokoyLinks: [...tr.querySelectorAll('.links [data-invoice-id]')].map((a) => a.getAttribute('data-invoice-id') ?? ''),
        banqupLink: tr.querySelector('[data-testid="open-banqup"]')?.getAttribute('href') ?? null,
      })),
    );
  }

  unmatched(): Promise<{ id: string; reason: string }[]> {
    return this.page.$$eval('[data-testid="reconcile-unmatched"] li', (items) =>
      items.map((li) => ({ id: li.getAttribute('data-invoice-id') ?? '', reason: li.getAttribute('data-reason') ?? '' })),
    );
  }

  /** The numbers written on the chart's bars (the SVG), per month and series. */
  chartFigures(): Promise<MonthFigures> {
    return this.page.$$eval('[data-testid="reconcile-chart"] svg text[data-series]', (texts) => {
      const out: Record<string, Record<string, number>> = {};
      for (const t of texts)
        (out[t.getAttribute('data-month')!] ??= {})[t.getAttribute('data-series')!] = Number((t.textContent ?? '').replace(/\D/g, ''));
      return out as MonthFigures;
    });
  }

  /** The same figures from the table behind the chart. */
  tableFigures(): Promise<MonthFigures> {
    return this.page.$$eval('[data-testid="reconcile-chart-table"] tbody tr', (rows) => {
      const out: Record<string, Record<string, number>> = {};
      for (const tr of rows)
        for (const td of tr.querySelectorAll('td[data-series]'))
          (out[tr.getAttribute('data-month')!] ??= {})[td.getAttribute('data-series')!] = Number((td.textContent ?? '').replace(/\D/g, ''));
      return out as MonthFigures;
    });
  }

  /** Clicks an action and returns the message it leads to. */
  async act(action: 'send-missing' | 'tag'): Promise<string> {
    const before = await this.page.$eval('[data-testid="reconcile-message"]', (el) => el.textContent).catch(() => null);
    await this.page.waitForSelector(`[data-testid="reconcile-${action}"]:not([disabled])`);
    await this.page.click(`[data-testid="reconcile-${action}"]`);
    const handle = await this.page.waitForFunction(
      (previous) => {
        const text = document.querySelector('[data-testid="reconcile-message"]')?.textContent;
        return text && text !== previous ? text : false;
      },
      {},
      before,
    );
    return (await handle.jsonValue()) as string;
  }

  /** axe-core on the whole view: violations of serious or critical impact. */
  async accessibilityViolations(): Promise<{ id: string; impact: string; help: string; nodes: number }[]> {
    return (await seriousViolations(this.page)).map(({ id, impact, help, targets }) => ({ id, impact, help, nodes: targets.length }));
  }

  close() {
    return this.page.close();
  }
}
