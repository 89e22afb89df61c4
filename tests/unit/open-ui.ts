/**
 * happy-dom dispatches no trusted events and computes no layout, so the unit tests of the guide
 * and the launcher mount them in open roots with a gate that lets every event through. What the
 * real gate refuses (synthetic clicks, covered and just-shown buttons, page scripts) is tested
 * in Chromium: tests/e2e/security-page.test.ts.
 */
import { mountInPage, type Mount } from '../../lib/in-page/mount';
import type { GateFactory } from '../../lib/in-page/trusted';

export const anyEvent: GateFactory = () => ({ click: () => true, key: () => true, stop: () => undefined });

/**
 * The shipped mount, with the page's attachShadow made to open the root while it runs: the
 * extension's code has no way to ask for an open root, so only a test can see inside.
 */
export const mountOpen: Mount = async (ctx, options) => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    return attach.call(this, { ...init, mode: 'open' });
  };
  try {
    return await mountInPage(ctx, options);
  } finally {
    Element.prototype.attachShadow = attach;
  }
};

export const openUi = { mount: mountOpen, gate: anyEvent };
