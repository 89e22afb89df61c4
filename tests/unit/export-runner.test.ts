/**
 * The runner against a small fake Yokoy (over fetch) and a fake Banqup client, with a fake
 * clock: exactly-once when an upload's outcome is unknown, permanent failures, recovery of a
 * job a stopped worker left mid-upload.
 */
import { describe, expect, it } from 'vitest';
import type { BanqupClient } from '../../lib/banqup-api/client';
import { openCompanionDB } from '../../lib/db/schema';
import { jobId, newJob, transition } from '../../lib/export/job';
import { createJobStore } from '../../lib/export/job-store';
import { createRunner, looksLikePdf } from '../../lib/export/runner';
import { createInvoiceApi } from '../../lib/export/yokoy-invoices';
import { banqupSource } from '../../lib/export/document-source';
import { createYokoyIndex } from '../../lib/export/yokoy-index';
import { createYokoyClient } from '../../lib/yokoy-api/client';
import { failureCode } from '../../lib/failures/failure';

type Invoice = {
  id: string;
  invoiceNumber: string;
  date: string;
  currency: string;
  grossAmount: number;
  customInformation: Record<string, string> | null;
  supplierId?: string;
  isCreditNote?: boolean;
  created?: string;
  lastModified?: string;
};
/** An invoice someone else put in Yokoy (by hand, Banqup's connector): same supplier and facts as the fake Banqup's. */
const existing = (id: string, invoiceNumber: string): Invoice => ({
  id,
  invoiceNumber,
  date: '2026-09-01',
  currency: 'EUR',
  grossAmount: 100,
  customInformation: null,
  supplierId: 'sup-1',
  isCreditNote: false,
  created: new Date(5).toISOString(),
  lastModified: new Date(5).toISOString(),
});

function fakeYokoy() {
  const invoices: Invoice[] = [];
  const script: ('drop-after-create' | 'reject-400')[] = [];
  const state = {
    revoked: false,
    patchFailures: 0,
    delayMs: 0,
    /** Holds an upload's answer until it settles (pacing from the fake Yokoy). */
    uploadGate: undefined as (() => Promise<void>) | undefined,
  };
  /** What Yokoy saw, in order: `arrive:<number>` when an upload comes in, `answer:<number>` as it answers. */
  const events: string[] = [];
  // Requests in flight now and at most, by kind (the answer waits `delayMs` of real time).
  const flight = { uploads: 0, tags: 0, maxUploads: 0, maxTotal: 0 };
  let n = 0;
  const answer = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const kind = init.method === 'POST' && String(input).endsWith('/einvoice') ? 'uploads' : init.method === 'PATCH' ? 'tags' : undefined;
    if (!kind || !state.delayMs) return respond(input, init);
    flight[kind]++;
    flight.maxUploads = Math.max(flight.maxUploads, flight.uploads);
    flight.maxTotal = Math.max(flight.maxTotal, flight.uploads + flight.tags);
    try {
      await new Promise((r) => setTimeout(r, state.delayMs));
      return await respond(input, init);
    } finally {
      flight[kind]--;
    }
  };
  const respond = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    if (url.pathname === '/oauth2/token') {
      return state.revoked
        ? Response.json({ error: 'invalid_client' }, { status: 401 })
        : Response.json({ access_token: 't', expires_in: 3600 });
    }
    const method = init.method ?? 'GET';
    if (method === 'POST' && url.pathname.endsWith('/einvoice')) {
      const action = script.shift();
      if (action === 'reject-400')
        return Response.json({ code: 400, message: 'Invalid UBL', errors: [{ field: 'invoiceData', message: 'bad' }] }, { status: 400 });
      // The body is a prebuilt multipart byte array (lib/export/multipart.ts).
      const ubl = new TextDecoder().decode(init.body as Uint8Array);
      const number = /<cbc:ID>([^<]+)/.exec(ubl)![1]!;
      events.push(`arrive:${number}`);
      await state.uploadGate?.();
      events.push(`answer:${number}`);
      const created: Invoice = {
        ...existing(`y${++n}`, number),
        created: new Date(10_000 + n).toISOString(),
        lastModified: new Date(10_000 + n).toISOString(),
      };
      invoices.push(created);
      if (action === 'drop-after-create') throw new TypeError('Failed to fetch');
      return Response.json([created], { status: 201 });
    }
    if (method === 'PATCH') {
      if (state.patchFailures > 0) {
        state.patchFailures--;
        return Response.json({ code: 503, message: 'Service unavailable' }, { status: 503 });
      }
      const id = url.pathname.split('/').pop()!;
      events.push(`patch:${id}`);
      const invoice = invoices.find((i) => i.id === id);
      if (!invoice) return Response.json({ code: 404, message: 'Resource not found' }, { status: 404 });
      invoice.customInformation = { ...invoice.customInformation, ...JSON.parse(String(init.body)).customInformation };
      invoice.lastModified = new Date(20_000 + ++n).toISOString();
      return Response.json(invoice);
    }
    if (url.pathname.endsWith('/suppliers'))
      return Response.json({ suppliers: [{ id: 'sup-1', name: 'Supplier SA', taxNumber: 'BE0123456789' }] });
    const one = /\/invoices\/([\w-]+)$/.exec(url.pathname);
    if (one) {
      const found = invoices.find((i) => i.id === one[1]);
      return found ? Response.json(found) : Response.json({ code: 404, message: 'Resource not found' }, { status: 404 });
    }
    const filter = url.searchParams.get('filter') ?? '';
    const m = /^(\S+) eq "(.*)"$/.exec(filter);
    const since = /^lastModified ge "(.*)"$/.exec(filter)?.[1];
    const list = invoices.filter((i) => {
      if (since !== undefined) return (i.lastModified ?? '') >= since;
      if (!m) return true;
      if (m[1] === 'invoiceNumber') return i.invoiceNumber === m[2];
      return i.customInformation?.[m[1]!.split('.')[1]!] === m[2];
    });
    return Response.json({ invoices: list });
  };
  return { invoices, script, state, flight, events, fetch: answer as typeof globalThis.fetch };
}

function fakeBanqup(numbers: Record<string, string>): BanqupClient {
  const ok = <T>(value: T) => ({ ok: true as const, value });
  return {
    spaceId: async () => ok('s'),
    listDocuments: async () => ok({ documents: [], total: 0 }),
    document: async (id: string) =>
      ok({
        documentId: id,
        documentNumber: numbers[id],
        issueDate: '2026-09-01',
        currency: 'EUR',
        totalAmount: 100,
        supplierName: 'Supplier SA',
        supplierVatId: 'BE0123456789',
        hasUbl: true,
        documentType: 'INVOICE',
      }),
    ubl: async (id: string) => ok(`<Invoice><cbc:ID>${numbers[id]}</cbc:ID></Invoice>`),
    pdf: async () => ok(new Blob(['%PDF-1.4 test'], { type: 'application/pdf' })),
    bankStatementCount: async () => ok(0),
  } as unknown as BanqupClient;
}

let dbCount = 0;
function setup(numbers: Record<string, string>, concurrency = 2) {
  const yokoy = fakeYokoy();
  const problems: string[] = [];
  let clock = 10_000;
  const db = openCompanionDB(`runner-${++dbCount}`);
  const jobs = createJobStore(() => db);
  /** Every job write, in order with Yokoy's events (`put:<state>:<documentId>` once written). */
  const store: typeof jobs = {
    ...jobs,
    put: async (job) => {
      const written = await jobs.put(job);
      yokoy.events.push(`put:${job.state}:${job.documentId}`);
      return written;
    },
  };
  const client = createYokoyClient({
    fetch: yokoy.fetch,
    now: () => clock,
    sleep: async (ms) => void (clock += ms),
    random: () => 0,
    endpoints: () => ({ accountsBase: 'https://a.test', apiBase: 'https://api.test', webOrigin: 'https://w.test' }),
    credentials: async () => ({ clientId: 'c', clientSecret: 's', organizationId: 'AbcDeF1234' }),
  });
  const invoices = createInvoiceApi(client);
  const runner = createRunner({
    store,
    source: banqupSource(fakeBanqup(numbers)),
    invoices,
    index: createYokoyIndex({ invoices }),
    now: () => clock,
    random: () => 0, // retries come due at once
    sleep: async (ms) => void (clock += ms),
    concurrency,
    maxBytesInFlight: 1_000_000,
    maxAttempts: 5,
    backoff: { baseMs: 100, capMs: 1_000 },
    isPaused: async () => problems.length > 0,
    scheduleWake: () => undefined,
    onChange: () => undefined,
    onConnectionProblem: async (reason) => void problems.push(failureCode(reason)),
    keepAlive: () => () => undefined,
  });
  const enqueue = async (ids: string[]) =>
    store.putMany(ids.map((documentId) => newJob({ documentId, legalEntityId: 'le', source: 'backfill', now: clock })));
  return { yokoy, store, runner, enqueue, problems };
}

describe('export runner', () => {
  it('creates each invoice once and tags it with its Banqup document', async () => {
    const { yokoy, store, runner, enqueue } = setup({ a: 'INV-A', b: 'INV-B', c: 'INV-C' });
    await enqueue(['a', 'b', 'c']);
    await runner.kick();
    expect(yokoy.invoices.map((i) => [i.invoiceNumber, i.customInformation?.banqupDocumentId])).toEqual(
      expect.arrayContaining([
        ['INV-A', 'a'],
        ['INV-B', 'b'],
        ['INV-C', 'c'],
      ]),
    );
    expect(yokoy.invoices).toHaveLength(3);
    expect((await store.counts()).done).toBe(3);
  });

  it('tries a tag again after the client gave up on it, so no invoice stays untied to its document', async () => {
    const { yokoy, store, runner, enqueue } = setup({ a: 'INV-A' });
    // The client makes 4 attempts; 6 failures outlast its first try of the tag, not the runner's.
    yokoy.state.patchFailures = 6;
    await enqueue(['a']);
    await runner.kick();
    expect(yokoy.state.patchFailures).toBe(0);
    expect(yokoy.invoices.map((i) => i.customInformation?.banqupDocumentId)).toEqual(['a']);
    expect((await store.get(jobId('le', 'a')))?.tagged).toBe(true);
  });

  it('keeps every upload slot busy: tags use only the connections uploads leave free', async () => {
    const numbers = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`d${i}`, `INV-${i}`]));
    const { yokoy, runner, enqueue } = setup(numbers, 4);
    yokoy.state.delayMs = 15;
    await enqueue(Object.keys(numbers));
    await runner.kick();
    expect(yokoy.invoices).toHaveLength(24);
    expect(yokoy.invoices.every((i) => i.customInformation?.banqupDocumentId)).toBe(true);
    expect(yokoy.flight.maxUploads).toBe(4);
    // Chromium's 6 connections per host: uploads plus tags never need more.
    expect(yokoy.flight.maxTotal).toBeLessThanOrEqual(6);
  });

  it('hands a freed upload slot straight to the next upload: no job write waits in between', async () => {
    const numbers = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`d${i}`, `INV-${i}`]));
    const { yokoy, runner, enqueue } = setup(numbers, 1);
    // Each answer waits until another job has written its upload mark (it is then waiting for
    // the slot), or until nothing else will: the runner that wrote only after taking the slot
    // reaches the second condition, and its write lands between the answer and the next upload.
    yokoy.state.uploadGate = async () => {
      const marked = () => yokoy.events.filter((e) => e.startsWith('put:uploading:')).length;
      const before = marked();
      for (let turn = 0; turn < 50 && marked() === before; turn++) await new Promise((r) => setTimeout(r, 2));
    };
    await enqueue(Object.keys(numbers));
    await runner.kick();
    expect(yokoy.invoices).toHaveLength(5);
    const order = yokoy.events.filter((e) => !e.startsWith('put:') || e.startsWith('put:uploading:'));
    for (let k = 0; k < order.length; k++) {
      if (!order[k]!.startsWith('answer:')) continue;
      const next = order.slice(k + 1).find((e) => e.startsWith('arrive:') || e.startsWith('put:uploading:'));
      if (next) expect(next, `after ${order[k]}`).toMatch(/^arrive:/);
    }
  });

  it('looks an upload of unknown outcome up instead of sending it again', async () => {
    const { yokoy, store, runner, enqueue } = setup({ a: 'INV-A' });
    yokoy.script.push('drop-after-create');
    await enqueue(['a']);
    await runner.kick();
    expect(yokoy.invoices).toHaveLength(1);
    const job = await store.get(jobId('le', 'a'));
    expect(job).toMatchObject({ state: 'done', yokoyInvoiceId: 'y1', attempts: 2, tagged: true });
  });

  it('fails a refused invoice with Yokoy’s reason and carries on with the others', async () => {
    const { yokoy, store, runner, enqueue } = setup({ a: 'INV-A', b: 'INV-B' });
    yokoy.script.push('reject-400');
    await enqueue(['a']);
    await runner.kick();
    await enqueue(['b']);
    await runner.kick();
    expect(await store.get(jobId('le', 'a'))).toMatchObject({
      state: 'failed',
      reason: { source: 'yokoy', kind: 'validation', detail: 'Invalid UBL' },
    });
    expect(await store.get(jobId('le', 'b'))).toMatchObject({ state: 'done' });
  });

  it('recovers a job a stopped worker left mid-upload, finding what did reach Yokoy', async () => {
    const { yokoy, store, runner } = setup({ a: 'INV-A' });
    // The stopped worker's upload went through, but it never heard back.
    yokoy.invoices.push(existing('y0', 'INV-A'));
    let job = newJob({ documentId: 'a', legalEntityId: 'le', source: 'backfill', now: 1 });
    job = transition(transition(job, { type: 'start' }, 2), { type: 'upload-started' }, 3);
    await store.put(job);
    expect(await runner.recover()).toBe(1);
    await runner.kick();
    expect(yokoy.invoices).toHaveLength(1);
    expect(await store.get(job.id)).toMatchObject({ state: 'done', yokoyInvoiceId: 'y0' });
    expect(yokoy.invoices[0]!.customInformation).toEqual({ banqupDocumentId: 'a' });
  });

  it('stops tagging an invoice deleted in Yokoy before its tag: not asked again at the next worker start', async () => {
    const { yokoy, store, runner } = setup({ a: 'INV-A' });
    // Sent by an earlier worker, which stopped before the tag; deleted in Yokoy since.
    let job = newJob({ documentId: 'a', legalEntityId: 'le', source: 'backfill', now: 1 });
    job = transition(
      transition(transition(job, { type: 'start' }, 2), { type: 'upload-started' }, 3),
      { type: 'created', yokoyInvoiceId: 'y-gone' },
      4,
    );
    await store.put(job);
    await runner.recover();
    await runner.kick();
    expect(yokoy.events.filter((e) => e === 'patch:y-gone')).toHaveLength(1);
    const after = await store.get(job.id);
    expect(after).toMatchObject({ state: 'done', reason: { source: 'yokoy', kind: 'invoice-gone', detail: 'y-gone' } });
    expect(after?.tagged).toBeUndefined();
    // The next worker start has nothing to tag.
    expect(await store.untagged()).toEqual([]);
    await runner.recover();
    await runner.kick();
    expect(yokoy.events.filter((e) => e === 'patch:y-gone')).toHaveLength(1);
    expect(yokoy.invoices).toHaveLength(0);
  });

  it('pauses the whole queue when the credentials were revoked, failing nothing', async () => {
    const { yokoy, store, runner, enqueue, problems } = setup({ a: 'INV-A', b: 'INV-B', c: 'INV-C' });
    yokoy.state.revoked = true;
    await enqueue(['a', 'b', 'c']);
    await runner.kick();
    expect(problems[0]).toBe('yokoy:invalid-client');
    expect(yokoy.invoices).toHaveLength(0);
    const counts = await store.counts();
    expect(counts.failed).toBe(0);
    expect(counts.queued).toBe(3);
  });

  it('adopts an invoice already in Yokoy as a duplicate without uploading', async () => {
    const { yokoy, store, runner, enqueue } = setup({ a: 'INV-A' });
    yokoy.invoices.push(existing('y0', 'INV-A'));
    await enqueue(['a']);
    await runner.kick();
    expect(yokoy.invoices).toHaveLength(1);
    expect(await store.get(jobId('le', 'a'))).toMatchObject({ state: 'duplicate', yokoyInvoiceId: 'y0' });
  });
});

describe('the PDF check before an upload', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it('finds the marker at the start or after a little junk, within the first kilobyte only', () => {
    expect(looksLikePdf(bytes('%PDF-1.7\n…'))).toBe(true);
    expect(looksLikePdf(bytes(`\uFEFF  \r\n%PDF-1.4`))).toBe(true);
    expect(looksLikePdf(bytes(`${' '.repeat(1019)}%PDF-`))).toBe(true);
    expect(looksLikePdf(bytes(`${' '.repeat(1020)}%PDF-`))).toBe(false);
    expect(looksLikePdf(bytes('<html>%PDF</html>'))).toBe(false);
    expect(looksLikePdf(new Uint8Array())).toBe(false);
  });
});
