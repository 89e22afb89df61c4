/**
 * What a drop holds, before anything is sent: invoices, credit notes and lone PDFs, distinct
 * suppliers, and the total per currency (credit notes subtracted). Pure.
 */
import type { ImportFile } from './files';

export interface DropSummary {
  invoices: number;
  creditNotes: number;
  pdfs: number;
  /** PDFs Yokoy gets as the companion's summary (the UBL came without one). */
  generatedPdfs: number;
  suppliers: number;
  /** Currency → invoices minus credit notes, in cents to add exactly. */
  totals: { currency: string; amount: number }[];
}

export function summarize(files: readonly ImportFile[]): DropSummary {
  const suppliers = new Set<string>();
  const cents = new Map<string, number>();
  let invoices = 0;
  let creditNotes = 0;
  let pdfs = 0;
  let generatedPdfs = 0;
  for (const file of files) {
    if (file.kind === 'pdf') {
      pdfs++;
      continue;
    }
    if (file.kind === 'invoice') invoices++;
    else creditNotes++;
    if (file.pdfOrigin === 'generated') generatedPdfs++;
    const f = file.facts;
    const supplier = (f.supplierVatId ?? f.supplierEndpoint ?? f.supplierName ?? '').toUpperCase().replace(/\s+/g, '');
    if (supplier) suppliers.add(supplier);
    if (f.currency && f.total !== undefined) {
      const sign = file.kind === 'creditNote' ? -1 : 1;
      cents.set(f.currency, (cents.get(f.currency) ?? 0) + sign * Math.round(f.total * 100));
    }
  }
  const totals = [...cents].sort(([a], [b]) => a.localeCompare(b)).map(([currency, c]) => ({ currency, amount: c / 100 }));
  return { invoices, creditNotes, pdfs, generatedPdfs, suppliers: suppliers.size, totals };
}
