/**
 * The history at scale, against fake-indexeddb: pages read from an index cover every job once,
 * newest first (also across jobs updated in the same millisecond); the CSV streamed in pages
 * has every job once and no cap; retention prunes finished jobs only, never an unresolved one
 * or one still waiting for its tag; upgrade 5 finds the untagged jobs an older version stored.
 */
import fc from 'fast-check';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openCompanionDB } from '../../lib/db/schema';
import { newJob, transition, type Job, type JobState } from '../../lib/export/job';
import { createJobStore } from '../../lib/export/job-store';
import { createExportService, CSV_PAGE, type ExportServiceEnv } from '../../lib/export/service';
import { defaultSettings } from '../../lib/settings/items';

let n = 0;
const freshStore = () => {
  const db = openCompanionDB(`history-${++n}`);
  return createJobStore(() => db);
};

const states: JobState[] = ['queued', 'fetching', 'uploading', 'done', 'duplicate', 'failed', 'cancelled'];

function job(i: number, state: JobState, updatedAt: number, extra: Partial<Job> = {}): Job {
  return {
    ...newJob({ documentId: `doc-${String(i).padStart(6, '0')}`, legalEntityId: 'le', source: 'backfill', now: updatedAt }),
    state,
    updatedAt,
    invoiceNumber: `INV-${i}`,
    ...extra,
  };
}

async function allPages(store: ReturnType<typeof createJobStore>, limit: number, state?: JobState): Promise<Job[]> {
  const seen: Job[] = [];
  let after: [number, string] | undefined;
  do {
    const page = await store.historyPage({ state, limit, after });
    expect(page.jobs.length).toBeLessThanOrEqual(limit);
    seen.push(...page.jobs);
    after = page.next;
  } while (after);
  return seen;
}

describe('history pages', () => {
  it('cover every job exactly once, newest first, with ties in the same millisecond', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ state: fc.constantFrom(...states), at: fc.integer({ min: 0, max: 20 }) }), { maxLength: 120 }),
        fc.integer({ min: 1, max: 17 }),
        fc.option(fc.constantFrom(...states), { nil: undefined }),
        async (specs, limit, state) => {
          const store = freshStore();
          const jobs = specs.map((s, i) => job(i, s.state, s.at));
          await store.putMany(jobs);
          const seen = await allPages(store, limit, state);
          const expected = jobs.filter((j) => !state || j.state === state);
          expect(seen.map((j) => j.id).sort()).toEqual(expected.map((j) => j.id).sort());
          for (let i = 1; i < seen.length; i++) expect(seen[i - 1]!.updatedAt).toBeGreaterThanOrEqual(seen[i]!.updatedAt);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('counts per state come from the index and match the jobs', async () => {
    const store = freshStore();
    await store.putMany([job(1, 'done', 1), job(2, 'done', 2), job(3, 'failed', 3), job(4, 'queued', 4)]);
    expect(await store.counts()).toMatchObject({ done: 2, failed: 1, queued: 1, duplicate: 0 });
  });
});

describe('the streamed CSV', () => {
  it('has the header once and every job once, past the old 10,000 cap', async () => {
    const store = freshStore();
    const count = 10_250;
    const jobs = Array.from({ length: count }, (_, i) => job(i, i % 3 ? 'done' : 'failed', 1_700_000_000_000 + Math.floor(i / 4)));
    await store.putMany(jobs);
    const service = createExportService({
      store,
      settings: { getValue: async () => defaultSettings, setValue: async () => undefined },
      now: () => 1_800_000_000_000,
      yokoyInvoiceUrl: () => undefined,
    } as unknown as ExportServiceEnv);
    const parts: string[] = [];
    let after: [number, string] | undefined;
    let calls = 0;
    do {
      const page = await service.csv(after);
      parts.push(page.csv);
      after = page.next;
      calls++;
    } while (after);
    expect(calls).toBe(Math.ceil(count / CSV_PAGE));
    const lines = parts.join('').split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toMatch(/^"Status","Updated","Invoice number"/);
    expect(lines.filter((l) => l.startsWith('"Status"'))).toHaveLength(1);
    const numbers = lines.slice(1).map((l) => /"INV-(\d+)"/.exec(l)![1]);
    expect(numbers).toHaveLength(count);
    expect(new Set(numbers).size).toBe(count);
    // fake-indexeddb walks cursors slowly: ~5 s alone, far more beside other suites on a shared machine.
  }, 240_000);
});

describe('retention', () => {
  it('prunes finished jobs older than the cut-off, never an unresolved one or one waiting for its tag', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ state: fc.constantFrom(...states), at: fc.integer({ min: 0, max: 100 }), untagged: fc.boolean() }), {
          maxLength: 80,
        }),
        fc.integer({ min: 0, max: 101 }),
        fc.integer({ min: 1, max: 7 }),
        async (specs, cutOff, batch) => {
          const store = freshStore();
          const jobs = specs.map((s, i) =>
            job(
              i,
              s.state,
              s.at,
              s.untagged && (s.state === 'done' || s.state === 'duplicate') ? { yokoyInvoiceId: `y${i}`, untaggedSince: s.at } : {},
            ),
          );
          await store.putMany(jobs);
          const pruned = await store.prune(cutOff, batch);
          const left = new Set((await allPages(store, 50)).map((j) => j.id));
          const shouldGo = (j: Job) =>
            ['done', 'duplicate', 'cancelled'].includes(j.state) && j.updatedAt < cutOff && j.untaggedSince === undefined;
          for (const j of jobs) expect(left.has(j.id), `${j.state} at ${j.updatedAt}`).toBe(!shouldGo(j));
          expect(pruned).toBe(jobs.filter(shouldGo).length);
        },
      ),
      { numRuns: 40 },
    );
    // Like the paging test above: fake-indexeddb is slow beside other suites on a loaded machine.
  }, 120_000);

  it('goes on past a whole batch of jobs kept for their tag (it used to start that batch over, forever)', async () => {
    const store = freshStore();
    const kept = (i: number) => job(i, 'done', i, { yokoyInvoiceId: `y${i}`, untaggedSince: i });
    await store.putMany([kept(1), kept(2), job(3, 'done', 3), kept(4), job(5, 'done', 5)]);
    expect(await store.prune(10, 2)).toBe(2);
    expect((await allPages(store, 10)).map((j) => j.invoiceNumber).sort()).toEqual(['INV-1', 'INV-2', 'INV-4']);
  });

  it('follows the setting: days, or 0 to keep everything', async () => {
    const store = freshStore();
    const day = 86_400_000;
    const now = 1_800_000_000_000;
    await store.putMany([job(1, 'done', now - 40 * day), job(2, 'done', now - 10 * day), job(3, 'failed', now - 400 * day)]);
    const settings = { ...defaultSettings, historyRetentionDays: 0 };
    const service = createExportService({
      store,
      settings: { getValue: async () => settings },
      now: () => now,
    } as unknown as ExportServiceEnv);
    expect(await service.prune()).toBe(0);
    settings.historyRetentionDays = 30;
    expect(await service.prune()).toBe(1);
    expect((await allPages(store, 10)).map((j) => j.invoiceNumber).sort()).toEqual(['INV-2', 'INV-3']);
  });
});

describe('untagged jobs', () => {
  it('leave the index when tagged', async () => {
    const store = freshStore();
    let j = transition(job(1, 'queued', 1), { type: 'start' }, 2);
    j = transition(j, { type: 'upload-started' }, 3);
    j = transition(j, { type: 'created', yokoyInvoiceId: 'y1' }, 4);
    await store.put(j);
    expect((await store.untagged()).map((x) => x.id)).toEqual([j.id]);
    await store.put(transition(j, { type: 'tagged' }, 5));
    expect(await store.untagged()).toEqual([]);
  });

  it('stored by version 4 are found after upgrade 5', async () => {
    const name = `history-upgrade-${++n}`;
    const old = await openDB(name, 4, {
      upgrade(db) {
        db.createObjectStore('keys');
        db.createObjectStore('vault', { keyPath: 'name' });
        const jobs = db.createObjectStore('jobs', { keyPath: 'id' });
        jobs.createIndex('byState', 'state');
        jobs.createIndex('byUpdated', 'updatedAt');
        jobs.createIndex('byRun', 'runId');
        jobs.createIndex('byStateDue', ['state', 'nextAttemptAt']);
        jobs.createIndex('byRunState', ['runId', 'state']);
      },
    });
    await old.put('jobs', job(1, 'done', 10, { yokoyInvoiceId: 'y1' }));
    await old.put('jobs', job(2, 'done', 11, { yokoyInvoiceId: 'y2', tagged: true }));
    await old.put('jobs', job(3, 'failed', 12));
    old.close();
    const db = openCompanionDB(name);
    const store = createJobStore(() => db);
    expect((await store.untagged()).map((j) => j.invoiceNumber)).toEqual(['INV-1']);
    expect((await store.historyPage({ state: 'done', limit: 10 })).jobs.map((j) => j.invoiceNumber)).toEqual(['INV-2', 'INV-1']);
  });
});

describe('a run’s counts kept in memory', () => {
  it('move with every write (one, many, pruned) and agree with a fresh count of the database', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('put' as const), i: fc.integer({ min: 0, max: 19 }), state: fc.constantFrom(...states) }),
            fc.record({ kind: fc.constant('many' as const), i: fc.integer({ min: 0, max: 15 }), state: fc.constantFrom(...states) }),
            fc.record({ kind: fc.constant('prune' as const) }),
          ),
          { maxLength: 25 },
        ),
        async (writes) => {
          const db = openCompanionDB(`tally-${++n}`);
          const store = createJobStore(() => db);
          const inRun = (i: number, state: JobState, at: number) => job(i, state, at, { runId: i % 4 === 0 ? 'other' : 'run' });
          await store.putMany(Array.from({ length: 20 }, (_, i) => inRun(i, states[i % states.length]!, 1)));
          await store.counts('run'); // counted once: from here on the counts move with the writes
          let at = 10;
          for (const w of writes) {
            at++;
            if (w.kind === 'put') await store.put(inRun(w.i, w.state, at));
            else if (w.kind === 'many') await store.putMany([inRun(w.i, w.state, at), inRun(w.i + 4, w.state, at)]);
            else await store.prune(at);
          }
          // Another store over the same database with its own getter counts from IndexedDB.
          const fresh = createJobStore(async () => db);
          expect(await store.counts('run')).toEqual(await fresh.counts('run'));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the queue read from where its live part starts', () => {
  it('finds every due job, in due order, whatever left or re-entered the queue before it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('take' as const), n: fc.integer({ min: 1, max: 4 }) }),
            fc.record({ kind: fc.constant('requeue' as const), i: fc.integer({ min: 0, max: 29 }), at: fc.integer({ min: 0, max: 40 }) }),
            fc.record({ kind: fc.constant('enqueue' as const), i: fc.integer({ min: 30, max: 45 }), at: fc.integer({ min: 0, max: 40 }) }),
          ),
          { maxLength: 30 },
        ),
        async (steps) => {
          const db = openCompanionDB(`queue-${++n}`);
          const store = createJobStore(() => db);
          const queued = (i: number, at: number): Job => ({ ...job(i, 'queued', at), nextAttemptAt: at });
          await store.putMany(Array.from({ length: 30 }, (_, i) => queued(i, i % 3)));
          const now = 30;
          for (const step of steps) {
            if (step.kind === 'take') {
              // As the runner does: take due jobs, then mark them started.
              for (const taken of await store.due(now, step.n, new Set())) await store.put({ ...taken, state: 'fetching' });
            } else await store.put(queued(step.i, step.at)); // a retry, an interrupted job, a new one
            // What a full scan of the database says is due, in (due, id) order.
            const everything = await (await db).getAll('jobs');
            const expected = everything
              .filter((j) => j.state === 'queued' && j.nextAttemptAt <= now)
              .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || (a.id < b.id ? -1 : 1))
              .slice(0, 5)
              .map((j) => j.id);
            expect((await store.due(now, 5, new Set())).map((j) => j.id)).toEqual(expected);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
