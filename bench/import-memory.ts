/**
 * Import memory: the Import page's and the service worker's peak memory while a ZIP of N
 * Peppol invoices (each with its PDF embedded) is dropped, previewed and sent to the Yokoy
 * emulator, for a small and a large archive. What must hold: the large archive (4× the
 * invoices, 4× the bytes) costs about the same memory as the small one, since the page reads
 * one entry at a time (zip.js over Blob.slice) and stores each in IndexedDB, and the worker
 * reads one job's bytes at a time. The growth figures are large/small peak ratios.
 *
 * Memory is V8's used heap plus its ArrayBuffer backing stores (CDP Runtime.getHeapUsage:
 * `usedSize + backingStorageSize`), sampled every 100 ms through the DevTools protocol.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobWriter, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { renderInvoicePdf, seedDocuments, writeUbl } from '../sandbox/data';
import { ImportPage } from '../tests/e2e/pages/import';
import type { E2EEnv } from '../tests/e2e/support/fixtures';
import { BENCH_LEGAL_ENTITY } from './lib/env';
import { figure, type Figure } from './lib/figure';
import { isExtensionWorker } from './lib/worker-control';

const GROUP = 'import';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MB = 2 ** 20;

export interface ImportOptions {
  /** Invoices in the small and in the large archive. */
  small: number;
  large: number;
  /** Size each embedded PDF is padded to. */
  pdfBytes: number;
  /** Judge the growth against its budget (full mode only). */
  judge: boolean;
  log?: (message: string) => void;
}

/** Writes a ZIP of `count` distinct invoices (numbers carry `tag`) in folders of 500. */
async function writeArchive(path: string, count: number, tag: string, pdfBytes: number): Promise<number> {
  const templates = seedDocuments().filter((d) => d.folder === 'PURCHASES' && d.kind === 'invoice' && d.ubl && d.hasEmbeddedPdf);
  // One rendered PDF per template: the UBLs differ (number), which is what identity hashes.
  const pdfs = templates.map((t) => renderInvoicePdf(t.meta, { padToBytes: pdfBytes }));
  const writer = new ZipWriter(new BlobWriter('application/zip'), { useWebWorkers: false, level: 1 });
  for (let i = 0; i < count; i++) {
    const t = i % templates.length;
    const { embeddedPdf: _old, ...meta } = templates[t]!.meta;
    meta.invoiceNumber = `${tag}-${String(i + 1).padStart(5, '0')}`;
    const ubl = writeUbl({ ...meta, embeddedPdf: { fileName: `${meta.invoiceNumber}.pdf`, data: pdfs[t]! } });
    await writer.add(`invoices/${Math.floor(i / 500)}/${meta.invoiceNumber}.xml`, new Uint8ArrayReader(new TextEncoder().encode(ubl)));
  }
  const blob = await writer.close();
  writeFileSync(path, new Uint8Array(await blob.arrayBuffer()));
  return statSync(path).size;
}

/** Samples a target's heap + ArrayBuffer memory until stopped; returns the peak in bytes. */
function sampleMemory(session: () => Promise<CDPSession | undefined>, everyMs = 100) {
  let peak = 0;
  let count = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const s = await session();
        if (s) {
          const usage = (await s.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
          peak = Math.max(peak, usage.usedSize + (usage.backingStorageSize ?? 0));
          count++;
        }
      } catch {
        // The target went away between two samples (a worker stop): try again next turn.
      }
      await sleep(everyMs);
    }
  })();
  return {
    async stop(): Promise<{ peak: number; count: number }> {
      stopped = true;
      await loop;
      return { peak, count };
    },
  };
}

function workerSession(browser: Browser, extensionId: string) {
  let session: CDPSession | undefined;
  return async () => {
    if (session?.connection()) return session;
    const target = browser.targets().find(isExtensionWorker(extensionId));
    session = target ? await target.createCDPSession() : undefined;
    return session;
  };
}

interface Pass {
  invoices: number;
  archiveMb: number;
  pagePeakMb: number;
  workerPeakMb: number;
  seconds: number;
}

async function pass(env: E2EEnv, dir: string, count: number, tag: string, pdfBytes: number, log: (m: string) => void): Promise<Pass> {
  const path = join(dir, `${tag}.zip`);
  const archiveBytes = await writeArchive(path, count, tag, pdfBytes);
  log(`import: ${count} invoices, ${(archiveBytes / MB).toFixed(1)} MB archive`);
  const yokoy = env.sandbox.state.yokoy;
  yokoy.invoices.clear();
  yokoy.suppliers.clear();
  yokoy.requestLog.length = 0;
  const view = await ImportPage.open(env.browser, env.extensionId);
  const page: Page = view.page;
  const pageSession = await page.createCDPSession();
  // Let the page settle, then collect what loading left behind, so both passes start alike.
  await pageSession.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const pageMemory = sampleMemory(async () => pageSession);
  const workerMemory = sampleMemory(workerSession(env.browser, env.extensionId));
  const started = Date.now();
  try {
    await view.pick(path);
    const preview = await view.preview(20 * 60_000);
    log(`import: preview after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (preview.send !== `Send ${count.toLocaleString('en')} to Yokoy`)
      throw new Error(`import preview: ${JSON.stringify(preview).slice(0, 500)}`);
    await view.send();
    await view.waitUntilFinished(30 * 60_000);
    const sent = [...yokoy.invoices.values()].filter(
      (i) => i.legalEntityId === BENCH_LEGAL_ENTITY.id && i.invoiceNumber.startsWith(`${tag}-`),
    ).length;
    if (sent !== count) throw new Error(`import: ${sent} of ${count} invoices reached Yokoy`);
    log(`import: ${count} sent after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return {
      invoices: count,
      archiveMb: archiveBytes / MB,
      seconds: (Date.now() - started) / 1000,
      pagePeakMb: (await pageMemory.stop()).peak / MB,
      workerPeakMb: (await workerMemory.stop()).peak / MB,
    };
  } finally {
    await pageMemory.stop();
    await workerMemory.stop();
    await pageSession.detach().catch(() => undefined);
    await view.close();
  }
}

export async function measureImportMemory(env: E2EEnv, options: ImportOptions): Promise<Figure[]> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'ykc-import-bench-'));
  const run = Date.now().toString(36);
  try {
    const small = await pass(env, dir, options.small, `IMP${run}S`, options.pdfBytes, log);
    const large = await pass(env, dir, options.large, `IMP${run}L`, options.pdfBytes, log);
    const note = (p: Pass) => `${p.invoices} invoices, ${p.archiveMb.toFixed(1)} MB ZIP, dropped → sent in ${p.seconds.toFixed(1)} s`;
    const growthBudget = options.judge ? { max: 1.5, text: '≤ 1.5' } : undefined;
    const growthNote = `large/small peak; the archive grew ${(large.archiveMb / small.archiveMb).toFixed(1)}× (${small.invoices} → ${large.invoices} invoices)`;
    return [
      figure({
        group: GROUP,
        id: 'import.page.small',
        label: `Import page peak memory, ${small.invoices} invoices`,
        unit: 'MB',
        samples: [small.pagePeakMb],
        note: note(small),
      }),
      figure({
        group: GROUP,
        id: 'import.page.large',
        label: `Import page peak memory, ${large.invoices} invoices`,
        unit: 'MB',
        samples: [large.pagePeakMb],
        note: note(large),
      }),
      figure({
        group: GROUP,
        id: 'import.worker.small',
        label: `Worker peak memory, ${small.invoices} invoices`,
        unit: 'MB',
        samples: [small.workerPeakMb],
        note: note(small),
      }),
      figure({
        group: GROUP,
        id: 'import.worker.large',
        label: `Worker peak memory, ${large.invoices} invoices`,
        unit: 'MB',
        samples: [large.workerPeakMb],
        note: note(large),
      }),
      figure({
        group: GROUP,
        id: 'import.page.growth',
        label: 'Import page memory growth',
        unit: 'ratio',
        samples: [large.pagePeakMb / small.pagePeakMb],
        budget: growthBudget,
        note: growthNote,
      }),
      figure({
        group: GROUP,
        id: 'import.worker.growth',
        label: 'Worker memory growth (import)',
        unit: 'ratio',
        samples: [large.workerPeakMb / small.workerPeakMb],
        budget: growthBudget,
        note: growthNote,
      }),
      figure({
        group: GROUP,
        id: 'import.throughput',
        label: 'Import, dropped to sent',
        unit: 'inv/s',
        samples: [large.invoices / large.seconds],
        note: note(large),
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
