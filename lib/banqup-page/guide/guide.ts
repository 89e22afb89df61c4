/**
 * The setup guide on Banqup's pages: mounts the panel and the spotlight in a closed shadow root
 * (lib/in-page/mount), re-detects the step whenever the page changes (lib/in-page/watch: MutationObserver, input,
 * history, coalesced to one run per frame; nothing runs while the page is idle), and tears
 * everything down on close or when the extension goes away (ctx). The guide's state lives in
 * sessionStorage, so a reload or the round trip through Yokoy's sign-in reopens it.
 *
 * A chunk of its own (modules/banqup-page-module.ts), loaded only when the guide opens
 * (./loader.ts), so the code on every Banqup page stays small. It imports nothing that
 * carries runtime weight twice: the mount (with the gate and the watcher) and the messaging come in through `env`.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createGuidePanel, type GuidePanel, type PanelView } from './panel';
import { createGuideSpotlight, type GuideSpotlight } from './spotlight';
import { createDetectionReads, detectStep, mayChangeDetection, type Detection } from './detect';
import { fillRefusal, formRefusal, selectOption, setValueLikeUser } from './fill';
import { readSession, writeSession, type GuideSession } from './session';
import { steps, type VaultField } from '../../sites/banqup/setup-steps';
import { pickLanguage } from '../../i18n';
import { guideText } from './text';
import type { Ask } from '../../messaging/ask';
import type { GuideContextAnswer } from '../../messaging/protocol';
import { banqupControls, type banqupLabels } from '../../sites/banqup/wizard';
import { detectPlatform, newPlatformControls, type PlatformReading } from '../../sites/banqup/platforms';
import { labelsInOrder, locateControl } from '../../in-page/locate';
import { holeFor, placePanel, type Box } from '../../in-page/geometry';
import type { GateFactory } from '../../in-page/trusted';
import type { InPageUi, Mount } from '../../in-page/mount';

export const GUIDE_HOST = 'yokoy-companion-guide';

export interface GuideEnv {
  ask: Ask;
  /** lib/in-page/mount's, passed in from the page module (see the header). */
  mount: Mount;
  doc?: Document;
  win?: Window;
  /** Sandbox build: the look-alike's origin counts as Banqup (for the fill policy). */
  sandbox: boolean;
  /** Where focus goes on close when nothing on the page had it (the launcher). */
  fallbackFocus?: () => HTMLElement | null | undefined;
  /** Another gate: unit tests only (happy-dom has no trusted events). */
  gate?: GateFactory;
}

export interface Guide {
  open(): Promise<void>;
  /** Closes it as the user would: the session forgets it, focus goes back. */
  close(): void;
  /** Removes it without touching the session (teardown: the page or extension goes away). */
  remove(): void;
  readonly isOpen: boolean;
}

/**
 * The page's element that has focus. One of our own closed hosts (the launcher's) hides its
 * button: then the fallback (the launcher's button, by reference) takes focus back.
 */
function pageActiveElement(doc: Document): HTMLElement | undefined {
  const el = doc.activeElement;
  if (!(el instanceof HTMLElement) || el === doc.body || el.localName.startsWith('yokoy-companion-')) return undefined;
  return el;
}

const rectOf = (el: Element): Box => {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
};

export function createGuide(ctx: ContentScriptContext, env: GuideEnv): Guide {
  const doc = env.doc ?? document;
  const win = env.win ?? window;
  const storage = (() => {
    try {
      return win.sessionStorage;
    } catch {
      return undefined;
    }
  })();
  let running: { stop: () => void; focusTitle: () => void } | undefined;

  async function open(): Promise<void> {
    if (running) return running.focusTitle();
    const returnFocus = pageActiveElement(doc);
    const session: GuideSession = { ...readSession(storage), open: true };
    writeSession(storage, session);
    const abort = new AbortController();
    const { signal } = abort;
    const language = pickLanguage(doc.documentElement.lang, win.navigator.language);
    const t = guideText(language);

    let detection: Extract<Detection, { busy: false }> | undefined;
    /** Set on new Banqup, where the wizard does not exist (lib/sites/banqup/platforms.ts). */
    let platform: PlatformReading | undefined;
    let viewIndex = 0;
    let context: GuideContextAnswer | undefined;
    let note: string | undefined;
    let panel!: GuidePanel;
    let spotlight!: GuideSpotlight;
    let layer!: HTMLElement;

    const refreshContext = async () => {
      const answer = await env.ask({ type: 'guide.context' });
      if (signal.aborted) return;
      context = answer.ok ? answer.value : context;
      render();
    };
    const targetOf = (field: VaultField) => (detection?.step.fill === field ? detection.target : undefined);
    // The field the guide located when it arrived at the current fill step: what the user saw.
    // One added or swapped in by the page later never receives a value.
    let watched: { index: number; el: Element } | undefined;
    const refusal = (field: VaultField, el: Element | undefined) =>
      fillRefusal(field, el, win.location, env.sandbox) ??
      formRefusal(field, el as HTMLInputElement, {
        location: win.location,
        watched: watched?.index === detection?.index ? watched?.el : undefined,
      });
    const handlers = {
      back: () => move(viewIndex - 1),
      next: () => move(viewIndex + 1),
      close: () => close(),
      goCurrent: () => move(detection?.index ?? 0),
      acknowledge: () => {
        if (!detection) return;
        session.acknowledged = [...new Set([...session.acknowledged, detection.step.id])];
        writeSession(storage, session);
        update();
      },
      fill: async (field: VaultField) => {
        const target = targetOf(field);
        if (refusal(field, target)) {
          note = t('fillRefused');
          return render();
        }
        const answer = await env.ask({ type: 'fill.value', field });
        // Checked again after the wait: the page may have changed meanwhile.
        const now = targetOf(field);
        if (signal.aborted || !now || now !== target || refusal(field, now)) return;
        if (answer.ok && answer.value.value) setValueLikeUser(now as HTMLInputElement, answer.value.value);
        else {
          note = t('missing');
          render();
        }
      },
      openYokoy: () => void env.ask({ type: 'open.yokoyDeveloperPage' }),
      recheck: () => void refreshContext(),
      chooseEntity: (entity: { id: string; name: string }) => {
        const select = locateControl(doc, banqupControls.legalEntity, language);
        if (select instanceof HTMLSelectElement) selectOption(select, entity);
      },
      exportFirst: () => void env.ask({ type: 'open.exportView' }),
    };

    function move(index: number) {
      viewIndex = Math.max(0, Math.min(steps.length - 1, index));
      note = undefined;
      render();
    }

    /**
     * Detection's share of the main thread stays under 1/DUTY when the page keeps changing:
     * a user's action (no more than STORM detections in the last second) is followed at once;
     * where detection is dear (a 3,000-row list whose ticked rows change every frame) changes
     * then coalesce until DUTY times its cost passed since the last run (a 30 ms detection: at
     * most one every 450 ms). Cheap detections (< 4 ms) are never held back.
     */
    /** What the last detection read: which page changes may change it (lib/banqup-page/guide/detect: `mayChangeDetection`). */
    const reads = createDetectionReads();
    const DUTY = 15;
    const STORM = 3;
    let lastRunAt = -Infinity;
    let lastCost = 0;
    const recentRuns: number[] = [];
    let deferred: ReturnType<typeof setTimeout> | undefined;
    function contentChanged() {
      if (deferred !== undefined) return;
      const now = win.performance.now();
      while (recentRuns.length && recentRuns[0]! < now - 1_000) recentRuns.shift();
      const wait = lastRunAt + lastCost * DUTY - now;
      if (lastCost < 4 || wait <= 0 || recentRuns.length < STORM) return update();
      deferred = setTimeout(() => {
        deferred = undefined;
        if (!signal.aborted) update();
      }, wait);
    }
    signal.addEventListener('abort', () => clearTimeout(deferred));

    function update() {
      const startedAt = win.performance.now();
      const reading = detectPlatform(doc, win.location, language);
      if (reading.platform === 'new') {
        // Not a detection of the steps: every change that may matter counts again.
        Object.assign(reads, { settled: false, busy: false });
        platform = reading;
        return renderNewPlatform();
      }
      platform = undefined;
      const found = detectStep(doc, win.location, { language, acknowledged: session.acknowledged, reads });
      lastRunAt = win.performance.now();
      lastCost = lastRunAt - startedAt;
      recentRuns.push(lastRunAt);
      if (recentRuns.length > STORM * 4) recentRuns.shift();
      if (found.busy) return; // Banqup is drawing: keep what the guide shows.
      const changed = found.index !== detection?.index || found.control !== detection?.control;
      detection = found;
      if (watched && watched.index !== found.index) watched = undefined;
      if (!watched && found.step.fill && found.target) watched = { index: found.index, el: found.target };
      if (changed) {
        viewIndex = found.index;
        note = undefined;
        if (found.step.extra || found.step.fill) void refreshContext();
        if (found.target) scrollIntoViewIfNeeded(found.target);
      }
      render();
    }

    function scrollIntoViewIfNeeded(target: Element) {
      const r = target.getBoundingClientRect();
      if (r.top < 0 || r.bottom > win.innerHeight) target.scrollIntoView({ block: 'center' });
    }

    /** New Banqup: the app launcher highlighted as what the guide recognised; no steps. */
    function renderNewPlatform() {
      if (!platform || !panel) return;
      panel.update({
        t,
        index: 0,
        total: steps.length,
        step: steps[0]!,
        currentIndex: 0,
        context,
        note,
        newPlatform: { apps: platform.apps },
      });
      const target = locateControl(doc, newPlatformControls.appLauncher, language);
      const viewport = { width: win.innerWidth, height: win.innerHeight };
      const hole = target ? holeFor(rectOf(target), [], viewport) : undefined;
      spotlight.update(viewport, hole);
      const place = placePanel({ width: panel.el.offsetWidth, height: panel.el.offsetHeight }, viewport, hole);
      panel.el.style.left = `${place.x}px`;
      panel.el.style.top = `${place.y}px`;
      layer.dataset.step = 'new-platform';
      layer.dataset.control = target ? 'appLauncher' : '';
      const box = target && rectOf(target);
      layer.dataset.target = box ? [box.x, box.y, box.width, box.height].map(Math.round).join(',') : '';
    }

    /** Only positions may have changed: render again only if the highlighted box or the viewport moved. */
    let placed = '';
    const placement = () => {
      const target = viewIndex === detection?.index ? detection.target : undefined;
      const box = target?.isConnected ? rectOf(target) : undefined;
      return `${viewIndex}|${win.innerWidth}x${win.innerHeight}|${box ? [box.x, box.y, box.width, box.height].join(',') : ''}`;
    };
    function relayout() {
      if (viewIndex !== detection?.index || placement() !== placed) render();
    }
    // Page changes away from what the guide reads are not reported (lib/in-page/watch); one that
    // moves the highlighted control resizes something around it: ResizeObserver calls back after
    // layout, so reading positions then costs nothing extra (a read every frame forced a layout
    // of the whole page: ~17 ms a frame on a 3,000-row list).
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(() => relayout()) : undefined;
    let observed: Element | undefined;
    const observeTarget = (target: Element | undefined) => {
      if (!resized || target === observed) return;
      if (observed) resized.unobserve(observed);
      observed = target;
      if (target) resized.observe(target);
    };
    if (resized) {
      resized.observe(doc.documentElement);
      if (doc.body) resized.observe(doc.body);
      signal.addEventListener('abort', () => resized.disconnect());
    }

    function render() {
      if (platform) return renderNewPlatform();
      if (!detection || !panel) return;
      placed = placement();
      observeTarget(viewIndex === detection.index ? detection.target : undefined);
      const viewed = steps[viewIndex]!;
      const current = viewIndex === detection.index;
      // The viewed step's control on this page: the detected one, or (previewing) the first found.
      const target = current
        ? detection.target
        : viewed.actions.map((a) => locateControl(doc, banqupControls[a.target], language)).find(Boolean);
      // Shown while previewing: its removal must reach the guide as the detected one's does.
      if (target) reads.located.add(target);
      const controlName = (control: keyof typeof banqupControls) => {
        const labels = (banqupControls[control] as { labels?: typeof banqupLabels.yokoy }).labels;
        return labels ? labelsInOrder(labels, language)[0] : undefined;
      };
      const view: PanelView = {
        t,
        index: viewIndex,
        total: steps.length,
        step: viewed,
        currentIndex: detection.index,
        missing: current && !detection.target ? ((detection.control && controlName(detection.control)) ?? t(viewed.title)) : undefined,
        context,
        note,
      };
      panel.update(view);
      const viewport = { width: win.innerWidth, height: win.innerHeight };
      const labels = target instanceof HTMLInputElement && target.labels ? [...target.labels].map(rectOf) : [];
      const hole = target ? holeFor(rectOf(target), labels, viewport) : undefined;
      spotlight.update(viewport, hole);
      const place = placePanel({ width: panel.el.offsetWidth, height: panel.el.offsetHeight }, viewport, hole);
      panel.el.style.left = `${place.x}px`;
      panel.el.style.top = `${place.y}px`;
      // For tests and demos: what is shown, and the control's own box (the hole adds its label).
      layer.dataset.step = viewed.id;
      layer.dataset.control = (current && detection.control) || '';
      const box = target && rectOf(target);
      layer.dataset.target = box ? [box.x, box.y, box.width, box.height].map(Math.round).join(',') : '';
    }

    let ui: InPageUi | undefined;
    const onKey = (event: KeyboardEvent) => {
      // A page script's synthetic key (dispatched on our host or anywhere) moves nothing.
      if (!ui?.gate.key(event)) return;
      const inGuide = event.composedPath().some((n) => n instanceof Element && n.localName === GUIDE_HOST);
      if (event.key === 'Escape') {
        // The page's own menu or dialog takes Esc first.
        if (!inGuide && (event.defaultPrevented || doc.querySelector('dialog[open], [role="menu"]:not([hidden])'))) return;
        event.preventDefault();
        close();
      } else if (inGuide && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
        event.preventDefault();
        move(viewIndex + (event.key === 'ArrowRight' ? 1 : -1));
      }
    };

    const stop = () => {
      if (signal.aborted) return;
      abort.abort();
      ui?.remove();
      running = undefined;
    };
    running = { stop, focusTitle: () => panel?.el.querySelector<HTMLElement>('#guide-title')?.focus() };
    // Every click and key in the guide passes the user-gesture gate first (lib/in-page/trusted.ts).
    ui = await env.mount(ctx, {
      name: GUIDE_HOST,
      doc,
      lang: language,
      gate: env.gate,
      // Changes away from everything the guide reads only re-place the highlight (lib/in-page/watch).
      watch: {
        relevant: (record) => mayChangeDetection(record, reads),
        onChange: (change) => (change.content || !detection ? contentChanged() : relayout()),
      },
      render(container) {
        panel = createGuidePanel(handlers, t);
        spotlight = createGuideSpotlight();
        layer = doc.createElement('div');
        layer.className = 'guide';
        // Clicks in the guide are not the page's: Banqup closes its menus on outside clicks.
        layer.addEventListener('click', (e) => e.stopPropagation());
        layer.append(...spotlight.nodes, panel.el);
        container.append(layer);
      },
    });
    if (signal.aborted || ui.signal.aborted) return ui.remove();
    signal.addEventListener('abort', ctx.onInvalidated(stop));
    signal.addEventListener('abort', () => {
      // Focus back where it was before the guide opened (or on the launcher).
      const to = returnFocus?.isConnected ? returnFocus : env.fallbackFocus?.();
      to?.focus();
    });
    win.addEventListener('keydown', onKey, { signal });
    void refreshContext();
    update();
    panel.el.querySelector<HTMLElement>('#guide-title')?.focus();
  }

  function close() {
    if (!running) return;
    running.stop();
    writeSession(storage, { open: false, acknowledged: [] });
  }

  return {
    open,
    close,
    remove: () => running?.stop(),
    get isOpen() {
      return Boolean(running);
    },
  };
}
