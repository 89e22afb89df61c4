/** The page watcher: one run per frame after changes, none while the page is idle, none after stop. */
import { describe, expect, it } from 'vitest';
import { watchPage } from '../../lib/guide/watch';

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

describe('watching the page', () => {
  it('coalesces a burst of changes into one run, and stays silent while idle', async () => {
    const abort = new AbortController();
    let runs = 0;
    watchPage({ doc: document, win: window, signal: abort.signal }, () => runs++);
    for (let i = 0; i < 5; i++) document.body.append(document.createElement('p'));
    document.body.dispatchEvent(new Event('input', { bubbles: true }));
    await frame();
    await frame();
    expect(runs).toBe(1);
    await frame();
    await frame();
    expect(runs).toBe(1);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await frame();
    expect(runs).toBe(2);
    abort.abort();
    document.body.append(document.createElement('p'));
    await frame();
    await frame();
    expect(runs).toBe(2);
  });
});
