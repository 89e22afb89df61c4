/**
 * Before a drop is sent: which of its files would create nothing new, and why. A file is
 * known by its content (the job of the same `file:<sha256>`, or a Yokoy invoice tagged with it)
 * and by its facts (an invoice in Yokoy with the same number, date, currency and amount, by
 * the export's own rules in lib/export/dedupe.ts). A match sent from Banqup, or from another
 * file, is skipped; an untagged match is left in: the runner adopts it and tags it, as a
 * Banqup export does. Pure.
 */
import { sameInvoice } from '../export/dedupe';
import type { Job } from '../export/job';
import { BANQUP_KEY, type YokoyInvoice } from '../export/yokoy-invoices';
import { isFileDocument } from './files';
import type { ImportFacts } from './files';

export type Verdict =
  | { verdict: 'new' }
  /** Untagged in Yokoy: it will be tagged, not sent again. */
  | { verdict: 'untagged-in-yokoy'; yokoyInvoiceId: string }
  | { verdict: 'already-imported'; at?: number; yokoyInvoiceId?: string }
  | { verdict: 'in-queue' }
  | { verdict: 'sent-from-banqup'; yokoyInvoiceId: string; documentId: string }
  | { verdict: 'imported-from-other-file'; yokoyInvoiceId: string };

export interface CheckItem {
  id: string;
  facts: ImportFacts;
}

export function judge(item: CheckItem, job: Job | undefined, invoices: { byTag: Map<string, YokoyInvoice>; byNumber: Map<string, YokoyInvoice[]> }): Verdict {
  if (job && (job.state === 'done' || job.state === 'duplicate')) return { verdict: 'already-imported', at: job.updatedAt, yokoyInvoiceId: job.yokoyInvoiceId };
  if (job && (job.state === 'queued' || job.state === 'fetching' || job.state === 'uploading')) return { verdict: 'in-queue' };
  const tagged = invoices.byTag.get(item.id);
  if (tagged) return { verdict: 'already-imported', yokoyInvoiceId: tagged.id };
  const f = item.facts;
  if (!f.number) return { verdict: 'new' };
  const facts = { documentId: item.id, invoiceNumber: f.number, issueDate: f.issueDate, currency: f.currency, total: f.total };
  const match = invoices.byNumber.get(f.number.trim())?.find((i) => sameInvoice(i, facts));
  if (!match) return { verdict: 'new' };
  const tag = match.customInformation?.[BANQUP_KEY];
  if (typeof tag !== 'string' || !tag) return { verdict: 'untagged-in-yokoy', yokoyInvoiceId: match.id };
  if (isFileDocument(tag)) return { verdict: 'imported-from-other-file', yokoyInvoiceId: match.id };
  return { verdict: 'sent-from-banqup', yokoyInvoiceId: match.id, documentId: tag };
}

export function indexForCheck(listed: YokoyInvoice[]) {
  const byTag = new Map<string, YokoyInvoice>();
  const byNumber = new Map<string, YokoyInvoice[]>();
  for (const invoice of listed) {
    const tag = invoice.customInformation?.[BANQUP_KEY];
    if (typeof tag === 'string') byTag.set(tag, invoice);
    const number = invoice.invoiceNumber?.trim();
    if (number) byNumber.set(number, [...(byNumber.get(number) ?? []), invoice]);
  }
  return { byTag, byNumber };
}

/** Whether the file should be queued (new, or found untagged and to be tagged). */
export const sendable = (v: Verdict) => v.verdict === 'new' || v.verdict === 'untagged-in-yokoy';
