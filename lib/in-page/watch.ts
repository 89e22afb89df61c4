/**
 * How every in-page UI watches the page (the guide, the Yokoy assistant, the export helpers;
 * lib/in-page/mount.ts wires it to a mounted UI): calls `onChange` at most once per animation
 * frame after the page changed (content changes just after the frame is painted, see below):
 * DOM mutations, form input (values are properties, invisible to a MutationObserver), history
 * navigation (popstate; pushState through the Navigation API where the browser has it, and
 * through the DOM changes a single-page app makes anyway), scrolling and resizing. No timer and no polling: an idle page costs nothing. Stops with the signal.
 *
 * On a big page that changes every frame (a 3,000-row list updating live) most changes cannot
 * change what a UI reads: with `relevant` (a CSS selector for every element the UI's locators
 * read, or a test of one mutation), a change that touches none of them is not reported at all.
 * Scrolling and resizing are reported as layout only (`content: false`: things moved, what the
 * page shows has not changed); the guide then re-places its highlight without detecting the
 * step again. (A change that moves the highlighted control without touching it is the guide's
 * to notice through a ResizeObserver, which runs after layout instead of forcing one every
 * frame.) A UI that reads less asks for less: `attributes`, `text`, `input` and `layout`.
 */
export interface WatchEnv {
  doc: Document;
  win: Window & { navigation?: EventTarget };
  signal: AbortSignal;
  /** Elements whose own changes are not the page's (our shadow hosts). */
  ignore?: (node: Node) => boolean;
  /** Elements whose changes may change the detection, or a test of one mutation, called for every record (see the header); default: every change may. */
  relevant?: string | ((record: MutationRecord) => boolean);
  /** The attributes whose changes count (default: the state attributes below); [] for none. */
  attributes?: readonly string[];
  /** Whether text changed in place counts (default true). */
  text?: boolean;
  /** Whether form input (input, change) counts (default true). */
  input?: boolean;
  /** Whether scrolling and resizing are reported, as layout only (default true). */
  layout?: boolean;
}

/** States the page's controls show through attributes (what locators and scans read). */
const stateAttributes = ['aria-checked', 'aria-expanded', 'checked', 'hidden', 'disabled', 'value', 'class', 'aria-busy'];

export interface PageChange {
  /** False when only positions may have changed (scroll, resize, changes away from every relevant element). */
  content: boolean;
}

/** Whether a mutation may change what a locator reading `relevant` elements finds. */
export function mayMatter(record: MutationRecord, relevant: string): boolean {
  const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
  if (!target) return true;
  try {
    // Inside (or on) a relevant element: its name, state or visibility may have changed.
    if (target.closest(relevant)) return true;
    if (record.type === 'childList') {
      for (const list of [record.addedNodes, record.removedNodes]) {
        for (const node of list)
          if (node.nodeType === 1 && ((node as Element).matches(relevant) || (node as Element).querySelector(relevant))) return true;
      }
      return false;
    }
    // `hidden` or `inert` on an ancestor shows or hides what it holds.
    if (record.type === 'attributes' && (record.attributeName === 'hidden' || record.attributeName === 'inert'))
      return target.querySelector(relevant) !== null;
    return false;
  } catch {
    return true;
  }
}

export function watchPage(env: WatchEnv, onChange: (change: PageChange) => void): void {
  const { doc, win, signal } = env;
  let frame = 0;
  let afterFrame: number | undefined;
  let content = false;
  const report = () => {
    frame = 0;
    afterFrame = undefined;
    const change = { content };
    content = false;
    if (!signal.aborted) onChange(change);
  };
  // Layout only (scroll, resize): at the frame, so a highlight moves with the page; reading
  // positions then costs nothing (scrolling leaves layout clean). Content: just after the frame
  // has been laid out and painted. The page changed its DOM in this frame's callbacks, so
  // reading a position in ours would force the browser to lay the page out early, inside our
  // script (bench "rows redrawn", 3,000 rows: 37.1 → 25.7 ms of extension script per frame).
  const schedule = (isContent: boolean) => {
    content ||= isContent;
    if (frame || signal.aborted) return;
    frame = win.requestAnimationFrame(() => {
      if (content) afterFrame = win.setTimeout(report, 0);
      else report();
    });
  };
  const { relevant, attributes = stateAttributes } = env;
  const matters = typeof relevant === 'string' ? (r: MutationRecord) => mayMatter(r, relevant) : relevant;
  const observer = new MutationObserver((records) => {
    const own = env.ignore ? records.filter((r) => !env.ignore!(r.target)) : records;
    if (!own.length) return;
    if (!matters) return schedule(true);
    // Every record is shown to `relevant`, not only up to the first that matters: a UI may
    // note what each one changed (the export helpers re-read only what a change touched).
    let any = false;
    for (const record of own) if (matters(record)) any = true;
    if (any) schedule(true);
  });
  observer.observe(doc.documentElement, {
    subtree: true,
    childList: true,
    characterData: env.text ?? true,
    ...(attributes.length ? { attributes: true, attributeFilter: [...attributes] } : {}),
  });
  const options = { capture: true, passive: true, signal };
  const contentChanged = () => schedule(true);
  const layoutChanged = () => schedule(false);
  if (env.input ?? true) for (const type of ['input', 'change']) doc.addEventListener(type, contentChanged, options);
  for (const type of ['popstate', 'hashchange']) win.addEventListener(type, contentChanged, options);
  if (env.layout ?? true) for (const type of ['resize', 'scroll']) win.addEventListener(type, layoutChanged, options);
  win.navigation?.addEventListener('currententrychange', contentChanged, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (frame) win.cancelAnimationFrame(frame);
    if (afterFrame !== undefined) win.clearTimeout(afterFrame);
  });
}
