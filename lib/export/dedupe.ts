/**
 * Is this Banqup document already in Yokoy? Yokoy has no idempotency key, so we look: first by
 * the custom-information key we write after each creation (exact), then by invoice number,
 * confirmed by date, currency and amount (what Banqup's own connector, or a crash between
 * creating and tagging, leaves behind). Pure rules plus the two look-ups.
 */
import type { YokoyResult } from '../yokoy/errors';
import { succeeded } from '../yokoy/errors';
import { BANQUP_KEY, scimString, type InvoiceApi, type YokoyInvoice } from './yokoy-invoices';

export interface DocumentFacts {
  documentId: string;
  invoiceNumber?: string;
  issueDate?: string;
  currency?: string;
  total?: number;
}

export function taggedWith(invoice: YokoyInvoice, documentId: string): boolean {
  return invoice.customInformation?.[BANQUP_KEY] === documentId;
}

/** The same invoice by its facts: number, and every fact both sides know agrees. */
export function sameInvoice(invoice: YokoyInvoice, doc: DocumentFacts): boolean {
  if (!doc.invoiceNumber || invoice.invoiceNumber?.trim() !== doc.invoiceNumber.trim()) return false;
  if (doc.issueDate && invoice.date && invoice.date.slice(0, 10) !== doc.issueDate) return false;
  if (doc.currency && invoice.currency && invoice.currency.toUpperCase() !== doc.currency.toUpperCase()) return false;
  const gross = invoice.grossAmount === undefined || invoice.grossAmount === null ? undefined : Number(invoice.grossAmount);
  // Yokoy recomputes gross from lines, so allow rounding by a few cents.
  if (doc.total !== undefined && gross !== undefined && Math.abs(Math.abs(gross) - Math.abs(doc.total)) > 0.05) return false;
  return true;
}

/** Picks the match among candidates: a tagged one wins over a match by facts. */
export function pickMatch(candidates: YokoyInvoice[], doc: DocumentFacts): YokoyInvoice | undefined {
  return candidates.find((i) => taggedWith(i, doc.documentId)) ?? candidates.find((i) => sameInvoice(i, doc));
}

export async function lookUp(api: InvoiceApi, legalEntityId: string, doc: DocumentFacts): Promise<YokoyResult<YokoyInvoice | undefined>> {
  const tagged = await api.find(legalEntityId, `customInformation.${BANQUP_KEY} eq ${scimString(doc.documentId)}`);
  if (!tagged.ok) return tagged;
  const exact = tagged.value.find((i) => taggedWith(i, doc.documentId));
  if (exact) return succeeded(exact);
  if (!doc.invoiceNumber) return succeeded(undefined);
  const byNumber = await api.find(legalEntityId, `invoiceNumber eq ${scimString(doc.invoiceNumber)}`);
  if (!byNumber.ok) return byNumber;
  return succeeded(byNumber.value.find((i) => sameInvoice(i, doc)));
}

const digest = async (bytes: BufferSource) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).join(',');

/**
 * A PDF-only upload whose outcome is unknown has no number to look up (Yokoy reads it later):
 * the untagged invoices created since the upload started are compared by their PDF's bytes.
 */
export async function lookUpPdf(
  api: InvoiceApi,
  legalEntityId: string,
  since: number,
  pdf: Blob,
): Promise<YokoyResult<YokoyInvoice | undefined>> {
  // A minute of slack for clock skew between this machine and Yokoy.
  const from = new Date(since - 60_000).toISOString();
  const recent = await api.find(legalEntityId, `created ge ${scimString(from)}`);
  if (!recent.ok) return recent;
  const wanted = await digest(await pdf.arrayBuffer());
  for (const invoice of recent.value.filter((i) => !i.customInformation?.[BANQUP_KEY]).slice(0, 50)) {
    const stored = await api.pdf(legalEntityId, invoice.id);
    if (!stored.ok) return stored;
    if (stored.value.byteLength === pdf.size && (await digest(stored.value as Uint8Array<ArrayBuffer>)) === wanted) return succeeded(invoice);
  }
  return succeeded(undefined);
}

/**
 * One listing of a legal entity's invoices, indexed, so a backfill of N documents costs N/100
 * look-up requests instead of 2N. Jobs whose outcome is unknown still look up one by one.
 */
export function indexInvoices(invoices: YokoyInvoice[]) {
  const byDocument = new Map<string, YokoyInvoice>();
  const byNumber = new Map<string, YokoyInvoice[]>();
  for (const invoice of invoices) {
    const tag = invoice.customInformation?.[BANQUP_KEY];
    if (typeof tag === 'string') byDocument.set(tag, invoice);
    const number = invoice.invoiceNumber?.trim();
    if (number) byNumber.set(number, [...(byNumber.get(number) ?? []), invoice]);
  }
  return {
    match(doc: DocumentFacts): YokoyInvoice | undefined {
      return byDocument.get(doc.documentId) ?? (doc.invoiceNumber ? byNumber.get(doc.invoiceNumber.trim())?.find((i) => sameInvoice(i, doc)) : undefined);
    },
    add(invoice: YokoyInvoice, documentId: string) {
      byDocument.set(documentId, invoice);
    },
  };
}
export type InvoiceIndex = ReturnType<typeof indexInvoices>;
