/**
 * Runs code inside the extension's content-script world on a page (its isolated world), so a
 * test can send messages exactly as a content script would: same sender, same tab, same URL.
 */
import type { Page } from 'puppeteer-core';

export async function evaluateInContentScript<T>(page: Page, extensionId: string, expression: string): Promise<T> {
  const session = await page.createCDPSession();
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
    session.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
    await session.send('Runtime.enable');
    const deadline = Date.now() + 5_000;
    let context: (typeof contexts)[number] | undefined;
    while (!(context = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`))) {
      if (Date.now() > deadline) throw new Error('No content-script world found on this page.');
      await new Promise((r) => setTimeout(r, 50));
    }
    const result = await session.send('Runtime.evaluate', { expression, contextId: context.id, awaitPromise: true, returnByValue: true });
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    return result.result.value as T;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/**
 * How many of the extension's content-script worlds the page has now: the DevTools protocol
 * reports every existing context when Runtime is enabled, before `Runtime.enable` answers, so
 * this is a snapshot, not a wait. Taken after the page's load event, when a `document_idle`
 * script would have run (Chrome injects those by `onload` at the latest).
 */
export async function contentScriptWorlds(page: Page, extensionId: string): Promise<number> {
  const session = await page.createCDPSession();
  try {
    let worlds = 0;
    session.on('Runtime.executionContextCreated', (event: { context: { origin: string; auxData?: { type?: string } } }) => {
      if (event.context.auxData?.type === 'isolated' && event.context.origin === `chrome-extension://${extensionId}`) worlds++;
    });
    await session.send('Runtime.enable');
    return worlds;
  } finally {
    await session.detach().catch(() => undefined);
  }
}
