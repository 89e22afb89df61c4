/** "Set up in Banqup" in the popup opens the guide on Banqup: in an open Banqup tab, or in a new one. */
import { describe, expect, it } from 'vitest';
import { BanqupApp } from './pages/banqup-app';
import { GuideOverlay } from './pages/guide';
import { connectExtension } from './support/connect';
import { useE2E } from './support/fixtures';

describe('opening the guide from the popup', () => {
  const env = useE2E({ extension: true });

  const pressSetUp = async () => {
    const popup = await env.browser.newPage();
    await popup.goto(`chrome-extension://${env.extensionId}/popup.html?lang=en`);
    await popup.waitForSelector('[data-testid="open-guide"]');
    await popup.click('[data-testid="open-guide"]');
    return popup;
  };

  it('opens it in the Banqup tab already open', async () => {
    await connectExtension(env, 'Acme Belgium NV');
    const app = await BanqupApp.open(env.browser, env.sandbox.urls.banqup);
    await app.quickSignIn('/');
    const guide = new GuideOverlay(app.page);
    expect(await guide.isOpen()).toBe(false);
    const popup = await pressSetUp();
    const state = await guide.waitFor();
    expect(state.progress).toMatch(/1 \S+ 14|\d+ \S+ 14/);
    await popup.close();
    await app.page.close();
  });

  it('opens Banqup with the guide when no Banqup tab is open', async () => {
    const popup = await pressSetUp();
    const target = await env.browser.waitForTarget((t) => t.url().startsWith(env.sandbox.urls.banqup) && t.type() === 'page', {
      timeout: 10_000,
    });
    const page = (await target.page())!;
    await page.waitForFunction(() => document.readyState === 'complete');
    const guide = new GuideOverlay(page);
    expect((await guide.waitFor()).progress).toMatch(/14/);
    await popup.close();
  });
});
