/**
 * Lets go of imported files once they are no longer needed: their job is done (sent or found
 * in Yokoy), cancelled a day ago, or they were never sent within a day. Needs only the file
 * store and the job store, so the worker builds it before the export (which calls it after
 * queue changes) and the import service after.
 */
import { jobId } from '../export/job';
import type { JobStore } from '../export/job-store';
import { STAGED_TTL_MS, type FileStore } from './files';

export interface FilePrunerEnv {
  files: FileStore;
  jobs: Pick<JobStore, 'getMany'>;
  now: () => number;
}

export function createFilePruner(env: FilePrunerEnv) {
  /** Where the next prune starts reading (so files still queued at the front do not hide the rest). */
  let pruneFrom = 0;
  return {
    /** Reads at most `batch` records per call: runs after queue changes. Returns how many files went. */
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
