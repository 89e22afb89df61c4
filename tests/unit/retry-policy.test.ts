/**
 * The retry budget written in lib/yokoy-api/retry-policy.ts is the one the loops spend: the
 * real runner over the real Yokoy client (both with the worker's policy, nothing overridden),
 * against a fake Yokoy that answers every upload or every tag with 503, counting what reached it.
 */
import { describe, expect, it } from 'vitest';
import type { BanqupClient } from '../../lib/banqup-api/client';
import { openCompanionDB } from '../../lib/db/schema';
import { banqupSource } from '../../lib/export/document-source';
import { jobId, newJob } from '../../lib/export/job';
import { createJobStore } from '../../lib/export/job-store';
import { createRunner } from '../../lib/export/runner';
import { createYokoyIndex } from '../../lib/export/yokoy-index';
import { createInvoiceApi } from '../../lib/export/yokoy-invoices';
import { createYokoyClient } from '../../lib/yokoy-api/client';
import { jobRetry, requestRetry, worstCase } from '../../lib/yokoy-api/retry-policy';

const unavailable = () => Response.json({ code: 503, message: 'Service unavailable' }, { status: 503 });

/** A Yokoy with no invoices, whose uploads (or tags) always answer 503; counts them. */
function fakeYokoy(failing: 'uploads' | 'tags') {
  const seen = { uploads: 0, tags: 0 };
  const invoice = {
    id: 'y1',
    invoiceNumber: 'INV-A',
    date: '2026-09-01',
    currency: 'EUR',
    grossAmount: 100,
    customInformation: null,
    supplierId: 'sup-1',
    created: new Date(10_000).toISOString(),
    lastModified: new Date(10_000).toISOString(),
  };
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    if (url.pathname === '/oauth2/token') return Response.json({ access_token: 't', expires_in: 3600 });
    if (method === 'POST' && url.pathname.endsWith('/einvoice')) {
      seen.uploads++;
      return failing === 'uploads' ? unavailable() : Response.json([invoice], { status: 201 });
    }
    if (method === 'PATCH') {
      seen.tags++;
      return unavailable();
    }
    if (url.pathname.endsWith('/suppliers')) return Response.json({ suppliers: [{ id: 'sup-1', name: 'Supplier SA' }] });
    if (/\/invoices\/[\w-]+$/.test(url.pathname)) return Response.json(invoice);
    return Response.json({ invoices: [] });
  };
  return { seen, fetch: fetch as typeof globalThis.fetch };
}

const banqup = {
  spaceId: async () => ({ ok: true, value: 's' }),
  document: async (id: string) => ({
    ok: true,
    value: {
      documentId: id,
      documentNumber: 'INV-A',
      issueDate: '2026-09-01',
      currency: 'EUR',
      totalAmount: 100,
      hasUbl: true,
      documentType: 'INVOICE',
    },
  }),
  ubl: async () => ({ ok: true, value: '<Invoice><cbc:ID>INV-A</cbc:ID></Invoice>' }),
  pdf: async () => ({ ok: true, value: new Blob(['%PDF-1.4 test'], { type: 'application/pdf' }) }),
} as unknown as BanqupClient;

let dbCount = 0;
function setup(failing: 'uploads' | 'tags') {
  const yokoy = fakeYokoy(failing);
  let clock = 10_000;
  let wakeAt: number | undefined;
  const sleep = async (ms: number) => void (clock += ms);
  const db = openCompanionDB(`retry-policy-${++dbCount}`);
  const store = createJobStore(() => db);
  // The worker's own policy: no attempts or backoff passed, so the client takes `requestRetry`.
  const client = createYokoyClient({
    fetch: yokoy.fetch,
    now: () => clock,
    sleep,
    random: () => 0.5,
    endpoints: () => ({ accountsBase: 'https://a.test', apiBase: 'https://api.test', webOrigin: 'https://w.test' }),
    credentials: async () => ({ clientId: 'c', clientSecret: 's', organizationId: 'AbcDeF1234' }),
  });
  const invoices = createInvoiceApi(client);
  const runner = createRunner({
    store,
    source: banqupSource(banqup),
    invoices,
    index: createYokoyIndex({ invoices }),
    now: () => clock,
    random: () => 0.5,
    sleep,
    concurrency: 1,
    maxBytesInFlight: 1_000_000,
    // As lib/export/setup.ts passes them.
    maxAttempts: jobRetry.attempts,
    backoff: jobRetry.backoff,
    isPaused: async () => false,
    scheduleWake: (at) => void (wakeAt = at),
    onChange: () => undefined,
    onConnectionProblem: async () => undefined,
    keepAlive: () => () => undefined,
  });
  /** Runs the queue to its end, waking when the runner asked to be woken (the alarm). */
  const runToEnd = async () => {
    for (let wakes = 0; wakes < 100; wakes++) {
      wakeAt = undefined;
      await runner.kick();
      if (wakeAt === undefined) return;
      clock = Math.max(clock, wakeAt);
    }
    throw new Error('the queue never ended');
  };
  return { yokoy, store, runToEnd, now: () => clock };
}

describe('retry policy', () => {
  it('writes the budget as the product of the two loops: 4 × 8 = 32', () => {
    expect(requestRetry.attempts).toBe(4);
    expect(jobRetry.attempts).toBe(8);
    expect(worstCase.uploadsPerJob).toBe(32);
    expect(worstCase.tagsPerInvoice).toBe(32);
  });

  it('a job whose uploads always answer 503 sends exactly the worst case of POSTs, then fails', async () => {
    const { yokoy, store, runToEnd } = setup('uploads');
    await store.putMany([newJob({ documentId: 'a', legalEntityId: 'le', source: 'backfill', now: 10_000 })]);
    await runToEnd();
    const job = await store.get(jobId('le', 'a'));
    expect(job).toMatchObject({ state: 'failed', attempts: jobRetry.attempts });
    expect(yokoy.seen.uploads).toBe(worstCase.uploadsPerJob);
  });

  it('waits no longer than the policy says between the first and last attempt', async () => {
    const { store, runToEnd, now } = setup('uploads');
    await store.putMany([newJob({ documentId: 'a', legalEntityId: 'le', source: 'backfill', now: 10_000 })]);
    await runToEnd();
    // The job's waits (the runner's backoff) plus the client's own between its tries.
    const clientWaits = jobRetry.attempts * (requestRetry.attempts - 1) * requestRetry.backoff.capMs;
    expect(now() - 10_000).toBeLessThanOrEqual(worstCase.jobWaitMs + clientWaits);
  });

  it('an invoice whose tags always answer 503 gets exactly the worst case of PATCHes', async () => {
    const { yokoy, store, runToEnd } = setup('tags');
    await store.putMany([newJob({ documentId: 'a', legalEntityId: 'le', source: 'backfill', now: 10_000 })]);
    await runToEnd();
    expect(await store.get(jobId('le', 'a'))).toMatchObject({ state: 'done', yokoyInvoiceId: 'y1' });
    expect(yokoy.seen.uploads).toBe(1);
    expect(yokoy.seen.tags).toBe(worstCase.tagsPerInvoice);
  });
});
