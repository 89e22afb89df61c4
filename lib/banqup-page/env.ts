/**
 * What the Banqup page module (./page.ts) gets from the content script that imports it: the
 * polyfilled `browser.runtime` (already initialised there; imported here the polyfill would be
 * bundled and initialised a second time) and whether this is the sandbox build.
 */
import type { browser } from 'wxt/browser';

export interface PageModuleEnv {
  runtime: Pick<typeof browser.runtime, 'id' | 'getURL' | 'sendMessage' | 'onMessage' | 'connect'>;
  sandbox: boolean;
}
