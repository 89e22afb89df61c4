/**
 * Figure 6: a message to a stopped service worker until its answer. The worker is stopped
 * through the DevTools protocol (as Chrome idles it out); then an extension page that is
 * already open (so the page's own start-up is not counted) sends `{type: 'status'}` and times
 * the round trip with `performance.now()`. Chrome starts the worker, runs its top level (the
 * whole background bundle: router, vault, export runner with its IndexedDB recovery) and only
 * then delivers the message.
 */
import type { Browser } from 'puppeteer-core';
import { figure, type Figure } from './lib/figure';
import { workerControl } from './lib/worker-control';

const GROUP = 'coldstart';

export async function measureWorkerColdStart(env: { browser: Browser; extensionId: string }, options: { runs: number }): Promise<Figure[]> {
  const control = await workerControl(env.browser, env.extensionId);
  const page = await env.browser.newPage();
  // options.html asks the worker for nothing on its own after it has loaded.
  await page.goto(`chrome-extension://${env.extensionId}/options.html`);
  await new Promise((r) => setTimeout(r, 500));
  const cold: number[] = [];
  const warm: number[] = [];
  const ask = () =>
    page.evaluate(async () => {
      const t = performance.now();
      const answer = (await chrome.runtime.sendMessage({ type: 'status' })) as { ok?: boolean } | undefined;
      if (!answer?.ok) throw new Error(`status answered ${JSON.stringify(answer)}`);
      return performance.now() - t;
    });
  try {
    for (let i = 0; i < options.runs; i++) {
      await control.stop();
      cold.push(await ask());
      warm.push(await ask());
      // Let the restarted worker finish its start-up work (runner recovery) before the next stop.
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    await page.close();
    await control.close();
  }
  return [
    figure({
      group: GROUP,
      id: 'coldstart.status',
      label: 'Worker cold start: status message answered',
      unit: 'ms',
      samples: cold,
      budget: { max: 150, text: '≤ 150' },
    }),
    figure({ group: GROUP, id: 'coldstart.warm', label: 'Same message, warm worker', unit: 'ms', samples: warm }),
  ];
}
