// @vitest-environment happy-dom
// (the gate watches a shadow root's buttons)
/**
 * The gesture gate's "just shown" rule, on the page's clock: a button refuses the user's own
 * click for ARM_DELAY_MS after it came into view, and again after it left the view and came
 * back. Checked here with the clock and the browser's visibility reports in the test's hands;
 * the end-to-end test (security-page) checks the rest with real input, where this rule would
 * race the machine's load.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARM_DELAY_MS, userGestures } from '../../lib/in-page/trusted';

type Report = (entries: Partial<IntersectionObserverEntry>[]) => void;

let report: Report;
let clock = 0;

beforeEach(() => {
  clock = 1_000;
  vi.useFakeTimers();
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(callback: (entries: IntersectionObserverEntry[]) => void) {
        report = (entries) => callback(entries as IntersectionObserverEntry[]);
      }
      observe() {}
      disconnect() {}
    },
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function setup() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'closed' });
  const button = document.createElement('button');
  root.append(button);
  const doc = { defaultView: { performance: { now: () => clock } } } as unknown as Document;
  const gate = userGestures({ root, host, doc });
  // A keyboard activation (detail 0): the point checks do not apply, the time rule does.
  const click = () => gate.click({ isTrusted: true, detail: 0, composedPath: () => [button, root, host] } as unknown as MouseEvent);
  const shown = (isIntersecting: boolean) => report([{ target: button, isIntersecting, isVisible: true } as never]);
  return { button, click, shown };
}

describe('a button just shown', () => {
  it('refuses the user’s click until it has been in view for ARM_DELAY_MS, then takes it', () => {
    const { button, click, shown } = setup();
    expect(click()).toBe(false); // not reported in view yet
    shown(true);
    clock += ARM_DELAY_MS - 1;
    expect(click()).toBe(false);
    expect(button.hasAttribute('data-armed')).toBe(false);
    clock += 1;
    vi.advanceTimersByTime(ARM_DELAY_MS);
    expect(click()).toBe(true);
    expect(button.getAttribute('data-armed')).toBe('true');
  });

  it('starts again when it leaves the view and comes back', () => {
    const { click, shown } = setup();
    shown(true);
    clock += ARM_DELAY_MS;
    expect(click()).toBe(true);
    shown(false);
    expect(click()).toBe(false);
    shown(true);
    clock += ARM_DELAY_MS / 2;
    expect(click()).toBe(false);
    clock += ARM_DELAY_MS / 2;
    expect(click()).toBe(true);
  });

  it('never takes a synthetic click, however long it has been shown', () => {
    const { button, shown } = setup();
    shown(true);
    clock += 10 * ARM_DELAY_MS;
    const gate = userGestures({ root: button.getRootNode() as ShadowRoot, host: document.body, doc: document });
    expect(gate.click({ isTrusted: false, detail: 0, composedPath: () => [button] } as unknown as MouseEvent)).toBe(false);
  });
});
