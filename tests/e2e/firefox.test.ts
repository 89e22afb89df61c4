/**
 * The Firefox build (MV2, sandbox mode) in Firefox ESR against the sandbox, installed as a
 * temporary add-on over WebDriver BiDi: on Banqup it mounts the launcher and opens the guide.
 * Both arrive as ES modules the content script imports from the extension
 * (lib/banqup-page/module.ts), the part of this build that differs most from Chromium's. The
 * rest of the suite drives Chromium. Skipped, saying so, where no Firefox is installed
 * (`npm test` and `.ci/run` install Debian's firefox-esr where they can).
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
// @ts-expect-error: a plain .mjs module without types
import { findFirefox } from '../../scripts/lib/environment.mjs';
import { guideText, pickLanguage } from '../../lib/guide/text';
import { launcherText } from '../../lib/overlay/launcher-text';
import { outputDir } from './support/browser';

const firefox = (findFirefox as () => string | undefined)();
if (!firefox) console.warn('[e2e] no Firefox found: the Firefox test is skipped (install firefox-esr or set FIREFOX_PATH).');

describe.skipIf(!firefox)('the Firefox build in Firefox', () => {
  let sandbox: Sandbox;
  let browser: Browser;

  beforeAll(async () => {
    sandbox = await startSandbox();
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefox!, headless: true });
    await browser.installExtension(resolve(outputDir, 'firefox-mv2-sandbox'));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('mounts the launcher on Banqup and opens the guide at the step the page is at', async () => {
    const page = await browser.newPage();
    await page.goto(`${sandbox.urls.banqup}/__admin/session?next=${encodeURIComponent('/purchases')}`);
    const lang = pickLanguage(await page.evaluate(() => document.documentElement.lang));

    const label = await (
      await page.waitForFunction(() => document.querySelector('yokoy-companion-launcher')?.shadowRoot?.querySelector('button')?.getAttribute('aria-label'), { timeout: 15_000 })
    ).jsonValue();
    expect(label).toBe(launcherText[lang].label);

    await page.evaluate(() => document.querySelector('yokoy-companion-launcher')!.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click());
    const title = await (
      await page.waitForFunction(() => document.querySelector('yokoy-companion-guide')?.shadowRoot?.querySelector('#guide-title')?.textContent, { timeout: 15_000 })
    ).jsonValue();
    // Signed in on the invoice list, setup not started: the guide starts at A1, in the page's language.
    expect(title).toBe(guideText(lang)('A1t'));
  }, 60_000);
});
