/**
 * Banqup's purchase-document statuses, as its API guide and help centre name them
 * (banqup-api.md §3: S14, S15, S16): a document status (data accuracy / approval), a payment
 * status and, for sales, a delivery status. Machine spellings: only AWAITING_VALIDATION,
 * UNPAID and RECEIVED are documented; the others follow the same style and are unconfirmed.
 *
 * The seed keeps its own four-way life cycle (received / approved / paid / rejected); this
 * module maps it onto Banqup's two families, deterministically by document id, so the
 * look-alike shows every documented value: some received documents already Validated or
 * Disputed, some paid ones only Partially paid.
 */
import type { SandboxDocument } from '../data/seed';

export const documentStatuses = ['AWAITING_VALIDATION', 'VALIDATED', 'FULLY_APPROVED', 'REFUSED', 'DISPUTED'] as const;
export const payStatuses = ['UNPAID', 'PARTIALLY_PAID', 'FULLY_PAID'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];
export type PayStatus = (typeof payStatuses)[number];

export interface BanqupStatus {
  document: DocumentStatus;
  pay: PayStatus;
  delivery: 'RECEIVED';
}

/** A stable number from the document id (its last two hex digits). */
const bucket = (doc: SandboxDocument) => parseInt(doc.documentId.slice(-2), 16);

export function statusOf(doc: SandboxDocument): BanqupStatus {
  const b = bucket(doc);
  switch (doc.status) {
    case 'received':
      return {
        document: b % 5 === 0 ? 'DISPUTED' : b % 3 === 0 ? 'VALIDATED' : 'AWAITING_VALIDATION',
        pay: 'UNPAID',
        delivery: 'RECEIVED',
      };
    case 'approved':
      return { document: 'FULLY_APPROVED', pay: 'UNPAID', delivery: 'RECEIVED' };
    case 'paid':
      return { document: 'FULLY_APPROVED', pay: b % 3 === 0 ? 'PARTIALLY_PAID' : 'FULLY_PAID', delivery: 'RECEIVED' };
    case 'rejected':
      return { document: 'REFUSED', pay: 'UNPAID', delivery: 'RECEIVED' };
  }
}
