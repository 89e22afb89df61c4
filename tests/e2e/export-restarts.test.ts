/**
 * The queue survives its worker: a backfill with the service worker stopped (through the
 * DevTools protocol) five times, and the browser closed and relaunched on the same profile
 * once, still delivers every invoice exactly once.
 */
import { describe, expect, it } from 'vitest';
import { seedDocuments, type SandboxDocument } from '../../sandbox/data/seed';
import { writeUbl } from '../../sandbox/data/ubl-write';
import { ExportPage } from './pages/export';
import { extensionWorker, launchBrowser } from './support/browser';
import { connectExtension, signInToBanqup } from './support/connect';
import { useE2E } from './support/fixtures';
import { stopServiceWorker } from './support/worker';
import { setFaults, yokoyInvoices } from './support/yokoy-admin';

/** More invoices than the seed, so the run lasts long enough to be interrupted. */
function extraDocuments(count: number): SandboxDocument[] {
  const base = seedDocuments().filter((d) => d.folder === 'PURCHASES' && d.ubl);
  return Array.from({ length: count }, (_, i) => {
    const doc = base[i % base.length]!;
    const meta = { ...doc.meta, invoiceNumber: `${doc.meta.invoiceNumber}-R${i}`, embeddedPdf: undefined };
    const hex = i.toString(16).padStart(12, '0');
    return { ...doc, documentId: `aaaaaaaa-bbbb-4ccc-8ddd-${hex}`, fileName: `R${i}.xml`, meta, ubl: writeUbl(meta), hasEmbeddedPdf: false };
  });
}

describe('export across worker stops and a browser restart', () => {
  const env = useE2E({ extension: true });

  it('completes exactly once', async () => {
    await connectExtension(env, 'Acme Belgium NV');
    env.sandbox.state.banqup.documents.push(...extraDocuments(80));
    const total = seedDocuments().filter((d) => d.folder === 'PURCHASES').length + 80;
    await setFaults(env.sandbox, { latencyMs: 120 });

    let view = await ExportPage.open(env.browser, env.extensionId);
    expect(await view.preview()).toMatch(new RegExp(`${total} invoices match`));
    await view.start();
    const sent = async () => (await yokoyInvoices(env.sandbox)).length;

    let stops = 0;
    for (let i = 0; i < 5; i++) {
      const before = await sent();
      await expect.poll(sent, { timeout: 30_000 }).toBeGreaterThan(before);
      if (await stopServiceWorker(env.browser, env.extensionId)) stops++;
      // The open export view's next question wakes the worker, which resumes from IndexedDB.
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(stops).toBe(5);
    const beforeRestart = await sent();
    expect(beforeRestart).toBeLessThan(total);

    // Close the browser mid-run and start it again on the same profile.
    await view.close().catch(() => undefined);
    const profile = env.launched.userDataDir;
    await env.launched.close({ keepProfile: true });
    env.launched = await launchBrowser({ extension: true, userDataDir: profile });
    env.browser = env.launched.browser;
    ({ worker: env.worker } = await extensionWorker(env.browser));
    // The Banqup session cookie died with the browser: the queue waits until the user is back.
    await signInToBanqup(env);

    view = await ExportPage.open(env.browser, env.extensionId);
    await expect.poll(sent, { timeout: 120_000, interval: 500 }).toBe(total);
    await setFaults(env.sandbox, {});

    const invoices = await yokoyInvoices(env.sandbox);
    expect(invoices).toHaveLength(total);
    const numbers = invoices.map((i) => i.invoiceNumber ?? i.customInformation?.banqupDocumentId);
    expect(new Set(numbers).size).toBe(total);
    await expect.poll(async () => (await yokoyInvoices(env.sandbox)).filter((i) => i.customInformation?.banqupDocumentId).length, { timeout: 30_000 }).toBe(total);
    const rows = await view.openHistory('failed');
    expect(rows).toEqual([]);
    await view.close();
  }, 300_000);
});
