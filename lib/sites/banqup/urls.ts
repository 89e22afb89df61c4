/**
 * Banqup's URLs as data. The documented part (shared/reference/banqup-api.md): spaces at
 * `GET /entitystore/v1/spaces` (S1, S3) and documents under
 * `/datastore/documents/transaction/…/spaces/{spaceId}/…` (S13, S14). Whatever the docs do not
 * show (the list, one document, its UBL and PDF, page URLs) comes from ./unverified.ts.
 * The extension builds every Banqup URL itself from an origin in settings and a document id:
 * content scripts never name one.
 */
import { unverified } from '../../banqup-api/unverified';

export function documentIdFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return unverified.documentPathPattern.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  } catch {
    return undefined;
  }
}

export const banqupApi = {
  /** Documented (S1). */
  spaces: () => '/entitystore/v1/spaces',
  documents: unverified.listDocuments,
  document: unverified.document,
  ubl: unverified.ubl,
  pdf: unverified.pdf,
  /** Banqup's page for one document (links in the history). */
  documentPage: unverified.documentPage,
} as const;

/** Documented values (S13, S14): the purchase folder and the invoice category. */
export const banqupValues = { purchases: 'PURCHASES', invoice: 'INVOICE' } as const;
