/** Wires the router to `runtime.onMessage` (answers through the returned promise). */
import { browser } from 'wxt/browser';
import { isSandboxBuild } from '../runtime/env';
import { createRouter, type Handlers } from './router';

export function setupMessageRouter(handlers: Handlers): void {
  const route = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    sandbox: isSandboxBuild,
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
}
