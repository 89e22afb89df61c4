/**
 * Before a drop is sent: which of its files would create nothing new, and why. A file is
 * known by its content (the job of the same `file:<sha256>`, or a Yokoy invoice tagged with it)
 * and by its facts (an invoice in Yokoy with the same number, date, currency, type, supplier
 * and amount, by the export's own rules in lib/export/dedupe.ts), read from the Yokoy invoice
 * index (lib/export/yokoy-index.ts), which knows each invoice's supplier. A match sent from
 * Banqup, or from another file, is skipped; an untagged match is left in: the runner adopts it
 * and tags it, as a Banqup export does. Pure.
 */
import type { DocumentFacts } from '../export/dedupe';
import type { Job } from '../export/job';
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

/** What the check reads of a legal entity's Yokoy invoice index (`EntityIndex`). */
export interface CheckIndex {
  tagged(documentId: string): { id: string }[];
  like(doc: DocumentFacts): { id: string; tag?: string; twinOf?: string }[];
}

/** An imported file's facts as the export's matcher reads a document's. */
export const documentFacts = (item: CheckItem): DocumentFacts => ({
  documentId: item.id,
  invoiceNumber: item.facts.number,
  issueDate: item.facts.issueDate,
  currency: item.facts.currency,
  total: item.facts.total,
  supplierName: item.facts.supplierName,
  supplierVatId: item.facts.supplierVatId,
  creditNote: item.facts.creditNote ?? false,
});

export function judge(item: CheckItem, job: Job | undefined, index: CheckIndex): Verdict {
  if (job && (job.state === 'done' || job.state === 'duplicate'))
    return { verdict: 'already-imported', at: job.updatedAt, yokoyInvoiceId: job.yokoyInvoiceId };
  if (job && (job.state === 'queued' || job.state === 'fetching' || job.state === 'uploading')) return { verdict: 'in-queue' };
  const tagged = index.tagged(item.id)[0];
  if (tagged) return { verdict: 'already-imported', yokoyInvoiceId: tagged.id };
  if (!item.facts.number) return { verdict: 'new' };
  const like = index.like(documentFacts(item));
  // A match another document owns (its tag, or an audit's twin mark) says what this file is;
  // only when none does is an untagged one adopted (never another document's invoice).
  const owned = like.find((i) => i.tag || i.twinOf);
  if (owned) {
    const owner = (owned.tag ?? owned.twinOf)!;
    if (isFileDocument(owner)) return { verdict: 'imported-from-other-file', yokoyInvoiceId: owned.id };
    return { verdict: 'sent-from-banqup', yokoyInvoiceId: owned.id, documentId: owner };
  }
  const untagged = like[0];
  return untagged ? { verdict: 'untagged-in-yokoy', yokoyInvoiceId: untagged.id } : { verdict: 'new' };
}

/** Whether the file should be queued (new, or found untagged and to be tagged). */
export const sendable = (v: Verdict) => v.verdict === 'new' || v.verdict === 'untagged-in-yokoy';
