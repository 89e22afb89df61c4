/**
 * The export's messages: queue documents (a Banqup page's Send, the context menu's selection),
 * a backfill with filters and its controls, progress, history and CSV. Schemas, who may send
 * each, and the answers (lib/export/setup.ts answers them; `export.selection` the menu).
 */
import * as z from 'zod/mini';
import { uuidPattern } from '../ids/ids';
import { extensionPages, isoDay, type Policy } from '../messaging/fields';
import type { Job } from './job';
import type { Failure } from '../failures/failure';

const documentId = z.string().check(z.regex(uuidPattern));
const documentIds = z.array(documentId).check(z.maxLength(1_000));
const ExportFilters = z.object({
  from: z.optional(isoDay),
  to: z.optional(isoDay),
  supplier: z.optional(z.string().check(z.maxLength(200))),
  // Banqup's statuses (lib/banqup-api/client.ts); no documentStatus = what Banqup's connector sends (approved).
  documentStatus: z.optional(z.enum(['AWAITING_VALIDATION', 'VALIDATED', 'FULLY_APPROVED', 'REFUSED', 'DISPUTED', 'ANY'])),
  payStatus: z.optional(z.enum(['UNPAID', 'PARTIALLY_PAID', 'FULLY_PAID'])),
});
export type ExportFilters = z.infer<typeof ExportFilters>;
const ExportEnqueue = z.object({ type: z.literal('export.enqueue'), documentIds, source: z.enum(['button', 'selection', 'menu']) });
const ExportSelection = z.object({ type: z.literal('export.selection'), documentIds });
const ExportPreview = z.object({ type: z.literal('export.preview'), filters: ExportFilters });
const ExportStart = z.object({ type: z.literal('export.start'), filters: ExportFilters });
const ExportPause = z.object({ type: z.literal('export.pause') });
const ExportResume = z.object({ type: z.literal('export.resume') });
const ExportCancel = z.object({ type: z.literal('export.cancel') });
const ExportProgressRequest = z.object({ type: z.literal('export.progress') });
const jobStates = z.enum(['queued', 'fetching', 'uploading', 'done', 'duplicate', 'failed', 'cancelled']);
/** Where the previous page ended: (updatedAt, job id). */
const historyCursor = z.tuple([z.number().check(z.int(), z.minimum(0)), z.string().check(z.maxLength(300))]);
const ExportHistory = z.object({
  type: z.literal('export.history'),
  state: z.optional(jobStates),
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10_000))),
  after: z.optional(historyCursor),
});
const ExportRetryFailed = z.object({ type: z.literal('export.retryFailed') });
/** The CSV in pages (no cap): ask again with `after` until no `next` comes back. */
const ExportCsv = z.object({ type: z.literal('export.csv'), after: z.optional(historyCursor) });

export const exportRequests = [
  ExportEnqueue,
  ExportSelection,
  ExportPreview,
  ExportStart,
  ExportPause,
  ExportResume,
  ExportCancel,
  ExportProgressRequest,
  ExportHistory,
  ExportRetryFailed,
  ExportCsv,
] as const;
export type ExportRequest = z.infer<(typeof exportRequests)[number]>;

export const exportPolicy: Policy<ExportRequest['type']> = {
  // A content script may name Banqup document ids (never a URL): the worker builds every URL.
  'export.enqueue': ['extension-page', 'banqup-content'],
  'export.selection': ['banqup-content'],
  'export.progress': ['extension-page', 'banqup-content'],
  'export.preview': extensionPages,
  'export.start': extensionPages,
  'export.pause': extensionPages,
  'export.resume': extensionPages,
  'export.cancel': extensionPages,
  'export.history': extensionPages,
  'export.retryFailed': extensionPages,
  'export.csv': extensionPages,
};

export interface ExportProgress {
  runId?: string;
  paused: boolean;
  running: boolean;
  /** Some invoices wait for the user to sign in to Banqup again. */
  waitingForBanqup: boolean;
  /** Why the queue paused by itself, when it did. */
  pauseReason?: Failure;
  total: number;
  remaining: number;
  done: number;
  duplicate: number;
  failed: number;
  cancelled: number;
  /** When the run started and when this answer was made (the worker's clock): the view derives rate and time left from them. */
  startedAt?: number;
  at?: number;
  /** Invoices waiting for a later attempt, by why: Yokoy asked to slow down (429), or another retry; the earliest next try. */
  waiting?: { rateLimited: number; retrying: number; nextAttemptAt?: number };
}

export interface HistoryEntry {
  id: string;
  documentId: string;
  state: Job['state'];
  updatedAt: number;
  invoiceNumber?: string;
  supplierName?: string;
  total?: number;
  currency?: string;
  yokoyInvoiceId?: string;
  yokoyLink?: string;
  reason?: Job['reason'];
  /** Other Yokoy invoices found to be this same document (see the run audit). */
  twins?: string[];
  /** Why (see lib/export/audit.ts): `resent` by the browser, or `two-uploads` by the companion. */
  twinCause?: Job['twinCause'];
  attempts: number;
}

export interface ExportAnswers {
  'export.enqueue': { queued: number; alreadyInYokoy: number; problem?: Failure };
  'export.selection': { count: number };
  'export.preview': { count?: number; bankStatements?: number; problem?: Failure };
  'export.start': { queued: number; alreadyInYokoy: number; problem?: Failure };
  'export.pause': ExportProgress;
  'export.resume': ExportProgress;
  'export.cancel': ExportProgress;
  'export.progress': ExportProgress;
  'export.history': { entries: HistoryEntry[]; next?: [number, string] };
  'export.retryFailed': { queued: number };
  /** One page of the CSV (the header on the first); `next` when more follow. */
  'export.csv': { csv: string; fileName: string; next?: [number, string] };
}
