/**
 * The export runner reads each job's document through one interface (document, UBL, PDF).
 * For an imported file (`file:<sha256>`) this source answers from IndexedDB instead of
 * Banqup; every other document goes to Banqup as before. It is the whole of the import's
 * hook into the queue: lookup, upload, tag, retries and recovery stay the runner's.
 */
import type { BanqupClient, BanqupResult } from '../banqup/client';
import type { DocumentSummary } from '../banqup/schemas';
import { isFileDocument, type FileStore } from './files';

const notFound = { ok: false, kind: 'not-found' } as const;

export function withFileSource(banqup: BanqupClient, files: FileStore): BanqupClient {
  return {
    ...banqup,

    async document(id: string): Promise<BanqupResult<DocumentSummary>> {
      if (!isFileDocument(id)) return banqup.document(id);
      const file = await files.file(id);
      if (!file) return notFound;
      const f = file.facts;
      return {
        ok: true,
        value: {
          documentId: id,
          documentType: file.kind === 'invoice' ? 'INVOICE' : file.kind === 'creditNote' ? 'CREDIT_NOTE' : undefined,
          documentNumber: f.number,
          supplierName: f.supplierName,
          supplierVatId: f.supplierVatId,
          issueDate: f.issueDate,
          currency: f.currency,
          totalAmount: f.total,
          hasUbl: file.kind !== 'pdf',
          hasPdf: true,
          folder: undefined,
          status: undefined,
        },
      };
    },

    async ubl(id: string): Promise<BanqupResult<string | undefined>> {
      if (!isFileDocument(id)) return banqup.ubl(id);
      const file = await files.file(id);
      if (!file) return notFound;
      if (!file.ublKey) return { ok: true, value: undefined };
      const bytes = await files.bytes(file.ublKey);
      return bytes ? { ok: true, value: new TextDecoder().decode(bytes) } : notFound;
    },

    async pdf(id: string): Promise<BanqupResult<Blob>> {
      if (!isFileDocument(id)) return banqup.pdf(id);
      const file = await files.file(id);
      const bytes = file && (await files.bytes(file.pdfKey));
      return bytes ? { ok: true, value: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }) } : notFound;
    },
  };
}
