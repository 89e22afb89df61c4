/**
 * Diagnosis, not a figure: where an upload slot's gap goes, seen from both ends. Runs one export
 * of N invoices at the bench's latency with the worker's Network domain on, and prints for each
 * upload slot handover (an answer → the next upload): the gap the emulator sees (its answer
 * written → the next request read) and the gap the worker sees (its answer's last byte → the
 * next request sent), so a missed export ratio can be laid on the client or on the machine.
 * `WXT_OUT_DIR=.output-bench npx tsx bench/tools/client-gap.ts 400`
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Protocol } from 'puppeteer-core';
import { BENCH_LEGAL_ENTITY, createBenchEnv } from '../lib/env';
import { median } from '../lib/stats';
import { isExtensionWorker } from '../lib/worker-control';
import { openExportOf, setYokoyFaults } from './lib/export-session';

const count = Number(process.argv[2] ?? 400);
const env = createBenchEnv((m) => process.stderr.write(`${m}\n`));
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))] ?? Number.NaN;

/** Gaps of a slot pool: sorted ends against the starts C places later. */
function gaps(spans: { start: number; end: number }[], c: number): number[] {
  const starts = spans.map((s) => s.start).sort((a, b) => a - b);
  const ends = spans.map((s) => s.end).sort((a, b) => a - b);
  return ends.slice(0, -c).map((end, i) => starts[i + c]! - end);
}

try {
  const ext = await env.extension();
  const yokoy = ext.sandbox.state.yokoy;
  await setYokoyFaults(ext, { latencyMs: 200 });
  yokoy.requestLog.length = 0;
  const view = await openExportOf(ext, count, 'GAP');
  const target = ext.browser.targets().find(isExtensionWorker(ext.extensionId))!;
  const session = await target.createCDPSession();
  const sent = new Map<string, number>();
  const client: { start: number; end: number }[] = [];
  session.on('Network.requestWillBeSent', (e: Protocol.Network.RequestWillBeSentEvent) => {
    if (e.request.method === 'POST' && e.request.url.endsWith('/einvoice')) sent.set(e.requestId, e.timestamp * 1000);
  });
  session.on('Network.loadingFinished', (e: Protocol.Network.LoadingFinishedEvent) => {
    const start = sent.get(e.requestId);
    if (start !== undefined) client.push({ start, end: e.timestamp * 1000 });
  });
  if (!process.env.NO_NETWORK) await session.send('Network.enable');
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const elu = performance.eventLoopUtilization();
  await view.start();
  while ([...yokoy.invoices.values()].filter((i) => i.legalEntityId === BENCH_LEGAL_ENTITY.id).length < count)
    await new Promise((r) => setTimeout(r, 50));
  delay.disable();
  const busyLoop = performance.eventLoopUtilization(elu).utilization;
  await new Promise((r) => setTimeout(r, 1000));
  await view.close();
  const server = yokoy.requestLog
    .filter((e) => e.method === 'POST' && e.path.endsWith('/einvoice') && e.status === 201)
    .map((e) => ({ start: Date.parse(e.time), end: Date.parse(e.time) + e.durationMs }));
  const s = gaps(server, 4);
  const c = gaps(client, 4);
  const busy = (xs: { start: number; end: number }[]) =>
    xs.reduce((n, x) => n + x.end - x.start, 0) / (Math.max(...xs.map((x) => x.end)) - Math.min(...xs.map((x) => x.start)));
  console.log(`uploads: server ${server.length}, worker ${client.length}`);
  console.log(
    `server: mean in flight ${busy(server).toFixed(2)}, upload ${median(server.map((x) => x.end - x.start))!.toFixed(0)} ms, gap median ${median(s)!.toFixed(1)} p90 ${q(s, 0.9).toFixed(1)} ms`,
  );
  if (client.length)
    console.log(
      `worker: mean in flight ${busy(client).toFixed(2)}, upload ${median(client.map((x) => x.end - x.start))!.toFixed(0)} ms, gap median ${median(c)!.toFixed(1)} p90 ${q(c, 0.9).toFixed(1)} ms`,
    );
  console.log(
    `sandbox event loop (this process): busy ${(busyLoop * 100).toFixed(0)}%, delay mean ${(delay.mean / 1e6).toFixed(1)} ms, p90 ${(delay.percentile(90) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(0)} ms`,
  );
  await session.detach();
} finally {
  await env.close();
}
