/**
 * Diagnosis, not a figure: where an export's wall time goes, from the emulator's request log.
 * Runs the pipeline (popup Export view) and the raw baseline on N invoices at the bench's
 * latency, then prints for each: time from start to the first upload, the steady upload rate
 * (10%→90% of uploads), the mean number of uploads in flight, and the gaps an upload slot sits
 * empty between an answer and the next upload. `WXT_OUT_DIR=.output-bench npx tsx bench/tools/export-timeline.ts 400`
 */
import { performance } from 'node:perf_hooks';
import { ExportPage } from '../../tests/e2e/pages/export';
import { seed } from '../../sandbox/yokoy-api/store';
import { runBaselineProcess } from '../lib/baseline';
import { BASELINE_LEGAL_ENTITY, BENCH_LEGAL_ENTITY, createBenchEnv } from '../lib/env';
import { benchInvoices } from '../lib/invoices';
import { median } from '../lib/stats';
import { setYokoyFaults } from './lib/export-session';

const count = Number(process.argv[2] ?? 400);
const latencyMs = 200;
const env = createBenchEnv((m) => process.stderr.write(`${m}\n`));

interface Entry {
  method: string;
  path: string;
  status: number | null;
  time: string;
  durationMs: number;
}

function report(name: string, t0: number, log: Entry[], legalEntityId: string): void {
  const mine = log.filter((e) => e.path.includes(legalEntityId) || e.path.startsWith('/oauth2'));
  const uploads = mine
    .filter((e) => e.method === 'POST' && e.path.endsWith('/einvoice') && e.status === 201)
    .map((e) => ({ start: Date.parse(e.time), end: Date.parse(e.time) + e.durationMs }))
    .sort((a, b) => a.start - b.start);
  const ends = uploads.map((u) => u.end).sort((a, b) => a - b);
  const lastEnd = ends.at(-1)!;
  const at = (q: number) => ends[Math.floor(q * (ends.length - 1))]!;
  const steady = (0.8 * ends.length) / ((at(0.9) - at(0.1)) / 1000);
  // Mean uploads in flight between the first start and the last end.
  const busy = uploads.reduce((sum, u) => sum + (u.end - u.start), 0);
  const span = lastEnd - uploads[0]!.start;
  // Slot gaps: each answer frees a slot; the next upload to start (in order) fills it.
  const starts = uploads.map((u) => u.start);
  const gaps = ends
    .slice(0, -4)
    .map((end, i) => (starts[i + 4] ?? end) - end)
    .filter((g) => g > -1e6);
  const kinds = new Map<string, number>();
  for (const e of mine) {
    const key = `${e.method} ${e.path
      .replace(/\?.*/, '')
      .replace(/.*\/legal-entities\/[^/]+/, '…')
      .replace(/[\w-]{16,}/g, ':id')}`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  console.log(`\n${name}: ${uploads.length} uploads, ${(count / ((lastEnd - t0) / 1000)).toFixed(2)}/s overall`);
  console.log(`  start → first upload sent: ${uploads[0]!.start - t0} ms; last answer at ${((lastEnd - t0) / 1000).toFixed(2)} s`);
  console.log(
    `  steady rate (10%→90%): ${steady.toFixed(2)}/s; mean in flight ${(busy / span).toFixed(2)}; upload time median ${median(uploads.map((u) => u.end - u.start))!.toFixed(0)} ms`,
  );
  console.log(
    `  slot gap answer → next upload: median ${median(gaps)!.toFixed(1)} ms, p90 ${[...gaps].sort((a, b) => a - b)[Math.floor(gaps.length * 0.9)]!.toFixed(1)} ms`,
  );
  console.log(`  requests: ${JSON.stringify(Object.fromEntries(kinds))}`);
}

try {
  const ext = await env.extension();
  const yokoy = ext.sandbox.state.yokoy;
  await setYokoyFaults(ext, { latencyMs });

  yokoy.requestLog.length = 0;
  let elu = performance.eventLoopUtilization();
  const tag = `TL-${Date.now().toString(36)}`;
  const b0 = Date.now();
  const base = await runBaselineProcess(
    {
      apiUrl: ext.sandbox.internalUrls.yokoyApi,
      organizationId: seed.organizationId,
      legalEntityId: BASELINE_LEGAL_ENTITY.id,
      clientId: seed.readyClient.clientId,
      clientSecret: seed.readyClient.clientSecret,
      concurrency: 4,
      count,
      tag: `${tag}-B`,
    },
    process.cwd(),
  );
  console.log(`sandbox event loop busy during the baseline: ${(performance.eventLoopUtilization(elu).utilization * 100).toFixed(0)}%`);
  report(
    `baseline (process start → ${((base.startedAt - b0) / 1000).toFixed(2)} s)`,
    base.startedAt,
    yokoy.requestLog as Entry[],
    BASELINE_LEGAL_ENTITY.id,
  );

  yokoy.requestLog.length = 0;
  ext.sandbox.state.banqup.documents = benchInvoices({ count, tag });
  const view = await ExportPage.open(ext.browser, ext.extensionId);
  await view.preview();
  const t0 = Date.now();
  elu = performance.eventLoopUtilization();
  await view.start();
  while ([...yokoy.invoices.values()].filter((i) => i.legalEntityId === BENCH_LEGAL_ENTITY.id).length < count)
    await new Promise((r) => setTimeout(r, 20));
  console.log(`sandbox event loop busy during the pipeline: ${(performance.eventLoopUtilization(elu).utilization * 100).toFixed(0)}%`);
  await new Promise((r) => setTimeout(r, 1500));
  await view.close();
  report('pipeline', t0, yokoy.requestLog as Entry[], BENCH_LEGAL_ENTITY.id);
} finally {
  await env.close();
}
