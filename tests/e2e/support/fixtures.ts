/**
 * Per-file fixtures: a fresh sandbox and a fresh Chromium (with the extension when asked),
 * started in beforeAll and stopped in afterAll. Use: `const env = useE2E({ extension: true })`.
 * Variants: `sandbox: { yokoyWeb: { brand: 'perk', language: 'de' } }` (the Yokoy web
 * look-alike as Perk, in German), `browserArgs: ['--lang=de', '--accept-lang=de']` (a German browser: headless Chromium keeps an en-US UI language, the preferred languages follow --accept-lang).
 */
import type { Browser, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/server';
import { extensionWorker, launchBrowser, type LaunchedBrowser } from './browser';

export interface E2EEnv {
  sandbox: Sandbox;
  launched: LaunchedBrowser;
  browser: Browser;
  /** Set when the extension is loaded. */
  extensionId: string;
  worker: WebWorker;
}

export function useE2E(options: { extension?: boolean; sandbox?: SandboxOptions; browserArgs?: string[] } = {}): E2EEnv {
  const env = {} as E2EEnv;
  beforeAll(async () => {
    env.sandbox = await startSandbox(options.sandbox);
    env.launched = await launchBrowser({ extension: options.extension, extraArgs: options.browserArgs });
    env.browser = env.launched.browser;
    if (options.extension) {
      const { worker, extensionId } = await extensionWorker(env.browser);
      env.worker = worker;
      env.extensionId = extensionId;
    }
  });
  afterAll(async () => {
    await env.launched?.close();
    await env.sandbox?.close();
  });
  return env;
}
