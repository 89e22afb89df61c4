/**
 * Diagnosis, not a figure: what a click on Start waits for with M invoices already in Yokoy, as
 * the bench's "click → first upload" pass meets it (an earlier export built the index, the
 * worker stopped since). The worker is woken first so its fetches can be traced with their call
 * stacks (build unminified for readable ones: `WXT_NO_MINIFY=1 npx wxt build --mode sandbox`).
 * `npx tsx bench/tools/first-upload.ts 20000`
 */
import { resetEmulator, seedYokoy } from '../export-throughput';
import { createBenchEnv } from '../lib/env';
import { isExtensionWorker, workerControl } from '../lib/worker-control';
import { openExportOf } from './lib/export-session';

const already = Number(process.argv[2] ?? 20000);
const env = createBenchEnv((m) => process.stderr.write(`${m}\n`));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
try {
  const ext = await env.extension();
  const yokoy = ext.sandbox.state.yokoy;
  (ext.sandbox.state.banqup as { apiLatencyMs?: number }).apiLatencyMs = 50;
  await resetEmulator(ext, 200, false);
  await seedYokoy(ext, already, `OLD${already}`);
  let view = await openExportOf(ext, 1, 'EARLIER');
  const t0 = Date.now();
  await view.start();
  await view.waitUntilFinished(1, 1_200_000);
  console.log(`earlier export: ${Date.now() - t0} ms`);
  await view.close();
  const control = await workerControl(ext.browser, ext.extensionId);
  if (!process.argv.includes('--no-idle')) await control.exportIdle();
  await control.stop();
  yokoy.requestLog.length = 0;

  // Wake the worker with a page that asks nothing of the export, then trace it.
  const waker = await ext.browser.newPage();
  await waker.goto(`chrome-extension://${ext.extensionId}/popup.html?lang=en&view=history`);
  await control.waitRunning();
  const target = ext.browser.targets().find(isExtensionWorker(ext.extensionId))!;
  const session = await target.createCDPSession();
  await session.send('Runtime.evaluate', {
    expression: `(() => {
      const log = (globalThis.__diag = []);
      const f = globalThis.fetch;
      globalThis.fetch = function (input, init) {
        const s = Date.now();
        const url = String(input instanceof Request ? input.url : input).replace(/^https?:\\/\\/[^/]+/, '').slice(0, 400);
        const stack = new Error().stack.split('\\n').slice(2, 14).map((l) => l.trim().replace(/chrome-extension:\\/\\/[^/]+\\//, '')).join(' | ');
        const p = f.call(this, input, init);
        p.then((r) => log.push([s, Date.now() - s, r.status + ' ' + (init?.method ?? 'GET') + ' ' + url, stack]), () => undefined);
        return p;
      };
    })()`,
  });
  await sleep(3000);
  await waker.close();
  const opened = Date.now();
  view = await openExportOf(ext, 20, 'FIRST');
  const clicked = Date.now();
  await view.start();
  while (!yokoy.requestLog.some((e) => e.method === 'POST' && e.status === 201)) await sleep(5);
  console.log(`preview shown ${clicked - opened} ms after opening; first upload answered ${Date.now() - clicked} ms after the click`);
  await view.waitUntilFinished(20, 120_000);
  const diag = JSON.parse(
    (await session.send('Runtime.evaluate', { expression: 'JSON.stringify(globalThis.__diag)', returnByValue: true })).result
      .value as string,
  ) as [number, number, string, string][];
  for (const [s, d, what, stack] of diag.sort((a, b) => a[0] - b[0]).filter(([s]) => s < clicked + 1500))
    console.log(`${String(s - clicked).padStart(6)} ${String(d).padStart(5)}  ${what}\n        ${stack}`);
  await view.close();
} finally {
  await env.close();
}
