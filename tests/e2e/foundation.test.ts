/**
 * Foundation, end to end: the built sandbox extension in Chromium against the sandbox.
 */
import { describe, expect, it } from 'vitest';
import { GuideOverlay } from './pages/guide';
import { LauncherOverlay } from './pages/launcher';
import { PopupPage } from './pages/popup';
import { useE2E } from './support/fixtures';

describe('the extension in Chromium', () => {
  const env = useE2E({ extension: true });

  it('starts its service worker, which answers a status request from the popup', async () => {
    expect(env.extensionId).toMatch(/^[a-p]{32}$/);
    const popup = await PopupPage.open(env.browser, env.extensionId);
    const status = await popup.status();
    expect(status.state).toBe('not-set-up');
    expect(status.text).toMatch(/not set up|ainda não|pas encore|nog niet/i);
    const manifestVersion = await env.worker.evaluate(() => chrome.runtime.getManifest().version);
    expect(await popup.version()).toContain(manifestVersion);
    await popup.close();
  });

  it('mounts the launcher in a shadow root on the Banqup look-alike', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.sandbox.urls.banqup);
    const launcher = await new LauncherOverlay(page).find();
    expect(launcher?.label).toBeTruthy();
    expect(await new LauncherOverlay(page).count()).toBe(1);
    // The page's own styles do not reach inside: the button is only reachable through the shadow root.
    expect(await page.$('button.launcher')).toBeNull();
    await page.close();
  });

  it('loads the guide’s code only when the guide opens, from a URL the page cannot probe', async () => {
    const page = await env.browser.newPage();
    const guideFetches: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/content-scripts/banqup-page/guide.js')) guideFetches.push(request.url());
    });
    await page.goto(env.sandbox.urls.banqup);
    const launcher = new LauncherOverlay(page);
    expect(await launcher.find()).toBeTruthy();
    expect(guideFetches).toEqual([]);
    const state = await new GuideOverlay(page).openFromLauncher();
    expect(state.step).toBeTruthy();
    // Fetched through this session's random URL, not the extension's fixed ID.
    expect(guideFetches.length).toBeGreaterThan(0);
    expect(guideFetches[0]).not.toContain(env.extensionId);
    // The static extension URL is closed to the page (use_dynamic_url), so it cannot tell the extension is there.
    const probe = await page.evaluate(
      (url) =>
        fetch(url).then(
          (r) => `status ${r.status}`,
          () => 'refused',
        ),
      `chrome-extension://${env.extensionId}/content-scripts/banqup-page/guide.js`,
    );
    expect(probe).toBe('refused');
    await page.close();
  });

  it('mounts nothing on an unrelated loopback page or on Yokoy', async () => {
    for (const url of [env.sandbox.internalUrls.banqup, env.sandbox.urls.yokoyWeb]) {
      const page = await env.browser.newPage();
      await page.goto(url);
      const launcher = new LauncherOverlay(page);
      expect(await launcher.find(1_500)).toBeUndefined();
      expect(await launcher.count()).toBe(0);
      await page.close();
    }
  });

  it('registers the "Send to Yokoy" context-menu item', async () => {
    const update = (id: string) =>
      env.worker.evaluate(
        (menuId) =>
          new Promise<string>((resolve) =>
            chrome.contextMenus.update(menuId, {}, () => resolve(chrome.runtime.lastError?.message ?? 'ok')),
          ),
        id,
      );
    // Registration happens on install; give the worker a moment on a slow machine.
    await expect.poll(() => update('send-to-yokoy'), { timeout: 5_000 }).toBe('ok');
    expect(await update('no-such-item')).not.toBe('ok');
  });
});
