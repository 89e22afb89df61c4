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
 * A PDF-only upload has no number in Yokoy to bucket by (Yokoy reads the PDF later), even when
 * Banqup's listing gave the document one, so its twin is found by the PDF's bytes instead:
 * untagged invoices nobody owns, created since the job's first upload, compared with the
 * document's PDF (`findPdfTwins`; each PDF read once).
 * Linear in jobs + invoices: hash maps of the index, no pairwise comparison.
 */
import { bucketKey, pdfDigest } from './dedupe';
import { factsOfJob, type Job, type TwinCause } from './job';
import type { EntityIndex, IndexedInvoice } from './yokoy-index';

/** Clock slack between this machine and Yokoy (as in the runner). */
const CLOCK_SLACK_MS = 60_000;

export interface Twins {
  twins: IndexedInvoice[];
  cause: TwinCause;
}

/** For each exported job, the other invoices that are the same document, and why. Pure. */
const exportedJobs = (jobs: Job[]) => jobs.filter((j) => (j.state === 'done' || j.state === 'duplicate') && j.yokoyInvoiceId);
const causeOf = (job: Job, tagged: boolean): TwinCause => (tagged || (job.uploadAttempts ?? 1) > 1 ? 'two-uploads' : 'resent');

export function findTwins(jobs: Job[], index: Pick<EntityIndex, 'tagged' | 'untaggedLike'>): Map<string, Twins> {
  const exported = exportedJobs(jobs);
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
    found.set(job.id, { twins, cause: causeOf(job, tagged.length > 0) });
  }
  return found;
}

/** Reads a PDF's bytes, or undefined when it cannot be read now (the twin then stays unknown). */
export interface PdfReaders {
  /** The Banqup document's PDF (what the companion uploaded). */
  document(documentId: string): Promise<Uint8Array | undefined>;
  /** The PDF Yokoy keeps for an invoice. */
  invoice(invoiceId: string): Promise<Uint8Array | undefined>;
}

/**
 * For each exported PDF-only job (no number on its own Yokoy invoice), the untagged invoices
 * with the same PDF created since its first upload. `known`: twins `findTwins` already found (nobody's twice).
 * Each candidate's PDF and each job's PDF is read at most once, and only when there is a
 * candidate at all (normally none: every invoice a run created is tagged or owned).
 */
export async function findPdfTwins(
  jobs: Job[],
  index: Pick<EntityIndex, 'all' | 'get'>,
  known: Map<string, Twins>,
  read: PdfReaders,
): Promise<Map<string, Twins>> {
  const exported = exportedJobs(jobs);
  // PDF-only on Yokoy's side: its own invoice has no number, so neither has a twin. Banqup's
  // listing may still know a number (the job's facts): that alone does not make a bucket match.
  const numberless = (j: Job) => !j.bucket || bucketKey(index.get(j.yokoyInvoiceId!) ?? {}) === undefined;
  const pdfOnly = exported.filter((j) => j.firstUploadAt !== undefined && numberless(j));
  const found = new Map<string, Twins>();
  if (!pdfOnly.length) return found;
  const taken = new Set(exported.map((j) => j.yokoyInvoiceId!));
  for (const { twins } of known.values()) for (const t of twins) taken.add(t.id);
  const earliest = Math.min(...pdfOnly.map((j) => j.firstUploadAt!)) - CLOCK_SLACK_MS;
  const createdAt = (i: IndexedInvoice) => (i.created ? Date.parse(i.created) : Number.NaN);
  // One pass over the index: the untagged invoices nobody owns, created during the run.
  const candidates: IndexedInvoice[] = [];
  for (const inv of index.all()) if (!inv.tag && !inv.twinOf && !taken.has(inv.id) && createdAt(inv) >= earliest) candidates.push(inv);
  if (!candidates.length) return found;

  const digests = new Map<string, Promise<string | undefined>>();
  const digestOf = (key: string, bytes: () => Promise<Uint8Array | undefined>) => {
    let d = digests.get(key);
    if (!d) {
      d = bytes().then((b) => (b ? pdfDigest(b as Uint8Array<ArrayBuffer>) : undefined));
      digests.set(key, d);
    }
    return d;
  };
  for (const job of pdfOnly) {
    const since = job.firstUploadAt! - CLOCK_SLACK_MS;
    const window = candidates.filter((c) => !taken.has(c.id) && createdAt(c) >= since);
    if (!window.length) continue;
    const wanted = await digestOf(`doc:${job.documentId}`, () => read.document(job.documentId));
    if (!wanted) continue;
    const twins: IndexedInvoice[] = [];
    for (const c of window) if ((await digestOf(`inv:${c.id}`, () => read.invoice(c.id))) === wanted) twins.push(c);
    if (!twins.length) continue;
    for (const t of twins) taken.add(t.id);
    found.set(job.id, { twins, cause: causeOf(job, false) });
  }
  return found;
}
