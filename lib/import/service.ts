/**
 * The worker's side of an import: judge a drop's files before it is sent (what Yokoy or the
 * queue already has), send it (jobs in the export queue, source `import`), discard a preview,
 * and prune the stored bytes of files whose job ended.
 */
import { jobId } from '../export/job';
import type { JobStore } from '../export/job-store';
import type { StoredCredentials } from '../settings/items';
import type { YokoyResult } from '../yokoy-api/errors';
import { judge, type CheckIndex, type CheckItem, type Verdict } from './check';
import { STAGED_TTL_MS, type FileStore } from './files';

interface Item<T> {
  getValue(): Promise<T>;
}

export interface ImportServiceEnv {
  files: FileStore;
  jobs: JobStore;
  /** The Yokoy invoice index the export runner keeps (lib/export/yokoy-index.ts): one, shared. */
  index: {
    entity(legalEntityId: string): Promise<YokoyResult<CheckIndex>>;
    markStale(legalEntityId?: string): void;
  };
  credentials: Item<StoredCredentials>;
  enqueue: (documentIds: string[], source: 'import') => Promise<{ queued: number; alreadyInYokoy: number; problem?: string }>;
  now: () => number;
}

type Problem = 'not-verified' | 'no-legal-entity' | `yokoy:${string}`;

export function createImportService(env: ImportServiceEnv) {
  /** Where the next prune starts reading (so files still queued at the front do not hide the rest). */
  let pruneFrom = 0;

  async function legalEntity(): Promise<string | { problem: Problem }> {
    const stored = await env.credentials.getValue();
    if (stored.verification?.state !== 'verified') return { problem: 'not-verified' };
    return stored.legalEntityId ?? { problem: 'no-legal-entity' };
  }

  /** The index refreshed from Yokoy (incrementally) at a drop's first chunk, reused for the rest. */
  async function index(legalEntityId: string, fresh: boolean): Promise<CheckIndex | { problem: Problem }> {
    if (fresh) env.index.markStale(legalEntityId);
    const entity = await env.index.entity(legalEntityId);
    return entity.ok ? entity.value : { problem: `yokoy:${entity.failure.kind}` };
  }

  return {
    async check(items: CheckItem[], fresh: boolean): Promise<{ results: ({ id: string } & Verdict)[]; problem?: Problem }> {
      const le = await legalEntity();
      if (typeof le !== 'string') return { results: [], problem: le.problem };
      const known = await index(le, fresh);
      if ('problem' in known) return { results: [], problem: known.problem };
      const jobs = await env.jobs.getMany(items.map((i) => jobId(le, i.id)));
      return { results: items.map((item, n) => ({ id: item.id, ...judge(item, jobs[n], known) })) };
    },

    /** Queues the files (already stored by the page); files not stored are left out. */
    async start(ids: string[]): Promise<{ queued: number; alreadyInYokoy: number; missing: number; problem?: string }> {
      const le = await legalEntity();
      if (typeof le !== 'string') return { queued: 0, alreadyInYokoy: 0, missing: 0, problem: le.problem };
      const files = await env.files.files(ids);
      const stored = files.filter((f) => f !== undefined);
      await env.files.putFiles(stored.map((f) => ({ ...f, legalEntityId: le })));
      const result = await env.enqueue(
        stored.map((f) => f.id),
        'import',
      );
      return { ...result, missing: ids.length - stored.length };
    },

    /** A preview closed without sending: its files and bytes go. */
    async discard(dropId: string, ids: string[]): Promise<void> {
      // Only this drop's own unsent records: a file an earlier drop queued keeps its bytes.
      const files = await env.files.files(ids);
      await env.files.remove(files.filter((f) => f && f.dropId === dropId && !f.legalEntityId).map((f) => f!.id));
    },

    /**
     * Deletes files whose job is done (sent or found in Yokoy), cancelled a day ago, or never
     * sent within a day. Reads at most `batch` records per call: runs after queue changes.
     */
    async prune(batch = 500): Promise<number> {
      const now = env.now();
      const all = await env.files.ids();
      if (pruneFrom >= all.length) pruneFrom = 0;
      const ids = all.slice(pruneFrom, pruneFrom + batch);
      pruneFrom += batch;
      const files = await env.files.files(ids);
      const jobs = await env.jobs.getMany(files.map((f) => (f?.legalEntityId ? jobId(f.legalEntityId, f.id) : '\u0000')));
      const gone = files.flatMap((f, i) => {
        if (!f) return [];
        const job = jobs[i];
        const old = now - f.stagedAt > STAGED_TTL_MS;
        if (!f.legalEntityId) return old ? [f.id] : [];
        if (job && (job.state === 'done' || job.state === 'duplicate')) return [f.id];
        if ((!job || job.state === 'cancelled') && old) return [f.id];
        return [];
      });
      await env.files.remove(gone);
      return gone.length;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
