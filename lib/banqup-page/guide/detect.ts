/**
 * Which step of FLOW A the user is at, read from the page alone (URL, DOM, control state):
 * the screen first (a URL path, a heading or a control that only it has), then the first
 * action on that screen that is not done. Steps before the screen are done by definition, so
 * an app already active or a switch already on is skipped. Pure: a Document and a URL in, a
 * plain answer out; a few querySelectorAll calls per run.
 */
import type { Language } from '../../i18n';
import { banqupBusy, banqupControls, banqupScreens, type BanqupControl, type ScreenId } from '../../sites/banqup/wizard';
import { createLocateMemo, locateControl, type ControlLocator, type LocateMemo } from '../../in-page/locate';
import { childrenMayChange, insideNameSource, soughtBy, type RunReads } from '../../in-page/sought';
import { mayMatter } from '../../in-page/watch';
import { newPlatformControls } from '../../sites/banqup/platforms';
import { screenStart, steps, type Action, type Step, type StepId } from '../../sites/banqup/setup-steps';

export type Detection =
  | { busy: true }
  | {
      busy: false;
      screen: ScreenId;
      index: number;
      step: Step;
      /** The control the user should act on now (undefined: a words-only step on this screen). */
      control?: BanqupControl;
      /** That control on the page; undefined when the page does not show it. */
      target?: Element;
    };

export interface DetectOptions {
  language: Language;
  /** Steps the user said they did where the guide could not see the control ("I've done this"). */
  acknowledged?: readonly StepId[];
  /** Filled with what this run read (emptied first; kept as it was while Banqup is busy): see `DetectionReads`. */
  reads?: DetectionReads;
}

/**
 * What the last detection read, so that the guide can tell which page changes cannot change
 * its answer (`mayChangeDetection`). `located`: every element it located, the only elements
 * whose checked state or value it read (see `stateOnlyChange`); the guide adds the control it
 * shows while the user previews another step. `settled`: false until a detection ran on
 * classic Banqup with Banqup not busy (then every change that may matter counts). `busy`: the
 * last run found Banqup drawing (then every change counts: a busy marker removed no longer
 * matches its selector, `main .loading`, once out of the page).
 */
export interface DetectionReads extends RunReads {
  located: Set<Element>;
  nameSources: Map<Element, Element[]>;
  nameIds: Map<string, Element[]>;
  settled: boolean;
  busy: boolean;
}

export const createDetectionReads = (): DetectionReads => ({
  located: new Set(),
  nameSources: new Map(),
  nameIds: new Map(),
  settled: false,
  busy: false,
});

/**
 * Attributes that only a located control's state is read from (`isDone`: checked, filled). No
 * locator selects by them and no name or visibility depends on them, so their change on an
 * element the last run did not locate cannot change the detection (a 3,000-row list whose row
 * checkboxes tick every frame then costs nothing).
 */
export const locatedStateAttributes: readonly string[] = ['checked', 'aria-checked', 'value'];

/** Whether a mutation changed only the state of an element the last detection did not read. */
export function stateOnlyChange(record: MutationRecord, located: ReadonlySet<Element>): boolean {
  return record.type === 'attributes' && locatedStateAttributes.includes(record.attributeName!) && !located.has(record.target as Element);
}

/**
 * Every element detection reads: the locators' selectors and candidates, the screens' marks,
 * the busy markers, and labels (they name inputs). Changes away from all of them cannot change
 * the detection (lib/in-page/watch: `relevant`).
 */
export const relevantSelector: string = (() => {
  const parts = new Set<string>(['label', ...banqupBusy]);
  const add = (locator: { selectors: readonly string[]; labels?: unknown; candidates?: string }) => {
    for (const s of locator.selectors) parts.add(s);
    if (locator.labels) parts.add(locator.candidates ?? 'button, a, input, select, textarea, [role]');
  };
  for (const control of Object.values(banqupControls)) add(control);
  for (const screen of banqupScreens) screen.marks.forEach(add);
  return [...parts].join(', ');
})();

/** Every locator an update reads: the platform's (guide.ts asks it first) and the steps' and screens'. */
export const detectionLocators: readonly ControlLocator[] = [
  ...Object.values(newPlatformControls),
  ...Object.values(banqupControls),
  ...banqupScreens.flatMap((s) => s.marks),
];
const sought = soughtBy(detectionLocators, banqupBusy);

/**
 * Whether a page change may change the next detection, given what the last one read. Rows
 * added or removed (a live list redrawing) count only when they take away an element the run
 * found or read a name from, or bring one a locator would find (lib/in-page/sought.ts says
 * why that is exact); the rest as lib/in-page/watch's `mayMatter` judges it.
 */
export function mayChangeDetection(record: MutationRecord, reads: DetectionReads): boolean {
  if (stateOnlyChange(record, reads.located)) return false;
  if (reads.busy) return true;
  if (!reads.settled) return mayMatter(record, relevantSelector);
  const hides = record.type === 'attributes' && (record.attributeName === 'hidden' || record.attributeName === 'inert');
  // An attribute cannot change the text a name is read from (aria-hidden is not watched).
  if (record.type !== 'childList' && !hides)
    return (record.type === 'characterData' && insideNameSource(record, reads)) || mayMatter(record, relevantSelector);
  const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
  if (!target || insideNameSource(record, reads)) return true;
  try {
    // Inside (or on) a relevant element: its name, state or visibility may have changed.
    if (target.closest(relevantSelector)) return true;
  } catch {
    return true;
  }
  // Shown or hidden: what it holds is as good as added or removed.
  if (hides) return childrenMayChange({ addedNodes: [target], removedNodes: [target] }, sought, reads);
  return childrenMayChange(record, sought, reads);
}

export function identifyScreen(doc: Document, pathname: string, language: Language, memo: LocateMemo = createLocateMemo()): ScreenId {
  // In order, most specific first: "connected" (no path of its own) wins over the app page.
  for (const screen of banqupScreens) {
    if (screen.paths.some((p) => p.test(pathname)) || screen.marks.some((m) => locateControl(doc, m, language, memo))) return screen.id;
  }
  return 'other';
}

const isChecked = (el: Element) => el.getAttribute('aria-checked') === 'true' || (el as HTMLInputElement).checked === true;
const isFilled = (el: Element) => Boolean((el as HTMLInputElement).value?.trim());

function isDone(action: Action, target: Element | undefined, doc: Document, language: Language, memo: LocateMemo): boolean {
  const { done } = action;
  if (typeof done === 'object') return Boolean(locateControl(doc, banqupControls[done.present], language, memo));
  if (!target) return false;
  return (done === 'checked' && isChecked(target)) || (done === 'filled' && isFilled(target));
}

export function detectStep(doc: Document, url: Pick<URL, 'pathname'>, options: DetectOptions): Detection {
  const { language, acknowledged = [] } = options;
  if (banqupBusy.some((selector) => doc.querySelector(selector))) {
    if (options.reads) Object.assign(options.reads, { settled: false, busy: true });
    return { busy: true };
  }
  // One memo per run: locators share candidate lists and names (see LocateMemo).
  const memo = createLocateMemo();
  const { reads } = options;
  if (reads) {
    reads.located.clear();
    reads.nameSources.clear();
    reads.nameIds.clear();
    Object.assign(memo, { located: reads.located, nameSources: reads.nameSources, nameIds: reads.nameIds });
    Object.assign(reads, { settled: true, busy: false });
  }
  const screen = identifyScreen(doc, url.pathname, language, memo);
  const start = steps.findIndex((s) => s.id === screenStart[screen]);
  for (let index = start; index < steps.length; index++) {
    const step = steps[index]!;
    const acked = acknowledged.includes(step.id);
    const here = step.actions.filter((a) => !a.on || a.on.includes(screen));
    if (!here.length) {
      // The step's controls live on another screen: the guide says it in words.
      if (acked) continue;
      return { busy: false, screen, index, step, control: step.actions[0]?.target };
    }
    for (const action of here) {
      const target = locateControl(doc, banqupControls[action.target], language, memo);
      if (isDone(action, target, doc, language, memo)) continue;
      // "I've done this" counts only while the control stays out of sight.
      if (!target && acked) continue;
      return { busy: false, screen, index, step, control: action.target, target };
    }
  }
  const index = steps.length - 1;
  return {
    busy: false,
    screen,
    index,
    step: steps[index]!,
    control: 'connected',
    target: locateControl(doc, banqupControls.connected, language, memo),
  };
}
