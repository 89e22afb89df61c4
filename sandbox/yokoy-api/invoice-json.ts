/**
 * An invoice as the API serves it: the description's `Invoice` schema, field for field, in
 * the style of its e-invoice answer example (unknown references null, `documentData` null:
 * it is write-only). Header amounts are "aggregated from the invoice's line items", as the
 * schema says, so they can differ by cents from the UBL's own totals.
 */
import type { FaultConfig } from './faults';
import type { YokoyInvoice, YokoyInvoiceLineItem } from './store';

export const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

/** Status codes and their names (the schema: draft (0) … new (7), waiting for async input (8)). */
const statusNames: Record<string, string> = {
  '0': 'draft',
  '1': 'needsRevision',
  '2': 'inApproval',
  '3': 'inReview',
  '4': 'readyForExport',
  '5': 'rejected',
  '6': 'exported',
  '7': 'new',
  '8': 'waitingForAsyncInput',
};

/** AI uploads wait in "8" until the pretend AI is done, then turn "7" (new). */
export function effectiveStatus(invoice: YokoyInvoice, now = Date.now()): string {
  return invoice.status === '8' && invoice.readyAt !== undefined && now >= invoice.readyAt ? '7' : invoice.status;
}

export function invoiceTotals(invoice: YokoyInvoice) {
  const gross = round2(invoice.lineItems.reduce((sum, l) => sum + l.gross, 0));
  const net = round2(invoice.lineItems.reduce((sum, l) => sum + l.net, 0));
  return { grossAmount: gross, netAmount: net, taxAmount: round2(gross - net) };
}

function lineItemJson(line: YokoyInvoiceLineItem) {
  return {
    categoryId: null,
    costObjectId: null,
    description: line.description,
    goodsReceiptId: null,
    goodsReceiptItemId: null,
    goodsReceiptNumber: null,
    itemPrice: line.itemPrice,
    matchStatus: null,
    nonRecoverableTaxAmount: null,
    purchaseOrderId: null,
    purchaseOrderItemId: null,
    purchaseOrderNumber: null,
    quantity: line.quantity,
    selfAssessedTaxAmount: null,
    serviceEndDate: null,
    serviceStartDate: null,
    tags: null,
    taxRateComponents: null,
    taxRateId: null,
    unit: line.unit,
    ...line.extra,
    customInformation: line.customInformation,
    gross: line.gross,
    net: line.net,
    taxAmount: round2(line.gross - line.net),
  };
}

export function invoiceJson(invoice: YokoyInvoice, quirks: FaultConfig['quirks'] = {}) {
  const status = effectiveStatus(invoice);
  return {
    country: invoice.country,
    created: invoice.created,
    currency: invoice.currency,
    customInformation: invoice.customInformation,
    date: invoice.date,
    documentData: null,
    dueDate: invoice.dueDate,
    eventLog: invoice.eventLog,
    exportJobId: null,
    fxRates: null,
    oneTimeSupplierInfo: null,
    paymentBlocked: false,
    paymentInformation: null,
    paymentTermId: null,
    postingDate: null,
    purchaseOrderIds: [],
    qrInfo: null,
    serviceDate: null,
    submitters: [],
    taxableAmount: null,
    ...invoice.extra,
    ...invoiceTotals(invoice),
    id: invoice.id,
    invoiceNumber: invoice.invoiceNumber,
    isCreditNote: invoice.isCreditNote,
    lastModified: invoice.lastModified,
    // Not in the schema, but in the description's example answer.
    legalEntityId: invoice.legalEntityId,
    lineItems: invoice.lineItems.map(lineItemJson),
    status: quirks?.statusFormat === 'name' ? (statusNames[status] ?? status) : status,
    supplierId: invoice.supplierId,
  };
}

export type InvoiceJson = ReturnType<typeof invoiceJson>;
