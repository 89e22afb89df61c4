/**
 * The worker's reconcile: read Banqup's purchase documents of a period (pages in parallel once
 * the first says how many) and the legal entity's Yokoy invoices from the export's own index
 * (lib/export/yokoy-index.ts: persisted, refreshed by what changed since, so a second
 * reconcile of 20,000 invoices reads a page or two, not 200), match them (match.ts), and act
 * on the report: send the missing through the export's queue, tag the untagged matches. One
 * reconcile at a time; the view polls its progress while it reads.
 */
import type { BanqupClient } from '../banqup-api/client';
import type { DocumentSummary } from '../banqup-api/schemas';
import type { InvoiceFacts } from '../export/dedupe';
import type { IndexedInvoice } from '../export/yokoy-index';
import { BANQUP_KEY, type YokoyInvoice } from '../export/yokoy-invoices';
import type { YokoyResult } from '../yokoy-api/errors';
import { banqupFacts, byCreation, yokoyFacts } from './facts';
import { matchDocuments, type YokoyFacts } from './match';
import { buildReport, type ReconcileReport } from './report';
import { banqupFailure, companionFailure, yokoyFailure, type Failure } from '../failures/failure';

export interface ReconcilePeriod {
  from: string;
  to: string;
  legalEntityId: string;
}

export interface ReconcileProgress {
  phase: 'idle' | 'reading' | 'matching' | 'done' | 'failed';
  banqupRead: number;
  banqupTotal?: number;
  yokoyRead: number;
  problem?: Failure;
  reportId?: string;
  /** Where the time went (ms): each side's reading (in parallel), matching and the report. */
  timings?: { banqup: number; yokoy: number; match: number };
}

export interface ReconcileEnv {
  banqup: Pick<BanqupClient, 'listDocuments'>;
  invoices: {
    get(legalEntityId: string, invoiceId: string): Promise<YokoyResult<YokoyInvoice>>;
    tag(legalEntityId: string, invoiceId: string, documentId: string): Promise<YokoyResult<void>>;
  };
  /** The export's Yokoy invoice index. */
  index: {
    markStale(legalEntityId?: string): void;
    entity(legalEntityId: string, onPage?: (read: number) => void): Promise<YokoyResult<IndexView>>;
  };
  /** The export's queue (exactly once); documents go to the export's chosen legal entity. */
  enqueue: (documentIds: string[]) => Promise<{ queued: number; alreadyInYokoy: number; problem?: Failure }>;
  exportLegalEntity: () => Promise<string | undefined>;
  links: (legalEntityId: string) => Promise<{ yokoyInvoiceUrl?: string; banqupDocumentUrl?: string }>;
  now: () => number;
  pageSize?: number;
  /** Banqup pages read at the same time. */
  concurrency?: number;
}

const PAGE = 100;

/** What the reconcile reads of one legal entity's index. */
export interface IndexView {
  all(): Iterable<IndexedInvoice>;
  size(): number;
  get(invoiceId: string): IndexedInvoice | undefined;
  factsOf(invoice: IndexedInvoice): InvoiceFacts;
  record(invoice: YokoyInvoice): unknown;
  noteTag(invoiceId: string, key: string, documentId: string): void;
}

export function createReconcileService(env: ReconcileEnv) {
  // Invoices found deleted in Yokoy (the index's refresh cannot see a deletion).
  const gone = new Set<string>();
  let progress: ReconcileProgress = { phase: 'idle', banqupRead: 0, yokoyRead: 0 };
  let report: ReconcileReport | undefined;
  let running: Promise<void> | undefined;

  async function readBanqup(period: ReconcilePeriod): Promise<{ ok: true; docs: DocumentSummary[] } | { ok: false; problem: Failure }> {
    const size = env.pageSize ?? PAGE;
    const filters = { from: period.from, to: period.to };
    const first = await env.banqup.listDocuments(filters, 1, size);
    if (!first.ok) return { ok: false, problem: banqupFailure(first.failure.kind) };
    const total = first.value.total ?? first.value.documents.length;
    const pages: DocumentSummary[][] = [first.value.documents];
    progress = { ...progress, banqupTotal: total, banqupRead: first.value.documents.length };
    const count = Math.ceil(total / size);
    let next = 2;
    let problem: Failure | undefined;
    const worker = async () => {
      while (next <= count && !problem) {
        const page = next++;
        const answer = await env.banqup.listDocuments(filters, page, size);
        if (!answer.ok) return void (problem = banqupFailure(answer.failure.kind));
        pages[page - 1] = answer.value.documents;
        progress = { ...progress, banqupRead: progress.banqupRead + answer.value.documents.length };
      }
    };
    await Promise.all(Array.from({ length: env.concurrency ?? 4 }, worker));
    if (problem) return { ok: false, problem };
    // Pages may shift while read (a new document): one document, one row.
    const seen = new Set<string>();
    return { ok: true, docs: pages.flat().filter((d) => !seen.has(d.documentId.toLowerCase()) && seen.add(d.documentId.toLowerCase())) };
  }

  function yokoySide(index: IndexView): YokoyFacts[] {
    const invoices = [...index.all()].filter((i) => !gone.has(i.id)).sort(byCreation);
    return invoices.map((invoice, order) => yokoyFacts(invoice, index.factsOf(invoice), order));
  }

  /**
   * Reads again the copies the last report asked the person to delete: one deleted in Yokoy is
   * gone from this reconcile, one changed is recorded. Only those: every other invoice comes
   * from the index's listing, and a GET per invoice would cost more than the listing itself.
   * Returns whether anything changed.
   */
  async function verify(legalEntityId: string, index: IndexView, ids: string[]): Promise<boolean> {
    let changed = false;
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const answer = await env.invoices.get(legalEntityId, id);
        if (!answer.ok && answer.failure.kind === 'not-found') gone.add(id), (changed = true);
        else if (answer.ok && answer.value.lastModified !== index.get(id)?.lastModified) index.record(answer.value), (changed = true);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    return changed;
  }

  async function run(period: ReconcilePeriod): Promise<void> {
    // A reconcile should see what reached Yokoy since the index was last refreshed.
    env.index.markStale(period.legalEntityId);
    const t0 = env.now();
    let banqupMs = 0;
    let yokoyMs = 0;
    const [banqup, yokoy] = await Promise.all([
      readBanqup(period).finally(() => (banqupMs = env.now() - t0)),
      env.index.entity(period.legalEntityId, (n) => (progress = { ...progress, yokoyRead: n })).finally(() => (yokoyMs = env.now() - t0)),
    ]);
    const t1 = env.now();
    if (!banqup.ok) return void (progress = { ...progress, phase: 'failed', problem: banqup.problem });
    if (!yokoy.ok)
      return void (progress = { ...progress, phase: 'failed', problem: yokoyFailure(yokoy.failure.kind, yokoy.failure.detail) });
    const index = yokoy.value;
    progress = { ...progress, phase: 'matching', yokoyRead: index.size() };
    const docs = banqup.docs.map(banqupFacts);
    let invoices = yokoySide(index);
    let result = matchDocuments(docs, invoices);
    const toDelete = new Set(
      report?.legalEntityId === period.legalEntityId
        ? report.rows.flatMap((r) => (r.verdict.kind === 'duplicate' ? r.verdict.copies : []))
        : [],
    );
    const copies = result.verdicts.flatMap((v) => (v.kind === 'duplicate' ? v.copies.filter((id) => toDelete.has(id)) : []));
    if (copies.length && (await verify(period.legalEntityId, index, copies))) {
      invoices = yokoySide(index);
      result = matchDocuments(docs, invoices);
    }
    const byId = new Map<string, YokoyFacts>(invoices.map((i) => [i.id, i]));
    const exportEntity = await env.exportLegalEntity();
    report = buildReport({
      id: `reconcile-${env.now().toString(36)}`,
      ...period,
      createdAt: env.now(),
      docs,
      invoices: byId,
      result,
      canSend: exportEntity === period.legalEntityId,
      ...(await env.links(period.legalEntityId)),
    });
    progress = { ...progress, phase: 'done', reportId: report.id, timings: { banqup: banqupMs, yokoy: yokoyMs, match: env.now() - t1 } };
  }

  return {
    /** Starts a reconcile unless one is reading. */
    start(period: ReconcilePeriod): { started: boolean } {
      if (running) return { started: false };
      progress = { phase: 'reading', banqupRead: 0, yokoyRead: 0 };
      running = run(period)
        .catch(
          (error: unknown) =>
            void (progress = {
              ...progress,
              phase: 'failed',
              problem: companionFailure('internal', error instanceof Error ? error.message : String(error)),
            }),
        )
        .finally(() => (running = undefined));
      return { started: true };
    },

    progress: (): ReconcileProgress => progress,

    /** Resolves when the current reconcile ends (tests, bench). */
    settled: () => running ?? Promise.resolve(),

    report: (id?: string): ReconcileReport | undefined => (report && (!id || report.id === id) ? report : undefined),

    /** Queues the documents the report found missing, through the export (exactly once). */
    async sendMissing(id: string): Promise<{ queued: number; alreadyInYokoy: number; problem?: Failure }> {
      const current = report?.id === id ? report : undefined;
      if (!current) return { queued: 0, alreadyInYokoy: 0, problem: companionFailure('stale-report') };
      if (!current.canSend) return { queued: 0, alreadyInYokoy: 0, problem: companionFailure('other-legal-entity') };
      const missing = current.rows.filter((r) => r.verdict.kind === 'missing').map((r) => r.documentId);
      let queued = 0;
      let alreadyInYokoy = 0;
      for (let i = 0; i < missing.length; i += 1_000) {
        const answer = await env.enqueue(missing.slice(i, i + 1_000));
        if (answer.problem) return { queued, alreadyInYokoy, problem: answer.problem };
        queued += answer.queued;
        alreadyInYokoy += answer.alreadyInYokoy;
      }
      return { queued, alreadyInYokoy };
    },

    /**
     * Tags each untagged match with its Banqup document, so later runs are exact. Each invoice
     * is read again first: one tagged meanwhile (by the export, or for another document) is
     * left alone, never overwritten.
     */
    async tagUntagged(id: string): Promise<{ tagged: number; skipped: number; failed: number }> {
      const current = report?.id === id ? report : undefined;
      const counts = { tagged: 0, skipped: 0, failed: 0 };
      if (!current) return counts;
      const le = current.legalEntityId;
      const work = current.rows.flatMap((r) => {
        if (r.verdict.kind === 'once' && r.verdict.how === 'untagged')
          return [{ documentId: r.documentId, invoiceId: r.verdict.invoiceId }];
        return [];
      });
      let next = 0;
      const worker = async () => {
        while (next < work.length) {
          const item = work[next++]!;
          const now = await env.invoices.get(le, item.invoiceId);
          if (!now.ok) {
            if (now.failure.kind === 'not-found') counts.skipped++;
            else counts.failed++;
            continue;
          }
          if (now.value.customInformation?.[BANQUP_KEY]) {
            counts.skipped++;
            continue;
          }
          const tagged = await env.invoices.tag(le, item.invoiceId, item.documentId);
          if (!tagged.ok) counts.failed++;
          else {
            counts.tagged++;
            const index = await env.index.entity(le);
            if (index.ok) index.value.noteTag(item.invoiceId, BANQUP_KEY, item.documentId);
          }
        }
      };
      await Promise.all(Array.from({ length: 4 }, worker));
      return counts;
    },
  };
}

export type ReconcileService = ReturnType<typeof createReconcileService>;
