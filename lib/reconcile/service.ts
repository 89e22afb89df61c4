/**
 * The worker's reconcile: read Banqup's purchase documents of a period (pages in parallel once
 * the first says how many) and the legal entity's Yokoy invoices (from the listing it keeps,
 * refreshed by what changed since), match them (match.ts), and act on the report: send the
 * missing through the export's queue, tag the untagged matches. One reconcile at a time; the
 * view polls its progress while it reads.
 */
import type { BanqupClient } from '../banqup/client';
import type { DocumentSummary } from '../banqup/schemas';
import type { YokoyInvoice } from '../export/yokoy-invoices';
import type { YokoyResult } from '../yokoy/errors';
import { banqupFacts } from './facts';
import { createInvoiceListing, type ListingApi } from './listing';
import { BANQUP_TAG, matchDocuments, type YokoyFacts } from './match';
import { buildReport, type ReconcileReport } from './report';

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
  problem?: string;
  reportId?: string;
}

export interface ReconcileEnv {
  banqup: Pick<BanqupClient, 'listDocuments'>;
  invoices: ListingApi & {
    get(legalEntityId: string, invoiceId: string): Promise<YokoyResult<YokoyInvoice | undefined>>;
    tag(legalEntityId: string, invoiceId: string, documentId: string): Promise<YokoyResult<void>>;
  };
  /** The export's queue (exactly once); documents go to the export's chosen legal entity. */
  enqueue: (documentIds: string[]) => Promise<{ queued: number; alreadyInYokoy: number; problem?: string }>;
  exportLegalEntity: () => Promise<string | undefined>;
  links: (legalEntityId: string) => Promise<{ yokoyInvoiceUrl?: string; banqupDocumentUrl?: string }>;
  now: () => number;
  pageSize?: number;
  /** Banqup pages read at the same time. */
  concurrency?: number;
}

const PAGE = 100;

export function createReconcileService(env: ReconcileEnv) {
  const listing = createInvoiceListing(env.invoices, env.now);
  let progress: ReconcileProgress = { phase: 'idle', banqupRead: 0, yokoyRead: 0 };
  let report: ReconcileReport | undefined;
  let running: Promise<void> | undefined;

  async function readBanqup(period: ReconcilePeriod): Promise<{ ok: true; docs: DocumentSummary[] } | { ok: false; problem: string }> {
    const size = env.pageSize ?? PAGE;
    const filters = { from: period.from, to: period.to };
    const first = await env.banqup.listDocuments(filters, 1, size);
    if (!first.ok) return { ok: false, problem: `banqup:${first.kind}` };
    const total = first.value.total ?? first.value.documents.length;
    const pages: DocumentSummary[][] = [first.value.documents];
    progress = { ...progress, banqupTotal: total, banqupRead: first.value.documents.length };
    const count = Math.ceil(total / size);
    let next = 2;
    let problem: string | undefined;
    const worker = async () => {
      while (next <= count && !problem) {
        const page = next++;
        const answer = await env.banqup.listDocuments(filters, page, size);
        if (!answer.ok) return void (problem = `banqup:${answer.kind}`);
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

  async function run(period: ReconcilePeriod): Promise<void> {
    const [banqup, yokoy] = await Promise.all([
      readBanqup(period),
      listing.current(period.legalEntityId, (n) => (progress = { ...progress, yokoyRead: n })),
    ]);
    if (!banqup.ok) return void (progress = { ...progress, phase: 'failed', problem: banqup.problem });
    if (!yokoy.ok) return void (progress = { ...progress, phase: 'failed', problem: `yokoy:${yokoy.failure.kind}` });
    progress = { ...progress, phase: 'matching', yokoyRead: yokoy.value.length };
    const docs = banqup.docs.map(banqupFacts);
    let result = matchDocuments(docs, yokoy.value);
    // The listing cannot see deletions: the copies it would report are checked one by one, so
    // a copy deleted in Yokoy (as the view asks) is gone from the next reconcile.
    const copies = result.verdicts.flatMap((v) => (v.kind === 'duplicate' ? [v.keep, ...v.copies] : []));
    if (copies.length && (await listing.verify(period.legalEntityId, copies))) result = matchDocuments(docs, (await listing.cached(period.legalEntityId))!);
    const byId = new Map<string, YokoyFacts>(yokoy.value.map((i) => [i.id, i]));
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
    progress = { ...progress, phase: 'done', reportId: report.id };
  }

  return {
    /** Starts a reconcile unless one is reading. */
    start(period: ReconcilePeriod): { started: boolean } {
      if (running) return { started: false };
      progress = { phase: 'reading', banqupRead: 0, yokoyRead: 0 };
      running = run(period)
        .catch((error: unknown) => void (progress = { ...progress, phase: 'failed', problem: `internal:${error instanceof Error ? error.message : String(error)}` }))
        .finally(() => (running = undefined));
      return { started: true };
    },

    progress: (): ReconcileProgress => progress,

    /** Resolves when the current reconcile ends (tests, bench). */
    settled: () => running ?? Promise.resolve(),

    report: (id?: string): ReconcileReport | undefined => (report && (!id || report.id === id) ? report : undefined),

    /** Queues the documents the report found missing, through the export (exactly once). */
    async sendMissing(id: string): Promise<{ queued: number; alreadyInYokoy: number; problem?: string }> {
      const current = report?.id === id ? report : undefined;
      if (!current) return { queued: 0, alreadyInYokoy: 0, problem: 'reconcile:stale' };
      if (!current.canSend) return { queued: 0, alreadyInYokoy: 0, problem: 'reconcile:other-legal-entity' };
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
        if (r.verdict.kind === 'once' && r.verdict.how === 'untagged') return [{ documentId: r.documentId, invoiceId: r.verdict.invoiceId }];
        return [];
      });
      let next = 0;
      const worker = async () => {
        while (next < work.length) {
          const item = work[next++]!;
          const now = await env.invoices.get(le, item.invoiceId);
          if (!now.ok) {
            counts.failed++;
            continue;
          }
          if (!now.value || now.value.customInformation?.[BANQUP_TAG]) {
            counts.skipped++;
            continue;
          }
          const tagged = await env.invoices.tag(le, item.invoiceId, item.documentId);
          if (!tagged.ok) counts.failed++;
          else {
            counts.tagged++;
            listing.patch(le, { ...now.value, customInformation: { ...now.value.customInformation, [BANQUP_TAG]: item.documentId } });
          }
        }
      };
      await Promise.all(Array.from({ length: 4 }, worker));
      return counts;
    },
  };
}

export type ReconcileService = ReturnType<typeof createReconcileService>;
