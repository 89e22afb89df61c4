/**
 * The extension's service worker seen through the DevTools protocol: stop it the way Chrome
 * does when it idles one out, tell whether it runs, and sample its JS heap.
 *
 * Stopping closes the worker's target (Target.closeTarget through puppeteer's `worker.close()`,
 * as Chrome's guide to testing worker termination does). ServiceWorker.stopAllWorkers looked
 * simpler but left puppeteer believing the old target lived, so the restarted worker waited
 * for a debugger forever and no message was ever answered.
 */
import type { Browser, CDPSession, Target } from 'puppeteer-core';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const isExtensionWorker = (extensionId: string) => (t: Target) =>
  t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`);

export interface WorkerControl {
  /** Stops the extension's worker; resolves once its target is gone. */
  stop(timeoutMs?: number): Promise<void>;
  /** Resolves once the worker's export is idle: no run, its end announced and audited (sandbox build). */
  exportIdle(timeoutMs?: number): Promise<void>;
  running(): boolean;
  /** Resolves when the worker runs again (polling every `everyMs`). */
  waitRunning(timeoutMs?: number, everyMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function workerControl(browser: Browser, extensionId: string): Promise<WorkerControl> {
  const running = () => browser.targets().some(isExtensionWorker(extensionId));
  const until = async (want: boolean, timeoutMs: number, everyMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    while (running() !== want) {
      if (Date.now() > deadline) throw new Error(what);
      await sleep(everyMs);
    }
  };
  const worker = async (timeoutMs: number) => {
    const target = await browser.waitForTarget(isExtensionWorker(extensionId), { timeout: timeoutMs });
    const found = await target.worker();
    if (!found) throw new Error('No worker behind the service worker target.');
    return found;
  };
  return {
    running,
    async stop(timeoutMs = 10_000) {
      await (await worker(timeoutMs)).close();
      await until(false, timeoutMs, 5, 'The service worker did not stop.');
    },
    async exportIdle(timeoutMs = 10_000) {
      await (await worker(timeoutMs)).evaluate(() =>
        (globalThis as unknown as { yokoyCompanionTest: { exportIdle: () => Promise<void> } }).yokoyCompanionTest.exportIdle(),
      );
    },
    waitRunning: (timeoutMs = 20_000, everyMs = 5) => until(true, timeoutMs, everyMs, 'The service worker did not start again.'),
    async close() {},
  };
}

/** Samples the worker's used JS heap every `intervalMs` until stopped. */
export function sampleWorkerHeap(browser: Browser, extensionId: string, intervalMs = 200) {
  const samples: number[] = [];
  let session: CDPSession | undefined;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        if (!session) {
          const target = browser.targets().find(isExtensionWorker(extensionId));
          session = target ? await target.createCDPSession() : undefined;
        }
        if (session) samples.push((await session.send('Runtime.getHeapUsage')).usedSize);
      } catch {
        // The worker went away between two samples; attach again on the next turn.
        await session?.detach().catch(() => undefined);
        session = undefined;
      }
      await sleep(intervalMs);
    }
  })();
  return {
    async stop(): Promise<number[]> {
      stopped = true;
      await loop;
      await session?.detach().catch(() => undefined);
      return samples;
    },
  };
}

/**
 * What the worker holds: its used JS heap right after a full collection. The sampled peak also
 * counts garbage V8 has not collected yet (it collects when its limit is reached, and moves the
 * limit up as it goes): 22–79 MB peaks in export runs whose live heap was 3–4 MB.
 */
export async function liveWorkerHeap(browser: Browser, extensionId: string): Promise<number | undefined> {
  const target = browser.targets().find(isExtensionWorker(extensionId));
  if (!target) return undefined;
  let session: CDPSession | undefined;
  try {
    session = await target.createCDPSession();
    await session.send('HeapProfiler.collectGarbage');
    return (await session.send('Runtime.getHeapUsage')).usedSize;
  } catch {
    return undefined; // the worker went away meanwhile
  } finally {
    await session?.detach().catch(() => undefined);
  }
}
