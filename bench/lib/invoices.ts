/**
 * Bench invoices: realistic Peppol UBL (the seed's suppliers, lines and totals, each with its
 * PDF embedded) and a separate PDF padded to ~100 KB, as scanned-quality previews are. Invoice
 * numbers carry a tag so rounds never collide. Deterministic apart from the document ids.
 */
import { randomUUID } from 'node:crypto';
import { parseUbl, renderInvoicePdf, seedDocuments, writeUbl, type SandboxDocument } from '../../sandbox/data';

export interface BenchInvoiceOptions {
  count: number;
  /** Prefix of the invoice numbers (unique per round). */
  tag: string;
  pdfBytes?: number;
}

export function benchInvoices({ count, tag, pdfBytes = 100_000 }: BenchInvoiceOptions): SandboxDocument[] {
  const templates = seedDocuments().filter((d) => d.folder === 'PURCHASES' && d.kind === 'invoice' && d.ubl && d.hasEmbeddedPdf);
  const base = Date.UTC(2026, 9, 1);
  const docs: SandboxDocument[] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length]!;
    const { embeddedPdf: _old, ...meta } = template.meta;
    meta.invoiceNumber = `${tag}-${String(i + 1).padStart(5, '0')}`;
    const pdf = renderInvoicePdf(meta, { padToBytes: pdfBytes });
    const ubl = writeUbl({ ...meta, embeddedPdf: { fileName: `${meta.invoiceNumber}.pdf`, data: pdf } });
    if (i === 0) {
      const parsed = parseUbl(ubl);
      if (!parsed.ok) throw new Error(`bench invoice does not parse: ${JSON.stringify(parsed.errors)}`);
    }
    docs.push({
      documentId: randomUUID(),
      folder: 'PURCHASES',
      kind: 'invoice',
      status: 'received',
      receivedAt: new Date(base - i * 60_000).toISOString(),
      fileName: `${meta.invoiceNumber}.xml`,
      ubl,
      pdf,
      hasEmbeddedPdf: true,
      meta,
    });
  }
  return docs;
}
