/**
 * Diagnosis, not a figure: profiles the service worker (CDP Profiler on its target) during
 * one export of N invoices at the bench's latency and prints where its main thread spends
 * time (self time by function and by script), plus the request mix the emulator saw. Used to
 * explain a missed export budget. `WXT_OUT_DIR=.output-bench npx tsx bench/tools/profile-export.ts 300`
 */
import type { Protocol } from 'puppeteer-core';
import { BENCH_LEGAL_ENTITY, createBenchEnv } from '../lib/env';
import { isExtensionWorker } from '../lib/worker-control';
import { openExportOf, printTimes, selfTimeByFunction, setYokoyFaults } from './lib/export-session';

const count = Number(process.argv[2] ?? 300);
const env = createBenchEnv((m) => process.stderr.write(`${m}\n`));
try {
  const ext = await env.extension();
  const yokoy = ext.sandbox.state.yokoy;
  await setYokoyFaults(ext, { latencyMs: 200 });
  const view = await openExportOf(ext, count, 'PROFILE');
  const target = ext.browser.targets().find(isExtensionWorker(ext.extensionId))!;
  const session = await target.createCDPSession();
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  const t0 = Date.now();
  yokoy.requestLog.length = 0;
  await view.start();
  while ([...yokoy.invoices.values()].filter((i) => i.legalEntityId === BENCH_LEGAL_ENTITY.id).length < count)
    await new Promise((r) => setTimeout(r, 20));
  const seconds = (Date.now() - t0) / 1000;
  const { profile } = await session.send('Profiler.stop');
  await view.close();

  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  profile.samples?.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0) / 1000));
  const byScript = new Map<string, number>();
  for (const [id, ms] of self) {
    const f = (nodes.get(id) as Protocol.Profiler.ProfileNode).callFrame;
    const script = f.url ? f.url.replace(/^chrome-extension:\/\/[^/]+\//, '') : f.functionName;
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = byScript.get('(idle)') ?? 0;
  console.log(
    `${count} invoices in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(1)}/s); worker busy ${(total - idle).toFixed(0)} ms of ${total.toFixed(0)} ms profiled (${((total - idle) / count).toFixed(2)} ms per invoice)`,
  );
  console.log('\nself time by script:');
  for (const [k, v] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${v.toFixed(0).padStart(7)} ms  ${k}`);
  printTimes('self time by function (top 20)', selfTimeByFunction(profile, 20));
  const mix = new Map<string, number>();
  for (const e of yokoy.requestLog) {
    const key = `${e.method} ${e.path.replace(/\?.*/, '').replace(/[\w-]{12,}/g, ':id')}`;
    mix.set(key, (mix.get(key) ?? 0) + 1);
  }
  console.log('\nYokoy requests:', Object.fromEntries(mix));
  // Each of the 4 upload slots is either waiting on an einvoice POST or doing something else.
  const uploads = yokoy.requestLog.filter((e) => e.method === 'POST' && e.path.endsWith('/einvoice'));
  const inUpload = uploads.reduce((sum, e) => sum + e.durationMs, 0);
  const firstUpload = Math.min(...uploads.map((e) => Date.parse(e.time))) - t0;
  console.log(
    `first upload ${firstUpload} ms after start; slot time outside uploads per invoice: ${((4 * seconds * 1000 - inUpload) / count).toFixed(1)} ms (upload itself ${(inUpload / uploads.length).toFixed(1)} ms)`,
  );
} finally {
  await env.close();
}
