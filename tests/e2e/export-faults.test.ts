/**
 * Exactly once under faults: with the Yokoy emulator answering 20% 5xx, bursts of 429 (with and
 * without Retry-After), tokens that die early and connections dropped after the invoice was
 * created, a backfill still delivers every invoice once.
 */
import { describe, expect, it } from 'vitest';
import { seedDocuments } from '../../sandbox/data/seed';
import { ExportPage } from './pages/export';
import { connectExtension } from './support/connect';
import { useE2E } from './support/fixtures';
import { requestLog, setFaults, yokoyInvoices } from './support/yokoy-admin';

const purchases = () => seedDocuments().filter((d) => d.folder === 'PURCHASES');

describe('export under faults', () => {
  const env = useE2E({ extension: true });

  it('delivers every invoice exactly once', async () => {
    await connectExtension(env, 'Acme Schweiz AG');
    await setFaults(env.sandbox, {
      seed: 7,
      errorRate: 0.2,
      errorStatuses: [500, 502, 503],
      burst429: { count: 6, retryAfterSeconds: 1 },
      expireTokensAfterSeconds: 2,
      dropRate: 0.1,
    });
    const view = await ExportPage.open(env.browser, env.extensionId);
    await view.preview();
    await view.start();
    // A second burst, this time without Retry-After, while the run is under way.
    await setFaults(env.sandbox, {
      seed: 8,
      errorRate: 0.2,
      errorStatuses: [500, 502, 503],
      burst429: { count: 6 },
      expireTokensAfterSeconds: 2,
      dropRate: 0.1,
    });
    const detail = await view.waitUntilFinished(purchases().length, 240_000);
    await view.close();
    await setFaults(env.sandbox, {});

    // Tags trail the uploads in their own lane (retried there): every invoice ends tied to its document.
    const ours = async () => (await yokoyInvoices(env.sandbox)).filter((i) => i.legalEntityId === 'le-CH-acme-0003');
    await expect
      .poll(async () => (await ours()).filter((i) => !i.customInformation?.banqupDocumentId).length, { timeout: 60_000, interval: 250 })
      .toBe(0);
    const invoices = await ours();
    const byDocument = new Map<string, number>();
    // Invoices are matched to documents by tag, or by number for one created but not yet tagged.
    for (const doc of purchases()) {
      const matches = invoices.filter(
        (i) =>
          i.customInformation?.banqupDocumentId === doc.documentId ||
          (doc.ubl && !i.customInformation?.banqupDocumentId && i.invoiceNumber === doc.meta.invoiceNumber),
      );
      byDocument.set(doc.fileName, matches.length);
    }
    expect([...byDocument.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(invoices).toHaveLength(purchases().length);
    expect(detail).toMatch(/0 failed, 0 to go/);

    // The faults really happened.
    const log = await requestLog(env.sandbox);
    const statuses = log.map((e) => e.status);
    expect(statuses).toContain(429);
    expect(statuses.some((s) => s !== null && s >= 500)).toBe(true);
    expect(statuses).toContain(null); // dropped connections
    expect(log.filter((e) => e.path === '/oauth2/token').length).toBeGreaterThan(1);
  }, 300_000);
});
