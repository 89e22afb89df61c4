/**
 * Exactly once where no client can promise it: Chromium resends a POST by itself when a reused
 * connection closes before any answer, so Yokoy may hold an invoice twice. The run's audit
 * finds every such twin (by facts, or by PDF for a PDF-only document), marks it in Yokoy and
 * names it in the history. Its own file: it starts from a fresh extension, whatever ran before.
 */
import { describe, expect, it } from 'vitest';
import { seedDocuments } from '../../sandbox/data/seed';
import { ExportPage } from './pages/export';
import { connectExtension } from './support/connect';
import { useE2E } from './support/fixtures';
import { requestLog, setFaults, yokoyInvoices } from './support/yokoy-admin';

const purchases = () => seedDocuments().filter((d) => d.folder === 'PURCHASES');

describe('export when the browser resends an upload', () => {
  const env = useE2E({ extension: true });

  it('reports, never hides, an invoice the browser itself sent twice after a connection closed before any answer', async () => {
    await connectExtension(env, 'Acme Portugal Lda');
    await setFaults(env.sandbox, { seed: 3, dropBeforeResponseRate: 0.15 });
    const view = await ExportPage.open(env.browser, env.extensionId);
    await view.preview();
    await view.start();
    await view.waitUntilFinished(purchases().length, 240_000);
    await setFaults(env.sandbox, {});

    // The run's audit follows its end: wait until every twin is marked.
    const unmarked = async () =>
      (await yokoyInvoices(env.sandbox)).filter((i) => i.legalEntityId === 'le-PT-acme-0002' && !i.customInformation?.banqupDuplicateOf)
        .length;
    await expect.poll(unmarked, { timeout: 30_000 }).toBe(purchases().length);
    const invoices = (await yokoyInvoices(env.sandbox)).filter((i) => i.legalEntityId === 'le-PT-acme-0002');
    const closed = (await requestLog(env.sandbox)).filter((e) => e.path.endsWith('/einvoice') && e.status === null);
    expect(closed.length).toBeGreaterThan(0);
    // Every document is in Yokoy; any extra copy is marked in Yokoy and named in the history.
    const extra = invoices.filter((i) => i.customInformation?.banqupDuplicateOf);
    expect(invoices.length - extra.length).toBe(purchases().length);
    await expect
      .poll(async () => (await view.openHistory()).filter((r) => /more than once/.test(r.reason)).length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const rows = await view.openHistory();
    const warned = rows.filter((r) => /more than once/.test(r.reason));
    expect(warned.length).toBe(new Set(extra.map((i) => i.customInformation!.banqupDuplicateOf)).size);
    await view.close();
  }, 300_000);
});
