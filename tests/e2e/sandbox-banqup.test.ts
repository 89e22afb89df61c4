/**
 * The Banqup look-alike in Chromium, without the extension: a scripted user signs in and
 * connects the Accounting app to Yokoy (FLOW A1–A14) in Portuguese and in English, with
 * credentials freshly generated in the Yokoy look-alike; a reload mid-wizard resumes at the
 * same step; a wrong secret fails at "Ligar" with the terse error; documents list and show.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labels } from '../../sandbox/banqup/labels';
import { seed } from '../../sandbox/yokoy-api/store';
import { BanqupApp } from './pages/banqup-app';
import { YokoyWebPage, type GeneratedCredentials } from './pages/yokoy-web';
import { useE2E } from './support/fixtures';

const demoDir = resolve(import.meta.dirname, '../../demo-output');

describe('the Banqup look-alike', () => {
  const env = useE2E({ extension: false });
  mkdirSync(demoDir, { recursive: true });

  /** B1–B7 in the Yokoy look-alike (its own tab): sign in as the developer, generate credentials. */
  async function freshCredentials(name: string): Promise<GeneratedCredentials> {
    const page = await env.browser.newPage();
    // A clean browser: no Yokoy or Banqup session left over from an earlier test.
    await (await page.createCDPSession()).send('Network.clearBrowserCookies');
    const yokoy = new YokoyWebPage(page, env.sandbox.urls.yokoyWeb);
    await yokoy.signIn(seed.developer.email);
    await yokoy.openDeveloperPage();
    const credentials = await yokoy.generateCredentials(name);
    await page.close();
    return credentials;
  }

  /** A1–A8, leaving the user on the Yokoy form with the fields filled. */
  async function throughToYokoyForm(app: BanqupApp, credentials: GeneratedCredentials, options: { reloadAtExport?: boolean } = {}) {
    const l = app.l;
    await app.openApplicationsMenu(); // A1
    await app.activateAccountingApp(); // A2
    expect(await app.onlineConnectionState()).toMatchObject({ checked: false });
    await app.enableOnlineConnection(); // A3
    expect(await app.onlineConnectionState()).toEqual({ checked: true, text: l.enabled });
    await app.next();
    expect(await app.heading()).toBe(l.exportTypeTitle);
    await app.chooseExport('invoices'); // A4
    if (options.reloadAtExport) {
      // A reload mid-wizard lands on the same step with the same choice.
      await app.reload();
      expect(await app.heading()).toBe(l.exportTypeTitle);
      expect(await app.selectedExport()).toBe(l.exportInvoices);
    }
    await app.next();
    expect(await app.heading()).toBe(l.packageTitle);
    const packages = await app.packageNames();
    expect(packages).toContain('Yokoy');
    expect(packages.length).toBeGreaterThanOrEqual(6);
    await app.choosePackage('Yokoy'); // A5
    await app.proceed();
    expect(await app.heading()).toBe(l.yokoyTitle);
    await app.fillYokoyCredentials(credentials); // A6–A8
    expect(await app.connectEnabled()).toBe(false);
  }

  /** A9: the round trip through Yokoy's consent page. */
  async function signInWithYokoy(app: BanqupApp) {
    await app.signInWithYokoy();
    expect(app.page.url()).toContain(`${env.sandbox.urls.yokoyWeb}/`);
    const yokoy = new YokoyWebPage(app.page, env.sandbox.urls.yokoyWeb);
    if (new URL(app.page.url()).pathname === '/login') await yokoy.signIn(seed.developer.email);
    await yokoy.consent(true);
    const state = await app.waitForYokoyReturn();
    expect(state).toEqual({ signedIn: true, error: null });
  }

  it('connects the Accounting app to Yokoy in Portuguese (A1–A14), resuming after a reload', async () => {
    const credentials = await freshCredentials('Integração Banqup');
    const app = await BanqupApp.open(env.browser, env.sandbox.urls.banqup);
    await app.signIn();
    expect(app.language).toBe('pt');
    const l = labels.pt;
    // The labels the help article quotes, on screen as it quotes them.
    expect(await app.page.$eval('nav', (el) => el.textContent)).toContain('Aplicações');

    await throughToYokoyForm(app, credentials, { reloadAtExport: true });
    await app.screenshot(`${demoDir}/banqup-yokoy-form.png`);
    await signInWithYokoy(app);
    // What was typed survived the trip through Yokoy (kept server-side).
    expect(await app.yokoyCredentialFields()).toEqual({ ...credentials, secretType: 'password' });
    expect(await app.connectEnabled()).toBe(false);
    await app.acceptTerms({ read: true }); // A10
    expect(await app.connectEnabled()).toBe(true);

    // Reload on the Yokoy form: same step, still signed in, terms still accepted.
    await app.reload();
    expect(await app.heading()).toBe(l.yokoyTitle);
    expect((await app.yokoySignInState()).signedIn).toBe(true);
    expect(await app.connectEnabled()).toBe(true);

    expect(await app.connect()).toEqual({ ok: true }); // A11
    expect(await app.legalEntityNames()).toEqual(['Acme Belgium NV', 'Acme Portugal Lda', 'Acme Schweiz AG']);
    await app.chooseLegalEntity('Acme Portugal Lda'); // A12
    await app.confirmAndActivate(); // A13 → A14
    expect(await app.heading()).toBe('Painel de controlo');
    const status = await app.dashboardAccountingStatus();
    expect(status.connectedTo).toContain('Ligada a Yokoy');
    expect(status.legalEntity).toBe('Acme Portugal Lda');
    expect(status.text).toContain('Aplicação de Contabilidade');
    await app.screenshot(`${demoDir}/banqup-dashboard-connected.png`);

    const setup = await (await fetch(`${env.sandbox.internalUrls.banqup}/__admin/setup`)).json();
    expect(setup).toMatchObject({ step: 'active', exportType: 'invoices', packageId: 'yokoy', legalEntityId: 'le-PT-acme-0002' });
    expect(setup.yokoySignIn.account.email).toBe(seed.developer.email);
    await app.page.close();
  });

  it('does the same in English after a reset, and refuses a wrong secret at Connect', async () => {
    await fetch(`${env.sandbox.internalUrls.banqup}/__admin/reset`, { method: 'POST' });
    const credentials = await freshCredentials('Banqup Integration');
    const app = await BanqupApp.open(env.browser, env.sandbox.urls.banqup);
    await app.signIn();
    await app.setLanguage('en');
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('en');
    const l = labels.en;

    await throughToYokoyForm(app, { ...credentials, clientSecret: `${credentials.clientSecret}x` });
    await signInWithYokoy(app);
    await app.acceptTerms();
    const failed = await app.connect();
    expect(failed).toEqual({ ok: false, error: l.errorConnectFailed });
    expect(await app.heading()).toBe(l.yokoyTitle);

    // The right secret: connect, pick the entity, activate.
    await app.fillYokoyCredentials(credentials);
    expect(await app.connect()).toEqual({ ok: true });
    await app.chooseLegalEntity('Acme Belgium NV');
    await app.confirmAndActivate();
    expect(await app.heading()).toBe(l.dashboardTitle);
    const status = await app.dashboardAccountingStatus();
    expect(status.connectedTo).toContain('Connected to Yokoy');
    expect(status.legalEntity).toBe('Acme Belgium NV');
    await app.page.close();
  });

  it('fails at "Ligar" with only the terse message when the secret is wrong (Portuguese)', async () => {
    await fetch(`${env.sandbox.internalUrls.banqup}/__admin/reset`, { method: 'POST' });
    const app = await BanqupApp.open(env.browser, env.sandbox.urls.banqup);
    await app.quickSignIn();
    await throughToYokoyForm(app, {
      clientId: seed.readyClient.clientId,
      clientSecret: 'not-the-secret',
      organizationId: seed.organizationId,
    });
    await signInWithYokoy(app);
    await app.acceptTerms();
    expect(await app.connect()).toEqual({ ok: false, error: 'Não foi possível estabelecer a ligação. Verifique os dados introduzidos.' });
    const setup = await (await fetch(`${env.sandbox.internalUrls.banqup}/__admin/setup`)).json();
    expect(setup.step).toBe('credentials');
    expect(setup.lastConnectFailure).toMatch(/token/);
    await app.page.close();
  });

  it('lists at least 40 purchase invoices and shows one with its PDF', async () => {
    const app = await BanqupApp.open(env.browser, env.sandbox.urls.banqup);
    await app.quickSignIn();
    const rows = await app.openPurchases();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    const first = rows[0]!;
    const { title, pdfUrl } = await app.openDocument(first.documentId);
    expect(title).toContain(first.number);
    expect(new URL(app.page.url()).pathname).toBe(`/documents/${first.documentId}`);
    const head = await app.page.evaluate(async (url) => {
      const res = await fetch(url);
      const bytes = new Uint8Array(await res.arrayBuffer()).slice(0, 5);
      return { type: res.headers.get('content-type'), start: String.fromCharCode(...bytes) };
    }, pdfUrl);
    expect(head).toEqual({ type: 'application/pdf', start: '%PDF-' });
    await app.page.close();
  });

  it('sends a signed-out visitor to the login page and back', async () => {
    const page = await env.browser.newPage();
    const client = await page.createCDPSession();
    await client.send('Network.clearBrowserCookies');
    await page.goto(`${env.sandbox.urls.banqup}/bank-statements`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/bank-statements');
    const app = new BanqupApp(page, env.sandbox.urls.banqup);
    await app.signIn(undefined, undefined, '/bank-statements');
    expect(new URL(page.url()).pathname).toBe('/bank-statements');
    expect(await page.$$eval('main tbody tr[data-document-id]', (rows) => rows.length)).toBeGreaterThan(0);
    await page.close();
  });
});
