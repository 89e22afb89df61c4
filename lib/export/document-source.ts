/**
 * Where an export job's bytes come from: today Banqup, read through the user's session; the
 * file import (issue 15) plugs in a second source. The runner asks only these three things.
 */
import type { BanqupClient, BanqupFailure } from '../banqup-api/client';
import type { Result } from '../failures/result';
import type { DocumentFacts } from './dedupe';

/** A dropped file's store answers in Banqup's terms (a file gone is `not-found`), so the runner reads one failure type. */
export type SourceFailure = Pick<BanqupFailure, 'kind' | 'detail'>;
export type SourceResult<T> = Result<T, SourceFailure>;

export interface SourceDocument {
  facts: Omit<DocumentFacts, 'documentId'>;
  /** Yokoy takes invoices and credit notes; anything else fails the job. */
  kind: 'invoice' | 'credit-note' | 'other';
  /** False for a PDF-only document (sent to Yokoy's AI upload). */
  hasUbl: boolean;
}

export interface DocumentSource {
  describe(documentId: string): Promise<SourceResult<SourceDocument>>;
  /**
   * The UBL, or undefined when the document has none. Bytes as they came (Banqup, a dropped
   * file): they go to Yokoy as they are, without a decode to text and an encode back.
   */
  ubl(documentId: string): Promise<SourceResult<Uint8Array | string | undefined>>;
  /** The document's PDF: for Banqup, its own rendering or the PDF the supplier embedded. */
  pdf(documentId: string): Promise<SourceResult<Uint8Array | Blob>>;
}

/** A source's file as bytes (read once; a Blob read is a round trip to the browser process). */
export const fileBytes = async (file: Uint8Array | Blob): Promise<Uint8Array> =>
  file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());

export function banqupSource(banqup: BanqupClient): DocumentSource {
  return {
    async describe(documentId) {
      const meta = await banqup.document(documentId);
      if (!meta.ok) return meta;
      const doc = meta.value;
      const type = doc.documentType ?? '';
      return {
        ok: true,
        value: {
          facts: {
            invoiceNumber: doc.documentNumber,
            issueDate: doc.issueDate,
            currency: doc.currency,
            total: doc.totalAmount,
            supplierName: doc.supplierName,
            supplierVatId: doc.supplierVatId,
            creditNote: /CREDIT/i.test(type),
          },
          kind: !type ? 'invoice' : /CREDIT/i.test(type) ? 'credit-note' : /INVOICE/i.test(type) ? 'invoice' : 'other',
          hasUbl: doc.hasUbl !== false,
        },
      };
    },
    ubl: (documentId) => banqup.ubl(documentId),
    pdf: (documentId) => banqup.pdf(documentId),
  };
}
