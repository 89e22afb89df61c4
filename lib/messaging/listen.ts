/** Wires the router to `runtime.onMessage` (answers through the returned promise). */
import type { WorkerEnv } from '../runtime/worker-env';
import { createRouter, type Handlers } from './router';

/** Returns the router itself too: a test sends it messages with any sender it likes. */
export function setupMessageRouter(env: Pick<WorkerEnv, 'browser' | 'extensionId' | 'extensionOrigin' | 'sandbox'>, handlers: Handlers) {
  const route = createRouter(handlers, env);
  env.browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  return route;
}
