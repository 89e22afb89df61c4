/**
 * The worker's side of an import: judge a drop's files before it is sent (what Yokoy or the
 * queue already has), send it (jobs in the export queue, source `import`), discard a preview.
 * Pruning the bytes of files whose job ended is ./prune.ts.
 */
import { jobId } from '../export/job';
import type { JobStore } from '../export/job-store';
import type { StoredCredentials } from '../settings/items';
import type { YokoyResult } from '../yokoy-api/errors';
import { judge, type CheckIndex, type CheckItem, type Verdict } from './check';
import type { FileStore } from './files';
import { companionFailure, yokoyFailure, type Failure } from '../failures/failure';

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
  enqueue: (documentIds: string[], source: 'import') => Promise<{ queued: number; alreadyInYokoy: number; problem?: Failure }>;
}

type Problem = Failure;

export function createImportService(env: ImportServiceEnv) {
  async function legalEntity(): Promise<string | { problem: Problem }> {
    const stored = await env.credentials.getValue();
    if (stored.verification?.state !== 'verified') return { problem: companionFailure('not-verified') };
    return stored.legalEntityId ?? { problem: companionFailure('no-legal-entity') };
  }

  /** The index refreshed from Yokoy (incrementally) at a drop's first chunk, reused for the rest. */
  async function index(legalEntityId: string, fresh: boolean): Promise<CheckIndex | { problem: Problem }> {
    if (fresh) env.index.markStale(legalEntityId);
    const entity = await env.index.entity(legalEntityId);
    return entity.ok ? entity.value : { problem: yokoyFailure(entity.failure.kind, entity.failure.detail) };
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
    async start(ids: string[]): Promise<{ queued: number; alreadyInYokoy: number; missing: number; problem?: Problem }> {
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
  };
}

export type ImportService = ReturnType<typeof createImportService>;
