/**
 * What the Banqup page module (./page.ts) gets from the content script that imports it: the
 * polyfilled `browser.runtime` (already initialised there; imported here the polyfill would be
 * bundled and initialised a second time) and whether this is the sandbox build. Inside the
 * module, its parts also share WXT's shadow-root helper.
 */
import type { browser } from 'wxt/browser';
import type { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';

export interface PageModuleEnv {
  runtime: Pick<typeof browser.runtime, 'id' | 'getURL' | 'sendMessage' | 'onMessage' | 'connect'>;
  sandbox: boolean;
}

export interface BanqupPageEnv extends PageModuleEnv {
  createShadowRootUi: typeof createShadowRootUi;
}
