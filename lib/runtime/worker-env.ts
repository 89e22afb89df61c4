/**
 * What the service worker's parts take from their surroundings, passed in instead of read from
 * globals: the browser's extension APIs, the network, the clock, randomness, timers, and who this
 * extension is. `createBackground` (lib/background/create.ts) hands one to every part; the real
 * one is `workerEnv()`, tests build the same background on WXT's fake browser and a fake fetch.
 * It is a `SenderEnv` too (id, origin, sandbox): the router and the progress ports judge
 * senders by it.
 */
import { browser } from 'wxt/browser';
import { isSandboxBuild } from './env';

export type WorkerBrowser = typeof browser;

export interface WorkerEnv {
  browser: WorkerBrowser;
  fetch: typeof fetch;
  now: () => number;
  /** In [0, 1): retry jitter. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  /** The sandbox build: sandbox origins count as Banqup and Yokoy, and the e2e hooks exist. */
  sandbox: boolean;
  /** The extension's id and its base URL (chrome-extension://<id>/). */
  extensionId: string;
  extensionOrigin: string;
  /** The extension's version (the `status` answer). */
  version: string;
}

/** The real surroundings, in the service worker. */
export function workerEnv(): WorkerEnv {
  return {
    browser,
    // Read when called, not bound once: a test may stub the global.
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: Math.random,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    sandbox: isSandboxBuild,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    version: browser.runtime.getManifest().version,
  };
}
