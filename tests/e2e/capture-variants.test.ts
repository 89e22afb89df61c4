/**
 * Capture on Yokoy's pages in each look-alike variant the public record describes: Yokoy in
 * German (Admin > Entwickler), Perk in English and in German (Developer tools > Spend tools).
 * (Yokoy in English is capture.test.ts.) In each: "Find my organization ID" opens the page
 * that shows it, credentials are generated in the look-alike and saved with the companion's
 * offer while the one-time secret is on screen, the organization ID comes from the page, the
 * connection is verified live, and the companion speaks the page's language throughout. On
 * Yokoy, Admin > Organization offers the ID too; without the role the notice names Perk's
 * "account admins" or Yokoy's Developer role.
 *
 * Clicks on the companion's in-page UI go through the page objects (trusted CDP input).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../lib/i18n';
import { appText, type MessageKey } from '../../lib/i18n/app';
import { assistantText, type AssistantKey } from '../../lib/i18n/assistant';
import { seed } from '../../sandbox/yokoy-api/store';
import type { Brand } from '../../sandbox/yokoy-web/labels';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { YokoyAssistant } from './pages/yokoy-assistant';
import { YokoyWebPage } from './pages/yokoy-web';
import { useE2E } from './support/fixtures';
import { requestLog } from './support/yokoy-admin';

const variants: { brand: Brand; language: Language & ('en' | 'de') }[] = [
  { brand: 'yokoy', language: 'de' },
  { brand: 'perk', language: 'en' },
  { brand: 'perk', language: 'de' },
];

describe.each(variants)('capture on $brand in $language', ({ brand, language }) => {
  // The German variants run in a German browser: the popup is opened without ?lang and must pick German itself.
  const env = useE2E({
    extension: true,
    sandbox: { yokoyWeb: { brand, language } },
    browserArgs: language === 'de' ? ['--lang=de', '--accept-lang=de-CH,de'] : [],
  });
  const popupLanguage = language === 'de' ? undefined : language;
  // The popup's words and the assistant's, each from its own catalogue.
  beforeAll(() => appText.load(language));
  const t = (key: MessageKey, params?: Record<string, string>) => appText.translate(language, key, params);
  const a = (key: AssistantKey, params?: Record<string, string>) => assistantText.translate(language, key, params);
  const stored = () => env.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get('credentials')));

  it('"Find my organization ID" opens the page that shows it; the one-time secret is saved on the user’s click, with the ID, and verified', async () => {
    const options = await OptionsPage.open(env.browser, env.extensionId);
    await options.useSandbox(env.sandbox.urls);
    await options.close();

    // Signed in first (as a user would be), then the popup's link opens the credentials page.
    const signIn = await env.browser.newPage();
    await new YokoyWebPage(signIn, env.sandbox.urls.yokoyWeb, language, brand).signInAs('dev', '/');
    await signIn.close();
    const popup = await PopupPage.open(env.browser, env.extensionId, popupLanguage);
    expect(await popup.page.$eval('[data-testid="find-organization-id"]', (el) => el.textContent?.trim())).toBe(t('findOrganizationId'));
    const opened = env.browser.waitForTarget((target) => target.type() === 'page' && target.url().startsWith(env.sandbox.urls.yokoyWeb));
    await popup.page.click('[data-testid="find-organization-id"]');
    const page = (await (await opened).page())!;
    await page.waitForFunction(() => document.querySelector('main h1'));
    await popup.close();

    const yokoy = new YokoyWebPage(page, env.sandbox.urls.yokoyWeb, language, brand);
    const expectedPath = brand === 'perk' ? '/developer-tools/spend-tools' : '/admin/developer';
    expect(new URL(page.url()).pathname).toBe(expectedPath);
    expect(await page.$eval('html', (el) => el.lang)).toBe(language);
    expect(await page.$eval('main h1', (h) => h.textContent)).toBe(brand === 'perk' ? yokoy.l.spendToolsTitle : yokoy.l.developerTitle);

    const assistant = new YokoyAssistant(page);
    const offer = await assistant.waitForOffer('offer-organization-id');
    expect(offer).toContain(seed.organizationId);
    expect(offer).toContain(a('yokoyUseThisId'));
    expect(await assistant.hasRing()).toBe(true);

    let saidWhileShown = '';
    const generated = await yokoy.generateCredentials('Banqup Integration', {
      copy: false,
      whileShown: async () => {
        expect(await assistant.waitForOffer('offer-credentials')).toContain(a('yokoySaveCredentials'));
        expect(await stored()).not.toContain('clientId');
        saidWhileShown = await assistant.accept('offer-credentials');
      },
    });
    // Captured values always wait for the user's confirmation in the popup (issue 12).
    expect(saidWhileShown).toBe(a('yokoyCapturePending'));
    expect(generated.organizationId).toBe(seed.organizationId);

    const check = await PopupPage.open(env.browser, env.extensionId, popupLanguage);
    await check.decidePending(true);
    expect(await check.waitForStatus('verified')).toContain(language === 'de' ? 'Mit Yokoy verbunden' : 'Connected to Yokoy');
    expect(await check.value('clientId')).toBe(generated.clientId);
    expect(await check.value('organizationId')).toBe(seed.organizationId);
    await check.close();

    expect(await stored()).not.toContain(generated.clientSecret);
    const log = await requestLog(env.sandbox);
    expect(log.some((e) => e.path === '/oauth2/token' && e.status === 200)).toBe(true);
    expect(log.filter((e) => e.carriesClientSecret).map((e) => e.path)).toEqual(
      log.filter((e) => e.path === '/oauth2/token').map((e) => e.path),
    );
    await page.close();
  });

  // Perk's help names no Admin > Organization: only Yokoy has the second page.
  if (brand === 'yokoy')
    it('offers the organization ID on Admin > Organization too', async () => {
      const page = await env.browser.newPage();
      const yokoy = new YokoyWebPage(page, env.sandbox.urls.yokoyWeb, language, brand);
      await yokoy.signInAs('dev', '/');
      await yokoy.openOrganizationPage();
      expect(await page.$eval('main h1', (h) => h.textContent)).toBe(yokoy.l.organizationTitle);
      expect(await new YokoyAssistant(page).waitForOffer('offer-organization-id')).toContain(seed.organizationId);
      await page.close();
    });

  it('tells a user without the role what to ask for, and whom, in the product’s own terms', async () => {
    const page = await env.browser.newPage();
    const yokoy = new YokoyWebPage(page, env.sandbox.urls.yokoyWeb, language, brand);
    await yokoy.signInAs('clerk', '/');
    await yokoy.openDeveloperPage();
    const text = await new YokoyAssistant(page).waitForOffer('no-developer-role');
    const [before, after] = a(brand === 'perk' ? 'perkNoAccountAdmin' : 'yokoyNoDeveloperRole', { admins: '\u0000' }).split('\u0000') as [
      string,
      string,
    ];
    expect(text.startsWith(before)).toBe(true);
    expect(text.endsWith(after)).toBe(true);
    expect(text).toContain(seed.developer.name);
    await page.close();
  });
});
