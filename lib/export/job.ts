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
export type JobState = 'queued' | 'fetching' | 'uploading' | 'done' | 'duplicate' | 'failed' | 'cancelled';
/** `import`: a file dropped on the Import page (its document id is `file:<sha256>`, see lib/import). */
export type JobSource = 'menu' | 'button' | 'selection' | 'backfill' | 'import';

export interface JobReason {
  /** A stable code the UI translates (e.g. `yokoy:validation`, `banqup:signed-out`). */
  code: string;
  /** Untrusted detail from Yokoy or Banqup; shown as text only. */
  detail?: string;
}

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
  /** Whether the Banqup document id was written into the invoice's custom information. */
  tagged?: boolean;
  reason?: JobReason;
  /** Set when the run's audit found this document in Yokoy more than once (ids of the others). */
  twins?: string[];
  invoiceNumber?: string;
  supplierName?: string;
  issueDate?: string;
  currency?: string;
  total?: number;
  createdAt: number;
  updatedAt: number;
}

export type JobEvent =
  | { type: 'start' }
  | { type: 'fetched'; invoiceNumber?: string; supplierName?: string; issueDate?: string; currency?: string; total?: number }
  | { type: 'upload-started' }
  | { type: 'created'; yokoyInvoiceId: string }
  | { type: 'found'; yokoyInvoiceId: string }
  | { type: 'tagged' }
  | { type: 'retry'; reason: JobReason; delayMs: number; outcomeUnknown: boolean }
  | { type: 'fail'; reason: JobReason }
  | { type: 'interrupted' }
  | { type: 'cancel' }
  | { type: 'requeue' };

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
      return {
        ...next,
        invoiceNumber: event.invoiceNumber ?? job.invoiceNumber,
        supplierName: event.supplierName ?? job.supplierName,
        issueDate: event.issueDate ?? job.issueDate,
        currency: event.currency ?? job.currency,
        total: event.total ?? job.total,
      };
    case 'upload-started':
      // From here on, a crash leaves the outcome unknown: persist before sending.
      return { ...next, state: 'uploading', needsLookup: true, uploadStartedAt: now };
    case 'created':
      return { ...next, state: 'done', yokoyInvoiceId: event.yokoyInvoiceId, needsLookup: false, reason: undefined };
    case 'found':
      return { ...next, state: 'duplicate', yokoyInvoiceId: event.yokoyInvoiceId, needsLookup: false, reason: undefined };
    case 'tagged':
      return { ...next, tagged: true };
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
