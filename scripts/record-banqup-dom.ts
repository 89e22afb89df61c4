/**
 * Records the Banqup look-alike's DOM on both platforms in pt, en, fr, nl and de: classic
 * Banqup at every step of FLOW A (A1–A14, plus a few variants), and new Banqup (home, the
 * app launcher open, the Banqup Store), into tests/fixtures/banqup-dom/<lang>/<name>.html with
 * an index.json (name, platform, URL path, the step and control the guide should detect;
 * `new-platform` / `appLauncher` on new Banqup). The guide's detection tests
 * read these, so they run in happy-dom against real markup without a browser.
 *
 *   npx tsx scripts/record-banqup-dom.ts
 *
 * Control state lives in properties (value, checked, selected) that outerHTML does not show,
 * so each control's state is written into its attributes before the snapshot; the secret is
 * masked. Scripts and stylesheets are left out (the fixtures are markup, not an app).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Language } from '../sandbox/banqup/labels';
import { startSandbox } from '../sandbox/server';
import { seed } from '../sandbox/yokoy-api/store';
import { BanqupApp, byRole } from '../tests/e2e/pages/banqup-app';
import { YokoyWebPage } from '../tests/e2e/pages/yokoy-web';
import { launchBrowser } from '../tests/e2e/support/browser';

export const fixturesDir = resolve(import.meta.dirname, '../tests/fixtures/banqup-dom');
const languages: Language[] = ['pt', 'en', 'fr', 'nl', 'de'];

export interface FixtureEntry {
  lang: Language;
  platform: 'classic' | 'new';
  name: string;
  file: string;
  path: string;
  step: string;
  control: string;
}

/** The page's markup with its controls' live state written into attributes. */
async function snapshot(page: Page): Promise<{ html: string; path: string }> {
  return page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    const live = [...document.querySelectorAll('input, select, textarea')];
    const copies = [...copy.querySelectorAll('input, select, textarea')];
    live.forEach((el, i) => {
      const target = copies[i]!;
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) target.toggleAttribute('checked', el.checked);
      else if (el instanceof HTMLSelectElement)
        [...el.options].forEach((o, j) => (target as HTMLSelectElement).options[j]!.toggleAttribute('selected', o.selected));
      else if (el instanceof HTMLInputElement && el.type === 'password')
        el.value ? target.setAttribute('value', '••••••••') : target.removeAttribute('value');
      else if (el instanceof HTMLInputElement && el.value) target.setAttribute('value', el.value);
    });
    copy.querySelectorAll('script, link[rel="stylesheet"]').forEach((el) => el.remove());
    return { html: `<!doctype html>\n${copy.outerHTML}\n`, path: location.pathname };
  });
}

export async function recordBanqupDom(): Promise<FixtureEntry[]> {
  const sandbox = await startSandbox();
  const launched = await launchBrowser();
  const entries: FixtureEntry[] = [];
  rmSync(fixturesDir, { recursive: true, force: true });
  try {
    for (const lang of languages) {
      await fetch(`${sandbox.internalUrls.banqup}/__admin/reset`, { method: 'POST' });
      const context = await launched.browser.createBrowserContext();
      const app = new BanqupApp(await context.newPage(), sandbox.urls.banqup);
      mkdirSync(join(fixturesDir, lang), { recursive: true });
      let platform: 'classic' | 'new' = 'classic';
      const record = async (name: string, step: string, control: string) => {
        await app.page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('main .loading'));
        const { html, path } = await snapshot(app.page);
        const file = `${lang}/${name}.html`;
        writeFileSync(join(fixturesDir, file), html);
        entries.push({ lang, platform, name, file, path, step, control });
        console.log(`[record] ${file} (${path}) → ${step} ${control}`);
      };

      await app.quickSignIn('/');
      if (lang !== 'pt') await app.setLanguage(lang);
      const l = app.l;
      await record('A1', 'A1', 'appsMenu');
      await app.openApplicationsMenu();
      await record('A2', 'A2', 'accountingMenuItem');
      // A2 reached another way: the Applications page, then the app's own page.
      await app.page.goto(`${sandbox.urls.banqup}/apps`);
      await app.waitForApp();
      await record('A2-apps-page', 'A2', 'activateAccounting');
      await app.page.goto(`${sandbox.urls.banqup}/apps/accounting`);
      await app.waitForHeading(l.accountingApp);
      await record('A2-app-page', 'A2', 'activateAccounting');
      await (await app.page.waitForSelector(`main ${byRole('button', l.activate)}`))!.click();
      await app.waitForHeading(l.connectionTitle);
      await record('A3', 'A3', 'onlineConnection');
      await app.enableOnlineConnection();
      await record('A3-switch-on', 'A3', 'wizardNext');
      await app.next();
      await record('A4', 'A4', 'exportInvoices');
      await app.chooseExport('invoices');
      await record('A4-chosen', 'A4', 'wizardNext');
      await app.next();
      await record('A5', 'A5', 'yokoyPackage');
      await app.choosePackage('Yokoy');
      await app.proceed();
      const { clientId, clientSecret } = seed.readyClient;
      const organizationId = seed.organizationId;
      await record('A6', 'A6', 'clientId');
      await app.fillYokoyCredentials({ clientId, clientSecret: '', organizationId: '' });
      await record('A7', 'A7', 'clientSecret');
      await app.fillYokoyCredentials({ clientId, clientSecret, organizationId: '' });
      await record('A8', 'A8', 'organizationId');
      await app.fillYokoyCredentials({ clientId, clientSecret, organizationId });
      await record('A9', 'A9', 'signIn');
      await app.signInWithYokoy();
      const yokoy = new YokoyWebPage(app.page, sandbox.urls.yokoyWeb);
      if (new URL(app.page.url()).pathname === '/login') await yokoy.signIn(seed.developer.email);
      await yokoy.consent(true);
      await app.waitForYokoyReturn();
      await record('A10', 'A10', 'terms');
      await app.acceptTerms();
      await record('A11', 'A11', 'connect');
      const outcome = await app.connect();
      if (!outcome.ok) throw new Error(`Connect failed in ${lang}: ${outcome.error}`);
      await record('A12', 'A12', 'legalEntity');
      await app.chooseLegalEntity('Acme Portugal Lda');
      await record('A13', 'A13', 'confirmLegalEntity');
      await app.confirmAndActivate();
      await record('A14', 'A14', 'connected');
      await app.page.goto(`${sandbox.urls.banqup}/apps/accounting`);
      await app.waitForApp();
      await record('A14-app-page', 'A14', 'connected');

      // New Banqup: the app launcher and the Store, no wizard.
      platform = 'new';
      await fetch(`${sandbox.internalUrls.banqup}/__admin/platform`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ platform: 'new' }),
      });
      await app.page.goto(`${sandbox.urls.banqup}/home`);
      await app.waitForApp();
      await record('new-home', 'new-platform', 'appLauncher');
      await app.openAppLauncher();
      await record('new-launcher', 'new-platform', 'appLauncher');
      await app.page.goto(`${sandbox.urls.banqup}/store`);
      await app.waitForHeading(l.storeTitle);
      await record('new-store', 'new-platform', 'appLauncher');
      await fetch(`${sandbox.internalUrls.banqup}/__admin/platform`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ platform: 'classic' }),
      });
      await context.close();
    }
    writeFileSync(join(fixturesDir, 'index.json'), `${JSON.stringify(entries, null, 2)}\n`);
    return entries;
  } finally {
    await launched.close();
    await sandbox.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const entries = await recordBanqupDom();
  console.log(`[record] ${entries.length} snapshots in ${fixturesDir}`);
}
