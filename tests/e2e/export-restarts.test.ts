/**
 * The queue survives its worker: a backfill with the service worker stopped (through the
 * DevTools protocol) five times, and the browser closed and relaunched on the same profile
 * once, still delivers every invoice exactly once. Paced from the emulator (answers held until
 * the worker is stopped), so it asserts the same on a fast machine and on a loaded one.
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
    return {
      ...doc,
      documentId: `aaaaaaaa-bbbb-4ccc-8ddd-${hex}`,
      fileName: `R${i}.xml`,
      meta,
      ubl: writeUbl(meta),
      hasEmbeddedPdf: false,
    };
  });
}

describe('export across worker stops and a browser restart', () => {
  const env = useE2E({ extension: true });

  it('completes exactly once', async () => {
    await connectExtension(env, 'Acme Belgium NV');
    env.sandbox.state.banqup.documents.push(...extraDocuments(50));
    const documents = env.sandbox.state.banqup.documents.filter((d) => d.folder === 'PURCHASES');
    const total = documents.length;
    await setFaults(env.sandbox, { latencyMs: 40 });

    // Paced from the emulator: the answer to the Nth upload is held until the test has stopped
    // the worker (so it is lost), whatever the machine's speed; the last hold closes the browser.
    const yokoy = env.sandbox.state.yokoy;
    const stopAt = [6, 16, 26, 36, 46, 56];
    let uploads = 0;
    // One signal per planned stop (a single slot would miss a hold that comes during a stop).
    const holds = stopAt.map(() => {
      const hold = { reached: () => {}, release: () => {}, seen: Promise.resolve() };
      hold.seen = new Promise<void>((resolve) => (hold.reached = resolve));
      return hold;
    });
    const tagged = () => new Set([...yokoy.invoices.values()].map((i) => i.customInformation?.banqupDocumentId).filter(Boolean));
    let allTagged: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (allTagged = resolve));
    yokoy.hold = ({ method, path }) => {
      if (method === 'PATCH' && documents.every((d) => tagged().has(d.documentId))) allTagged();
      if (method !== 'POST' || !/\/invoices\/(einvoice|upload)$/.test(path)) return undefined;
      const hold = holds[stopAt.indexOf(++uploads)];
      if (!hold) return undefined;
      const held = new Promise<void>((resolve) => (hold.release = resolve));
      hold.reached();
      return held;
    };

    // A target of a worker that just restarted can be stale for a moment: try again then.
    const stopWorker = async () => {
      for (let attempt = 0; attempt < 3; attempt++) if (await stopServiceWorker(env.browser, env.extensionId)) return true;
      return false;
    };
    let view = await ExportPage.open(env.browser, env.extensionId);
    expect(await view.preview()).toMatch(new RegExp(`${total} invoices match`));
    await view.start();

    // Bounded waits that say how far the run got (a stalled queue fails with figures, not a timeout).
    const within = async (what: Promise<void>, ms: number, label: string) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>(
        (_, reject) =>
          (timer = setTimeout(
            () => reject(new Error(`${label}: ${uploads} uploads, ${tagged().size} of ${total} tagged after ${ms / 1000} s`)),
            ms,
          )),
      );
      await Promise.race([what, deadline]).finally(() => clearTimeout(timer));
    };
    let stops = 0;
    for (let i = 0; i < 5; i++) {
      await within(holds[i]!.seen, 60_000, `waiting for upload ${stopAt[i]}`);
      if (await stopWorker()) stops++;
      holds[i]!.release();
    }
    expect(stops).toBe(5);

    // Close the browser mid-run (an upload's answer held) and start it again on the same profile.
    await within(holds[5]!.seen, 60_000, `waiting for upload ${stopAt[5]}`);
    const beforeRestart = (await yokoyInvoices(env.sandbox)).length;
    expect(beforeRestart).toBeLessThan(total);
    await view.close().catch(() => undefined);
    const profile = env.launched.userDataDir;
    await env.launched.close({ keepProfile: true });
    holds[5]!.release();
    env.launched = await launchBrowser({ extension: true, userDataDir: profile });
    env.browser = env.launched.browser;
    ({ worker: env.worker } = await extensionWorker(env.browser));
    // The Banqup session cookie died with the browser: the queue waits until the user is back.
    await signInToBanqup(env);

    await within(finished, 150_000, 'after the restart');
    yokoy.hold = undefined;
    await setFaults(env.sandbox, {});

    const invoices = await yokoyInvoices(env.sandbox);
    expect(invoices).toHaveLength(total);
    const numbers = invoices.map((i) => i.invoiceNumber ?? i.customInformation?.banqupDocumentId);
    expect(new Set(numbers).size).toBe(total);
    expect(invoices.filter((i) => i.customInformation?.banqupDocumentId)).toHaveLength(total);
    view = await ExportPage.open(env.browser, env.extensionId);
    const rows = await view.openHistory('failed');
    expect(rows).toEqual([]);
    await view.close();
  }, 300_000);
});
