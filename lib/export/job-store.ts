/** The export jobs in IndexedDB: the durable queue and, once jobs end, the history. */
import type { IDBPDatabase } from 'idb';
import type { CompanionDB } from '../db/schema';
import type { Job, JobState } from './job';

export type StateCounts = Record<JobState, number>;

/** Where a history page ends: the next page starts after this (updatedAt, id). */
export type HistoryCursor = [number, string];

export interface HistoryPage {
  jobs: Job[];
  /** Set when more jobs follow. */
  next?: HistoryCursor;
}

/** States a job can leave only by itself or by the user: never pruned. */
const unresolved: readonly JobState[] = ['queued', 'fetching', 'uploading', 'failed'];
/** Finished jobs the retention setting may prune. */
export const prunable: readonly JobState[] = ['done', 'duplicate', 'cancelled'];

export const emptyCounts = (): StateCounts => ({ queued: 0, fetching: 0, uploading: 0, done: 0, duplicate: 0, failed: 0, cancelled: 0 });

/** What this worker keeps per database beside IndexedDB (every JobStore over it shares it). */
interface Kept {
  /**
   * A run's state counts, kept once counted and moved with every write. IndexedDB counts by
   * walking its index: ~300 ms for a run of 10,000 jobs, which the progress pushed every 250 ms
   * paid again each time, on a machine whose two cores the export needs.
   */
  tally: Map<string, StateCounts>;
  /** Where the queue's live part starts (see QueueHead). */
  head?: QueueHead;
  /** Bumped by every write that queues a job before the head. */
  epoch: number;
}
const kept = new WeakMap<object, Kept>();

function keptFor(db: object): Kept {
  let state = kept.get(db);
  if (!state) kept.set(db, (state = { tally: new Map(), epoch: 0 }));
  return state;
}

/**
 * Where the queue's live part starts in the (state, due) index, per database: no queued job has
 * a key below it. Each job that leaves "queued" leaves a deleted index entry where it was, and
 * Chromium's IndexedDB steps over every one of them when a read starts at the queue's head: a
 * read of 16 due jobs took 1 ms with none behind it and 65–73 ms once 9,000 had left (measured
 * in the worker), ten times a second during an export. Reads start here instead. `epoch`
 * counts writes that queue a job below it, so a read that raced one never moves it up.
 */
interface QueueHead {
  at: number;
  id: string;
}

const below = (job: Job, head: QueueHead) => job.nextAttemptAt < head.at || (job.nextAttemptAt === head.at && job.id < head.id);

export function createJobStore(db: () => Promise<IDBPDatabase<CompanionDB>>) {
  const queue = keptFor(db);
  const { tally } = queue;
  /** A job written as queued before the head: the head moves down to it. */
  const queuedAt = (job: Job) => {
    if (job.state !== 'queued' || !queue.head || !below(job, queue.head)) return;
    queue.head = { at: job.nextAttemptAt, id: job.id };
    queue.epoch++;
  };
  /** A job written over `old`: the counts of both runs move (only those already counted). */
  const moved = (old: Job | undefined, next: Job) => {
    if (old?.runId !== undefined) {
      const counts = tally.get(old.runId);
      if (counts) counts[old.state]--;
    }
    if (next.runId !== undefined) {
      const counts = tally.get(next.runId);
      if (counts) counts[next.state]++;
    }
  };

  return {
    async get(id: string): Promise<Job | undefined> {
      return (await db()).get('jobs', id);
    },

    async put(job: Job): Promise<Job> {
      // The job it replaces is read in the same transaction: the counts move by exactly this write.
      const tx = (await db()).transaction('jobs', 'readwrite');
      const old = await tx.store.get(job.id);
      await Promise.all([tx.store.put(job), tx.done]);
      moved(old, job);
      queuedAt(job);
      return job;
    },

    /** Writes many jobs in one transaction (a backfill of thousands stays fast). */
    async putMany(jobs: Job[]): Promise<void> {
      const tx = (await db()).transaction('jobs', 'readwrite');
      const old = await Promise.all(jobs.map((j) => tx.store.get(j.id)));
      await Promise.all([...jobs.map((j) => tx.store.put(j)), tx.done]);
      jobs.forEach((job, i) => {
        moved(old[i], job);
        queuedAt(job);
      });
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
      const { head, epoch } = queue;
      if (head && head.at > now) return [];
      // From the head's due time: jobs of one backfill each have their own (service.ts,
      // `enqueue`), so the entries the read skips past are not counted behind it again.
      const range = IDBKeyRange.bound(['queued', head?.at ?? -Infinity], ['queued', now]);
      const found = await (await db()).getAllFromIndex('jobs', 'byStateDue', range, limit + exclude.size);
      // Everything before the first queued job this read met has left the queue.
      const [first] = found;
      if (first && queue.epoch === epoch) queue.head = { at: first.nextAttemptAt, id: first.id };
      return found.filter((j) => !exclude.has(j.id)).slice(0, limit);
    },

    /** Queued jobs waiting for a later attempt (a retry's delay): usually few. */
    async waitingAfter(now: number): Promise<Job[]> {
      return (await db()).getAllFromIndex('jobs', 'byStateDue', IDBKeyRange.bound(['queued', now], ['queued', Infinity], true));
    },

    /** When the earliest waiting job is due (undefined when none waits). */
    async nextDue(): Promise<number | undefined> {
      const range = IDBKeyRange.bound(['queued', queue.head?.at ?? -Infinity], ['queued', Infinity]);
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

    /** Jobs per state, of one run or of all: index counts, no records read. */
    async counts(runId?: string): Promise<StateCounts> {
      const known = runId === undefined ? undefined : tally.get(runId);
      if (known) return { ...known };
      const counts = emptyCounts();
      const tx = (await db()).transaction('jobs');
      const states = Object.keys(counts) as JobState[];
      if (runId) {
        const index = tx.store.index('byRunState');
        await Promise.all(states.map(async (state) => (counts[state] = await index.count([runId, state]))));
        // Kept from here on: a write that lands after this count moves it (see `moved`).
        tally.set(runId, { ...counts });
      } else {
        const index = tx.store.index('byState');
        await Promise.all(states.map(async (state) => (counts[state] = await index.count(state))));
      }
      return counts;
    },

    /** Invoices in Yokoy still waiting for their tag (an index of only those). */
    async untagged(): Promise<Job[]> {
      return (await db()).getAllFromIndex('jobs', 'byUntagged');
    },

    /**
     * One page of the history, newest first, optionally one state only: read from an index by
     * cursor, so the first page costs the same with 40 jobs or 100,000.
     */
    async historyPage(options: { state?: JobState; limit: number; after?: HistoryCursor }): Promise<HistoryPage> {
      const database = await db();
      const { state, limit, after } = options;
      const jobs: Job[] = [];
      const tx = database.transaction('jobs');
      let cursor;
      if (state) {
        const upper = after ? [state, after[0]] : [state, Infinity];
        cursor = await tx.store.index('byStateUpdated').openCursor(IDBKeyRange.bound([state, -Infinity], upper), 'prev');
      } else {
        cursor = await tx.store.index('byUpdated').openCursor(after ? IDBKeyRange.upperBound(after[0]) : undefined, 'prev');
      }
      // Jobs updated in the same millisecond as the cursor: skip those already shown (by id,
      // in the index's order, which for equal keys is the primary key's, read backwards).
      while (cursor && after && cursor.value.updatedAt === after[0] && cursor.value.id >= after[1]) cursor = await cursor.continue();
      while (cursor && jobs.length < limit) {
        jobs.push(cursor.value);
        cursor = await cursor.continue();
      }
      const last = jobs[jobs.length - 1];
      return { jobs, next: cursor && last ? [last.updatedAt, last.id] : undefined };
    },

    /**
     * Deletes finished jobs (sent, already in Yokoy, cancelled) last updated before `before`,
     * in batches of `batch` per transaction so the worker stays responsive. Unresolved jobs
     * (queued, running, failed) and any job still waiting for its tag are kept. Returns how many.
     */
    async prune(before: number, batch = 500): Promise<number> {
      const database = await db();
      let pruned = 0;
      for (const state of prunable) {
        // Where the last batch stopped: the next one resumes after it. Starting over from the
        // range's start looped forever once a whole batch was jobs kept (waiting for their tag).
        let after: { at: number; id: string } | undefined;
        for (;;) {
          const tx = database.transaction('jobs', 'readwrite');
          let cursor = await tx.store
            .index('byStateUpdated')
            .openCursor(IDBKeyRange.bound([state, after?.at ?? -Infinity], [state, before], false, true));
          // Same updatedAt as the last job visited: index order is then by id, so pass those up to it.
          while (cursor && after && cursor.value.updatedAt === after.at && cursor.value.id <= after.id) cursor = await cursor.continue();
          let n = 0;
          while (cursor && n < batch) {
            const job = cursor.value;
            if (!unresolved.includes(job.state) && job.untaggedSince === undefined) {
              await cursor.delete();
              const counts = job.runId === undefined ? undefined : tally.get(job.runId);
              if (counts) counts[job.state]--;
              pruned++;
            }
            after = { at: job.updatedAt, id: job.id };
            n++;
            cursor = await cursor.continue();
          }
          const more = cursor !== null;
          await tx.done;
          if (!more || n === 0) break;
        }
      }
      return pruned;
    },
  };
}

export type JobStore = ReturnType<typeof createJobStore>;
