/**
 * Import, end to end in Chromium against the sandbox: a ZIP (nested folders) of invoices with
 * embedded PDFs, one with its PDF beside it, a credit note, a lone PDF, a broken XML and an
 * invoice already sent from Banqup. The preview names the broken one and the Banqup one with
 * their reasons; the valid ones reach the Yokoy emulator exactly once with their PDFs and the
 * file tag; dropping the same ZIP again creates nothing. Writes docs/screenshots/import-preview.png.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BlobWriter, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { seedDocuments } from '../../sandbox/data/seed';
import { ImportPage } from './pages/import';
import { connectExtension } from './support/connect';
import { useE2E } from './support/fixtures';
import { yokoyInvoices } from './support/yokoy-admin';

const screenshots = resolve(import.meta.dirname, '../../docs/screenshots');
const purchases = seedDocuments().filter((d) => d.folder === 'PURCHASES');
const embedded = purchases.filter((d) => d.ubl && d.hasEmbeddedPdf && d.kind === 'invoice').slice(0, 2);
const fromBanqup = purchases.filter((d) => d.ubl && d.hasEmbeddedPdf && d.kind === 'invoice')[5]!;
const withoutPdf = purchases.find((d) => d.ubl && !d.hasEmbeddedPdf)!;
const creditNote = purchases.find((d) => d.kind === 'creditNote')!;
const pdfOnly = purchases.find((d) => !d.ubl)!;
const base = (fileName: string) => fileName.replace(/\.[^.]+$/, '');

async function zipOf(entries: [string, string | Uint8Array][]): Promise<Uint8Array> {
  const writer = new ZipWriter(new BlobWriter('application/zip'), { useWebWorkers: false });
  for (const [name, data] of entries)
    await writer.add(name, new Uint8ArrayReader(typeof data === 'string' ? new TextEncoder().encode(data) : data));
  return new Uint8Array(await (await writer.close()).arrayBuffer());
}

describe('import files', () => {
  const env = useE2E({ extension: true });
  const dir = mkdtempSync(join(tmpdir(), 'import-e2e-'));
  const zipPath = join(dir, 'banqup-download.zip');

  it('sends a ZIP’s invoices, credit note and PDF exactly once, naming what it refuses', async () => {
    await connectExtension(env, 'Acme Belgium NV');
    // One invoice goes from Banqup first (the context menu's path), so the drop holds a file already sent.
    await env.worker.evaluate(
      (info) =>
        (
          globalThis as unknown as { yokoyCompanionTest: { contextMenuClick: (i: unknown, t: unknown) => Promise<unknown> } }
        ).yokoyCompanionTest.contextMenuClick(info, { id: 1 }),
      {
        menuItemId: 'send-to-yokoy',
        linkUrl: `${env.sandbox.urls.banqup}/documents/${fromBanqup.documentId}`,
        pageUrl: `${env.sandbox.urls.banqup}/purchases`,
      },
    );
    await expect
      .poll(async () => (await yokoyInvoices(env.sandbox)).find((i) => i.customInformation?.banqupDocumentId === fromBanqup.documentId), {
        timeout: 20_000,
      })
      .toBeDefined();

    writeFileSync(
      zipPath,
      await zipOf([
        ...embedded.map((d): [string, string] => [`2026/05/${d.fileName}`, d.ubl!]),
        [`2026/06/${withoutPdf.fileName}`, withoutPdf.ubl!],
        [`2026/06/${base(withoutPdf.fileName)}.pdf`, withoutPdf.pdf],
        [`2026/06/credit/${creditNote.fileName}`, creditNote.ubl!],
        [`scans/${pdfOnly.fileName}`, pdfOnly.pdf],
        ['2026/06/broken.xml', embedded[0]!.ubl!.slice(0, 500)],
        [`sent-before/${fromBanqup.fileName}`, fromBanqup.ubl!],
      ]),
    );

    const view = await ImportPage.open(env.browser, env.extensionId);
    await view.pick(zipPath);
    const preview = await view.preview();
    expect(preview.summary).toEqual([
      'Invoices: 3',
      'Credit notes: 1',
      'PDF only (Yokoy reads them with its AI): 1',
      expect.stringMatching(/^Suppliers: \d+$/),
    ]);
    expect(preview.totals.length).toBeGreaterThan(0);
    expect(preview.skipped).toEqual([
      { name: 'banqup-download.zip/2026/06/broken.xml', text: expect.stringMatching(/Broken XML \(line \d+/) },
      {
        name: `banqup-download.zip/sent-before/${fromBanqup.fileName}`,
        text: expect.stringContaining('Already in Yokoy, sent from Banqup'),
      },
    ]);
    expect(preview.send).toBe('Send 5 to Yokoy');
    mkdirSync(screenshots, { recursive: true });
    await view.screenshot(`${screenshots}/import-preview.png`);

    expect(await view.send()).toBe('5 queued; 0 already in Yokoy.');
    expect(await view.waitUntilFinished()).toMatch(/^5 sent, 0 already in Yokoy, 0 failed, 0 to go/);

    // In the emulator: each once, tagged with its file id, with its own PDF.
    await expect
      .poll(
        async () =>
          (await yokoyInvoices(env.sandbox)).filter((i) => String(i.customInformation?.banqupDocumentId ?? '').startsWith('file:')).length,
        { timeout: 20_000 },
      )
      .toBe(5);
    const invoices = await yokoyInvoices(env.sandbox);
    expect(invoices).toHaveLength(6);
    const byNumber = (n: string) => invoices.filter((i) => i.invoiceNumber === n);
    for (const d of [...embedded, withoutPdf, creditNote]) {
      expect(byNumber(d.meta.invoiceNumber), d.fileName).toHaveLength(1);
      expect(byNumber(d.meta.invoiceNumber)[0]).toMatchObject({
        source: 'einvoice',
        isCreditNote: d.kind === 'creditNote',
        supplierName: d.meta.supplier.name,
      });
    }
    // The PDF beside the UBL is the one Yokoy got (same size), the embedded ones theirs.
    expect(byNumber(withoutPdf.meta.invoiceNumber)[0]!.pdfBytes).toBe(withoutPdf.pdf.length);
    for (const d of embedded) expect(byNumber(d.meta.invoiceNumber)[0]!.pdfBytes).toBe(d.pdf.length);
    expect(invoices.filter((i) => i.source === 'upload')).toHaveLength(1);
    expect(invoices.find((i) => i.source === 'upload')!.pdfBytes).toBe(pdfOnly.pdf.length);
    expect(byNumber(fromBanqup.meta.invoiceNumber)).toHaveLength(1);
    await view.close();
  });

  it('creates nothing when the same ZIP is dropped again, and says why', async () => {
    const before = (await yokoyInvoices(env.sandbox)).length;
    const view = await ImportPage.open(env.browser, env.extensionId);
    await view.pick(zipPath);
    const preview = await view.preview();
    expect(preview.send).toBeNull();
    expect(preview.notes).toContain('Nothing new to send.');
    const already = preview.skipped.filter((s) => /Already imported and in Yokoy/.test(s.text));
    expect(already).toHaveLength(5);
    expect(preview.skipped.filter((s) => /Broken XML|sent from Banqup/.test(s.text))).toHaveLength(2);
    await view.close();
    expect((await yokoyInvoices(env.sandbox)).length).toBe(before);
  });
});
