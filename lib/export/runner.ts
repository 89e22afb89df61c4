/**
 * The export runner: takes due jobs from the durable queue and moves each through fetch →
 * look-up → upload → tag, with bounded concurrency and bytes in flight. Every state change is
 * written before the step it announces, so a worker stopped at any moment resumes from
 * IndexedDB: an upload that may have reached Yokoy is looked up before it is sent again.
 */
import { fullJitterDelay, type BackoffPolicy } from '../yokoy-api/retry-policy';
import type { YokoyFailure } from '../yokoy-api/errors';
import { createByteBudget } from './byte-budget';
import { lookUpPdf, pickMatch, sameAmount, sameSupplier } from './dedupe';
import { fileBytes, type DocumentSource, type SourceFailure } from './document-source';
import { factsOfJob, transition, type Job, type JobEvent } from './job';
import { banqupFailure, companionFailure, yokoyFailure, type FailureOf, type JobReason } from '../failures/failure';
import { succeeded } from '../failures/result';
import type { JobStore } from './job-store';
import type { EntityIndex, YokoyIndex } from './yokoy-index';
import { BANQUP_KEY, type InvoiceApi } from './yokoy-invoices';

export interface RunnerEnv {
  store: JobStore;
  /** Where the UBL and PDF come from (Banqup; see document-source.ts). */
  source: DocumentSource;
  invoices: InvoiceApi;
  /** The Yokoy invoice index (yokoy-index.ts), shared with the audit. */
  index: YokoyIndex;
  now: () => number;
  random: () => number;
  /** Waits between a failed tag and its next try (tags retry in their lane, not via the queue). */
  sleep: (ms: number) => Promise<void>;
  concurrency: number;
  maxBytesInFlight: number;
  /** After this many attempts a job fails with its last reason (the worker: `jobRetry`, lib/yokoy-api/retry-policy.ts). */
  maxAttempts: number;
  backoff: BackoffPolicy;
  isPaused: () => Promise<boolean>;
  /** Wake the runner at `at` (an alarm survives the worker; a timer does not). */
  scheduleWake: (at: number) => void;
  /** Called after every job change (progress, badge). */
  onChange: () => void;
  /** The connection itself failed (see `connectionKinds`): pause and tell the user. */
  onConnectionProblem: (reason: FailureOf<'yokoy'>) => Promise<void>;
  /** Keeps the worker alive while jobs run; returns the stop function. */
  keepAlive: () => () => void;
}

const yokoyReason = (f: YokoyFailure): FailureOf<'yokoy'> => yokoyFailure(f.kind, f.detail);

/** Failures that will not change by retrying the same request. */
const permanent = new Set<YokoyFailure['kind']>(['validation', 'conflict']);

/**
 * Failures that are not this invoice's but the connection's (credentials revoked, the
 * legal entity removed, no address): every other job would fail the same way, so the queue
 * pauses with the reason and the jobs wait until the user has fixed the connection.
 */
// A 401 even with a fresh token is not among them: tokens that die early (clock skew, a
// restart on Yokoy's side) make it, and the next attempt with another token goes through.
const connectionKinds = new Set<YokoyFailure['kind']>([
  'invalid-client',
  'organization-mismatch',
  'missing-permission',
  'not-configured',
  'not-found',
]);

/** A 404 on the legal entity itself: the connection's problem, not this invoice's. */
const entityGone = (job: Job): FailureOf<'yokoy'> => yokoyFailure('legal-entity-gone', job.legalEntityId);

/** Clock slack between this machine and Yokoy when comparing `created` with an upload's start. */
const CLOCK_SLACK_MS = 60_000;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/**
 * The PDF marker within the first 1 KB (a few bytes of junk may precede it), searched in the
 * bytes the upload sends anyway: a TextDecoder and a Blob read per invoice cost the worker
 * ~3.7 ms of every invoice (bench/tools/profile-export.ts).
 */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 1024) - PDF_MAGIC.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let k = 0; k < PDF_MAGIC.length; k++) if (bytes[i + k] !== PDF_MAGIC[k]) continue outer;
    return true;
  }
  return false;
}

/** Chromium's limit of HTTP/1.1 connections per host (a fixed constant in its network stack). */
const HOST_CONNECTIONS = 6;

export function createRunner(env: RunnerEnv) {
  const budget = createByteBudget(env.maxBytesInFlight);
  // Uploads in flight never exceed `concurrency`; as many more jobs may read Banqup and look
  // up meanwhile, so an upload slot that frees up finds its next invoice ready (prefetch).
  const uploadSlots = createByteBudget(env.concurrency);
  const admitted = env.concurrency * 2;
  const active = new Map<string, Promise<void>>();
  /**
   * Untagged Yokoy invoices a job of this worker life has taken (created, or matched by
   * content) until their tag lands: no other document may match them meanwhile. Filled from
   * the queue on start-up (`recover`).
   */
  const claims = new Map<string, string>();
  const claimed = (invoiceId: string, documentId?: string) => {
    const owner = claims.get(invoiceId);
    return owner !== undefined && owner !== documentId;
  };
  let running: Promise<void> | undefined;
  let again = false;
  let wake: (() => void) | undefined;

  async function apply(job: Job, event: JobEvent): Promise<Job> {
    const next = await env.store.put(transition(job, event, env.now()));
    env.onChange();
    return next;
  }

  function retryDelay(job: Job, failure?: YokoyFailure): number {
    return failure?.retryAfterMs ?? fullJitterDelay(job.attempts, env.random, env.backoff);
  }

  async function retryOrFail(job: Job, reason: JobReason, outcomeUnknown: boolean, failure?: YokoyFailure): Promise<Job> {
    if (job.attempts >= env.maxAttempts) return apply(job, { type: 'fail', reason });
    return apply(job, { type: 'retry', reason, delayMs: retryDelay(job, failure), outcomeUnknown });
  }

  /**
   * Tags run in their own lane, off the upload slots: the invoice is in Yokoy once the upload
   * answered, and the PATCH that ties it to its Banqup document need not hold back the next
   * upload. An invoice left untagged (worker stopped) is tagged again on start-up, and the
   * look-up by number finds it meanwhile.
   *
   * The lane uses the connections the uploads leave free. Over HTTP/1.1 Chromium opens at most
   * HOST_CONNECTIONS to a host; with 4 uploads and 4 tags in flight, a connection freed by an
   * upload's answer went to a waiting tag before the next upload was even issued, and uploads
   * ran ~3 wide instead of 4 (bench/tools/export-timeline.ts: 14.0 vs 17.2 uploads/s for the
   * raw baseline). Once the uploads are done, the tags get every connection.
   */
  const tagging = new Set<Promise<void>>();
  let tagsInFlight = 0;
  /** Jobs admitted whose upload has not answered yet (reading Banqup, waiting for a slot, sending). */
  let uploadDemand = 0;
  /** The last look at the queue filled every free place: more invoices are due than admitted. */
  let queueHasMore = false;
  const tagWaiters: (() => void)[] = [];
  const tagCapacity = () => Math.max(1, HOST_CONNECTIONS - (queueHasMore ? env.concurrency : Math.min(env.concurrency, uploadDemand)));
  const wakeTags = () => tagWaiters.splice(0).forEach((resume) => resume());
  async function tagSlot(): Promise<void> {
    while (tagsInFlight >= tagCapacity()) await new Promise<void>((resolve) => tagWaiters.push(resolve));
    tagsInFlight++;
  }
  function tag(job: Job): void {
    if (!job.yokoyInvoiceId || job.tagged) return;
    const run = (async () => {
      // The client already retried its own transient failures; a tag that still failed (a run
      // of 5xx, dropped answers) is tried again after a backoff, so no invoice waits for the
      // next worker start to be tied to its Banqup document. PATCH is idempotent.
      for (let attempt = 1; attempt <= env.maxAttempts; attempt++) {
        await tagSlot();
        let tagged: Awaited<ReturnType<InvoiceApi['tag']>>;
        try {
          tagged = await env.invoices.tag(job.legalEntityId, job.yokoyInvoiceId!, job.documentId);
        } finally {
          // The connection is free once Yokoy answered: recording the tag need not hold it.
          tagsInFlight--;
          wakeTags();
        }
        const current = await env.store.get(job.id);
        if (!current || current.tagged || current.yokoyInvoiceId !== job.yokoyInvoiceId) return;
        if (tagged.ok) {
          // Written straight after the read, with no await between: the run's audit may be
          // writing this job's twins meanwhile, and a copy read before them would drop them.
          await apply(current, { type: 'tagged' });
          const index = await env.index.entity(job.legalEntityId);
          if (index.ok) index.value.noteTag(job.yokoyInvoiceId!, BANQUP_KEY, job.documentId);
          return;
        }
        const failure = tagged.failure;
        if (failure.kind === 'not-found') {
          await apply(current, { type: 'tag-gone', reason: yokoyFailure('invoice-gone', job.yokoyInvoiceId!) });
          return;
        }
        if (permanent.has(failure.kind) || connectionKinds.has(failure.kind)) return;
        await env.sleep(failure.retryAfterMs ?? fullJitterDelay(attempt, env.random, env.backoff));
      }
    })();
    tagging.add(run);
    void run.finally(() => tagging.delete(run));
  }

  /**
   * Banqup could not deliver. Signed out (a browser restart drops its session) waits for the
   * user to sign in again, as do network and server trouble; a missing document fails.
   */
  async function banqupFailed(job: Job, failure: SourceFailure): Promise<void> {
    const { kind } = failure;
    const reason = banqupFailure(kind, failure.detail);
    if (kind === 'network' || kind === 'server' || kind === 'signed-out') await retryOrFail(job, reason, false);
    else await apply(job, { type: 'fail', reason });
  }

  /**
   * An invoice found in Yokoy: our own earlier upload (sent), or someone else's (duplicate).
   * `alreadyTagged`: tagged with this document. An untagged one is read again first: if
   * someone tagged it meanwhile with another document, it is not ours (a tag is never
   * overwritten) and the job looks again.
   */
  async function adopt(job: Job, index: EntityIndex, yokoyInvoiceId: string, alreadyTagged: boolean): Promise<void> {
    const ours = job.uploadStartedAt !== undefined;
    if (!alreadyTagged) {
      claims.set(yokoyInvoiceId, job.documentId);
      const fresh = await env.invoices.get(job.legalEntityId, yokoyInvoiceId);
      if (!fresh.ok) {
        claims.delete(yokoyInvoiceId);
        await retryOrFail(job, yokoyReason(fresh.failure), false, fresh.failure);
        return;
      }
      const now = index.record(fresh.value);
      if (now.tag && now.tag !== job.documentId) {
        claims.delete(yokoyInvoiceId);
        await apply(job, { type: 'retry', reason: yokoyFailure('conflict', yokoyInvoiceId), delayMs: 0, outcomeUnknown: false });
        return;
      }
      alreadyTagged = now.tag === job.documentId;
    }
    const found = await apply(job, ours ? { type: 'created', yokoyInvoiceId } : { type: 'found', yokoyInvoiceId });
    if (alreadyTagged) await apply(found, { type: 'tagged' });
    else tag(found);
  }

  /** A Yokoy look-up failed before anything was sent: retry, or pause for the connection. */
  async function lookupFailed(job: Job, failure: YokoyFailure): Promise<void> {
    if (connectionKinds.has(failure.kind)) {
      const reason = failure.kind === 'not-found' ? entityGone(job) : yokoyReason(failure);
      await apply(job, { type: 'retry', reason, delayMs: 0, outcomeUnknown: false });
      await env.onConnectionProblem(reason);
    } else await retryOrFail(job, yokoyReason(failure), false, failure);
  }

  /**
   * Banqup documents still looking for their invoice with the same facts as this job's (itself
   * included): not exported, not cancelled, and not tagged on any Yokoy invoice already.
   */
  async function documentsSharing(job: Job, index: EntityIndex): Promise<number> {
    if (!job.bucket) return 1;
    const facts = factsOfJob(job);
    const others = (await env.store.inBucket(job.legalEntityId, job.bucket)).filter(
      (j) =>
        j.id !== job.id &&
        j.state !== 'done' &&
        j.state !== 'duplicate' &&
        j.state !== 'cancelled' &&
        index.tagged(j.documentId).length === 0 &&
        sameSupplier(facts, j) &&
        sameAmount(facts.total, j.total),
    );
    return others.length + 1;
  }

  /** One job, counted in `uploadDemand` from admission until its upload answered or it ended. */
  async function process(queued: Job): Promise<void> {
    uploadDemand++;
    let demanding = true;
    const endDemand = () => {
      if (!demanding) return;
      demanding = false;
      uploadDemand--;
      wakeTags();
    };
    try {
      await processJob(queued, endDemand);
    } finally {
      endDemand();
    }
  }

  async function processJob(queued: Job, endDemand: () => void): Promise<void> {
    // Reads that do not depend on each other go out together. The Yokoy index is read back and
    // refreshed once per run, which the first jobs wait for (a listing round trip): they ask
    // Banqup for their document, and then for its files, while it comes, instead of after it.
    // Later jobs find it ready and fetch files only once they know the invoice is not in Yokoy.
    const indexing = env.index.entity(queued.legalEntityId);
    let indexReady = false;
    void indexing.then(() => (indexReady = true));
    const [started, meta] = await Promise.all([apply(queued, { type: 'start' }), env.source.describe(queued.documentId)]);
    let job = started;
    if (!meta.ok) {
      await banqupFailed(job, meta.failure);
      return;
    }
    const doc = meta.value;
    // Kept in memory: the next write (upload-started, found, fail) persists it too.
    job = transition(job, { type: 'fetched', facts: doc.facts }, env.now());
    if (doc.kind === 'other') {
      await apply(job, { type: 'fail', reason: banqupFailure('not-an-invoice') });
      return;
    }

    // The two files are independent reads: ask for both at once (one round trip, not two).
    const readFiles = () =>
      Promise.all([!doc.hasUbl ? succeeded(undefined) : env.source.ubl(job.documentId), env.source.pdf(job.documentId)]);
    const early = indexReady ? undefined : readFiles();

    // Exactly once. Identity first: an invoice tagged with this document is its own.
    const indexed = await indexing;
    if (!indexed.ok) return lookupFailed(job, indexed.failure);
    const index = indexed.value;
    const facts = factsOfJob(job);
    const lostAnswer = job.needsLookup && job.uploadStartedAt !== undefined;
    if (lostAnswer) {
      // What changed since the index was last read: the upload may have created an invoice.
      const refreshed = await index.refresh();
      if (!refreshed.ok) return lookupFailed(job, refreshed.failure);
    }
    const own = index.tagged(job.documentId)[0];
    if (own) return adopt(job, index, own.id, true);

    if (lostAnswer && job.bucket) {
      // An upload whose answer was lost: the invoice it created is untagged, has this
      // document's facts, and is no older than the first upload. Looked for before anything else.
      const since = (job.firstUploadAt ?? job.uploadStartedAt!) - CLOCK_SLACK_MS;
      const mine = index.untaggedLike(facts, since).find((i) => !claimed(i.id, job.documentId));
      if (mine) return adopt(job, index, mine.id, false);
    } else if (!job.uploadStartedAt && job.bucket) {
      // Never sent: an untagged invoice with the same facts (sent by hand or by Banqup's own
      // connector) is this document's, one-to-one.
      if (index.untaggedLike(facts).some((i) => !claimed(i.id, job.documentId))) {
        const documents = await documentsSharing(job, index);
        // Read again after the await: another job may have claimed one meanwhile.
        const candidates = index.untaggedLike(facts).filter((i) => !claimed(i.id, job.documentId));
        const match = pickMatch([], candidates, documents);
        if (match.kind === 'ambiguous') {
          await apply(job, { type: 'fail', reason: companionFailure('ambiguous-match', match.invoiceIds.join(', ')) });
          return;
        }
        if (match.kind === 'content') return adopt(job, index, match.invoiceId, false);
      }
    }

    const [ubl, pdf] = await (early ?? readFiles());
    if (!ubl.ok || !pdf.ok) {
      await banqupFailed(job, !ubl.ok ? ubl.failure : !pdf.ok ? pdf.failure : { kind: 'server' });
      return;
    }
    // Read now, before waiting for an upload slot: a Blob read is a round trip to the browser.
    const pdfBytes = await fileBytes(pdf.value);
    // Yokoy's einvoice call requires a PDF: never pass something else off as one.
    if (!looksLikePdf(pdfBytes)) {
      await apply(job, { type: 'fail', reason: banqupFailure('not-a-pdf') });
      return;
    }

    // A PDF-only upload of unknown outcome has no number to find it by: compare PDFs.
    if (!ubl.value && lostAnswer) {
      const found = await lookUpPdf(env.invoices, job.legalEntityId, job.firstUploadAt ?? job.uploadStartedAt!, pdfBytes, (id) =>
        claimed(id, job.documentId),
      );
      if (!found.ok) {
        await retryOrFail(job, yokoyReason(found.failure), false, found.failure);
        return;
      }
      if (found.value) return adopt(job, index, found.value.id, false);
    }

    let release = () => {};
    let releaseSlot = () => {};
    try {
      const ublBytes = typeof ubl.value === 'string' ? ubl.value.length * 2 : (ubl.value?.byteLength ?? 0);
      release = await budget.acquire(ublBytes + pdfBytes.byteLength);
      // Everything an upload needs is done before it waits for a slot: the PDF's bytes read
      // (above) and the write that makes a crash from here on an unknown outcome. A freed slot
      // then goes straight to fetch: the 20–25 ms these took after the slot was taken were ~10%
      // of every upload slot's time (bench/tools/client-gap.ts). Written early, the mark costs
      // only a look-up on resume for a job that never sent.
      job = await apply(job, { type: 'upload-started' });
      releaseSlot = await uploadSlots.acquire(1);
      const name = (doc.facts.invoiceNumber ?? job.documentId).replace(/[^\w.-]+/g, '_').slice(0, 80);
      const created = ubl.value
        ? await env.invoices.createFromUbl(job.legalEntityId, ubl.value, pdfBytes, name)
        : await env.invoices.createFromPdf(job.legalEntityId, pdfBytes, name);
      // The slot and the bytes are free as soon as Yokoy answered: recording it need not wait.
      releaseSlot();
      release();
      endDemand();
      if (created.ok) {
        claims.set(created.value.id, job.documentId);
        index.record(created.value);
        job = await apply(job, { type: 'created', yokoyInvoiceId: created.value.id });
        tag(job);
        return;
      }
      const failure = created.failure;
      if (failure.outcomeUnknown) await retryOrFail(job, yokoyReason(failure), true, failure);
      else if (permanent.has(failure.kind)) await apply(job, { type: 'fail', reason: yokoyReason(failure) });
      else if (connectionKinds.has(failure.kind)) {
        // A 404 on creating under a legal entity means the entity itself is gone.
        const reason = failure.kind === 'not-found' ? entityGone(job) : yokoyReason(failure);
        await apply(job, { type: 'retry', reason, delayMs: 0, outcomeUnknown: false });
        await env.onConnectionProblem(reason);
      }
      // Not processed (429, 503, refused before sending): nothing reached Yokoy.
      else await retryOrFail(job, yokoyReason(failure), false, failure);
    } finally {
      releaseSlot();
      release();
    }
  }

  async function loop(): Promise<void> {
    const stopKeepAlive = env.keepAlive();
    try {
      for (;;) {
        again = false;
        if (await env.isPaused()) break;
        const room = admitted - active.size;
        if (room > 0) {
          const due = await env.store.due(env.now(), room, new Set(active.keys()));
          queueHasMore = due.length === room;
          if (!queueHasMore) wakeTags();
          for (const job of due) {
            const work = process(job)
              .catch(async (error: unknown) => {
                // A bug must not wedge a job in an active state: fail it with the reason.
                const current = await env.store.get(job.id);
                if (current && (current.state === 'fetching' || current.state === 'uploading')) {
                  await apply(current, {
                    type: 'retry',
                    reason: companionFailure('internal', String(error)),
                    delayMs: 5_000,
                    outcomeUnknown: current.state === 'uploading',
                  });
                }
              })
              .finally(() => active.delete(job.id));
            active.set(job.id, work);
          }
        }
        if (active.size === 0) {
          queueHasMore = false;
          wakeTags();
          if (again) continue;
          const next = await env.store.nextDue();
          if (next !== undefined) env.scheduleWake(next);
          break;
        }
        // Wait for a job to end, or for new work (kick) when slots are free.
        await Promise.race([...active.values(), new Promise<void>((resolve) => (wake = resolve))]);
        wake = undefined;
      }
      await Promise.all(active.values());
      await Promise.all(tagging);
    } finally {
      stopKeepAlive();
      env.onChange();
    }
  }

  return {
    /** Starts the loop if idle; if running, it picks up new work on its next turn. */
    kick(): Promise<void> {
      again = true;
      wake?.();
      if (!running) {
        running = loop().finally(() => {
          running = undefined;
          if (again) void this.kick();
        });
      }
      return running;
    },

    /** On worker start: jobs left in an active state by a stopped worker go back to the queue. */
    async recover(): Promise<number> {
      const stale = [...(await env.store.inState('fetching')), ...(await env.store.inState('uploading'))].filter((j) => !active.has(j.id));
      for (const job of stale) await apply(job, { type: 'interrupted' });
      // From the index of untagged jobs: reading every finished one cost seconds with 100,000.
      const untagged = (await env.store.untagged()).filter((j) => j.yokoyInvoiceId && !j.tagged);
      for (const job of untagged) {
        claims.set(job.yokoyInvoiceId!, job.documentId);
        tag(job);
      }
      return stale.length;
    },

    /** Forget the invoice listings (a new run should see what arrived in Yokoy since). */
    refreshIndexes(): void {
      env.index.markStale();
    },

    idle(): Promise<void> {
      return running ?? Promise.resolve();
    },
  };
}

export type Runner = ReturnType<typeof createRunner>;
