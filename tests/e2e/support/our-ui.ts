/**
 * Reads the companion's in-page UI the way only the extension can: its shadow roots are closed
 * (issue 12), so the page's own JavaScript sees the host elements and nothing inside them. The
 * tests look in from the content script's isolated world (over CDP), where
 * `chrome.dom.openOrClosedShadowRoot` opens a closed root; they act on it with trusted input
 * (page.mouse, page.keyboard) at the coordinates they read there.
 *
 *   const text = await inOurUi(page, (root) => root('yokoy-companion-guide')?.querySelector('h2')?.textContent);
 *
 * The function is sent as source text and runs in the isolated world: it may use only its
 * arguments (`root(host)` and the JSON-serialisable `arg`), not variables of the test.
 */
import type { CDPSession, Page } from 'puppeteer-core';

type RootOf = (host: string) => ShadowRoot | null;

interface Tracker {
  session: CDPSession;
  contexts: Map<number, { origin: string; frameId?: string; type?: string }>;
}

const trackers = new WeakMap<Page, Promise<Tracker>>();

function track(page: Page): Promise<Tracker> {
  let tracker = trackers.get(page);
  if (!tracker) {
    tracker = (async () => {
      const session = await page.createCDPSession();
      const contexts: Tracker['contexts'] = new Map();
      session.on('Runtime.executionContextCreated', ({ context }) =>
        contexts.set(context.id, { origin: context.origin, frameId: context.auxData?.frameId, type: context.auxData?.type }),
      );
      session.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
      session.on('Runtime.executionContextsCleared', () => contexts.clear());
      await session.send('Runtime.enable');
      return { session, contexts };
    })();
    trackers.set(page, tracker);
  }
  return tracker;
}

async function contentWorld(_page: Page, tracker: Tracker): Promise<number | undefined> {
  const { frameTree } = await tracker.session.send('Page.getFrameTree');
  const top = frameTree.frame.id;
  let found: number | undefined;
  for (const [id, c] of tracker.contexts)
    if (c.type === 'isolated' && c.origin.startsWith('chrome-extension://') && c.frameId === top) found = id;
  return found;
}

/** Runs `fn(root, arg)` in the content script's world; undefined when that world is not there (yet). */
export async function inOurUi<T, A = undefined>(page: Page, fn: (root: RootOf, arg: A) => T, arg?: A): Promise<T | undefined> {
  const tracker = await track(page);
  const id = await contentWorld(page, tracker);
  if (id === undefined) return undefined;
  const expression = `(() => {
    const root = (host) => { const el = document.querySelector(host); return el ? chrome.dom.openOrClosedShadowRoot(el) : null; };
    return (${fn.toString()})(root, ${JSON.stringify(arg ?? null)});
  })()`;
  const result = await tracker.session
    .send('Runtime.evaluate', { expression, contextId: id, returnByValue: true, awaitPromise: true })
    .catch(() => undefined);
  if (!result || result.exceptionDetails) return undefined;
  return result.result.value as T;
}

/** Waits until `fn` returns something truthy in the content script's world, and returns it. */
export async function waitInOurUi<T, A = undefined>(
  page: Page,
  fn: (root: RootOf, arg: A) => T,
  arg?: A,
  timeout = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await inOurUi(page, fn, arg);
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting in the companion's UI for: ${fn.toString().slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Clicks a control inside one of our roots as a user does: waits until it is armed (shown for
 * long enough, not covered: lib/in-page/trusted.ts), then a real mouse click at its centre.
 */
export async function clickInOurUi(page: Page, host: string, selector: string, timeout = 10_000): Promise<void> {
  const box = await waitInOurUi(
    page,
    (root, a) => {
      const el = root(a.host)?.querySelector(a.selector);
      if (el?.getAttribute('data-armed') !== 'true') return null;
      const r = el.getBoundingClientRect();
      return r.width > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    },
    { host, selector },
    timeout,
  );
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
