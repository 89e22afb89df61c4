/**
 * Diagnosis, not a figure: which extension API calls (each an IPC to the browser process) and
 * IndexedDB transactions the worker makes per exported invoice. `npx tsx bench/tools/api-calls.ts 300`
 */
import { BENCH_LEGAL_ENTITY, createBenchEnv } from '../lib/env';
import { openExportOf, setYokoyFaults } from './lib/export-session';

const count = Number(process.argv[2] ?? 300);
const env = createBenchEnv((m) => process.stderr.write(`${m}\n`));
try {
  const ext = await env.extension();
  const yokoy = ext.sandbox.state.yokoy;
  await setYokoyFaults(ext, { latencyMs: 200 });
  const view = await openExportOf(ext, count, 'API');
  await ext.worker.evaluate(`(() => {
    const counts = (globalThis.__calls = {});
    const wrap = (owner, path) => {
      for (const key of Object.keys(owner)) {
        const v = owner[key];
        if (typeof v === 'function') {
          try { owner[key] = function (...a) { counts[path + key] = (counts[path + key] ?? 0) + 1; return v.apply(this, a); }; } catch {}
        }
      }
    };
    for (const area of ['local', 'session', 'sync']) wrap(chrome.storage[area], 'storage.' + area + '.');
    for (const ns of ['action', 'alarms', 'runtime', 'tabs', 'notifications', 'permissions']) if (chrome[ns]) wrap(chrome[ns], ns + '.');
    const tx = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (stores, mode) {
      const key = 'idb.' + (mode ?? 'readonly') + ' ' + [].concat(stores).join('+');
      counts[key] = (counts[key] ?? 0) + 1;
      return tx.call(this, stores, mode);
    };
    const f = globalThis.fetch;
    globalThis.fetch = function (input, init) {
      const url = String(input instanceof Request ? input.url : input).replace(/[?].*/, '').replace(/[0-9a-f-]{20,}/g, ':id');
      const key = 'fetch ' + (init?.method ?? 'GET') + ' ' + url.replace(/^https?:\\/\\/[^/]+/, '');
      counts[key] = (counts[key] ?? 0) + 1;
      return f.call(this, input, init);
    };
  })()`);
  await view.start();
  while (
    [...yokoy.invoices.values()].filter((i) => i.legalEntityId === BENCH_LEGAL_ENTITY.id && i.customInformation?.banqupDocumentId).length <
    count
  )
    await new Promise((r) => setTimeout(r, 100));
  await view.waitUntilFinished(count, 60_000);
  const counts = (await ext.worker.evaluate('JSON.stringify(globalThis.__calls)')) as string;
  for (const [k, v] of Object.entries(JSON.parse(counts) as Record<string, number>).sort((a, b) => b[1] - a[1]))
    console.log(`${(v / count).toFixed(2).padStart(7)} per invoice  ${String(v).padStart(6)}  ${k}`);
  await view.close();
} finally {
  await env.close();
}
