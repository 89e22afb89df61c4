/**
 * Exports, end to end: the context-menu handler, the popup's backfill of every seeded invoice,
 * a second run that creates nothing, invoices already in Yokoy adopted as duplicates, a
 * malformed invoice failing with its reason, and a hostile supplier name shown as text.
 */
import { describe, expect, it } from 'vitest';
import { seedDocuments } from '../../sandbox/data/seed';
import { ExportPage } from './pages/export';
import { chooseLegalEntity, connectExtension } from './support/connect';
import { useE2E } from './support/fixtures';
import { seedYokoyInvoice, yokoyInvoices } from './support/yokoy-admin';

const purchases = () => seedDocuments().filter((d) => d.folder === 'PURCHASES');
const le = { be: 'le-BE-acme-0001', pt: 'le-PT-acme-0002' };

describe('export to Yokoy', () => {
  const env = useE2E({ extension: true });

  it('sends the invoice under the pointer from the context menu', async () => {
    await connectExtension(env, 'Acme Belgium NV');
    const doc = purchases().find((d) => d.ubl && d.hasEmbeddedPdf)!;
    const url = `${env.sandbox.urls.banqup}/documents/${doc.documentId}`;
    await env.worker.evaluate(
      (info) =>
        (
          globalThis as unknown as { yokoyCompanionTest: { contextMenuClick: (i: unknown, t: unknown) => Promise<unknown> } }
        ).yokoyCompanionTest.contextMenuClick(info, { id: 1 }),
      { menuItemId: 'send-to-yokoy', linkUrl: url, pageUrl: `${env.sandbox.urls.banqup}/purchases` },
    );
    await expect.poll(async () => (await yokoyInvoices(env.sandbox)).length, { timeout: 20_000 }).toBe(1);
    // The tag follows the upload in its own lane.
    await expect
      .poll(async () => (await yokoyInvoices(env.sandbox))[0]?.customInformation?.banqupDocumentId, { timeout: 10_000 })
      .toBe(doc.documentId);
    const [invoice] = await yokoyInvoices(env.sandbox);
    expect(invoice).toMatchObject({
      legalEntityId: le.be,
      invoiceNumber: doc.meta.invoiceNumber,
      supplierName: doc.meta.supplier.name,
      currency: doc.meta.currency,
      customInformation: { banqupDocumentId: doc.documentId },
    });
    expect(Math.abs(invoice!.grossAmount! - doc.meta.totals.payable)).toBeLessThan(0.05);
    expect(invoice!.pdfBytes).toBeGreaterThan(1000);
  });

  it('backfills every purchase invoice exactly once, with the right fields and a PDF', async () => {
    const view = await ExportPage.open(env.browser, env.extensionId);
    expect(await view.preview()).toMatch(new RegExp(`${purchases().length} invoices match`));
    expect(await view.bankStatementsNote()).toMatch(/cannot go to Yokoy/);
    expect(await view.start()).toMatch(new RegExp(`${purchases().length - 1} invoices queued; 1 already in Yokoy`));
    expect(await view.waitUntilFinished(purchases().length - 1)).toMatch(/0 failed, 0 to go/);
    await view.close();

    // Tags are written in their own lane, just after each upload.
    await expect
      .poll(
        async () =>
          (await yokoyInvoices(env.sandbox)).filter((i) => i.legalEntityId === le.be && i.customInformation?.banqupDocumentId).length,
      )
      .toBe(purchases().length);
    const invoices = (await yokoyInvoices(env.sandbox)).filter((i) => i.legalEntityId === le.be);
    expect(invoices).toHaveLength(purchases().length);
    const tags = invoices.map((i) => i.customInformation?.banqupDocumentId);
    expect(new Set(tags).size).toBe(purchases().length);
    for (const doc of purchases()) {
      const invoice = invoices.find((i) => i.customInformation?.banqupDocumentId === doc.documentId);
      expect(invoice, doc.fileName).toBeDefined();
      expect(invoice!.pdfBytes, doc.fileName).toBeGreaterThan(500);
      if (doc.ubl) {
        expect(invoice!.invoiceNumber).toBe(doc.meta.invoiceNumber);
        expect(invoice!.supplierName).toBe(doc.meta.supplier.name);
        expect(invoice!.isCreditNote).toBe(doc.kind === 'creditNote');
      } else {
        expect(invoice!.source).toBe('upload');
      }
    }
  });

  it('creates nothing when the same backfill runs again', async () => {
    const before = (await yokoyInvoices(env.sandbox)).length;
    const view = await ExportPage.open(env.browser, env.extensionId);
    await view.preview();
    expect(await view.start()).toMatch(new RegExp(`0 invoices queued; ${purchases().length} already in Yokoy`));
    await view.close();
    expect((await yokoyInvoices(env.sandbox)).length).toBe(before);
  });

  it('adopts invoices already in Yokoy (e.g. sent by Banqup’s own connector) as duplicates', async () => {
    const already = purchases()
      .filter((d) => d.ubl)
      .slice(0, 3);
    for (const doc of already) await seedYokoyInvoice(env.sandbox, { legalEntityId: le.pt, ubl: doc.ubl });
    await chooseLegalEntity(env, 'Acme Portugal Lda');
    const view = await ExportPage.open(env.browser, env.extensionId);
    await view.preview();
    await view.start();
    expect(await view.waitUntilFinished(purchases().length)).toMatch(
      new RegExp(`${purchases().length - 3} sent, 3 already in Yokoy, 0 failed`),
    );
    const rows = await view.openHistory('duplicate');
    expect(rows.filter((r) => already.some((d) => d.documentId === r.documentId))).toHaveLength(3);
    await view.close();
    const pt = (await yokoyInvoices(env.sandbox)).filter((i) => i.legalEntityId === le.pt);
    expect(pt).toHaveLength(purchases().length);
  });
});
