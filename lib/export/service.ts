/**
 * What the export offers the rest of the extension: enqueue documents (menu, button,
 * selection), a backfill with filters (preview, start, pause, resume, cancel), progress,
 * history, retry, CSV. Jobs are created here and run by the runner.
 */
import type { BanqupClient, DocumentFilters } from '../banqup-api/client';
import type { ExportAnswers, ExportProgress, HistoryEntry } from './messages';
import { DEFAULT_RETENTION_DAYS, type ExportControl, type Settings, type StoredCredentials } from '../settings/items';
import type { DocumentSummary } from '../banqup-api/schemas';
import { findPdfTwins, findTwins } from './audit';
import { csvHeader, historyCsvRows } from './csv';
import { jobId, newJob, transition, withFacts, type Job, type JobSource } from './job';
import { TWIN_KEY, type YokoyIndex } from './yokoy-index';
import type { HistoryCursor, JobStore } from './job-store';
import type { Runner } from './runner';
import type { InvoiceApi } from './yokoy-invoices';
import { fileBytes, type DocumentSource } from './document-source';
import { banqupFailure, companionFailure, isFailure, type Failure } from '../failures/failure';
import { failed, succeeded, type Result } from '../failures/result';

interface Item<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface ExportServiceEnv {
  store: JobStore;
  index: YokoyIndex;
  runner: () => Runner;
  banqup: BanqupClient;
  /** The documents' PDFs, for the audit of PDF-only uploads (the runner's source). */
  source: Pick<DocumentSource, 'pdf'>;
  invoices: InvoiceApi;
  control: Item<ExportControl>;
  credentials: Item<StoredCredentials>;
  settings: Item<Settings>;
  now: () => number;
  yokoyInvoiceUrl: (settings: Settings, legalEntityId: string, invoiceId: string) => string | undefined;
}

type Problem = Failure;

const PAGE_SIZE = 100;
const MAX_PAGES = 10_000;
/** Banqup listing pages read at the same time (Chromium opens 6 connections per host). */
const LIST_CONCURRENCY = 4;
/** CSV rows per message (~300 KB). */
export const CSV_PAGE = 2_000;
/** How often the Yokoy index is listed in full to forget deleted invoices (a week: 200 requests at 20,000 invoices). */
export const RESYNC_EVERY_MS = 7 * 86_400_000;

export function createExportService(env: ExportServiceEnv) {
  async function target(): Promise<{ legalEntityId: string } | { problem: Problem }> {
    const stored = await env.credentials.getValue();
    if (stored.verification?.state !== 'verified') return { problem: companionFailure('not-verified') };
    if (!stored.legalEntityId) return { problem: companionFailure('no-legal-entity') };
    return { legalEntityId: stored.legalEntityId };
  }

  /** The current run: kept while it has work left, otherwise a new one. */
  async function runId(): Promise<string> {
    const control = await env.control.getValue();
    if (control.runId) {
      const counts = await env.store.counts(control.runId);
      if (counts.queued + counts.fetching + counts.uploading > 0) return control.runId;
    }
    const id = `run-${env.now().toString(36)}`;
    await env.control.setValue({ ...control, runId: id, runStartedAt: env.now(), announced: false });
    return id;
  }

  /** Creates jobs for documents not yet exported; re-queues failed or cancelled ones. */
  /**
   * `summaries`: Banqup's list entries when known (a backfill): their facts go on the jobs at
   * once, so the matcher counts every document sharing an untagged invoice's facts.
   * `liftPause`: whether adding the documents also lifts a pause. Only the user's own act in
   * the extension (the popup, the context menu) may; a content script's "Send" never does
   * (issue 12: a page could otherwise resume a queue the user or the companion paused).
   */
  async function enqueue(
    documentIds: string[],
    source: JobSource,
    options: { liftPause?: boolean; summaries?: Map<string, DocumentSummary> } = {},
  ): Promise<{ queued: number; alreadyInYokoy: number; problem?: Problem }> {
    const where = await target();
    if ('problem' in where) return { queued: 0, alreadyInYokoy: 0, problem: where.problem };
    const unique = [...new Set(documentIds.map((d) => d.toLowerCase()))];
    const existing = await env.store.getMany(unique.map((d) => jobId(where.legalEntityId, d)));
    const run = await runId();
    const now = env.now();
    const writes: Job[] = [];
    let alreadyInYokoy = 0;
    const described = (job: Job): Job => {
      const d = options.summaries?.get(job.documentId);
      if (!d) return job;
      const type = d.documentType ?? '';
      return withFacts(job, {
        invoiceNumber: d.documentNumber,
        issueDate: d.issueDate,
        currency: d.currency,
        total: d.totalAmount,
        supplierName: d.supplierName,
        supplierVatId: d.supplierVatId,
        creditNote: /CREDIT/i.test(type),
      });
    };
    unique.forEach((documentId, i) => {
      const job = existing[i];
      if (!job) writes.push(described(newJob({ documentId, legalEntityId: where.legalEntityId, source, runId: run, now })));
      else if (job.state === 'done' || job.state === 'duplicate') alreadyInYokoy++;
      else if (job.state === 'failed' || job.state === 'cancelled')
        writes.push({ ...transition(job, { type: 'requeue' }, now), runId: run });
      else if (job.runId !== run) writes.push({ ...job, runId: run });
    });
    // Each job queued here gets its own due time, a fraction of a ms apart and in list order,
    // all at or before now: the queue's index then has one key per job, and a read that starts
    // after the jobs already taken does not step over each of their deleted entries again
    // (job-store.ts, `due`). 1/1024 ms is exactly representable at today's epoch milliseconds.
    const fresh = writes.filter((j) => j.state === 'queued' && j.nextAttemptAt === now);
    fresh.forEach((job, k) => (job.nextAttemptAt = now - (fresh.length - 1 - k) / 1024));
    await env.store.putMany(writes);
    const control = await env.control.getValue();
    if (control.paused && options.liftPause !== false) await env.control.setValue({ ...control, paused: false });
    void env.runner().kick();
    return { queued: writes.length, alreadyInYokoy };
  }

  /**
   * Every document matching the filters. The first page tells the total; the others are read
   * LIST_CONCURRENCY at a time (a backfill of 10,000 is 100 pages: sequential, it waited 100
   * round trips). Without a total, pages are read one after another until one comes back short.
   */
  async function listAll(filters: DocumentFilters): Promise<Result<DocumentSummary[], Failure>> {
    const first = await env.banqup.listDocuments(filters, 1, PAGE_SIZE);
    if (!first.ok) return failed(banqupFailure(first.failure.kind));
    const pages: DocumentSummary[][] = [first.value.documents];
    const total = first.value.total;
    if (total === undefined) {
      for (let page = 2; page < MAX_PAGES && pages[pages.length - 1]!.length === PAGE_SIZE; page++) {
        const answer = await env.banqup.listDocuments(filters, page, PAGE_SIZE);
        if (!answer.ok) return failed(banqupFailure(answer.failure.kind));
        pages.push(answer.value.documents);
      }
      return succeeded(pages.flat());
    }
    const count = Math.min(MAX_PAGES, Math.ceil(total / PAGE_SIZE));
    let nextPage = 2;
    let problem: Failure | undefined;
    const worker = async () => {
      while (!problem && nextPage <= count) {
        const page = nextPage++;
        const answer = await env.banqup.listDocuments(filters, page, PAGE_SIZE);
        if (!answer.ok) problem = banqupFailure(answer.failure.kind);
        else pages[page - 1] = answer.value.documents;
      }
    };
    await Promise.all(Array.from({ length: Math.min(LIST_CONCURRENCY, count - 1) }, worker));
    if (problem) return failed(problem);
    return succeeded(pages.flat());
  }

  async function progress(): Promise<ExportProgress> {
    const control = await env.control.getValue();
    const counts = control.runId ? await env.store.counts(control.runId) : undefined;
    const remaining = counts ? counts.queued + counts.fetching + counts.uploading : 0;
    const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
    const now = env.now();
    const later = remaining > 0 ? await env.store.waitingAfter(now) : [];
    const waiting = later.some((j) => isFailure(j.reason, 'banqup', 'signed-out'));
    const retrying = later.filter((j) => !isFailure(j.reason, 'banqup', 'signed-out'));
    const rateLimited = retrying.filter((j) => isFailure(j.reason, 'yokoy', 'rate-limited')).length;
    return {
      runId: control.runId,
      paused: control.paused,
      waitingForBanqup: waiting,
      pauseReason: control.pauseReason,
      running: remaining > 0 && !control.paused,
      total,
      remaining,
      done: counts?.done ?? 0,
      duplicate: counts?.duplicate ?? 0,
      failed: counts?.failed ?? 0,
      cancelled: counts?.cancelled ?? 0,
      startedAt: control.runStartedAt,
      at: now,
      waiting: retrying.length
        ? { rateLimited, retrying: retrying.length - rateLimited, nextAttemptAt: Math.min(...retrying.map((j) => j.nextAttemptAt)) }
        : undefined,
    };
  }

  async function history(options: {
    state?: Job['state'];
    limit?: number;
    after?: HistoryCursor;
  }): Promise<ExportAnswers['export.history']> {
    const settings = await env.settings.getValue();
    // No total: IndexedDB counts by walking the index (1.5 s for 50,000 jobs in Chromium), and
    // the first rows must not wait for it.
    const page = await env.store.historyPage({ state: options.state, limit: options.limit ?? 100, after: options.after });
    return { entries: page.jobs.map((job) => entry(job, settings)), next: page.next };
  }

  function entry(job: Job, settings: Settings): HistoryEntry {
    return {
      id: job.id,
      documentId: job.documentId,
      state: job.state,
      updatedAt: job.updatedAt,
      invoiceNumber: job.invoiceNumber,
      supplierName: job.supplierName,
      total: job.total,
      currency: job.currency,
      yokoyInvoiceId: job.yokoyInvoiceId,
      yokoyLink: job.yokoyInvoiceId ? env.yokoyInvoiceUrl(settings, job.legalEntityId, job.yokoyInvoiceId) : undefined,
      reason: job.reason,
      twins: job.twins,
      twinCause: job.twinCause,
      attempts: job.attempts,
    };
  }

  /** The last preview's read-back of the Yokoy index (it writes the index's stores when it refreshes). */
  let warming: Promise<void> = Promise.resolve();

  return {
    enqueue,
    progress,
    history,
    /** Resolves once the last preview's index read-back is over. */
    warmed: () => warming,

    async preview(filters: DocumentFilters): Promise<ExportAnswers['export.preview']> {
      // The user is choosing what to export: read the legal entity's Yokoy index back from
      // IndexedDB and refresh it meanwhile, so the click on Start finds it ready (with 20,000
      // invoices indexed, reading them back on a cold worker took most of the click's wait).
      // A failure here is not the preview's: Start meets it again and reports it.
      warming = target()
        .then((where) => ('legalEntityId' in where ? env.index.entity(where.legalEntityId) : undefined))
        .then(
          () => undefined,
          () => undefined,
        );
      const answer = await env.banqup.listDocuments(filters, 1, 1);
      if (!answer.ok) return { problem: banqupFailure(answer.failure.kind) };
      const statements = await env.banqup.bankStatementCount();
      return { count: answer.value.total ?? answer.value.documents.length, bankStatements: statements.ok ? statements.value : undefined };
    },

    async start(filters: DocumentFilters): Promise<ExportAnswers['export.start']> {
      const where = await target();
      if ('problem' in where) return { queued: 0, alreadyInYokoy: 0, problem: where.problem };
      // A new backfill should see what reached Yokoy since the last listing: asked now, while
      // Banqup lists what to export, so the first job finds the refresh under way or done.
      env.runner().refreshIndexes();
      void env.index.entity(where.legalEntityId);
      const listed = await listAll(filters);
      if (!listed.ok) return { queued: 0, alreadyInYokoy: 0, problem: listed.failure };
      return enqueue(
        listed.value.map((d) => d.documentId),
        'backfill',
        { summaries: new Map(listed.value.map((d) => [d.documentId.toLowerCase(), d])) },
      );
    },

    /** A Banqup page is open (the user is likely signed in again): retry what waited for it now. */
    async banqupIsBack(): Promise<void> {
      const now = env.now();
      const waiting = (await env.store.waitingAfter(now)).filter((j) => isFailure(j.reason, 'banqup', 'signed-out'));
      if (!waiting.length) return;
      await env.store.putMany(waiting.map((j) => ({ ...j, nextAttemptAt: now, updatedAt: now })));
      void env.runner().kick();
    },

    async pause(): Promise<ExportProgress> {
      await env.control.setValue({ ...(await env.control.getValue()), paused: true, pauseReason: undefined });
      return progress();
    },

    /**
     * Resumes; jobs still aimed at a legal entity other than the chosen one (it was removed and
     * the user picked another) move to the chosen one.
     */
    async resume(): Promise<ExportProgress> {
      const where = await target();
      if ('legalEntityId' in where) {
        const now = env.now();
        const stray = (await env.store.inState('queued')).filter((j) => j.legalEntityId !== where.legalEntityId);
        if (stray.length) {
          await env.store.putMany(stray.map((j) => transition(j, { type: 'cancel' }, now)));
          await enqueue(
            stray.map((j) => j.documentId),
            'backfill',
          );
        }
      }
      const control = await env.control.getValue();
      await env.control.setValue({ ...control, paused: false, pauseReason: undefined });
      void env.runner().kick();
      return progress();
    },

    /** The connection failed under the queue: pause it with the reason (see runner.ts). */
    async pauseFor(reason: Failure): Promise<void> {
      const control = await env.control.getValue();
      if (!control.paused) await env.control.setValue({ ...control, paused: true, pauseReason: reason });
    },

    /** Cancels what has not started; what is uploading finishes (stopping it would leave its outcome unknown). */
    async cancel(): Promise<ExportProgress> {
      const now = env.now();
      const queued = await env.store.inState('queued');
      await env.store.putMany(queued.map((job) => transition(job, { type: 'cancel' }, now)));
      return progress();
    },

    async retryFailed(): Promise<{ queued: number }> {
      const failed = await env.store.inState('failed');
      const result = await enqueue(
        failed.map((j) => j.documentId),
        'backfill',
      );
      return { queued: result.queued };
    },

    /**
     * The CSV, one page of CSV_PAGE rows per call (the header first): the popup streams the
     * pages into a file, so neither side holds 100,000 rows as objects at once, and no cap.
     */
    async csv(after?: HistoryCursor): Promise<ExportAnswers['export.csv']> {
      const settings = await env.settings.getValue();
      const page = await env.store.historyPage({ limit: CSV_PAGE, after });
      const day = new Date(env.now()).toISOString().slice(0, 10);
      const rows = historyCsvRows(page.jobs.map((job) => entry(job, settings)));
      return { csv: after ? rows : csvHeader() + rows, fileName: `yokoy-export-history-${day}.csv`, next: page.next };
    },

    /** Removes finished jobs older than the retention setting (see JobStore.prune). Returns how many. */
    async prune(): Promise<number> {
      const days = (await env.settings.getValue()).historyRetentionDays ?? DEFAULT_RETENTION_DAYS;
      if (!days) return 0;
      return env.store.prune(env.now() - days * 86_400_000);
    },

    /**
     * From the daily alarm, once a week: the chosen legal entity's Yokoy index listed in full, so
     * it forgets invoices deleted in Yokoy (EntityIndex.resync). Returns how many it forgot.
     */
    async resyncIndex(): Promise<number> {
      const where = await target();
      if ('problem' in where) return 0;
      const index = await env.index.entity(where.legalEntityId);
      if (!index.ok) return 0;
      const forgotten = await index.value.resync(RESYNC_EVERY_MS);
      return forgotten.ok ? forgotten.value : 0;
    },

    /**
     * After a run: find and flag invoices Yokoy holds twice (see audit.ts), from the index
     * (refreshed incrementally), in time linear in jobs + invoices. Returns how many jobs.
     */
    async audit(runId: string): Promise<number> {
      const jobs = await env.store.inRun(runId);
      const byId = new Map(jobs.map((j) => [j.id, j]));
      let found = 0;
      for (const legalEntityId of new Set(jobs.map((j) => j.legalEntityId))) {
        // Fresh for the audit alone: marking the index stale would make the next run's first
        // jobs wait for one more listing (a run started soon after, or a worker woken by it).
        const index = await env.index.entity(legalEntityId);
        if (!index.ok) continue;
        const refreshed = await index.value.refresh();
        if (!refreshed.ok) continue;
        const ofEntity = jobs.filter((j) => j.legalEntityId === legalEntityId);
        const byFacts = findTwins(ofEntity, index.value);
        const byPdf = await findPdfTwins(ofEntity, index.value, byFacts, {
          document: async (documentId) => {
            const pdf = await env.source.pdf(documentId);
            return pdf.ok ? fileBytes(pdf.value) : undefined;
          },
          invoice: async (invoiceId) => {
            const pdf = await env.invoices.pdf(legalEntityId, invoiceId);
            return pdf.ok ? pdf.value : undefined;
          },
        });
        for (const [id, { twins: others, cause }] of [...byFacts, ...byPdf]) {
          const job = byId.get(id)!;
          for (const twin of others) {
            const marked = await env.invoices.tag(legalEntityId, twin.id, job.documentId, TWIN_KEY);
            if (marked.ok) index.value.noteTag(twin.id, TWIN_KEY, job.documentId);
          }
          // Read again: the tag lane may have written this job since the run's jobs were read.
          const fresh = (await env.store.get(job.id)) ?? job;
          await env.store.put({
            ...fresh,
            twins: [...(fresh.twins ?? []), ...others.map((o) => o.id)],
            twinCause: cause,
            updatedAt: env.now(),
          });
          found++;
        }
      }
      return found;
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
