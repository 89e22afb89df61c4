/**
 * Calls `onChange` at most once per animation frame after the page changed: DOM mutations,
 * form input (values are properties, invisible to a MutationObserver), history navigation
 * (popstate; pushState through the Navigation API where the browser has it, and through the
 * DOM changes a single-page app makes anyway), scrolling and resizing. No timer and no
 * polling: an idle page costs nothing. Stops with the signal.
 */
export interface WatchEnv {
  doc: Document;
  win: Window & { navigation?: EventTarget };
  signal: AbortSignal;
  /** Elements whose own changes are not the page's (our shadow hosts). */
  ignore?: (node: Node) => boolean;
}

export function watchPage(env: WatchEnv, onChange: () => void): void {
  const { doc, win, signal } = env;
  let frame = 0;
  const schedule = () => {
    if (frame || signal.aborted) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      if (!signal.aborted) onChange();
    });
  };
  const observer = new MutationObserver((records) => {
    if (env.ignore && records.every((r) => env.ignore!(r.target))) return;
    schedule();
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-checked', 'aria-expanded', 'checked', 'hidden', 'disabled', 'value', 'class', 'aria-busy'] });
  const options = { capture: true, passive: true, signal };
  for (const type of ['input', 'change']) doc.addEventListener(type, schedule, options);
  for (const type of ['popstate', 'hashchange', 'resize', 'scroll']) win.addEventListener(type, schedule, options);
  win.navigation?.addEventListener('currententrychange', schedule, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (frame) win.cancelAnimationFrame(frame);
  });
}
