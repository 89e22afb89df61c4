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
import { pickLanguage } from '../../lib/i18n';
import { banqupPageText } from '../../lib/i18n/banqup-page';
import { guideText } from '../../lib/banqup-page/guide/text';
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

    // The launcher's root is closed (issue 12): the page sees the host element and nothing in it.
    await page.waitForFunction(() => document.querySelector('yokoy-companion-launcher'), { timeout: 15_000 });
    expect(await page.evaluate(() => document.querySelector('yokoy-companion-launcher')!.shadowRoot)).toBeNull();
    expect(banqupPageText.translate(lang, 'launcherLabel')).toBeTruthy();

    // A page script's click opens nothing; a real click (WebDriver BiDi input, trusted) does.
    await page.evaluate(() => (document.querySelector('yokoy-companion-launcher') as HTMLElement).click());
    // The launcher sits in the bottom-right corner (16 px from the edges); it takes clicks once it
    // has been shown for a moment, so the click repeats until the guide's host appears.
    // The layout viewport (clientWidth), where fixed elements sit: innerWidth also counts a scrollbar.
    const { width, height } = await page.evaluate(() => ({
      width: document.documentElement.clientWidth,
      height: document.documentElement.clientHeight,
    }));
    const opened = async () => page.evaluate(() => Boolean(document.querySelector('yokoy-companion-guide')));
    for (let tries = 0; tries < 40 && !(await opened()); tries++) {
      await page.mouse.click(width - 16 - 20, height - 16 - 12);
      await page.waitForFunction(() => document.querySelector('yokoy-companion-guide'), { timeout: 250 }).catch(() => undefined);
    }
    expect(await opened()).toBe(true);
    expect(await page.evaluate(() => document.querySelector('yokoy-companion-guide')!.shadowRoot)).toBeNull();
    // Signed in on the invoice list, setup not started: the guide starts at A1 (its words are
    // checked in Chromium, where the tests can look into the closed root).
    expect(guideText(lang)('A1t')).toBeTruthy();
  }, 60_000);
});
