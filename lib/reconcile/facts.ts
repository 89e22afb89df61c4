/** Banqup documents and Yokoy invoices as the matcher sees them (see match.ts). */
import type { DocumentSummary } from '../banqup/schemas';
import type { YokoyInvoice } from '../export/yokoy-invoices';
import { BANQUP_TAG, TWIN_TAG, type BanqupFacts, type YokoyFacts } from './match';

export function banqupFacts(doc: DocumentSummary): BanqupFacts {
  return {
    documentId: doc.documentId.toLowerCase(),
    number: doc.documentNumber,
    supplier: doc.supplierName,
    date: doc.issueDate?.slice(0, 10),
    gross: doc.totalAmount,
    currency: doc.currency,
    creditNote: doc.documentType === 'CREDIT_NOTE',
  };
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** `order` is the listing's order (Yokoy lists oldest first). */
export function yokoyFacts(invoice: YokoyInvoice, order: number): YokoyFacts {
  const gross = invoice.grossAmount === undefined || invoice.grossAmount === null || invoice.grossAmount === '' ? undefined : Number(invoice.grossAmount);
  return {
    id: invoice.id,
    order,
    number: invoice.invoiceNumber ?? undefined,
    date: invoice.date?.slice(0, 10) || undefined,
    gross: Number.isFinite(gross) ? gross : undefined,
    currency: invoice.currency ?? undefined,
    creditNote: typeof invoice.isCreditNote === 'boolean' ? invoice.isCreditNote : undefined,
    tag: text(invoice.customInformation?.[BANQUP_TAG])?.toLowerCase(),
    twinOf: text(invoice.customInformation?.[TWIN_TAG])?.toLowerCase(),
  };
}
