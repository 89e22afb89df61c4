/**
 * Launches Debian's (or any found) Chromium through puppeteer-core, with or without the built
 * sandbox extension, on a fresh profile. The flags keep Chromium off the closed network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type LaunchOptions } from 'puppeteer-core';
// @ts-expect-error plain ESM module without types (dependency-free bootstrap)
import { findChromium } from '../../../scripts/lib/environment.mjs';

export const outputDir = resolve(import.meta.dirname, '../../..', process.env.WXT_OUT_DIR ?? '.output');
export const sandboxExtensionDir = resolve(outputDir, 'chrome-mv3-sandbox');

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface LaunchedBrowser {
  browser: Browser;
  userDataDir: string;
  /** Closes the browser; removes the profile unless `keepProfile`. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface BrowserOptions {
  extension?: boolean;
  /** Reuse a profile (browser restart tests). */
  userDataDir?: string;
  headless?: boolean;
  extraArgs?: string[];
}

export async function launchBrowser(options: BrowserOptions = {}): Promise<LaunchedBrowser> {
  const executablePath: string | undefined = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `npm test` (it installs one) or set CHROME_PATH.');
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'ykc-profile-'));
  const launch: LaunchOptions = {
    executablePath,
    headless: options.headless ?? true,
    pipe: true,
    userDataDir,
    args: [...chromiumArgs, ...(options.extraArgs ?? [])],
    defaultViewport: { width: 1280, height: 860 },
  };
  if (options.extension) launch.enableExtensions = [sandboxExtensionDir];
  const browser = await puppeteer.launch(launch);
  return {
    browser,
    userDataDir,
    async close({ keepProfile = false } = {}) {
      await browser.close().catch(() => undefined);
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker target and id (its URL's host). */
export async function extensionWorker(browser: Browser) {
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
    timeout: 20_000,
  });
  const extensionId = new URL(target.url()).host;
  const worker = await target.worker();
  if (!worker) throw new Error('The extension service worker did not start.');
  return { target, worker, extensionId };
}
