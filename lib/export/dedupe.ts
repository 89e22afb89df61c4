/**
 * Which Yokoy invoice is this Banqup document? Identity first: an invoice tagged with the
 * document's id (`customInformation.banqupDocumentId`) is that document's and no other's.
 * Content is only a fallback for UNTAGGED invoices (sent by hand or by Banqup's own
 * connector), on what Yokoy itself uses to flag duplicates (supplier, invoice number, invoice
 * date, gross total, currency) plus the document type (invoice or credit note), and it is
 * one-to-one: an invoice another document claimed is no candidate, and when Yokoy holds more
 * untagged copies than Banqup has documents with those facts, which copy is whose would be a
 * guess, so the match is reported as ambiguous instead. Pure rules over the index.
 */
import type { YokoyResult } from '../yokoy-api/errors';
import { succeeded } from '../failures/result';
import { BANQUP_KEY, scimString, type InvoiceApi, type YokoyInvoice } from './yokoy-invoices';

/** What a Banqup document says about itself (its summary or its UBL). */
export interface DocumentFacts {
  documentId: string;
  invoiceNumber?: string;
  issueDate?: string;
  currency?: string;
  total?: number;
  supplierName?: string;
  supplierVatId?: string;
  creditNote?: boolean;
}

/** The same facts on the Yokoy side, as the index keeps them. */
export interface InvoiceFacts {
  invoiceNumber?: string;
  date?: string;
  currency?: string;
  gross?: number;
  creditNote?: boolean;
  supplierName?: string;
  supplierVatId?: string;
}

const norm = (s: string | undefined | null) => (s ?? '').replace(/[\s.\-/]+/g, '').toUpperCase();

/**
 * The part of the facts exact enough to key a map: number, date, currency, type. Supplier and
 * amount are compared within the bucket (names and VAT ids are written differently on the two
 * sides; Yokoy recomputes the gross from the lines, off by a few cents).
 */
export function bucketKey(f: {
  invoiceNumber?: string;
  issueDate?: string;
  date?: string;
  currency?: string;
  creditNote?: boolean;
}): string | undefined {
  const number = f.invoiceNumber?.trim();
  if (!number) return undefined;
  const date = (f.issueDate ?? f.date ?? '').slice(0, 10);
  return [number, date, (f.currency ?? '').toUpperCase(), f.creditNote ? 'C' : 'I'].join('\u0000');
}

/** Same supplier: by VAT id when both sides know it, else by name. Unknown on either side: no match. */
export function sameSupplier(
  doc: Pick<DocumentFacts, 'supplierName' | 'supplierVatId'>,
  inv: Pick<InvoiceFacts, 'supplierName' | 'supplierVatId'>,
): boolean {
  if (doc.supplierVatId && inv.supplierVatId) return norm(doc.supplierVatId) === norm(inv.supplierVatId);
  if (doc.supplierName && inv.supplierName) return doc.supplierName.trim().toLowerCase() === inv.supplierName.trim().toLowerCase();
  return false;
}

/** Same gross total, within Yokoy's line rounding; a sign difference (credit notes) is not a difference. */
export function sameAmount(total: number | undefined, gross: number | undefined): boolean {
  if (total === undefined || gross === undefined) return total === gross;
  return Math.abs(Math.abs(gross) - Math.abs(total)) <= 0.05;
}

/** Every duplicate-relevant fact agrees. */
export function sameFacts(doc: DocumentFacts, inv: InvoiceFacts): boolean {
  const key = bucketKey(doc);
  return key !== undefined && key === bucketKey(inv) && sameSupplier(doc, inv) && sameAmount(doc.total, inv.gross);
}

export function taggedWith(invoice: YokoyInvoice, documentId: string): boolean {
  return invoice.customInformation?.[BANQUP_KEY] === documentId;
}

export type Match =
  /** Tagged with this document: its own. */
  | { kind: 'tagged'; invoiceId: string }
  /** An untagged invoice with the same facts, one-to-one. */
  | { kind: 'content'; invoiceId: string }
  /** More untagged copies than documents with these facts: which one is this document's is a guess. */
  | { kind: 'ambiguous'; invoiceIds: string[] }
  | { kind: 'none' };

/**
 * Picks this document's invoice among the index's answers.
 * - `tagged`: invoices tagged with this document's id (the oldest wins; more are the audit's).
 * - `candidates`: untagged invoices with the same facts that no other document has claimed,
 *   oldest first.
 * - `documents`: how many Banqup documents still looking for their invoice share these facts,
 *   this one included (at least 1).
 */
export function pickMatch(tagged: { id: string }[], candidates: { id: string }[], documents: number): Match {
  if (tagged[0]) return { kind: 'tagged', invoiceId: tagged[0].id };
  if (candidates.length === 0) return { kind: 'none' };
  if (candidates.length > Math.max(1, documents)) return { kind: 'ambiguous', invoiceIds: candidates.map((c) => c.id) };
  return { kind: 'content', invoiceId: candidates[0]!.id };
}

/** A PDF's identity for comparing two copies: its SHA-256 (the run audit compares PDF-only uploads too). */
export const pdfDigest = async (bytes: BufferSource) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).join(',');

/**
 * A PDF-only upload whose outcome is unknown has no number to look up (Yokoy reads it later):
 * the untagged invoices created since the upload started are compared by their PDF's bytes.
 */
export async function lookUpPdf(
  api: InvoiceApi,
  legalEntityId: string,
  since: number,
  pdf: Uint8Array,
  claimed: (invoiceId: string) => boolean,
): Promise<YokoyResult<YokoyInvoice | undefined>> {
  // A minute of slack for clock skew between this machine and Yokoy.
  const from = new Date(since - 60_000).toISOString();
  const recent = await api.find(legalEntityId, `created ge ${scimString(from)}`);
  if (!recent.ok) return recent;
  const wanted = await pdfDigest(pdf as Uint8Array<ArrayBuffer>);
  for (const invoice of recent.value.filter((i) => !i.customInformation?.[BANQUP_KEY] && !claimed(i.id)).slice(0, 50)) {
    const stored = await api.pdf(legalEntityId, invoice.id);
    if (!stored.ok) return stored;
    if (stored.value.byteLength === pdf.byteLength && (await pdfDigest(stored.value as Uint8Array<ArrayBuffer>)) === wanted)
      return succeeded(invoice);
  }
  return succeeded(undefined);
}
