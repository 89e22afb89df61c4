/**
 * Figure 5: export throughput against the physical limit (issue 16). N invoices (realistic UBL
 * with the PDF embedded, plus a ~100 KB PDF) are put in the Banqup look-alike, which answers its
 * API after `banqupLatencyMs`, and exported by the extension (popup Export view: preview,
 * start) to the Yokoy emulator, which answers after `latencyMs`, refuses with 429 any request
 * beyond HOST_CONNECTIONS in flight (`concurrencyLimit`) and runs a token bucket (`rateLimit`).
 *
 * The limit is set by latency and concurrency, measured from the emulator in the same run:
 * - uploads ≤ C / (L + s): C uploads at once (the extension's setting), each holding its slot
 *   for the emulator's mean upload time L + s (latency plus service, from its request log);
 * - fully tagged invoices ≤ H / (d_up + d_tag): each invoice needs an upload and a tag PATCH
 *   on one of the H = 6 connections Chromium opens to a host (H / 2L when service is nil).
 * The figures are the ratios of the achieved rates to these ceilings, plus the most requests
 * the emulator saw in flight (never more uploads than C, never more requests than H), and the
 * 429s its limits answered. Also: the worker's peak JS heap, resume after a worker stop, and
 * "click → first upload" with M invoices already in Yokoy.
 */
import type { SandboxDocument } from '../sandbox/data';
import { seed } from '../sandbox/yokoy-api/store';
import { ExportPage } from '../tests/e2e/pages/export';
import type { E2EEnv } from '../tests/e2e/support/fixtures';
import { BENCH_LEGAL_ENTITY } from './lib/env';
import { figure, type Figure } from './lib/figure';
import { benchInvoices } from './lib/invoices';
import { median } from './lib/stats';
import { liveWorkerHeap, sampleWorkerHeap, workerControl } from './lib/worker-control';

const GROUP = 'export';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Chromium's HTTP/1.1 connections per host (the emulator's concurrency limit too). */
const HOST_CONNECTIONS = 6;

export interface ExportOptions {
  invoices: number;
  rounds: number;
  latencyMs: number;
  banqupLatencyMs: number;
  /** Invoices already in Yokoy for the "click → first upload" figure (one run each). */
  alreadyInYokoy: number[];
  /** Invoices in the resume pass and how many times its worker is stopped. */
  resumeInvoices: number;
  resumeStops: number;
  projectRoot: string;
  log?: (message: string) => void;
}

type Yokoy = E2EEnv['sandbox']['state']['yokoy'];

const invoicesOf = (yokoy: Yokoy, legalEntityId: string) => [...yokoy.invoices.values()].filter((i) => i.legalEntityId === legalEntityId);

/** A clean emulator for each pass (same starting state), keeping clients, tokens and faults. */
export async function resetEmulator(env: E2EEnv, latencyMs: number, limits = true): Promise<void> {
  const yokoy = env.sandbox.state.yokoy;
  yokoy.invoices.clear();
  yokoy.suppliers.clear();
  yokoy.requestLog.length = 0;
  // Yokoy's documented "too many concurrent requests" beyond a few, and a rate limit well above
  // what C uploads at this latency need: the client must stay inside both (no 429 expected).
  const faults = limits ? { latencyMs, concurrencyLimit: HOST_CONNECTIONS, rateLimit: { perSecond: 100, burst: 20 } } : { latencyMs };
  const answer = await fetch(`${env.sandbox.internalUrls.yokoyApi}/__admin/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!answer.ok) throw new Error(`faults refused: ${answer.status}`);
}

async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs: number, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Puts the documents in Banqup (only them, so "everything" is exactly this set) and opens the Export view. */
async function prepare(env: E2EEnv, docs: SandboxDocument[]): Promise<ExportPage> {
  env.sandbox.state.banqup.documents = docs;
  const view = await ExportPage.open(env.browser, env.extensionId);
  const preview = await view.preview();
  // Counts are written in the view's language ("1,000" in English).
  if (!new RegExp(`\\b${docs.length.toLocaleString('en')} invoices? match`).test(preview)) throw new Error(`export preview: ${preview}`);
  return view;
}

interface PipelinePass {
  /** Uploads per second, first upload sent → last upload answered. */
  uploadsPerSecond: number;
  /** Fully tagged invoices per second, first upload sent → last tag answered. */
  taggedPerSecond: number;
  /** Mean emulator time per upload and per tag (latency + service), ms. */
  uploadMs: number;
  tagMs: number;
  seconds: number;
  peakHeapMb: number;
  /** The most the worker held (used heap after a full collection) at a quarter, half, three quarters and the end. */
  liveHeapMb: number;
  maxInFlight: number;
  maxUploadsInFlight: number;
  refused429: number;
  /** Mean uploads in flight over the uploads' span (C when no slot ever waits). */
  occupancy: number;
}

interface EmulatorStats {
  maxInFlight: number;
  maxUploadsInFlight: number;
  limited: { concurrency: number; rate: number };
}

const emulatorStats = async (env: E2EEnv) =>
  (await (await fetch(`${env.sandbox.internalUrls.yokoyApi}/__admin/stats`)).json()) as EmulatorStats;
const isUpload = (e: { method: string; path: string }) => e.method === 'POST' && e.path.includes('/invoices/einvoice');
const isTag = (e: { method: string }) => e.method === 'PATCH';
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

async function pipelinePass(env: E2EEnv, docs: SandboxDocument[], timeoutMs: number): Promise<PipelinePass> {
  const yokoy = env.sandbox.state.yokoy;
  const view = await prepare(env, docs);
  const heap = sampleWorkerHeap(env.browser, env.extensionId);
  const live: number[] = [];
  let done = false;
  // Beside the run: a full collection each quarter (a few ms of the worker's time, four times).
  const quarters = (async () => {
    for (const share of [0.25, 0.5, 0.75]) {
      while (!done && yokoy.invoices.size < docs.length * share) await sleep(100);
      if (done) return;
      const used = await liveWorkerHeap(env.browser, env.extensionId);
      if (used !== undefined) live.push(used);
    }
  })();
  try {
    const startedAt = Date.now();
    await view.start();
    // The emulator's own count first: filtering 10,000 invoices ten times a second took CPU from the run measured.
    await waitFor(
      'the pipeline',
      () => yokoy.invoices.size >= docs.length && invoicesOf(yokoy, BENCH_LEGAL_ENTITY.id).length >= docs.length,
      timeoutMs,
      100,
    );
    // Tags trail the uploads in their own lane (2 connections while uploads run: at 10,000
    // invoices a few thousand are left when the last upload answers); wait for them so the next
    // pass starts clean.
    await waitFor(
      'the tags',
      () => invoicesOf(yokoy, BENCH_LEGAL_ENTITY.id).every((i) => i.customInformation?.banqupDocumentId),
      timeoutMs,
      500,
    );
    await view.waitUntilFinished(docs.length, timeoutMs);
    const samples = await heap.stop();
    done = true;
    await quarters;
    const atEnd = await liveWorkerHeap(env.browser, env.extensionId);
    if (atEnd !== undefined) live.push(atEnd);
    const log = yokoy.requestLog;
    const uploads = log.filter((e) => isUpload(e) && e.status === 201);
    const tags = log.filter((e) => isTag(e) && e.status === 200);
    const begin = Math.min(...uploads.map((e) => Date.parse(e.time)));
    const end = (list: typeof log) => Math.max(...list.map((e) => Date.parse(e.time) + e.durationMs));
    const stats = await emulatorStats(env);
    return {
      uploadsPerSecond: uploads.length / ((end(uploads) - begin) / 1000),
      taggedPerSecond: docs.length / ((end(tags) - begin) / 1000),
      uploadMs: mean(uploads.map((e) => e.durationMs)),
      tagMs: mean(tags.map((e) => e.durationMs)),
      seconds: (end(tags) - startedAt) / 1000,
      peakHeapMb: Math.max(0, ...samples) / 2 ** 20,
      liveHeapMb: Math.max(0, ...live) / 2 ** 20,
      maxInFlight: stats.maxInFlight,
      maxUploadsInFlight: stats.maxUploadsInFlight,
      refused429: log.filter((e) => e.status === 429).length,
      occupancy: uploads.reduce((sum, e) => sum + e.durationMs, 0) / (end(uploads) - begin),
    };
  } finally {
    done = true;
    await heap.stop();
    await view.close();
  }
}

/**
 * Puts `count` invoices in Yokoy as if exported earlier (straight into the emulator's store).
 * Their timestamps are spread, 50 to a millisecond, from now on: invoices reach Yokoy one by
 * one, and 20,000 stamped within a few ms (200 per ms) made every incremental listing from that
 * watermark two pages long, which no real history does. Spread back from now instead, most of
 * them were older than the index's watermark from the pass before and never listed. Resolves
 * once the clock has passed the last stamp, so no invoice is left in the future.
 */
export async function seedYokoy(env: E2EEnv, count: number, tag: string): Promise<void> {
  const store = env.sandbox.state.yokoy;
  const le = store.legalEntity(seed.organizationId, BENCH_LEGAL_ENTITY.id)!;
  const supplier = store.supplierFor(seed.organizationId, le.id, { name: 'Seeded Supplier BV' });
  const start = Date.now() + 1;
  const last = start + Math.floor((count - 1) / 50);
  for (let i = 0; i < count; i++) {
    const at = new Date(start + Math.floor(i / 50)).toISOString();
    const invoice = store.addInvoice({
      organizationId: seed.organizationId,
      legalEntityId: le.id,
      source: 'admin',
      invoiceNumber: `${tag}-${i}`,
      country: le.country,
      currency: le.currency,
      date: '2026-01-15',
      dueDate: null,
      supplierId: supplier.id,
      supplierName: supplier.name,
      isCreditNote: false,
      lineItems: [{ description: 'Seeded line', quantity: 1, itemPrice: 100, unit: null, net: 100, gross: 121, customInformation: null }],
      customInformation: { banqupDocumentId: `${tag.toLowerCase()}-doc-${i}` },
      pdf: null,
      ubl: null,
    });
    invoice.created = at;
    invoice.lastModified = at;
  }
  while (Date.now() <= last) await sleep(5);
}

/**
 * Start clicked → the first upload answered, with `already` invoices in Yokoy and 20 new ones in
 * Banqup, as a user meets it: the companion has been used before (one earlier export built its
 * index of those invoices, kept in IndexedDB) and its worker has stopped since, so the click
 * reads the index back and refreshes it incrementally. The earlier export's own time, whose
 * first listing of the legal entity is paid once, is reported beside it.
 */
async function firstUploadPass(
  env: E2EEnv,
  already: number,
  latencyMs: number,
): Promise<{ ms: number; firstSyncMs: number; timeline: string }> {
  await resetEmulator(env, latencyMs, false);
  await seedYokoy(env, already, `OLD${already}`);
  const yokoy = env.sandbox.state.yokoy;
  const stamp = Date.now().toString(36);
  const before = await prepare(env, benchInvoices({ count: 1, tag: `EARLIER-${already}-${stamp}` }));
  let firstSyncMs: number;
  try {
    const t0 = Date.now();
    await before.start();
    // Paced from the emulator: listing 20,000 invoices outlasts one page-side wait (CDP's timeout).
    await waitFor('the earlier export', () => yokoy.requestLog.some((e) => isTag(e) && e.status !== null && e.status < 300), 1_200_000, 50);
    firstSyncMs = Date.now() - t0;
    await before.waitUntilFinished(1, 60_000);
  } finally {
    await before.close();
  }
  // Chrome stops a worker after 30 s idle, long after the run's end was audited: so does this pass.
  const control = await workerControl(env.browser, env.extensionId);
  await control.exportIdle();
  await control.stop();
  yokoy.requestLog.length = 0;
  const docs = benchInvoices({ count: 20, tag: `FIRST-${already}-${stamp}` });
  const view = await prepare(env, docs);
  try {
    const clickedAt = Date.now();
    await view.start();
    const answered = await waitFor(
      'the first upload',
      () => {
        const done = yokoy.requestLog.filter((e) => isUpload(e) && e.status === 201);
        return done.length > 0 && Math.min(...done.map((e) => Date.parse(e.time) + e.durationMs));
      },
      300_000,
      5,
    );
    // Where the wait went, for the log: Yokoy's requests up to the first upload's answer.
    const timeline = yokoy.requestLog
      .filter((e) => Date.parse(e.time) <= answered)
      .map(
        (e) =>
          `${e.method} ${e.path.replace(/^.*\/(invoices|suppliers|token|legal-entities)/, '$1').slice(0, 24)} +${Date.parse(e.time) - clickedAt}/${e.durationMs}`,
      )
      .join(', ');
    await view.waitUntilFinished(docs.length, 120_000);
    return { ms: answered - clickedAt, firstSyncMs, timeline };
  } finally {
    await view.close();
  }
}

/** Stops the worker `stops` times during a run; per stop, ms until an upload sent after the stop has answered 201. */
async function resumePass(
  env: E2EEnv,
  docs: SandboxDocument[],
  stops: number,
  timeoutMs: number,
): Promise<{ resumeMs: number[]; backMs: number[]; exactlyOnce: boolean }> {
  const yokoy = env.sandbox.state.yokoy;
  const view = await prepare(env, docs);
  const control = await workerControl(env.browser, env.extensionId);
  const resumeMs: number[] = [];
  const backMs: number[] = [];
  try {
    await view.start();
    for (let k = 1; k <= stops; k++) {
      const mark = Math.floor((k * docs.length) / (stops + 1));
      await waitFor('progress before a stop', () => invoicesOf(yokoy, BENCH_LEGAL_ENTITY.id).length >= mark, timeoutMs);
      await control.stop();
      const stoppedAt = Date.now();
      // Something must wake it: the open Export view's progress port reconnects within 1 s; a message now makes it prompt.
      void view.page.evaluate(() => chrome.runtime.sendMessage({ type: 'export.progress' })).catch(() => undefined);
      const back = control.waitRunning().then(() => Date.now() - stoppedAt);
      const answered = await waitFor(
        'an upload after the stop',
        () => {
          const done = yokoy.requestLog.filter(
            (e) => e.method === 'POST' && e.path.endsWith('/invoices/einvoice') && e.status === 201 && Date.parse(e.time) >= stoppedAt,
          );
          return done.length > 0 && Math.min(...done.map((e) => Date.parse(e.time) + e.durationMs));
        },
        timeoutMs,
        5,
      );
      resumeMs.push(answered - stoppedAt);
      backMs.push(await back);
    }
    await waitFor('the resumed run', () => invoicesOf(yokoy, BENCH_LEGAL_ENTITY.id).length >= docs.length, timeoutMs);
    // Its tags too: left trailing, they would go out during the next pass's click.
    await waitFor(
      'the resumed run’s tags',
      () => invoicesOf(yokoy, BENCH_LEGAL_ENTITY.id).every((i) => i.customInformation?.banqupDocumentId),
      timeoutMs,
      100,
    );
    await view.waitUntilFinished(docs.length, timeoutMs);
    const numbers = invoicesOf(yokoy, BENCH_LEGAL_ENTITY.id).map((i) => i.invoiceNumber);
    return { resumeMs, backMs, exactlyOnce: numbers.length === docs.length && new Set(numbers).size === docs.length };
  } finally {
    await view.close();
    await control.close();
  }
}

/** The export concurrency the extension runs with (its settings in storage, default 4). */
async function extensionConcurrency(env: E2EEnv): Promise<number> {
  // From an extension page: the worker handle from start-up is stale once a worker was stopped.
  const page = await env.browser.newPage();
  await page.goto(`chrome-extension://${env.extensionId}/options.html`);
  const stored = await page.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
  await page.close();
  const found = /"exportConcurrency":(\d+)/.exec(stored);
  return found ? Number(found[1]) : 4;
}

export async function measureExportThroughput(env: E2EEnv, options: ExportOptions): Promise<Figure[]> {
  const log = options.log ?? (() => undefined);
  const concurrency = await extensionConcurrency(env);
  (env.sandbox.state.banqup as { apiLatencyMs?: number }).apiLatencyMs = options.banqupLatencyMs;
  // Generous: the API's ceiling is concurrency / latency; allow 5× that plus start-up.
  const timeoutMs = 120_000 + (options.invoices / concurrency) * options.latencyMs * 5;
  // Every upload and tag of the run stays in the emulator's log: the figures are read from it.
  const logLimit = env.sandbox.state.yokoy.requestLogLimit;
  env.sandbox.state.yokoy.requestLogLimit = Math.max(logLimit, options.invoices * 3 + 1_000);
  const pipeline: PipelinePass[] = [];
  try {
    for (let round = 0; round < options.rounds; round++) {
      const tag = `BENCH-${Date.now().toString(36)}-R${round + 1}`;
      await resetEmulator(env, options.latencyMs);
      pipeline.push(await pipelinePass(env, benchInvoices({ count: options.invoices, tag }), timeoutMs));
      const p = pipeline.at(-1)!;
      log(
        `export: round ${round + 1}: ${p.uploadsPerSecond.toFixed(1)} uploads/s (ceiling ${((concurrency * 1000) / p.uploadMs).toFixed(1)}), ${p.taggedPerSecond.toFixed(1)} tagged/s, in flight ≤ ${p.maxInFlight} (uploads ≤ ${p.maxUploadsInFlight}), 429: ${p.refused429}`,
      );
    }

    await resetEmulator(env, options.latencyMs);
    const resume = await resumePass(
      env,
      benchInvoices({ count: options.resumeInvoices, tag: `RESUME-${Date.now().toString(36)}` }),
      options.resumeStops,
      timeoutMs,
    );
    log(`export: resume ${resume.resumeMs.map((r) => r.toFixed(0)).join(', ')} ms`);

    const firstUpload: { already: number; ms: number; firstSyncMs: number; timeline: string }[] = [];
    for (const already of options.alreadyInYokoy) {
      firstUpload.push({ already, ...(await firstUploadPass(env, already, options.latencyMs)) });
      const f = firstUpload.at(-1)!;
      log(
        `export: click → first upload with ${already} in Yokoy: ${f.ms} ms (the first export, listing them once: ${f.firstSyncMs} ms); Yokoy, ms after the click/taken: ${f.timeline}`,
      );
    }

    const uploadCeilings = pipeline.map((p) => (concurrency * 1000) / p.uploadMs);
    const tagCeilings = pipeline.map((p) => (HOST_CONNECTIONS * 1000) / (p.uploadMs + p.tagMs));
    const m = (xs: number[]) => median(xs)!;
    const setting = `${options.invoices.toLocaleString('en')} invoices; Yokoy latency ${options.latencyMs} ms, 429 beyond ${HOST_CONNECTIONS} in flight and beyond a 100/s bucket (burst 20); Banqup latency ${options.banqupLatencyMs} ms; C = ${concurrency}, H = ${HOST_CONNECTIONS}`;
    const figures: Figure[] = [
      figure({
        group: GROUP,
        id: 'export.ratio',
        label: 'Export uploads / C/(L+s)',
        unit: 'ratio',
        samples: pipeline.map((p, i) => p.uploadsPerSecond / uploadCeilings[i]!),
        budget: { min: 0.9, text: '≥ 0.9' },
        note: `${setting}; L+s = ${m(pipeline.map((p) => p.uploadMs)).toFixed(0)} ms per upload (emulator's log) → ceiling ${m(uploadCeilings).toFixed(1)}/s; mean uploads in flight ${m(pipeline.map((p) => p.occupancy)).toFixed(2)} of ${concurrency}`,
      }),
      figure({
        group: GROUP,
        id: 'export.tagged.ratio',
        label: 'Fully tagged invoices / H/(d_up+d_tag)',
        unit: 'ratio',
        samples: pipeline.map((p, i) => p.taggedPerSecond / tagCeilings[i]!),
        budget: { min: 0.9, text: '≥ 0.9' },
        note: `tag PATCH ${m(pipeline.map((p) => p.tagMs)).toFixed(0)} ms → ceiling ${m(tagCeilings).toFixed(1)}/s (H/2L = ${((HOST_CONNECTIONS * 1000) / (2 * options.latencyMs)).toFixed(1)}/s); all tagged after ${m(pipeline.map((p) => p.seconds)).toFixed(1)} s`,
      }),
      figure({
        group: GROUP,
        id: 'export.pipeline',
        label: 'Export uploads per second, extension',
        unit: 'inv/s',
        samples: pipeline.map((p) => p.uploadsPerSecond),
      }),
      figure({
        group: GROUP,
        id: 'export.tagged',
        label: 'Fully tagged invoices per second, extension',
        unit: 'inv/s',
        samples: pipeline.map((p) => p.taggedPerSecond),
      }),
      figure({
        group: GROUP,
        id: 'export.inflight.uploads',
        label: 'Most uploads in flight at Yokoy (emulator)',
        unit: 'count',
        samples: pipeline.map((p) => p.maxUploadsInFlight),
        budget: { max: concurrency, text: `≤ ${concurrency} (C)` },
      }),
      figure({
        group: GROUP,
        id: 'export.inflight.total',
        label: 'Most requests in flight at Yokoy (emulator)',
        unit: 'count',
        samples: pipeline.map((p) => p.maxInFlight),
        budget: { max: HOST_CONNECTIONS, text: `≤ ${HOST_CONNECTIONS} (H)` },
        note: `answered 429 by the emulator's limits: ${pipeline.map((p) => p.refused429).join(', ')}`,
      }),
      figure({
        group: GROUP,
        id: 'export.heap',
        label: 'Service worker peak JS heap during export (garbage included)',
        unit: 'MB',
        samples: pipeline.map((p) => p.peakHeapMb),
        note: 'used heap sampled every 200 ms: it includes garbage V8 has not collected yet (it collects when its limit is reached and raises the limit as the run goes); what the worker holds is export.heap.live',
      }),
      figure({
        group: GROUP,
        id: 'export.heap.live',
        label: 'Service worker live JS heap during export (after a full GC)',
        unit: 'MB',
        samples: pipeline.map((p) => p.liveHeapMb),
        budget: { max: 30, text: '≤ 30 MB' },
        note: 'the most of four readings (a quarter, half, three quarters of the run, its end), each right after a full collection (HeapProfiler.collectGarbage)',
      }),
      figure({
        group: GROUP,
        id: 'export.resume',
        label: 'Resume after worker stop (to next upload answered)',
        unit: 'ms',
        samples: resume.resumeMs,
        note: `${options.resumeInvoices} invoices, ${options.resumeStops} stop(s); worker target back after ${median(resume.backMs)!.toFixed(0)} ms (median); woken by a message from the open Export view; every invoice exactly once: ${resume.exactlyOnce ? 'yes' : 'NO'}; includes one API latency (${options.latencyMs} ms)`,
      }),
    ];
    for (const f of firstUpload) {
      figures.push(
        figure({
          group: GROUP,
          id: `export.first-upload.${f.already}`,
          label: `Click → first upload, ${f.already.toLocaleString('en')} invoices already in Yokoy`,
          unit: 'ms',
          samples: [f.ms],
          budget: { max: 1_000, text: '≤ 1000' },
          note: `20 new invoices; Yokoy latency ${options.latencyMs} ms (no limits); an earlier export built the Yokoy index and the worker stopped since (index read back from IndexedDB, refreshed incrementally)`,
        }),
        figure({
          group: GROUP,
          id: `export.first-sync.${f.already}`,
          label: `First export ever, ${f.already.toLocaleString('en')} invoices already in Yokoy (lists them once)`,
          unit: 'ms',
          samples: [f.firstSyncMs],
          note: 'one invoice; paid once per legal entity: the index it builds is kept in IndexedDB and refreshed incrementally after',
        }),
      );
    }
    return figures;
  } finally {
    (env.sandbox.state.banqup as { apiLatencyMs?: number }).apiLatencyMs = 0;
    env.sandbox.state.yokoy.requestLogLimit = logLimit;
    await resetEmulator(env, 0, false);
  }
}
