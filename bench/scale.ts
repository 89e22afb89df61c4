/**
 * Costs as the history grows (issue 16): the job store is filled with N synthetic jobs
 * (~1 KB each, like real ones: invoice facts, Yokoy ids, some failures with reasons), for
 * each N in `sizes`, and at each size:
 * - History tab click → first rows shown (an open popup; a MutationObserver stamps the first
 *   row), and one scroll step (scrollTop moved one view further → rows drawn, next pages
 *   loaded as they come into reach);
 * - the whole CSV streamed page by page (rows checked: every job once);
 * - worker start → export ready (the worker stopped as Chrome idles it out, woken by a
 *   message; `performance.now()` in the worker when its export handlers are ready, i.e. ms
 *   since the worker's own start) and the worker's JS heap right then.
 * Jobs are written straight into the extension's IndexedDB from an extension page (same
 * origin as the worker), so filling 100,000 takes seconds, not an export of 100,000.
 */
import type { Browser, Page } from 'puppeteer-core';
import { figure, type Figure } from './lib/figure';
import { isExtensionWorker, workerControl } from './lib/worker-control';

const GROUP = 'scale';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ScaleOptions {
  sizes: number[];
  /** Repetitions per size of the popup and worker measurements. */
  runs: number;
  log?: (m: string) => void;
}

export interface ScalePoint {
  jobs: number;
  firstRowsMs: number;
  scrollStepMs: number;
  csvMs: number;
  csvRows: number;
  readyMs: number;
  heapMB: number;
}

/** Fills the `jobs` store up to `total` jobs (ids continue from `from`). */
async function fill(page: Page, from: number, total: number): Promise<void> {
  await page.evaluate(
    async (start, end) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('yokoy-companion');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const now = Date.now();
      const day = 86_400_000;
      for (let i = start; i < end; ) {
        const tx = db.transaction('jobs', 'readwrite');
        const store = tx.objectStore('jobs');
        for (const stop = Math.min(end, i + 5_000); i < stop; i++) {
          const documentId = `bench-${String(i).padStart(7, '0')}-5f0c2b7e-9a41-4d7b-8c55-${String(i).padStart(12, '0')}`;
          const state = i % 50 === 0 ? 'failed' : i % 97 === 0 ? 'cancelled' : i % 13 === 0 ? 'duplicate' : 'done';
          const updatedAt = now - Math.floor((i / end) * 300 * day) - (i % 1000);
          store.put({
            id: `le-BE-acme-0001|${documentId}`,
            documentId,
            legalEntityId: 'le-BE-acme-0001',
            state,
            source: 'backfill',
            runId: `run-bench-${Math.floor(i / 10_000)}`,
            attempts: state === 'failed' ? 8 : 1,
            nextAttemptAt: updatedAt,
            needsLookup: false,
            yokoyInvoiceId: state === 'done' || state === 'duplicate' ? `yk-${i.toString(36)}-0b9e4c3a-7d21-4f5e-a6b8` : undefined,
            uploadStartedAt: updatedAt - 900,
            tagged: state === 'done' || state === 'duplicate' ? true : undefined,
            reason:
              state === 'failed'
                ? {
                    code: 'yokoy:validation',
                    detail: 'invoiceData: the supplier’s VAT number is not valid for the country of the legal entity (BE0123456789)',
                  }
                : undefined,
            invoiceNumber: `INV-2026-${String(i).padStart(7, '0')}`,
            supplierName: `Supplier ${i % 731} Lda — Serviços de Contabilidade e Consultoria`,
            issueDate: new Date(updatedAt - 5 * day).toISOString().slice(0, 10),
            currency: 'EUR',
            total: Math.round((i % 9_973) * 137.31) / 100,
            createdAt: updatedAt - 2_000,
            updatedAt,
          });
        }
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    from,
    total,
  );
}

/** In an open popup on another tab: History clicked → first row shown (ms). */
async function firstRows(page: Page): Promise<number> {
  await page.click('#tab-export');
  await page.waitForSelector('[data-testid="history-view"]', { hidden: true });
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no history rows within 30 s')), 30_000);
        let t0 = 0;
        const mo = new MutationObserver(() => {
          if (!document.querySelector('[data-testid="history-list"] li')) return;
          const at = performance.now();
          mo.disconnect();
          clearTimeout(timer);
          resolve(at - t0);
        });
        mo.observe(document.body, { childList: true, subtree: true });
        t0 = performance.now();
        document.querySelector<HTMLElement>('#tab-history')!.click();
      }),
  );
}

/** One view further down the list → the rows in view drawn (next page loaded when needed), ms per step (median of `steps`). */
async function scrollSteps(page: Page, steps: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    const el = document.querySelector<HTMLElement>('[data-testid="history-scroll"]')!;
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      el.scrollTop += el.clientHeight * 3;
      // Drawn when the row at the new top is in the DOM (a page may have to arrive first).
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        const want = Math.floor(el.scrollTop / 76) + 1;
        if (document.querySelector(`[data-testid="history-list"] li[aria-posinset="${want}"]`)) break;
        if (performance.now() - t0 > 10_000) throw new Error('rows not drawn after scrolling');
      }
      times.push(performance.now() - t0);
    }
    return times;
  }, steps);
}

async function streamCsv(page: Page): Promise<{ ms: number; rows: number }> {
  return page.evaluate(async () => {
    const t0 = performance.now();
    let after: unknown;
    let rows = -1;
    const parts: string[] = [];
    do {
      const answer = (await chrome.runtime.sendMessage({ type: 'export.csv', after })) as {
        ok: boolean;
        value: { csv: string; next?: unknown };
      };
      if (!answer.ok) throw new Error('csv refused');
      parts.push(answer.value.csv);
      rows += answer.value.csv.split('\r\n').length - 1;
      after = answer.value.next;
    } while (after);
    const blob = new Blob(parts, { type: 'text/csv' });
    if (!blob.size) throw new Error('empty csv');
    return { ms: performance.now() - t0, rows };
  });
}

/** Stops the worker, wakes it with a message, and reads when its export was ready and its heap then. */
async function coldReady(browser: Browser, extensionId: string, page: Page): Promise<{ readyMs: number; heapMB: number }> {
  const control = await workerControl(browser, extensionId);
  await control.stop();
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'status' }));
  const target = await browser.waitForTarget(isExtensionWorker(extensionId));
  const worker = (await target.worker())!;
  const readyMs = await worker.evaluate(
    () => (globalThis as unknown as { yokoyCompanionTest: { exportReady: Promise<number> } }).yokoyCompanionTest.exportReady,
  );
  const session = await target.createCDPSession();
  const heap = (await session.send('Runtime.getHeapUsage')).usedSize;
  await session.detach();
  return { readyMs, heapMB: heap / 1024 / 1024 };
}

export async function measureScale(
  env: { browser: Browser; extensionId: string },
  options: ScaleOptions,
): Promise<{ figures: Figure[]; points: ScalePoint[] }> {
  const log = options.log ?? (() => undefined);
  const page = await env.browser.newPage();
  await page.setViewport({ width: 420, height: 900 });
  await page.goto(`chrome-extension://${env.extensionId}/popup.html?lang=en&view=export`);
  await page.waitForSelector('#tab-history');
  const points: ScalePoint[] = [];
  const figures: Figure[] = [];
  let stored = 0;
  try {
    for (const size of options.sizes) {
      log(`scale: filling the history to ${size} jobs`);
      await fill(page, stored, size);
      stored = size;
      await sleep(500);
      const rows: number[] = [];
      const scroll: number[] = [];
      const ready: number[] = [];
      const heap: number[] = [];
      for (let r = 0; r < options.runs; r++) {
        const cold = await coldReady(env.browser, env.extensionId, page);
        ready.push(cold.readyMs);
        heap.push(cold.heapMB);
        // Let the restarted worker settle, then open the tab (the worker is warm: the popup's own cost).
        await sleep(300);
        rows.push(await firstRows(page));
        scroll.push(...(await scrollSteps(page, 5)));
      }
      const csv = await streamCsv(page);
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      points.push({
        jobs: size,
        firstRowsMs: median(rows),
        scrollStepMs: median(scroll),
        csvMs: csv.ms,
        csvRows: csv.rows,
        readyMs: median(ready),
        heapMB: median(heap),
      });
      log(
        `scale ${size}: first rows ${median(rows).toFixed(1)} ms, scroll ${median(scroll).toFixed(1)} ms, csv ${csv.rows} rows in ${csv.ms.toFixed(0)} ms, ready ${median(ready).toFixed(1)} ms, heap ${median(heap).toFixed(1)} MB`,
      );
      const top = size === options.sizes[options.sizes.length - 1];
      const suffix = top ? '' : `.${size}`;
      const n = size.toLocaleString('en');
      figures.push(
        figure({
          group: GROUP,
          id: `scale.history.first-rows${suffix}`,
          label: `History tab → first rows, ${n} jobs`,
          unit: 'ms',
          samples: rows,
          budget: top ? { max: 100, text: '≤ 100' } : undefined,
        }),
        figure({
          group: GROUP,
          id: `scale.history.scroll${suffix}`,
          label: `History scroll step (3 views) → rows drawn, ${n} jobs`,
          unit: 'ms',
          samples: scroll,
          budget: top ? { max: 50, text: '≤ 50' } : undefined,
        }),
        figure({
          group: GROUP,
          id: `scale.csv${suffix}`,
          label: `CSV streamed, ${n} jobs`,
          unit: 'ms',
          samples: [csv.ms],
          note: `${csv.rows.toLocaleString('en')} rows for ${n} jobs${csv.rows === size ? ' (all)' : ' (MISSING ROWS)'}`,
        }),
        figure({
          group: GROUP,
          id: `scale.worker.ready${suffix}`,
          label: `Worker start → export ready, ${n} jobs`,
          unit: 'ms',
          samples: ready,
          budget: top ? { max: 200, text: '≤ 200' } : undefined,
        }),
        figure({
          group: GROUP,
          id: `scale.worker.heap${suffix}`,
          label: `Worker JS heap when ready, ${n} jobs`,
          unit: 'MB',
          samples: heap,
          budget: top ? { max: 30, text: '≤ 30' } : undefined,
        }),
      );
    }
  } finally {
    // Leave the store as the other benchmarks expect it: no synthetic jobs.
    await page
      .evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('yokoy-companion');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const tx = db.transaction('jobs', 'readwrite');
        tx.objectStore('jobs').delete(IDBKeyRange.bound('le-BE-acme-0001|bench-', 'le-BE-acme-0001|bench-\uffff'));
        await new Promise((r) => (tx.oncomplete = r));
        db.close();
      })
      .catch(() => undefined);
    await page.close();
  }
  return { figures, points };
}
