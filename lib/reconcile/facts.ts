/** Banqup documents and the export's indexed Yokoy invoices as the matcher sees them (match.ts). */
import type { DocumentSummary } from '../banqup-api/schemas';
import type { InvoiceFacts } from '../export/dedupe';
import type { IndexedInvoice } from '../export/yokoy-index';
import type { BanqupFacts, YokoyFacts } from './match';

export function banqupFacts(doc: DocumentSummary): BanqupFacts {
  return {
    documentId: doc.documentId.toLowerCase(),
    number: doc.documentNumber,
    supplier: doc.supplierName,
    supplierVatId: doc.supplierVatId,
    date: doc.issueDate?.slice(0, 10),
    gross: doc.totalAmount,
    currency: doc.currency,
    creditNote: doc.documentType === 'CREDIT_NOTE',
  };
}

/** Creation order, as the index sorts its candidates (oldest first, then by id). */
export function byCreation(a: IndexedInvoice, b: IndexedInvoice): number {
  // Plain comparison: ISO timestamps and ids sort by code unit (localeCompare is far slower at 20,000).
  const x = a.created ?? '';
  const y = b.created ?? '';
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** `order`: the invoice's place in creation order; `facts`: the index's, suppliers resolved. */
export function yokoyFacts(invoice: IndexedInvoice, facts: InvoiceFacts, order: number): YokoyFacts {
  return {
    id: invoice.id,
    order,
    number: invoice.invoiceNumber,
    supplier: facts.supplierName,
    supplierVatId: facts.supplierVatId,
    date: invoice.date,
    gross: invoice.gross,
    currency: invoice.currency,
    creditNote: invoice.creditNote,
    tag: invoice.tag?.toLowerCase(),
    twinOf: invoice.twinOf?.toLowerCase(),
  };
}
