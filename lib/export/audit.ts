/**
 * After a run: is any invoice in Yokoy twice? A browser's network stack may resend a POST by
 * itself when a reused connection closes before any answer (the page's code never sees it), and
 * Yokoy has neither idempotency keys nor a delete. So the run ends with one listing of the
 * legal entity's invoices (N/100 requests), and any twin of an exported document is tagged in
 * Yokoy (`banqupDuplicateOf`) and reported with what to do, never left silent.
 */
import { sameInvoice, taggedWith } from './dedupe';
import type { Job } from './job';
import { BANQUP_KEY, type YokoyInvoice } from './yokoy-invoices';

export const TWIN_KEY = 'banqupDuplicateOf';

/** For each exported job, the other invoices that are the same document. Pure. */
export function findTwins(jobs: Job[], invoices: YokoyInvoice[]): Map<string, YokoyInvoice[]> {
  const twins = new Map<string, YokoyInvoice[]>();
  for (const job of jobs) {
    if ((job.state !== 'done' && job.state !== 'duplicate') || !job.yokoyInvoiceId) continue;
    const facts = { documentId: job.documentId, invoiceNumber: job.invoiceNumber, issueDate: job.issueDate, currency: job.currency, total: job.total };
    const others = invoices.filter(
      (i) =>
        i.id !== job.yokoyInvoiceId &&
        i.customInformation?.[TWIN_KEY] !== job.documentId &&
        (taggedWith(i, job.documentId) || (!i.customInformation?.[BANQUP_KEY] && sameInvoice(i, facts))),
    );
    if (others.length) twins.set(job.id, others);
  }
  return twins;
}
