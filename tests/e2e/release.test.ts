/**
 * The store packages `npm run zip` makes: the Chrome zip, unpacked into a temporary folder,
 * loads in Chromium as it is (the service worker starts; the popup renders its status; the
 * manifest inside is the production one); the Firefox zip passes Mozilla's addons-linter with
 * no errors. The zips are made here (`wxt zip`, `wxt zip -b firefox`, into WXT_OUT_DIR) unless
 * E2E_REUSE_BUILD=1 finds them already.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without types (dependency-free bootstrap)
import { findChromium } from '../../scripts/lib/environment.mjs';
import { chromiumArgs, outputDir } from './support/browser';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const zipPath = (browser: 'chrome' | 'firefox') => join(outputDir, `${pkg.name}-${pkg.version}-${browser}.zip`);

describe('release packages', () => {
  let unpacked = '';
  let profile = '';
  let browser: Browser | undefined;

  beforeAll(() => {
    for (const [target, args] of [
      ['chrome', []],
      ['firefox', ['-b', 'firefox']],
    ] as const) {
      if (process.env.E2E_REUSE_BUILD === '1' && existsSync(zipPath(target))) continue;
      execFileSync('npx', ['wxt', 'zip', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    for (const dir of [unpacked, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the Chrome zip holds the production manifest and only the built files', async () => {
    const zip = await JSZip.loadAsync(readFileSync(zipPath('chrome')));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'background.js',
        'popup.html',
        'options.html',
        'content-scripts/banqup.js',
        'content-scripts/yokoy.js',
      ]),
    );
    expect(names.filter((n) => /\.map$|\.ts$|node_modules|\.env|^\./.test(n))).toEqual([]);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toMatchObject({ manifest_version: 3, version: pkg.version, background: { service_worker: 'background.js' } });
    expect(JSON.stringify(manifest)).not.toMatch(/localhost|127\.0\.0\.1/);

    unpacked = mkdtempSync(join(tmpdir(), 'ykc-release-'));
    for (const name of names) {
      const file = join(unpacked, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, await zip.file(name)!.async('nodebuffer'));
    }
  });

  it('loads in Chromium from the zip: the service worker starts and the popup shows its status', async () => {
    expect(unpacked).not.toBe('');
    const executablePath: string | undefined = findChromium();
    if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH.');
    profile = mkdtempSync(join(tmpdir(), 'ykc-release-profile-'));
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      userDataDir: profile,
      args: chromiumArgs,
      enableExtensions: [unpacked],
    });
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
      timeout: 20_000,
    });
    const extensionId = new URL(target.url()).host;
    const worker = await target.worker();
    // The target can be reported a moment before the worker's context has its extension APIs.
    const version = () =>
      worker!.evaluate(() => (typeof chrome === 'undefined' ? undefined : chrome.runtime.getManifest().version)).catch(() => undefined);
    await expect.poll(version, { timeout: 5_000 }).toBe(pkg.version);

    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html?lang=en`);
    const status = await page.waitForSelector('[data-testid="connection-status"]:not([data-state="loading"])', { timeout: 10_000 });
    expect(await status!.evaluate((el) => el.getAttribute('data-state'))).toBe('not-set-up');
    expect(await status!.evaluate((el) => el.textContent?.trim().length ?? 0)).toBeGreaterThan(0);
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="version"]')?.textContent ?? ''));
    expect(await page.$eval('[data-testid="version"]', (el) => el.textContent)).toContain(pkg.version);
    await page.close();
  });

  it("the Firefox zip passes Mozilla's addons-linter with no errors", async () => {
    // @ts-expect-error addons-linter ships no types
    const { default: linter } = await import('addons-linter');
    const instance = linter.createInstance({
      config: {
        _: [zipPath('firefox')],
        logLevel: 'fatal',
        stack: false,
        pretty: false,
        warningsAsErrors: false,
        metadata: false,
        output: 'none',
        boring: true,
        selfHosted: false,
        shouldScanFile: () => true,
      },
      runAsBinary: false,
    });
    const result = (await instance.run()) as {
      errors: { code: string; message: string; file?: string }[];
      warnings: { code: string; file?: string }[];
    };
    expect(result.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    // Known warnings only: Preact's own `dangerouslySetInnerHTML` branch (the code never uses it).
    expect(result.warnings.filter((w) => w.code !== 'UNSAFE_VAR_ASSIGNMENT')).toEqual([]);
  }, 60_000);
});
