/**
 * pageSettled: the content script's work waits for the page's load and an idle period, and an
 * extension that goes away meanwhile starts nothing.
 */
import { describe, expect, it } from 'vitest';
import { pageSettled } from '../../lib/in-page/page-settled';

/** A window whose readyState and idle callbacks the test controls. */
function fakeWindow(readyState: DocumentReadyState) {
  const target = new EventTarget();
  const idle: (() => void)[] = [];
  const win = Object.assign(target, {
    document: { readyState },
    requestIdleCallback: (cb: () => void) => idle.push(cb),
    setTimeout: globalThis.setTimeout,
  });
  return { win: win as unknown as Window, idle, load: () => target.dispatchEvent(new Event('load')) };
}
/** Whether `p` has settled once every pending callback has run (a turn of the event loop, not a guess at time). */
const settledYet = async (p: Promise<unknown>) => Promise.race([p.then(() => true), new Promise((r) => setImmediate(() => r(false)))]);

describe('pageSettled', () => {
  it('waits for the load event, then for an idle period', async () => {
    const { win, idle, load } = fakeWindow('interactive');
    const settled = pageSettled(win, new AbortController().signal);
    expect(await settledYet(settled)).toBe(false);
    expect(idle).toHaveLength(0);
    load();
    expect(idle).toHaveLength(1);
    expect(await settledYet(settled)).toBe(false);
    idle[0]!();
    expect(await settled).toBe(true);
  });

  it('asks only for idle time on a page already loaded', async () => {
    const { win, idle } = fakeWindow('complete');
    const settled = pageSettled(win, new AbortController().signal);
    expect(idle).toHaveLength(1);
    idle[0]!();
    expect(await settled).toBe(true);
  });

  it('says no when the extension goes away before the page settles', async () => {
    const { win, idle, load } = fakeWindow('loading');
    const abort = new AbortController();
    const settled = pageSettled(win, abort.signal);
    abort.abort();
    expect(await settled).toBe(false);
    load();
    expect(idle).toHaveLength(0);
  });
});
