/**
 * Diagnosis, not a figure: why an export right after a large one starts slowly. Exports N
 * invoices, then one more (as the bench's "click → first upload" pass does after its run), with
 * the worker's IndexedDB transactions and extension API calls timed and its CPU profiled, and
 * prints what the second export waited for. `npx tsx bench/tools/after-run.ts 3000`
 */
import { ExportPage } from '../../tests/e2e/pages/export';
import { benchInvoices } from '../lib/invoices';
import { createBenchEnv } from '../lib/env';
import { isExtensionWorker } from '../lib/worker-control';
import { printTimes, selfTimeByFunction, setYokoyFaults } from './lib/export-session';

const count = Number(process.argv[2] ?? 3000);
const env = createBenchEnv((m) => process.stderr.write(`${m}\n`));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
try {
  const ext = await env.extension();
  const yokoy = ext.sandbox.state.yokoy;
  yokoy.requestLogLimit = count * 3 + 1000;
  const faults = (body: object) => setYokoyFaults(ext, body);
  await faults({ latencyMs: 200, concurrencyLimit: 6, rateLimit: { perSecond: 100, burst: 20 } });
  (ext.sandbox.state.banqup as { apiLatencyMs?: number }).apiLatencyMs = 50;
  const tag = Date.now().toString(36);
  ext.sandbox.state.banqup.documents = benchInvoices({ count, tag: `BIG-${tag}` });
  let view = await ExportPage.open(ext.browser, ext.extensionId);
  await view.preview();
  const t0 = Date.now();
  await view.start();
  await view.waitUntilFinished(count, 3_600_000);
  console.log(`${count} exported in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await view.close();

  yokoy.invoices.clear();
  yokoy.requestLog.length = 0;
  await faults({ latencyMs: 200 });
  const target = ext.browser.targets().find(isExtensionWorker(ext.extensionId))!;
  const session = await target.createCDPSession();
  await session.send('Runtime.enable');
  const instrument = `(() => {
    const log = (globalThis.__diag = []);
    const t = () => performance.now();
    const tx = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (stores, mode) {
      const started = t();
      const x = tx.call(this, stores, mode);
      const name = (mode ?? 'readonly') + ' ' + [].concat(stores).join('+');
      x.addEventListener('complete', () => log.push([started, t() - started, 'idb ' + name]));
      return x;
    };
    for (const area of ['local', 'session']) {
      const get = chrome.storage[area].get;
      chrome.storage[area].get = function (...a) { const s = t(); const p = get.apply(this, a); p.then?.(() => log.push([s, t() - s, 'storage.' + area + '.get'])); return p; };
    }
    const f = globalThis.fetch;
    globalThis.fetch = function (input, init) {
      const s = t();
      const url = String(input instanceof Request ? input.url : input).replace(/[?].*/, '').replace(/^https?:\\/\\/[^/]+/, '').slice(-60);
      const p = f.call(this, input, init);
      p.then(() => log.push([s, t() - s, 'fetch ' + (init?.method ?? 'GET') + ' ' + url]), () => undefined);
      return p;
    };
    globalThis.__t0 = t();
  })()`;
  await session.send('Runtime.evaluate', { expression: instrument });
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  ext.sandbox.state.banqup.documents = benchInvoices({ count: 1, tag: `AFTER-${tag}` });
  view = await ExportPage.open(ext.browser, ext.extensionId);
  await view.preview();
  await session.send('Profiler.start');
  await session.send('Runtime.evaluate', { expression: 'globalThis.__t0 = performance.now()' });
  const clicked = Date.now();
  await view.start();
  while (!yokoy.requestLog.some((e) => e.method === 'PATCH' && e.status === 200)) await sleep(20);
  console.log(`the next export: tagged ${Date.now() - clicked} ms after the click`);
  const { profile } = await session.send('Profiler.stop');
  await view.waitUntilFinished(1, 60_000);
  const diag = JSON.parse(
    (
      await session.send('Runtime.evaluate', {
        expression: 'JSON.stringify({ t0: globalThis.__t0, log: globalThis.__diag })',
        returnByValue: true,
      })
    ).result.value as string,
  ) as { t0: number; log: [number, number, string][] };
  console.log('\nworker calls after the click (start ms, duration ms):');
  for (const [s, d, what] of diag.log.filter(([s]) => s >= diag.t0).sort((a, b) => a[0] - b[0]))
    if (d > 5) console.log(`  ${(s - diag.t0).toFixed(0).padStart(6)}  ${d.toFixed(0).padStart(6)}  ${what}`);
  printTimes('worker self time (top 15)', selfTimeByFunction(profile, 15));
  console.log('\nYokoy requests:');
  for (const e of yokoy.requestLog)
    console.log(`  ${new Date(e.time).getTime() - clicked} ms  ${e.method} ${e.path.slice(0, 90)} ${e.status} ${e.durationMs} ms`);
  await view.close();
} finally {
  await env.close();
}
