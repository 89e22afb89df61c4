/**
 * The setup guide on Banqup, end to end: the extension points at the sandbox and verifies the
 * ready client in the popup; then a scripted user does only what the guide highlights, A1 to
 * A14, in Portuguese and in English, with the credentials filled from the vault by the guide's
 * Fill buttons, and ends connected. On the way: a reload resumes at the same step, a removed
 * control turns into words with "I've done this", axe finds nothing serious, Esc closes and
 * gives focus back to the launcher, the page's layout never moves. Screenshots of three steps
 * go to docs/screenshots/guide-<step>.png.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seed } from '../../sandbox/yokoy-api/store';
import { BanqupApp } from './pages/banqup-app';
import { GuideOverlay, type GuideState } from './pages/guide';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { readyCredentials } from './support/connect';
import { useE2E } from './support/fixtures';

const screenshots = resolve(import.meta.dirname, '../../docs/screenshots');

describe('the setup guide on Banqup', () => {
  const env = useE2E({ extension: true });
  const setup = async () => (await fetch(`${env.sandbox.internalUrls.banqup}/__admin/setup`)).json();
  const layout = (app: BanqupApp) =>
    app.page.evaluate(() =>
      JSON.stringify([
        document.body.scrollHeight,
        document.body.scrollWidth,
        document.querySelector('main')?.getBoundingClientRect().toJSON(),
      ]),
    );

  it('starts from credentials verified in the popup', async () => {
    const options = await OptionsPage.open(env.browser, env.extensionId);
    expect(await options.useSandbox(env.sandbox.urls)).toMatch(/saved/i);
    await options.close();
    const popup = await PopupPage.open(env.browser, env.extensionId, 'en');
    await popup.status();
    await popup.enterCredentials(readyCredentials);
    expect((await popup.verify()).tone).toBe('success');
    expect(await popup.chooseLegalEntity('Acme Portugal Lda')).toMatch(/Acme Portugal Lda/);
    await popup.close();
  });

  it('takes a Portuguese user from A1 to A14 through the highlighted controls, resuming after a reload', async () => {
    await fetch(`${env.sandbox.internalUrls.banqup}/__admin/reset`, { method: 'POST' });
    const app = await BanqupApp.open(env.browser, env.sandbox.urls.banqup);
    await app.quickSignIn('/');
    expect(app.language).toBe('pt');
    const guide = new GuideOverlay(app.page);
    const before = await layout(app);
    const first = await guide.openFromLauncher();
    expect(first).toMatchObject({ step: 'A1', state: 'found', progress: 'Passo 1 de 14', title: 'Abrir o menu Aplicações' });
    expect(first.body).toContain('Clique em “Aplicações”');
    expect(await layout(app)).toBe(before);

    const seen: Record<string, GuideState> = {};
    const visited = await guide.follow({
      yokoyWeb: env.sandbox.urls.yokoyWeb,
      yokoyEmail: seed.developer.email,
      onStep: async (state) => {
        seen[state.step] = state;
        if (state.step === 'A6') {
          expect(state.more).toContain('verificou estes três valores');
          const violations = await guide.accessibilityViolations();
          expect(violations).toEqual([]);
        }
        if (state.step === 'A7') {
          // A reload in the middle: the guide reopens by itself at the same step.
          await app.page.reload();
          const again = await guide.waitFor({ step: 'A7', state: 'found' });
          expect(again.progress).toBe('Passo 7 de 14');
        }
      },
    });
    expect(visited).toEqual(Array.from({ length: 14 }, (_, i) => `A${i + 1}`));
    expect(seen.A4!.body).toContain('a sua API não recebe extratos bancários');
    expect(seen.A11!.more).toContain('verificou estes três valores');
    expect(seen.A12!.more).toMatch(/Acme Portugal Lda · escolhida no Yokoy Companion/);
    expect(seen.A14!.buttons).toContain('export');

    expect((await app.dashboardAccountingStatus()).connectedTo).toContain('Ligada a Yokoy');
    expect(await setup()).toMatchObject({
      step: 'active',
      exportType: 'invoices',
      packageId: 'yokoy',
      legalEntityId: 'le-PT-acme-0002',
      credentials: readyCredentials,
    });
    await app.page.close();
  });

  it('does the same in English; a removed control becomes words with “I’ve done this”; Esc gives focus back to the launcher', async () => {
    await fetch(`${env.sandbox.internalUrls.banqup}/__admin/reset`, { method: 'POST' });
    const app = await BanqupApp.open(env.browser, env.sandbox.urls.banqup);
    await app.quickSignIn('/');
    await app.setLanguage('en');
    const guide = new GuideOverlay(app.page);
    mkdirSync(screenshots, { recursive: true });

    // Open from the launcher, close with Esc: focus is back on the launcher.
    expect((await guide.openFromLauncher()).progress).toBe('Step 1 of 14');
    await app.page.keyboard.press('ArrowRight');
    expect((await guide.waitFor({ state: 'preview' })).progress).toBe('Step 2 of 14');
    await app.page.keyboard.press('ArrowLeft');
    await guide.waitFor({ step: 'A1', state: 'found' });
    await app.page.keyboard.press('Escape');
    await app.page.waitForFunction((host) => !document.querySelector(host), {}, 'yokoy-companion-guide');
    expect(await guide.focusIsOnLauncher()).toBe(true);
    await guide.openFromLauncher();

    let removed = false;
    const visited = await guide.follow({
      yokoyWeb: env.sandbox.urls.yokoyWeb,
      yokoyEmail: seed.developer.email,
      onStep: async (state) => {
        if (['A3', 'A7', 'A12'].includes(state.step)) await app.page.screenshot({ path: `${screenshots}/guide-${state.step}.png` });
        if (state.step === 'A4' && !removed) {
          removed = true;
          expect(state.body).toContain('Yokoy needs invoices: its API has nowhere to receive bank statements');
          // Banqup "changed its page": the export choice is gone.
          await app.page.evaluate(() => document.querySelector('[role="radiogroup"]')?.remove());
          const missing = await guide.waitFor({ step: 'A4', state: 'missing' });
          expect(missing.more).toContain('I can’t find “Invoices export for accounting” on this page');
          expect(missing.buttons).toContain('ack');
          expect(missing.target).toBeUndefined();
          await guide.clickButton('ack');
          expect((await guide.waitFor({ step: 'A4', control: 'wizardNext' })).state).toBe('found');
          // Banqup draws the screen again: the control is back and the guide highlights it.
          await app.page.reload();
          await guide.waitFor({ step: 'A4', control: 'exportInvoices', state: 'found' });
        }
      },
    });
    expect(visited).toEqual(Array.from({ length: 14 }, (_, i) => `A${i + 1}`));
    expect((await app.dashboardAccountingStatus()).connectedTo).toContain('Connected to Yokoy');
    expect(await setup()).toMatchObject({ step: 'active', exportType: 'invoices', packageId: 'yokoy', legalEntityId: 'le-PT-acme-0002' });

    await app.page.keyboard.press('Escape');
    await app.page.waitForFunction((host) => !document.querySelector(host), {}, 'yokoy-companion-guide');
    expect(await guide.focusIsOnLauncher()).toBe(true);
    // Closed stays closed across a reload.
    await app.reload();
    expect(await guide.isOpen()).toBe(false);
    await app.page.close();
  });
});
