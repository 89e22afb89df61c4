// @vitest-environment happy-dom
// (reads Banqup's saved pages through DOMParser)
/**
 * Banqup's site knowledge as data: every label in every language names its source (an article
 * in lib/sites/banqup/sources.ts, or `ours`), the German words REAL-PRODUCTS.md quotes are the
 * ones the guide uses, label matching shrugs off case, spacing, accents and apostrophes, and
 * the platform is told from the page (app launcher) or the host (app.btx.banqup.com).
 */
import { describe, expect, it } from 'vitest';
import { banqupControls, banqupLabel, banqupLabelSources } from '../../lib/sites/banqup/wizard';
import { detectPlatform, newPlatformLabelSources } from '../../lib/sites/banqup/platforms';
import { banqupSources } from '../../lib/sites/banqup/sources';
import { locateControl } from '../../lib/in-page/locate';

const languages = ['pt', 'en', 'fr', 'nl', 'de'] as const;
const page = (html: string) => new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');

describe('Banqup labels', () => {
  it('has every label in five languages, each traced to an article or marked as ours', () => {
    for (const table of [banqupLabelSources, newPlatformLabelSources]) {
      for (const [key, perLanguage] of Object.entries(table)) {
        for (const lang of languages) {
          const entries = perLanguage[lang];
          expect(entries.length, `${key} ${lang}`).toBeGreaterThan(0);
          for (const [text, source] of entries) {
            expect(text.trim(), `${key} ${lang}`).not.toBe('');
            expect(source === 'ours' || source in banqupSources, `${key} ${lang}: ${source}`).toBe(true);
          }
        }
      }
    }
  });

  it('uses the words Banqup’s help articles show (German included)', () => {
    expect(banqupLabel('applications', 'en')).toBe('Apps');
    expect(banqupLabel('accountingApp', 'en')).toBe('Accounting app');
    expect(banqupLabel('accountingApp', 'nl')).toBe('Boekhoud-app');
    expect(banqupLabel('accountingApp', 'fr')).toBe('Application de comptabilité');
    expect(banqupLabel('enabled', 'en')).toBe('ON');
    expect(banqupLabel('enabled', 'nl')).toBe('AAN');
    expect(banqupLabel('exportBankStatements', 'de')).toBe('Bankauszug-Export für die Buchhaltung');
    expect(banqupLabel('terms', 'de')).toBe('Nutzungsbedingungen');
    expect(banqupLabel('connect', 'de')).toBe('Verbinden');
    expect(banqupLabel('onlineConnection', 'de')).toBe('Online Verbindung');
    expect(banqupLabelSources.exportBankStatements.de[0]![1]).toBe('de-406316');
  });

  it('matches labels regardless of case, spacing, accents and the apostrophe used', () => {
    const doc = page(`<main>
      <span id="l1">  conexao   ON-LINE </span><button role="switch" aria-labelledby="l1" aria-checked="false"></button>
      <button>application de comptabilite</button>
      <input type="radio" id="r"><label for="r">Invoices Export For Accounting</label>
    </main>`);
    expect(locateControl(doc, banqupControls.onlineConnection, 'pt')?.getAttribute('role')).toBe('switch');
    expect(
      locateControl(doc, { selectors: [], labels: banqupControls.accountingMenuItem.labels, candidates: 'button' }, 'fr')?.tagName,
    ).toBe('BUTTON');
    expect(locateControl(doc, banqupControls.exportInvoices, 'en')?.id).toBe('r');
    // … but not a different word.
    expect(
      locateControl(
        page('<main><button>Accounting application</button></main>'),
        { selectors: [], labels: banqupControls.accountingMenuItem.labels, candidates: 'button' },
        'en',
      ),
    ).toBeUndefined();
  });

  it('finds "Finish" where a channel ends its wizard with it instead of "Activate"', () => {
    expect(locateControl(page('<main><button>Voltooien</button></main>'), banqupControls.activate, 'nl')?.textContent).toBe('Voltooien');
  });
});

describe('telling the two Banqup platforms apart', () => {
  it('sees new Banqup by its app launcher, and names the apps it shows', () => {
    const doc = page(`<header><button data-testid="btx-app-launcher" aria-label="App launcher"></button>
      <div role="menu"><a data-testid="btx-app-launcher-app-purchase-invoices">Purchase Invoices</a><a href="/store">Discover more</a></div></header>`);
    expect(detectPlatform(doc, { hostname: 'banqup.localhost' }, 'en')).toEqual({
      platform: 'new',
      apps: ['Purchase Invoices'],
      store: true,
    });
  });

  it('sees new Banqup by its label alone, in German', () => {
    expect(
      detectPlatform(page('<header><button aria-label="App-Launcher"></button></header>'), { hostname: 'example.banqup.com' }, 'de')
        .platform,
    ).toBe('new');
  });

  it('takes app.btx.banqup.com for new Banqup before anything is drawn', () => {
    expect(detectPlatform(page(''), { hostname: 'app.btx.banqup.com' }, 'en').platform).toBe('new');
    expect(detectPlatform(page(''), { hostname: 'app.test.btx.banqup.com' }, 'en').platform).toBe('new');
  });

  it('takes everything else for classic Banqup (the accounting-app wizard)', () => {
    expect(detectPlatform(page('<nav><button aria-haspopup="menu">Apps</button></nav>'), { hostname: 'app.banqup.com' }, 'en')).toEqual({
      platform: 'classic',
      apps: [],
      store: false,
    });
  });
});
