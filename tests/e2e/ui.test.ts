/**
 * The look and its promises: axe-core finds nothing serious or critical on the popup's three
 * tabs, the options page and every in-page element on Banqup (launcher, guide, export
 * progress, "Send to Yokoy"), in light and in dark; the Appearance setting overrides the
 * system's scheme; and no in-page element moves Banqup's own layout.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { seedDocuments } from '../../sandbox/data/seed';
import { fingerprintWithout, layoutFingerprint, seriousViolations } from './pages/a11y';
import { BanqupApp } from './pages/banqup-app';
import { ExportPage } from './pages/export';
import { GuideOverlay } from './pages/guide';
import { connectExtension } from './support/connect';
import { useE2E } from './support/fixtures';
import { waitInOurUi } from './support/our-ui';

const schemes = ['light', 'dark'] as const;
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe('design, accessibility and layout', () => {
  const env = useE2E({ extension: true });
  let connecting: Promise<void> | undefined;
  const connected = () => (connecting ??= connectExtension(env));
  const faults = (body: object) =>
    fetch(`${env.sandbox.internalUrls.yokoyApi}/__admin/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it.each(schemes)('popup (three tabs) and options: no serious or critical axe violation in %s', async (scheme) => {
    await connected();
    for (const view of ['connection', 'export', 'history'] as const) {
      const page = await env.browser.newPage();
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.goto(`chrome-extension://${env.extensionId}/popup.html?lang=en&view=${view}`);
      await page.waitForSelector(view === 'connection' ? '[data-testid="legal-entities"]' : `[data-testid="${view}-view"]`);
      if (view === 'export')
        await page.waitForFunction(() => /match/.test(document.querySelector('[data-testid="export-preview"]')?.textContent ?? ''));
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      expect({ view, violations: await seriousViolations(page) }).toEqual({ view, violations: [] });
      await page.close();
    }
    const options = await env.browser.newPage();
    await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await options.goto(`chrome-extension://${env.extensionId}/options.html?lang=en`);
    await options.waitForSelector('[data-testid="theme-choice"] input:checked');
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });

  it('the Appearance setting overrides the system’s scheme in every extension page', async () => {
    const popup = await env.browser.newPage();
    // Reduced motion: no colour transition for axe to catch halfway.
    await popup.emulateMediaFeatures([
      { name: 'prefers-color-scheme', value: 'light' },
      { name: 'prefers-reduced-motion', value: 'reduce' },
    ]);
    await popup.goto(`chrome-extension://${env.extensionId}/popup.html?lang=en`);
    await popup.waitForSelector('[data-testid="connection-status"]');
    const light = await background(popup);
    expect(light).toBe('rgb(255, 255, 255)');

    const options = await env.browser.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html?lang=en`);
    // The stored choice (system) is read asynchronously: wait until it is shown as chosen.
    await options.waitForSelector('input[name="theme"]:checked');
    // A keyboard user: Tab to the group, arrows move the choice.
    await options.focus('input[name="theme"]:checked');
    await options.keyboard.press('ArrowRight');
    await options.keyboard.press('ArrowRight');
    await options.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    // The popup, open meanwhile, follows.
    await popup.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(await background(popup)).toBe('rgb(15, 23, 42)');
    expect(await seriousViolations(popup)).toEqual([]);

    // The check can fail: a button with no name is reported.
    await popup.evaluate(() => document.body.append(document.createElement('button')));
    expect((await seriousViolations(popup)).map((v) => v.id)).toContain('button-name');

    await options.click('input[name="theme"][value="system"]');
    await popup.waitForFunction(() => !document.documentElement.dataset.theme);
    expect(await background(popup)).toBe(light);
    await options.close();
    await popup.close();
  });

  it('on Banqup, light and dark: launcher, guide, export progress and Send button pass axe and leave Banqup’s layout where it was', async () => {
    // A run with work left when Banqup's page loads (paused, so it stays that way), so the progress panel shows.
    await connected();
    // Yokoy answers slowly until the run is paused, so it cannot finish first.
    await faults({ latencyMs: 1_000 });
    const view = await ExportPage.open(env.browser, env.extensionId);
    await view.preview();
    await view.start();
    await (await view.page.waitForSelector('[data-testid="export-pause"]'))!.click();
    await view.page.waitForSelector('[data-testid="export-resume"]');
    await faults({});
    const doc = seedDocuments().find((d) => d.folder === 'PURCHASES' && d.ubl)!;

    for (const scheme of schemes) {
      const app = await BanqupApp.open(env.browser, env.sandbox.urls.banqup);
      await app.page.emulateMediaFeatures([
        { name: 'prefers-color-scheme', value: scheme },
        { name: 'prefers-reduced-motion', value: 'reduce' },
      ]);
      await app.quickSignIn('/purchases');
      for (const host of ['yokoy-companion-launcher', 'yokoy-companion-progress']) {
        await waitInOurUi(app.page, (root, h) => root(h)?.querySelector('button, [role="progressbar"]'), host, 15_000);
        expect({ scheme, host, violations: await seriousViolations(app.page, host) }).toEqual({ scheme, host, violations: [] });
        expect({ scheme, host, layout: await layoutFingerprint(app.page) }).toEqual({
          scheme,
          host,
          layout: await fingerprintWithout(app.page, host),
        });
      }
      const before = await layoutFingerprint(app.page);
      await new GuideOverlay(app.page).openFromLauncher();
      expect({ scheme, violations: await seriousViolations(app.page, 'yokoy-companion-guide') }).toEqual({ scheme, violations: [] });
      expect(await layoutFingerprint(app.page)).toBe(before);
      await app.page.keyboard.press('Escape');

      await app.page.goto(`${env.sandbox.urls.banqup}/documents/${doc.documentId}`);
      await waitInOurUi(app.page, (root) => root('yokoy-companion-send')?.querySelector('button'), undefined, 15_000);
      expect({ scheme, violations: await seriousViolations(app.page, 'yokoy-companion-send') }).toEqual({ scheme, violations: [] });
      expect(await layoutFingerprint(app.page)).toBe(await fingerprintWithout(app.page, 'yokoy-companion-send'));
      await app.page.close();
    }
    await view.page.click('[data-testid="export-cancel"]');
    await view.close();
  }, 120_000);
});
