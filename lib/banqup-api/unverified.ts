/**
 * UNVERIFIED: everything the Banqup client relies on that Banqup's public docs do not show
 * (shared/reference/banqup-api.md §3 "What a reader needs but we could not find", §4 paging).
 * No live Banqup has been seen: each value here is our inference, shaped after the documented
 * neighbours, and served that way by the look-alike (sandbox/banqup/btx-api.ts). A live check
 * changes this file only; the documented parts are in ./urls.ts and ./schemas.ts.
 */
import { UUID_SOURCE } from '../ids/ids';

const documents = (spaceId: string) => `/datastore/documents/transaction/v2/spaces/${encodeURIComponent(spaceId)}/documents`;

export const unverified = {
  /** Listing: a GET mirror of the documented `POST …/v2/spaces/{spaceId}/documents` (S14). */
  listDocuments: documents,
  /** One document: `…/documents/{documentId}`. */
  document: (spaceId: string, id: string) => `${documents(spaceId)}/${encodeURIComponent(id)}`,
  /** Its UBL XML and its PDF rendering (real Banqup may hand out a signed GCS URL instead, as uploads do: S13). */
  ubl: (spaceId: string, id: string) => `${documents(spaceId)}/${encodeURIComponent(id)}/ubl`,
  pdf: (spaceId: string, id: string) => `${documents(spaceId)}/${encodeURIComponent(id)}/pdf`,
  /** The list's query parameters (folder and category carry documented values; their names are ours). */
  query: {
    folder: 'folder',
    category: 'category',
    documentStatus: 'documentStatus',
    payStatus: 'payStatus',
    supplier: 'supplier',
    from: 'issueDateFrom',
    to: 'issueDateTo',
    page: 'page',
    size: 'size',
  },
  /** Paging: pages count from 1, at most this many per page, `totalElements` in the answer. */
  firstPage: 1,
  maxPageSize: 100,
  /** The credit-note category (only INVOICE is documented: S13, S14). */
  creditNoteCategory: 'CREDIT_NOTE',
  /** Bank statements: a folder of their own (Banqup's value for it is not documented). */
  bankStatementsFolder: 'BANK_STATEMENTS',
  /**
   * The machine spellings of the statuses besides the three documented ones (AWAITING_VALIDATION,
   * UNPAID, RECEIVED: S14): same style, unconfirmed.
   */
  documentStatusValues: ['AWAITING_VALIDATION', 'VALIDATED', 'FULLY_APPROVED', 'REFUSED', 'DISPUTED'],
  payStatusValues: ['UNPAID', 'PARTIALLY_PAID', 'FULLY_PAID'],
  /** Names under a document's `metadata` for what the docs' readable part stops before (number, date, money). */
  metadataFields: {
    number: ['documentNumber', 'number', 'invoiceNumber'],
    issueDate: ['issueDate', 'documentDate'],
    currency: ['currency', 'currencyCode'],
    total: ['totalAmount', 'payableAmount', 'total'],
  },
  /** Banqup's page for one document (links in the history): web-app URLs are not documented (REAL-PRODUCTS.md §3). */
  documentPage: (id: string) => `/documents/${encodeURIComponent(id)}`,
  /** Where a page or link URL names one document. */
  documentPathPattern: new RegExp(`/documents/(${UUID_SOURCE})(?:[/?#]|$)`, 'i'),
} as const;
