// @vitest-environment happy-dom
// (reads Yokoy pages built in a document)
/**
 * Yokoy/Perk site knowledge against pages: the scan tells Perk from Yokoy and finds the
 * organization ID, the one-time credentials and the no-role notice by their visible labels
 * in German and English when the page has none of our look-alike's ids; "Find my
 * organization ID" goes to the variant's credentials page.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { detectVariant, scanYokoyPage } from '../../lib/yokoy-page/scan';
import { organizationIdPageUrl, variantOfOrigin, yokoyWebSite } from '../../lib/sites/yokoy/web';
import { languages } from '../../lib/i18n';

beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '';
});

describe('Yokoy/Perk pages', () => {
  it('reads a German Perk page by its labels alone', () => {
    document.title = 'Spend-Tools · Perk';
    document.body.innerHTML = `<nav><button>Entwicklertools</button><a href="/x">Spend-Tools</a></nav>
<main><header><h1>Spend-Tools</h1><div><dl><dt>Organisations-ID</dt><dd><code>ORG1234567</code></dd></dl></div></header></main>
<div role="dialog"><label for="a">Client-ID</label><input id="a" value="cid-1"><label for="b">Client-Secret</label><input id="b" value="s3cr3t-value"></div>`;
    const scan = scanYokoyPage(document, 'de');
    expect(scan.variant).toBe('perk');
    expect(scan.organizationId?.value).toBe('ORG1234567');
    expect(scan.credentialsDialog).toMatchObject({ clientId: 'cid-1', clientSecret: 's3cr3t-value' });
  });

  it('tells Perk by its menu even without its name, and Yokoy otherwise', () => {
    document.body.innerHTML = '<nav><a href="/d">Developer tools</a></nav>';
    expect(detectVariant(document)).toBe('perk');
    document.body.innerHTML = '<nav><a href="/d">Developer</a></nav>';
    expect(detectVariant(document)).toBe('yokoy');
  });

  it('finds the no-role notice by its German title and lists whom to ask', () => {
    document.body.innerHTML =
      '<main><section><h2>Sie benötigen die Entwickler-Rolle</h2><ul class="people"><li>Dana Developer · dev@acme.example</li></ul></section></main>';
    expect(scanYokoyPage(document, 'de').noDeveloperRole?.admins).toEqual(['Dana Developer · dev@acme.example']);
  });

  it('has every label and menu path in all five languages', () => {
    const { variants, organizationId, credentialsDialog, noDeveloperRole } = yokoyWebSite;
    for (const language of languages) {
      for (const labels of [
        organizationId.labels,
        credentialsDialog.clientId.labels,
        credentialsDialog.clientSecret.labels,
        noDeveloperRole.titles,
        variants.perk.credentials.tab!,
      ]) {
        expect(labels[language].length, language).toBeGreaterThan(0);
      }
      for (const variant of Object.values(variants)) {
        expect(variant.credentials.menu[language]).toHaveLength(2);
        expect(variant.organization.menu[language]).toHaveLength(2);
      }
    }
  });

  it('"Find my organization ID" opens the credentials page of the variant the origin serves', () => {
    expect(organizationIdPageUrl('https://app.yokoy.ai')).toBe('https://app.yokoy.ai/admin/developer');
    expect(variantOfOrigin('https://app.perk.com')).toBe('perk');
    expect(organizationIdPageUrl('https://app.perk.com/')).toBe('https://app.perk.com/developer-tools/spend-tools');
    expect(organizationIdPageUrl('http://yokoy.localhost:4100')).toBe('http://yokoy.localhost:4100/admin/developer');
  });
});

describe('the catalogues name the pages as the site data does', () => {
  it('each language’s failure messages give Yokoy’s and Perk’s menu paths in that language', async () => {
    const catalogues = {
      en: (await import('../../lib/i18n/app/en')).en,
      pt: (await import('../../lib/i18n/app/pt')).pt,
      fr: (await import('../../lib/i18n/app/fr')).fr,
      nl: (await import('../../lib/i18n/app/nl')).nl,
      de: (await import('../../lib/i18n/app/de')).de,
    };
    const path = (menu: readonly string[], text: string) => text.includes(menu.join(' → ')) || text.includes(menu.join(' > '));
    for (const language of languages) {
      const c = catalogues[language];
      for (const text of [c.failureInvalidClient, c.failureOrganizationMismatch]) {
        expect(path(yokoyWebSite.variants.yokoy.credentials.menu[language], text), `${language}: ${text}`).toBe(true);
        expect(path(yokoyWebSite.variants.perk.credentials.menu[language], text), `${language}: ${text}`).toBe(true);
      }
      expect(path(yokoyWebSite.variants.yokoy.organization.menu[language], c.failureOrganizationMismatch), language).toBe(true);
    }
  });
});
