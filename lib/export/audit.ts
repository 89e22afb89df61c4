/**
 * After a run: is any exported document in Yokoy twice? A browser's network stack may resend a
 * POST by itself when a reused connection closes before any answer (the page's code never sees
 * it), and Yokoy has neither idempotency keys nor a delete. So a run ends with an audit over
 * the Yokoy invoice index (refreshed incrementally), and any twin is tagged in Yokoy
 * (`banqupDuplicateOf`) and reported with its cause, as far as it is known:
 * - `two-uploads`: the companion sent this document more than once (an upload whose answer was
 *   lost was not found when it was looked for), or two invoices carry this document's tag;
 * - `resent`: the companion sent it once and Yokoy holds two: the connection dropped before
 *   the answer and the browser resent the request.
 * An untagged invoice with the same facts that is older than the job's first upload is not a
 * twin: it was in Yokoy before (by hand, Banqup's connector) and the matcher's business.
 * Linear in jobs + invoices: hash maps of the index, no pairwise comparison.
 */
import { factsOfJob, type Job, type TwinCause } from './job';
import type { EntityIndex, IndexedInvoice } from './yokoy-index';

/** Clock slack between this machine and Yokoy (as in the runner). */
const CLOCK_SLACK_MS = 60_000;

export interface Twins {
  twins: IndexedInvoice[];
  cause: TwinCause;
}

/** For each exported job, the other invoices that are the same document, and why. Pure. */
export function findTwins(jobs: Job[], index: Pick<EntityIndex, 'tagged' | 'untaggedLike'>): Map<string, Twins> {
  const exported = jobs.filter((j) => (j.state === 'done' || j.state === 'duplicate') && j.yokoyInvoiceId);
  // Invoices a job names are nobody's twin (an untagged one is still waiting for its tag).
  const owned = new Set(exported.map((j) => j.yokoyInvoiceId!));
  const assigned = new Set<string>();
  const found = new Map<string, Twins>();
  for (const job of exported) {
    const tagged = index.tagged(job.documentId).filter((i) => i.id !== job.yokoyInvoiceId);
    const untagged =
      job.firstUploadAt !== undefined && job.bucket
        ? index.untaggedLike(factsOfJob(job), job.firstUploadAt - CLOCK_SLACK_MS).filter((i) => !owned.has(i.id) && !assigned.has(i.id))
        : [];
    const twins = [...tagged, ...untagged].filter((i) => i.twinOf !== job.documentId);
    if (!twins.length) continue;
    for (const t of twins) assigned.add(t.id);
    const cause: TwinCause = tagged.length || (job.uploadAttempts ?? 1) > 1 ? 'two-uploads' : 'resent';
    found.set(job.id, { twins, cause });
  }
  return found;
}
