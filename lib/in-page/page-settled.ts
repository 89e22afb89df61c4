/**
 * Resolves once the page has loaded and the browser reports idle time: the moment a content
 * script's non-urgent work (the launcher, the export helpers) should start, so it never competes
 * with the page's own first render (issue 7: cost on Banqup's page). The timeout bounds the wait
 * on a page that is never idle. Tied to `signal`: an extension that goes away mid-wait starts
 * nothing.
 */
export function pageSettled(win: Window, signal: AbortSignal, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const done = () => resolve(!signal.aborted);
    const idle = () => {
      if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(done, { timeout: timeoutMs });
      else win.setTimeout(done, 0);
    };
    if (win.document.readyState === 'complete') idle();
    else win.addEventListener('load', idle, { once: true, signal });
    signal.addEventListener('abort', () => resolve(false), { once: true });
  });
}
