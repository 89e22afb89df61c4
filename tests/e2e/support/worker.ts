/**
 * Stops the extension's service worker through the DevTools protocol (closing its target and
 * detaching, as Chrome's own guide to testing worker termination with Puppeteer does), the way
 * Chrome stops an idle one, so tests can prove the queue survives it.
 */
import type { Browser } from 'puppeteer-core';

export async function stopServiceWorker(browser: Browser, extensionId: string): Promise<boolean> {
  const host = `chrome-extension://${extensionId}/`;
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(host), { timeout: 10_000 });
  const worker = await target.worker();
  if (!worker) return false;
  // A worker stopping by itself at that moment leaves no session to detach: judged below.
  await worker.close().catch(() => undefined);
  // Stopped once the target is gone (it comes back when an event wakes the worker).
  for (let i = 0; i < 100; i++) {
    if (!browser.targets().includes(target)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
