/**
 * An export job: one Banqup document on its way to one Yokoy legal entity, and the state
 * machine it moves through. Pure: each transition returns a new job or refuses.
 *
 *   queued → fetching → uploading → done | duplicate
 *      ↑         └──────────┴──→ queued (retry later) | failed (with a reason)
 *   failed → queued (retry failed);  queued → cancelled
 *
 * `needsLookup` is set whenever an upload may have reached Yokoy without us knowing (the
 * worker died, the connection dropped, a 500 after sending): the next attempt looks the
 * invoice up in Yokoy before sending again, which is what makes the queue exactly-once.
 */
import type { JobReason } from '../failures/failure';
import { bucketKey, type DocumentFacts } from './dedupe';

export type JobState = 'queued' | 'fetching' | 'uploading' | 'done' | 'duplicate' | 'failed' | 'cancelled';
/** `import`: a file dropped on the Import page (its document id is `file:<sha256>`, see lib/import). */
export type JobSource = 'menu' | 'button' | 'selection' | 'backfill' | 'import';
/** `resent`: one upload, two invoices (the browser resent it after the connection dropped); `two-uploads`: the companion sent it twice. */
export type TwinCause = 'resent' | 'two-uploads';

export interface Job {
  id: string;
  documentId: string;
  legalEntityId: string;
  state: JobState;
  source: JobSource;
  runId?: string;
  attempts: number;
  nextAttemptAt: number;
  needsLookup: boolean;
  yokoyInvoiceId?: string;
  /** When the last upload started (to look a PDF-only upload of unknown outcome up by time). */
  uploadStartedAt?: number;
  /** When the first upload started: an invoice this job created is no older (the audit). */
  firstUploadAt?: number;
  /** Uploads sent for this document (more than one only after an outcome was unknown). */
  uploadAttempts?: number;
  /** Whether the Banqup document id was written into the invoice's custom information. */
  tagged?: boolean;
  /** Set while an invoice in Yokoy waits for its tag (indexed: worker start reads only these). */
  untaggedSince?: number;
  reason?: JobReason;
  /** Set when the run's audit found this document in Yokoy more than once (ids of the others). */
  twins?: string[];
  /** Why, as far as is known (see audit.ts). */
  twinCause?: TwinCause;
  invoiceNumber?: string;
  supplierName?: string;
  issueDate?: string;
  currency?: string;
  total?: number;
  supplierVatId?: string;
  creditNote?: boolean;
  /** The facts bucket (dedupe.ts `bucketKey`), indexed: documents sharing facts are counted. */
  bucket?: string;
  createdAt: number;
  updatedAt: number;
}

export type JobEvent =
  | { type: 'start' }
  | { type: 'fetched'; facts: Omit<DocumentFacts, 'documentId'> }
  | { type: 'upload-started' }
  | { type: 'created'; yokoyInvoiceId: string }
  | { type: 'found'; yokoyInvoiceId: string }
  | { type: 'tagged' }
  | { type: 'tag-gone'; reason: JobReason }
  | { type: 'retry'; reason: JobReason; delayMs: number; outcomeUnknown: boolean }
  | { type: 'fail'; reason: JobReason }
  | { type: 'interrupted' }
  | { type: 'cancel' }
  | { type: 'requeue' };

/** The job with a document's facts (from Banqup's list or the document itself). */
export function withFacts(job: Job, facts: Omit<DocumentFacts, 'documentId'>): Job {
  const next: Job = {
    ...job,
    invoiceNumber: facts.invoiceNumber ?? job.invoiceNumber,
    supplierName: facts.supplierName ?? job.supplierName,
    supplierVatId: facts.supplierVatId ?? job.supplierVatId,
    issueDate: facts.issueDate ?? job.issueDate,
    currency: facts.currency ?? job.currency,
    total: facts.total ?? job.total,
    creditNote: facts.creditNote ?? job.creditNote,
  };
  return { ...next, bucket: bucketKey(next) };
}

export const factsOfJob = (job: Job): DocumentFacts => ({
  documentId: job.documentId,
  invoiceNumber: job.invoiceNumber,
  issueDate: job.issueDate,
  currency: job.currency,
  total: job.total,
  supplierName: job.supplierName,
  supplierVatId: job.supplierVatId,
  creditNote: job.creditNote,
});

export const jobId = (legalEntityId: string, documentId: string) => `${legalEntityId}|${documentId}`;

export function newJob(input: { documentId: string; legalEntityId: string; source: JobSource; runId?: string; now: number }): Job {
  return {
    id: jobId(input.legalEntityId, input.documentId),
    documentId: input.documentId,
    legalEntityId: input.legalEntityId,
    state: 'queued',
    source: input.source,
    runId: input.runId,
    attempts: 0,
    nextAttemptAt: input.now,
    needsLookup: false,
    createdAt: input.now,
    updatedAt: input.now,
  };
}

export class InvalidTransition extends Error {}

const allowed: Record<JobEvent['type'], readonly JobState[]> = {
  start: ['queued'],
  fetched: ['fetching'],
  'upload-started': ['fetching'],
  // From fetching too: a re-attempt that finds its own earlier upload in Yokoy.
  created: ['uploading', 'fetching'],
  found: ['fetching', 'uploading'],
  tagged: ['done', 'duplicate'],
  'tag-gone': ['done', 'duplicate'],
  retry: ['fetching', 'uploading'],
  fail: ['fetching', 'uploading', 'queued'],
  interrupted: ['fetching', 'uploading'],
  cancel: ['queued'],
  requeue: ['failed', 'cancelled'],
};

export function transition(job: Job, event: JobEvent, now: number): Job {
  if (!allowed[event.type].includes(job.state)) {
    throw new InvalidTransition(`A job in state "${job.state}" cannot take "${event.type}".`);
  }
  const next: Job = { ...job, updatedAt: now };
  switch (event.type) {
    case 'start':
      return { ...next, state: 'fetching', attempts: job.attempts + 1, reason: undefined };
    case 'fetched':
      return withFacts(next, event.facts);
    case 'upload-started':
      // From here on, a crash leaves the outcome unknown: persist before sending.
      return {
        ...next,
        state: 'uploading',
        needsLookup: true,
        uploadStartedAt: now,
        firstUploadAt: job.firstUploadAt ?? now,
        uploadAttempts: (job.uploadAttempts ?? 0) + 1,
      };
    case 'created':
      return {
        ...next,
        state: 'done',
        yokoyInvoiceId: event.yokoyInvoiceId,
        needsLookup: false,
        reason: undefined,
        untaggedSince: job.tagged ? undefined : now,
      };
    case 'found':
      return {
        ...next,
        state: 'duplicate',
        yokoyInvoiceId: event.yokoyInvoiceId,
        needsLookup: false,
        reason: undefined,
        untaggedSince: job.tagged ? undefined : now,
      };
    case 'tagged':
      // An undefined key is not indexed: the job leaves `byUntagged`.
      return { ...next, tagged: true, untaggedSince: undefined };
    case 'tag-gone':
      // Its invoice was deleted in Yokoy before the tag: nothing left to tag. It leaves
      // `byUntagged` (or every worker start would ask again) and says why in the history.
      return { ...next, untaggedSince: undefined, reason: event.reason };
    case 'retry':
      return {
        ...next,
        state: 'queued',
        reason: event.reason,
        nextAttemptAt: now + event.delayMs,
        needsLookup: job.needsLookup || event.outcomeUnknown,
      };
    case 'fail':
      return { ...next, state: 'failed', reason: event.reason };
    case 'interrupted':
      // A worker stopped mid-job: an upload that had started may have reached Yokoy.
      return { ...next, state: 'queued', nextAttemptAt: now, needsLookup: job.needsLookup || job.state === 'uploading' };
    case 'cancel':
      return { ...next, state: 'cancelled' };
    case 'requeue':
      return { ...next, state: 'queued', nextAttemptAt: now, attempts: 0, reason: undefined };
  }
}
