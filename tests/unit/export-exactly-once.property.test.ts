/**
 * Exactly once, as a property: over generated sets of Banqup documents whose facts collide
 * (numbers shared across suppliers, an invoice and a credit note with the same number, date
 * and amount, identical documents), some already in Yokoy (tagged with their id, untagged,
 * or sent by Banqup's own connector), plus untagged look-alikes of nobody, and generated
 * interruptions (the worker stopped before, during or after any request; answers lost; 5xx
 * answers after or without handling the request), the queue run to its end leaves:
 * - exactly one Yokoy invoice tagged with each document's id (or, when Yokoy holds more
 *   untagged copies with its facts than Banqup has such documents, the job failed as
 *   ambiguous and nothing is tagged with it);
 * - no invoice the companion created without a tag (no duplicate), no tag ever rewritten;
 * - every job naming the invoice tagged with its document.
 * A worker stop is a real one for the code: every pending fetch, IndexedDB call and timer of
 * the stopped worker never returns, and a new runner starts over the same database.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCompanionDB } from '../../lib/db/schema';
import type { DocumentSource } from '../../lib/export/document-source';
import { jobId, newJob, withFacts, type Job } from '../../lib/export/job';
import { createJobStore, type JobStore } from '../../lib/export/job-store';
import { createRunner } from '../../lib/export/runner';
import { createYokoyIndex, idbIndexPersistence, type IndexPersistence } from '../../lib/export/yokoy-index';
import { createInvoiceApi } from '../../lib/export/yokoy-invoices';
import { createYokoyClient } from '../../lib/yokoy-api/client';

// OpenPEPPOL-like collisions: `Snippet1` on invoices and credit notes of two suppliers with the
// same date and amount, `Vat-Z` twice.
const suppliers = [
  { vat: 'NO999999999MVA', name: 'Salescompany ltd.' },
  { vat: 'BE0123456789', name: 'Imprimerie Dupont SA' },
];
const numbers = ['Snippet1', 'Vat-Z', 'INV-1'];
const dates = ['2017-11-13', '2017-11-14'];
const totals = [1656.25, 100];

interface Doc {
  id: string;
  number: string;
  date: string;
  total: number;
  supplier: number;
  creditNote: boolean;
  /** What Yokoy holds of it before the run. */
  before: 'none' | 'tagged' | 'untagged' | 'connector';
}

type Fault = 'lost' | '500-handled' | '503-unhandled';
interface Stop {
  /** Requests into the worker's life. */
  at: number;
  when: 'before' | 'during' | 'after';
}

const factsKey = (f: { number: string; date: string; total: number; supplier: number; creditNote: boolean }) =>
  [f.number, f.date, f.total, f.supplier, f.creditNote].join('|');

const ubl = (d: Doc) =>
  `<Invoice><ID>${d.number}</ID><Date>${d.date}</Date><Cur>EUR</Cur><Total>${d.total}</Total><Sup>${d.supplier}</Sup><CN>${d.creditNote}</CN></Invoice>`;

interface Stored {
  id: string;
  invoiceNumber: string;
  date: string;
  currency: string;
  grossAmount: number;
  isCreditNote: boolean;
  supplierId: string;
  customInformation: Record<string, string> | null;
  created: string;
  lastModified: string;
  byCompanion: boolean;
}

/** Yokoy over fetch: invoices, tags (rewrites recorded), lastModified filter, suppliers, faults by request number. */
function fakeYokoy(clock: () => number, faults: Map<number, Fault>) {
  const invoices: Stored[] = [];
  const rewrites: string[] = [];
  let n = 0;
  let requests = 0;
  // Strictly increasing timestamps, on the runner's clock (no skew).
  let lastStamp = 0;
  const stamp = () => new Date((lastStamp = Math.max(lastStamp + 1, clock()))).toISOString();
  const add = (inv: Omit<Stored, 'id' | 'created' | 'lastModified'>) => {
    const at = stamp();
    const stored = { ...inv, id: `y${++n}`, created: at, lastModified: at };
    invoices.push(stored);
    return stored;
  };

  /** Handles one request; `effect` false: not handled at all. */
  function handle(url: URL, init: RequestInit): Response {
    const method = init.method ?? 'GET';
    if (url.pathname === '/oauth2/token') return Response.json({ access_token: 't', expires_in: 3600 });
    if (method === 'POST' && url.pathname.endsWith('/einvoice')) {
      const body = new TextDecoder().decode(init.body as Uint8Array);
      const get = (tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(body)![1]!;
      const created = add({
        invoiceNumber: get('ID'),
        date: get('Date'),
        currency: get('Cur'),
        grossAmount: Number(get('Total')),
        isCreditNote: get('CN') === 'true',
        supplierId: `sup-${get('Sup')}`,
        customInformation: null,
        byCompanion: true,
      });
      return Response.json([created], { status: 201 });
    }
    if (url.pathname.endsWith('/suppliers'))
      return Response.json({ suppliers: suppliers.map((s, i) => ({ id: `sup-${i}`, name: s.name, taxNumber: s.vat })) });
    const one = /\/invoices\/([\w-]+)$/.exec(url.pathname);
    if (one) {
      const invoice = invoices.find((i) => i.id === one[1]);
      if (!invoice) return Response.json({ code: 404, message: 'Resource not found' }, { status: 404 });
      if (method === 'PATCH') {
        const info = JSON.parse(String(init.body)).customInformation as Record<string, string>;
        const before = invoice.customInformation?.banqupDocumentId;
        if (before !== undefined && info.banqupDocumentId !== undefined && info.banqupDocumentId !== before)
          rewrites.push(`${invoice.id}: ${before} → ${info.banqupDocumentId}`);
        invoice.customInformation = { ...invoice.customInformation, ...info };
        invoice.lastModified = stamp();
      }
      return Response.json(invoice);
    }
    const since = /^lastModified ge "(.*)"$/.exec(url.searchParams.get('filter') ?? '')?.[1];
    return Response.json({ invoices: invoices.filter((i) => since === undefined || i.lastModified >= since) });
  }

  /** A worker's fetch: `life.onRequest` may stop the worker at this request. */
  function fetchFor(life: Life): typeof fetch {
    return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      if (life.dead) return life.hang();
      const url = new URL(String(input));
      const stop = life.onRequest();
      requests++;
      const fault = url.pathname === '/oauth2/token' ? undefined : faults.get(requests);
      if (stop === 'before' || fault === '503-unhandled') {
        if (stop) return life.die();
        return Response.json({ code: 503, message: 'Service unavailable' }, { status: 503 });
      }
      const answer = handle(url, init);
      if (stop === 'during') return life.die();
      if (fault === 'lost') throw new TypeError('Failed to fetch');
      if (fault === '500-handled') return Response.json({ code: 500, message: 'Internal error' }, { status: 500 });
      if (stop === 'after') life.dead = true; // the answer arrives; the worker stops right after
      return answer;
    }) as typeof fetch;
  }

  return { invoices, rewrites, add, fetchFor };
}

/** One service-worker life: stops at its scheduled request; everything of it hangs afterwards. */
class Life {
  dead = false;
  private count = 0;
  private stopped!: () => void;
  readonly ended = new Promise<void>((resolve) => (this.stopped = resolve));
  constructor(private readonly stop: Stop | undefined) {}
  onRequest(): Stop['when'] | undefined {
    this.count++;
    return this.stop && this.count === this.stop.at ? this.stop.when : undefined;
  }
  hang<T>(): Promise<T> {
    this.stopped();
    return new Promise<T>(() => undefined);
  }
  die<T>(): Promise<T> {
    this.dead = true;
    return this.hang();
  }
  /** Wraps every async method so that, once stopped, it never returns (nor writes). */
  guard<T extends object>(target: T): T {
    return new Proxy(target, {
      get: (obj, key) => {
        const value = Reflect.get(obj, key);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (this.dead) return this.hang();
          const result = (value as (...a: unknown[]) => unknown).apply(obj, args);
          return result instanceof Promise ? result.then((v) => (this.dead ? this.hang() : v)) : result;
        };
      },
    });
  }
}

let dbCount = 0;

async function runScenario(docs: Doc[], foreign: Omit<Doc, 'id' | 'before'>[], stops: Stop[], faultList: [number, Fault][]) {
  let clock = Date.parse('2026-11-01T00:00:00Z');
  const yokoy = fakeYokoy(() => clock, new Map(faultList));
  const le = 'le-1';
  const untaggedLike = (d: Omit<Doc, 'id' | 'before'>, info: Record<string, string> | null) =>
    yokoy.add({
      invoiceNumber: d.number,
      date: d.date,
      currency: 'EUR',
      grossAmount: d.total,
      isCreditNote: d.creditNote,
      supplierId: `sup-${d.supplier}`,
      customInformation: info,
      byCompanion: false,
    });
  const preTagged = new Map<string, string>();
  for (const d of docs) {
    if (d.before === 'tagged') preTagged.set(d.id, untaggedLike(d, { banqupDocumentId: d.id }).id);
    if (d.before === 'untagged') untaggedLike(d, null);
    if (d.before === 'connector') untaggedLike(d, { banqupConnectorExportId: `bq-${d.id}` });
  }
  for (const f of foreign) untaggedLike(f, null);

  const source: DocumentSource = {
    async describe(id) {
      const d = docs.find((x) => x.id === id)!;
      return {
        ok: true,
        value: {
          facts: {
            invoiceNumber: d.number,
            issueDate: d.date,
            currency: 'EUR',
            total: d.total,
            supplierName: suppliers[d.supplier]!.name,
            supplierVatId: suppliers[d.supplier]!.vat,
            creditNote: d.creditNote,
          },
          kind: d.creditNote ? 'credit-note' : 'invoice',
          hasUbl: true,
        },
      };
    },
    async ubl(id) {
      return { ok: true, value: ubl(docs.find((x) => x.id === id)!) };
    },
    async pdf() {
      return { ok: true, value: new Blob(['%PDF-1.4 rendered by Banqup'], { type: 'application/pdf' }) };
    },
  };

  const db = openCompanionDB(`exactly-once-${++dbCount}`);
  const store = createJobStore(() => db);
  const persistence = idbIndexPersistence(() => db);
  // Enqueued as a backfill does: with the facts from Banqup's list.
  await store.putMany(
    docs.map((d) =>
      withFacts(newJob({ documentId: d.id, legalEntityId: le, source: 'backfill', runId: 'run-1', now: clock }), {
        invoiceNumber: d.number,
        issueDate: d.date,
        currency: 'EUR',
        total: d.total,
        supplierName: suppliers[d.supplier]!.name,
        supplierVatId: suppliers[d.supplier]!.vat,
        creditNote: d.creditNote,
      }),
    ),
  );

  const lives = [...stops.map((s) => new Life(s)), new Life(undefined)];
  for (const life of lives) {
    const client = createYokoyClient({
      fetch: yokoy.fetchFor(life),
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
      random: () => 0,
      endpoints: () => ({ accountsBase: 'https://a.test', apiBase: 'https://api.test', webOrigin: 'https://w.test' }),
      credentials: async () => ({ clientId: 'c', clientSecret: 's', organizationId: 'Org1' }),
    });
    const invoices = createInvoiceApi(client);
    const lifeStore = life.guard(store) as JobStore;
    const runner = createRunner({
      store: lifeStore,
      source: life.guard(source),
      invoices,
      index: createYokoyIndex({ invoices, persistence: life.guard(persistence) as IndexPersistence }),
      now: () => clock,
      random: () => 0,
      sleep: (ms) => (life.dead ? life.hang() : Promise.resolve(void (clock += ms))),
      concurrency: 3,
      maxBytesInFlight: 1_000_000,
      maxAttempts: 30,
      backoff: { baseMs: 100, capMs: 1_000 },
      isPaused: async () => false,
      scheduleWake: () => undefined,
      onChange: () => undefined,
      onConnectionProblem: async () => undefined,
      keepAlive: () => () => undefined,
    });
    await runner.recover();
    // Run until the queue is empty (retries come due as the clock moves), or the worker stops.
    for (let turn = 0; turn < 60 && !life.dead; turn++) {
      await Promise.race([runner.kick(), life.ended]);
      if (life.dead) break;
      const next = await store.nextDue();
      if (next === undefined) break;
      clock = Math.max(clock, next);
    }
    if (!life.dead) break;
  }
  const jobs = await store.getMany(docs.map((d) => jobId(le, d.id)));
  return { yokoy, jobs: jobs as Job[], preTagged };
}

const docArb = fc.record({
  number: fc.constantFrom(...numbers),
  date: fc.constantFrom(...dates),
  total: fc.constantFrom(...totals),
  supplier: fc.integer({ min: 0, max: suppliers.length - 1 }),
  creditNote: fc.boolean(),
  before: fc.constantFrom<Doc['before']>('none', 'none', 'none', 'tagged', 'untagged', 'connector'),
});
const foreignArb = docArb.map(({ before: _, ...rest }) => rest);
const stopArb = fc.record({ at: fc.integer({ min: 1, max: 40 }), when: fc.constantFrom<Stop['when']>('before', 'during', 'after') });
const faultArb = fc.tuple(fc.integer({ min: 1, max: 80 }), fc.constantFrom<Fault>('lost', '500-handled', '503-unhandled'));

describe('exactly once, whatever collides and whenever the worker stops', () => {
  it('one tagged Yokoy invoice per Banqup document, no duplicate, no tag rewritten, history right', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(docArb, { minLength: 1, maxLength: 10 }),
        fc.array(foreignArb, { maxLength: 2 }),
        fc.array(stopArb, { maxLength: 3 }),
        fc.array(faultArb, { maxLength: 4 }),
        async (raw, foreign, stops, faults) => {
          const docs: Doc[] = raw.map((d, i) => ({ ...d, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
          const { yokoy, jobs, preTagged } = await runScenario(docs, foreign, stops, faults);

          // Which documents must be reported ambiguous: more untagged copies than documents.
          const untaggedCopies = new Map<string, number>();
          for (const d of [...docs.filter((x) => x.before === 'untagged' || x.before === 'connector'), ...foreign])
            untaggedCopies.set(factsKey(d), (untaggedCopies.get(factsKey(d)) ?? 0) + 1);
          const looking = new Map<string, number>();
          for (const d of docs.filter((x) => x.before !== 'tagged')) looking.set(factsKey(d), (looking.get(factsKey(d)) ?? 0) + 1);
          const ambiguous = (d: Doc) => d.before !== 'tagged' && (untaggedCopies.get(factsKey(d)) ?? 0) > (looking.get(factsKey(d)) ?? 0);

          expect(yokoy.rewrites).toEqual([]);
          // Nothing the companion created is left without its document's tag (no duplicate).
          expect(yokoy.invoices.filter((i) => i.byCompanion && !i.customInformation?.banqupDocumentId).map((i) => i.id)).toEqual([]);
          docs.forEach((d, i) => {
            const job = jobs[i]!;
            const tagged = yokoy.invoices.filter((inv) => inv.customInformation?.banqupDocumentId === d.id);
            if (ambiguous(d)) {
              expect(job).toMatchObject({ state: 'failed', reason: { source: 'companion', kind: 'ambiguous-match' } });
              expect(tagged).toEqual([]);
              return;
            }
            expect(tagged, `document ${i} (${d.before})`).toHaveLength(1);
            expect(job.state === 'done' || job.state === 'duplicate').toBe(true);
            expect(job.yokoyInvoiceId).toBe(tagged[0]!.id);
            expect(job.tagged).toBe(true);
            if (d.before === 'tagged') expect(job).toMatchObject({ state: 'duplicate', yokoyInvoiceId: preTagged.get(d.id) });
            // The matched invoice has the document's facts (never another supplier's, never a credit note for an invoice).
            const inv = tagged[0]!;
            expect(
              factsKey({
                number: inv.invoiceNumber,
                date: inv.date,
                total: inv.grossAmount,
                supplier: Number(inv.supplierId.slice(4)),
                creditNote: inv.isCreditNote,
              }),
            ).toBe(factsKey(d));
          });
        },
      ),
      { numRuns: 80 },
    );
  }, 120_000);
});
