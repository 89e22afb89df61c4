/**
 * The export runner reads each job's document through one interface (lib/export/document-source.ts:
 * describe, UBL, PDF). For an imported file (`file:<sha256>`) this source answers from
 * IndexedDB; every other document goes to the next source (Banqup) as before. It is the whole
 * of the import's hook into the queue: lookup, upload, tag, retries and recovery stay the runner's.
 */
import type { DocumentSource, SourceResult } from '../export/document-source';
import { failed, succeeded } from '../failures/result';
import { isFileDocument, type FileStore } from './files';

// A file no longer in the store fails the job as a Banqup document that is gone would.
const notFound = failed({ kind: 'not-found' } as const);

export function withFileSource(next: DocumentSource, files: FileStore): DocumentSource {
  return {
    async describe(id) {
      if (!isFileDocument(id)) return next.describe(id);
      const file = await files.file(id);
      if (!file) return notFound;
      const f = file.facts;
      const creditNote = file.kind === 'creditNote';
      return succeeded({
        facts: {
          invoiceNumber: f.number,
          issueDate: f.issueDate,
          currency: f.currency,
          total: f.total,
          supplierName: f.supplierName,
          supplierVatId: f.supplierVatId,
          creditNote,
        },
        // A lone PDF goes to Yokoy's AI upload, as a Banqup PDF-only document does.
        kind: creditNote ? 'credit-note' : 'invoice',
        hasUbl: file.kind !== 'pdf',
      });
    },

    async ubl(id): Promise<SourceResult<Uint8Array | string | undefined>> {
      if (!isFileDocument(id)) return next.ubl(id);
      const file = await files.file(id);
      if (!file) return notFound;
      if (!file.ublKey) return succeeded(undefined);
      const bytes = await files.bytes(file.ublKey);
      return bytes ? succeeded(bytes) : notFound;
    },

    async pdf(id): Promise<SourceResult<Uint8Array | Blob>> {
      if (!isFileDocument(id)) return next.pdf(id);
      const file = await files.file(id);
      const bytes = file && (await files.bytes(file.pdfKey));
      return bytes ? succeeded(bytes) : notFound;
    },
  };
}
