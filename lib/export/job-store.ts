/** The export jobs in IndexedDB: the durable queue and, once jobs end, the history. */
import type { IDBPDatabase } from 'idb';
import type { CompanionDB } from '../db/schema';
import type { Job, JobState } from './job';

export type StateCounts = Record<JobState, number>;

export const emptyCounts = (): StateCounts => ({ queued: 0, fetching: 0, uploading: 0, done: 0, duplicate: 0, failed: 0, cancelled: 0 });

export function createJobStore(db: () => Promise<IDBPDatabase<CompanionDB>>) {
  return {
    async get(id: string): Promise<Job | undefined> {
      return (await db()).get('jobs', id);
    },

    async put(job: Job): Promise<Job> {
      await (await db()).put('jobs', job);
      return job;
    },

    /** Writes many jobs in one transaction (a backfill of thousands stays fast). */
    async putMany(jobs: Job[]): Promise<void> {
      const tx = (await db()).transaction('jobs', 'readwrite');
      await Promise.all([...jobs.map((j) => tx.store.put(j)), tx.done]);
    },

    async getMany(ids: string[]): Promise<(Job | undefined)[]> {
      const tx = (await db()).transaction('jobs', 'readonly');
      const found = await Promise.all(ids.map((id) => tx.store.get(id)));
      await tx.done;
      return found;
    },

    async inState(state: JobState): Promise<Job[]> {
      return (await db()).getAllFromIndex('jobs', 'byState', state);
    },

    /** Queued jobs whose time has come, earliest first, read from the (state, due) index. */
    async due(now: number, limit: number, exclude: ReadonlySet<string>): Promise<Job[]> {
      const range = IDBKeyRange.bound(['queued', -Infinity], ['queued', now]);
      const found = await (await db()).getAllFromIndex('jobs', 'byStateDue', range, limit + exclude.size);
      return found.filter((j) => !exclude.has(j.id)).slice(0, limit);
    },

    /** Queued jobs waiting for a later attempt (a retry's delay): usually few. */
    async waitingAfter(now: number): Promise<Job[]> {
      return (await db()).getAllFromIndex('jobs', 'byStateDue', IDBKeyRange.bound(['queued', now], ['queued', Infinity], true));
    },

    /** When the earliest waiting job is due (undefined when none waits). */
    async nextDue(): Promise<number | undefined> {
      const range = IDBKeyRange.bound(['queued', -Infinity], ['queued', Infinity]);
      const cursor = await (await db()).transaction('jobs').store.index('byStateDue').openCursor(range);
      return cursor?.value.nextAttemptAt;
    },

    /** Jobs of a legal entity whose documents share a facts bucket (dedupe.ts): usually one. */
    async inBucket(legalEntityId: string, bucket: string): Promise<Job[]> {
      return (await db()).getAllFromIndex('jobs', 'byBucket', [legalEntityId, bucket]);
    },

    async inRun(runId: string): Promise<Job[]> {
      return (await db()).getAllFromIndex('jobs', 'byRun', runId);
    },

    /** Jobs per state, of one run (index counts, no records read) or of all. */
    async counts(runId?: string): Promise<StateCounts> {
      const counts = emptyCounts();
      const database = await db();
      if (runId) {
        const tx = database.transaction('jobs');
        const index = tx.store.index('byRunState');
        await Promise.all((Object.keys(counts) as JobState[]).map(async (state) => (counts[state] = await index.count([runId, state]))));
        return counts;
      }
      for (const job of await database.getAll('jobs')) counts[job.state]++;
      return counts;
    },

    /** Newest first, optionally one state only. */
    async history(options: { state?: JobState; limit?: number } = {}): Promise<Job[]> {
      const database = await db();
      const all = options.state ? await database.getAllFromIndex('jobs', 'byState', options.state) : await database.getAll('jobs');
      return all.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, options.limit ?? 10_000);
    },
  };
}

export type JobStore = ReturnType<typeof createJobStore>;
