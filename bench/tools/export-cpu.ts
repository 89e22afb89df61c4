/**
 * Diagnosis, not a figure: CPU per invoice by process (browser, extension renderer, network,
 * GPU, this Node process holding the sandbox) during one export of N invoices at the bench's
 * settings, and where this Node process spends its time. `npx tsx bench/tools/export-cpu.ts 2000`
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { BENCH_LEGAL_ENTITY, createBenchEnv } from '../lib/env';
import { isExtensionWorker, sampleWorkerHeap } from '../lib/worker-control';
import type { Protocol } from 'puppeteer-core';
import { openExportOf, printTimes, selfTimeByFunction, setYokoyFaults } from './lib/export-session';

const count = Number(process.argv[2] ?? 1000);
const TICK = 10; // ms per clock tick (USER_HZ 100)
function processes(): Map<number, { kind: string; ticks: number }> {
  const out = new Map<number, { kind: string; ticks: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').split(/[\0 ]/);
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      let kind: string;
      if (Number(d) === process.pid) kind = 'node (bench + sandbox)';
      else if (/chrom/.test(cmd[0] ?? '')) {
        const type = cmd.find((a) => a.startsWith('--type='))?.slice(7);
        const sub = cmd.find((a) => a.startsWith('--utility-sub-type='))?.slice(19);
        kind = `chromium ${type ?? 'browser'}${sub ? ` ${sub}` : ''}${cmd.some((a) => a.startsWith('--extension-process')) ? ' (extension)' : ''}`;
      } else continue;
      out.set(Number(d), { kind, ticks });
    } catch {}
  }
  return out;
}

const env = createBenchEnv((m) => process.stderr.write(`${m}\n`));
try {
  const ext = await env.extension();
  const yokoy = ext.sandbox.state.yokoy;
  yokoy.requestLogLimit = count * 3 + 1000;
  await setYokoyFaults(ext, { latencyMs: 200, concurrencyLimit: 6, rateLimit: { perSecond: 100, burst: 20 } });
  (ext.sandbox.state.banqup as { apiLatencyMs?: number }).apiLatencyMs = 50;
  const view = await openExportOf(ext, count, 'CPU');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  const heap = sampleWorkerHeap(ext.browser, ext.extensionId, 200);
  const before = processes();
  await session.post('Profiler.start');
  const t0 = Date.now();
  yokoy.requestLog.length = 0;
  await view.start();
  const mine = () => [...yokoy.invoices.values()].filter((i) => i.legalEntityId === BENCH_LEGAL_ENTITY.id);
  // Mid-run, the worker's live heap: a full GC first, so what is left is what the run holds.
  const live: string[] = [];
  for (const share of [0.25, 0.5, 0.75]) {
    while (yokoy.invoices.size < count * share) await new Promise((r) => setTimeout(r, 200));
    const target = ext.browser.targets().find(isExtensionWorker(ext.extensionId));
    const cdp = await target!.createCDPSession();
    const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    await cdp.send('HeapProfiler.collectGarbage');
    const after = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    live.push(`${share * 100}%: ${(before / 2 ** 20).toFixed(1)} → ${(after / 2 ** 20).toFixed(1)} MB`);
    await cdp.detach();
  }
  while (mine().length < count || !mine().every((i) => i.customInformation?.banqupDocumentId)) await new Promise((r) => setTimeout(r, 200));
  console.log(`worker heap before → after a full GC: ${live.join(', ')}`);
  const seconds = (Date.now() - t0) / 1000;
  const { profile } = await session.post('Profiler.stop');
  const after = processes();
  const heapMb = (await heap.stop()).map((b) => Math.round(b / 2 ** 20));
  // The most in each stretch of 5 s (25 samples): where in the run the peak is.
  const stretches = Array.from({ length: Math.ceil(heapMb.length / 25) }, (_, k) => Math.max(...heapMb.slice(k * 25, k * 25 + 25)));
  console.log(`worker heap MB, most per 5 s: ${stretches.join(' ')} (peak ${Math.max(...heapMb)})`);
  await view.close();
  const uploads = yokoy.requestLog.filter((e) => e.method === 'POST' && e.path.endsWith('/einvoice') && e.status === 201);
  const begin = Math.min(...uploads.map((e) => Date.parse(e.time)));
  const end = Math.max(...uploads.map((e) => Date.parse(e.time) + e.durationMs));
  const mean = uploads.reduce((s, e) => s + e.durationMs, 0) / uploads.length;
  const tags = yokoy.requestLog.filter((e) => e.method === 'PATCH' && e.status === 200);
  const tagMean = tags.reduce((s, e) => s + e.durationMs, 0) / tags.length;
  const tagEnd = Math.max(...tags.map((e) => Date.parse(e.time) + e.durationMs));
  console.log(
    `tagged ${(count / ((tagEnd - begin) / 1000)).toFixed(2)}/s vs ${(6000 / (mean + tagMean)).toFixed(2)}/s (ratio ${(count / ((tagEnd - begin) / 1000) / (6000 / (mean + tagMean))).toFixed(3)})`,
  );
  // Rate per tenth of the run: does it fall as the run goes on?
  const starts = uploads.map((e) => Date.parse(e.time) + e.durationMs).sort((a, b) => a - b);
  const tenth = Math.floor(starts.length / 10);
  console.log(
    `uploads/s per tenth: ${Array.from({ length: 10 }, (_, k) => (tenth / ((starts[(k + 1) * tenth - 1]! - starts[k * tenth]!) / 1000)).toFixed(1)).join(' ')}`,
  );
  console.log(
    `${count} invoices, all tagged after ${seconds.toFixed(1)} s; uploads ${(uploads.length / ((end - begin) / 1000)).toFixed(2)}/s vs ceiling ${(4000 / mean).toFixed(2)}/s (ratio ${(uploads.length / ((end - begin) / 1000) / (4000 / mean)).toFixed(3)})`,
  );
  const byKind = new Map<string, number>();
  for (const [pid, a] of after) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + (a.ticks - (before.get(pid)?.ticks ?? 0)) * TICK);
  console.log('\nCPU by process (ms per invoice, % of one core):');
  for (const [k, ms] of [...byKind].sort((a, b) => b[1] - a[1]))
    console.log(`  ${(ms / count).toFixed(2).padStart(7)} ms  ${((ms / (seconds * 1000)) * 100).toFixed(0).padStart(3)}%  ${k}`);
  printTimes('Node self time by function (top 25)', selfTimeByFunction(profile as Protocol.Profiler.Profile, 25, 2));
} finally {
  await env.close();
}
