/**
 * The user's own gestures, and nothing else, act on the companion's in-page UI (issue 12). Any
 * script on Banqup's or Yokoy's page can call `.click()` or `dispatchEvent` on what it can reach,
 * and can lay its own elements over ours to steer a real click. So every UI root gets one gate,
 * a capture-phase listener on its (closed) shadow root that runs before any of our handlers:
 *
 * - `isTrusted`: only the browser's own input events (a real pointer or key) pass;
 * - just shown: a button refuses clicks for ARM_DELAY_MS after it came into view, so a page
 *   cannot pop our button under a cursor that was about to click something else;
 * - covered: for a pointer click, the topmost element at the click point must be our host in the
 *   document and, inside our root, the button itself (a keyboard click has no point: the page
 *   cannot move our focus inside a closed root);
 * - hidden (IntersectionObserver v2, where the browser has it): a button the browser says is
 *   not visible (occluded, transparent, filtered, e.g. by a page rule on our host element)
 *   refuses clicks.
 * A refused event stops there, with no visible effect and no message to the worker. Keyboard
 * shortcuts ask `key()`: only trusted keys count.
 *
 * Each button shown carries `data-armed` once it may be clicked, inside the closed root where
 * only the extension (and tests, through the content script's world) can read it.
 */
export const ARM_DELAY_MS = 500;

export interface GestureGate {
  /** Whether this click on one of our elements is the user's own (no side effect). */
  click(event: MouseEvent): boolean;
  key(event: KeyboardEvent): boolean;
  stop(): void;
}

export interface GateTarget {
  root: ShadowRoot;
  host: Element;
  doc: Document;
}

/** Builds the gate for one UI root; swappable in unit tests (happy-dom has no trusted events). */
export type GateFactory = (target: GateTarget) => GestureGate;

const clickable = 'button, a[href], input, select, [role="button"]';

interface Seen {
  shownAt: number;
  visible?: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

export const userGestures: GateFactory = ({ root, host, doc }) => {
  const win = doc.defaultView ?? window;
  const now = () => win.performance.now();
  const seen = new WeakMap<Element, Seen>();
  const observed = new Set<Element>();

  const arm = (el: Element, entry: Seen) => {
    el.removeAttribute('data-armed');
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      if (seen.get(el) === entry && entry.visible !== false) el.setAttribute('data-armed', 'true');
    }, ARM_DELAY_MS);
  };

  const onEntries = (entries: IntersectionObserverEntry[]) => {
    for (const entry of entries) {
      const el = entry.target;
      const v2 = (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible;
      if (!entry.isIntersecting) {
        const old = seen.get(el);
        if (old?.timer) clearTimeout(old.timer);
        seen.delete(el);
        el.removeAttribute('data-armed');
        continue;
      }
      const old = seen.get(el);
      // Newly in view, or visible again after being hidden: the delay starts again.
      if (!old || (old.visible === false && v2 !== false)) {
        const fresh: Seen = { shownAt: now(), visible: v2 };
        seen.set(el, fresh);
        arm(el, fresh);
      } else {
        old.visible = v2;
        if (v2 === false) el.removeAttribute('data-armed');
      }
    }
  };
  // v2 (trackVisibility) where the browser has it; a plain observer elsewhere.
  let io: IntersectionObserver;
  try {
    io = new IntersectionObserver(onEntries, { trackVisibility: true, delay: 100 } as IntersectionObserverInit);
  } catch {
    io = new IntersectionObserver(onEntries);
  }
  const observeAll = () => {
    for (const el of root.querySelectorAll(clickable)) {
      if (observed.has(el) && el.isConnected) continue;
      observed.add(el);
      io.observe(el);
    }
    for (const el of observed) if (!el.isConnected) observed.delete(el);
  };
  const mo = new MutationObserver(observeAll);
  mo.observe(root, { childList: true, subtree: true });
  observeAll();

  const gate: GestureGate = {
    click(event) {
      if (!event.isTrusted) return false;
      const path = event.composedPath();
      const control = path.find((n): n is Element => n instanceof Element && n.matches(clickable) && root.contains(n));
      if (!control) return true; // a click on our panel's background does nothing anyway
      const state = seen.get(control);
      if (!state || now() - state.shownAt < ARM_DELAY_MS || state.visible === false) return false;
      // A keyboard activation (Enter, Space) has detail 0 and no point.
      if (event.detail > 0) {
        if (doc.elementFromPoint(event.clientX, event.clientY) !== host) return false;
        const inner = root.elementFromPoint(event.clientX, event.clientY);
        if (!inner || !control.contains(inner)) return false;
      }
      return true;
    },
    key: (event) => event.isTrusted,
    stop() {
      mo.disconnect();
      io.disconnect();
    },
  };
  const refuse = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const onClick = (event: Event) => {
    if (!gate.click(event as MouseEvent)) refuse(event);
  };
  // Untrusted keys never reach our handlers either (a synthetic Enter does not click anyway).
  const onKey = (event: Event) => {
    if (!event.isTrusted) refuse(event);
  };
  root.addEventListener('click', onClick, { capture: true });
  root.addEventListener('keydown', onKey, { capture: true });
  const stop = gate.stop;
  gate.stop = () => {
    stop();
    root.removeEventListener('click', onClick, { capture: true });
    root.removeEventListener('keydown', onKey, { capture: true });
  };
  return gate;
};
