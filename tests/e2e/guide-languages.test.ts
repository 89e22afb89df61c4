/**
 * The guide on the classic-platform look-alike in each of pt, en, fr, nl and de: a scripted
 * user who clicks only what the guide highlights (trusted CDP mouse input, through the guide's
 * page object) goes from the dashboard to connected, and no step ever falls back to words:
 * every control is found by Banqup's own labels (lib/sites/banqup/wizard.ts), which the look-alike
 * shows as the help articles write them.
 */
import { describe, expect, it } from 'vitest';
import { labels, type Language } from '../../sandbox/banqup/labels';
import { seed } from '../../sandbox/yokoy-api/store';
import { BanqupApp } from './pages/banqup-app';
import { GuideOverlay, type GuideState } from './pages/guide';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { readyCredentials } from './support/connect';
import { useE2E } from './support/fixtures';

/** What the guide's first step says, per language (the label it quotes is Banqup's own). */
const firstStep: Record<Language, { progress: string; quote: string }> = {
  pt: { progress: 'Passo 1 de 14', quote: '“Aplicações”' },
  en: { progress: 'Step 1 of 14', quote: '“Apps”' },
  fr: { progress: 'Étape 1 sur 14', quote: '« Applications »' },
  nl: { progress: 'Stap 1 van 14', quote: '“Apps”' },
  de: { progress: 'Schritt 1 von 14', quote: '„Apps“' },
};

describe('the guide on classic Banqup, in five languages', () => {
  const env = useE2E({ extension: true });

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

  it.each(['pt', 'en', 'fr', 'nl', 'de'] as const)(
    'takes a %s user from the dashboard to connected through the highlighted controls only',
    async (lang) => {
      await fetch(`${env.sandbox.internalUrls.banqup}/__admin/reset`, { method: 'POST' });
      const app = await BanqupApp.open(env.browser, env.sandbox.urls.banqup);
      await app.quickSignIn('/');
      if (lang !== 'pt') await app.setLanguage(lang);
      expect(app.language).toBe(lang);
      const guide = new GuideOverlay(app.page);
      const first = await guide.openFromLauncher();
      expect(first).toMatchObject({ step: 'A1', state: 'found', control: 'appsMenu', progress: firstStep[lang].progress });
      expect(first.body).toContain(firstStep[lang].quote);

      const fallbacks: GuideState[] = [];
      const visited = await guide.follow({
        yokoyWeb: env.sandbox.urls.yokoyWeb,
        yokoyEmail: seed.developer.email,
        onState: (state) => {
          if (state.state !== 'found' || !state.target) fallbacks.push(state);
        },
      });
      expect(fallbacks.map((s) => `${s.step} ${s.control} ${s.state}`)).toEqual([]);
      expect(visited).toEqual(Array.from({ length: 14 }, (_, i) => `A${i + 1}`));
      const final = await guide.waitFor({ step: 'A14', state: 'found' });
      expect(final.control).toBe('connected');
      expect(final.buttons).toContain('export');

      expect((await app.dashboardAccountingStatus()).connectedTo).toContain(labels[lang].connectedTo.replace('{target}', 'Yokoy'));
      const setup = await (await fetch(`${env.sandbox.internalUrls.banqup}/__admin/setup`)).json();
      expect(setup).toMatchObject({
        step: 'active',
        onlineConnection: true,
        exportType: 'invoices',
        packageId: 'yokoy',
        legalEntityId: 'le-PT-acme-0002',
        credentials: readyCredentials,
      });
      await app.page.close();
    },
  );
});
