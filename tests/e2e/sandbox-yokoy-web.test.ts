/**
 * The Yokoy web look-alike in Chromium, as a user meets it (FLOW B): sign in, Admin →
 * Developer, generate OAuth credentials, copy them, confirm, read the organization ID; the new
 * pair gets a token from the API emulator; the secret is gone after a reload; a clerk is sent
 * to an administrator; duplicates are refused; "Sign in with Yokoy" answers Banqup; the
 * Portuguese UI reads "Programador". Screenshots go to demo-output/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seed } from '../../sandbox/yokoy-api/store';
import { labels } from '../../sandbox/yokoy-web/labels';
import { YokoyWebPage } from './pages/yokoy-web';
import { useE2E } from './support/fixtures';

const shots = resolve(import.meta.dirname, '../../demo-output');
mkdirSync(shots, { recursive: true });

describe('Yokoy web look-alike', () => {
  const env = useE2E({ extension: false });
  let generated: { clientId: string; clientSecret: string; organizationId: string };

  it('lets a developer generate OAuth credentials and shows the secret once (B2–B7)', async () => {
    const origin = env.sandbox.urls.yokoyWeb;
    await env.browser
      .defaultBrowserContext()
      .overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const page = await env.browser.newPage();
    const yokoy = new YokoyWebPage(page, origin);
    await page.goto(`${origin}/admin/developer`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.screenshot({ path: `${shots}/yokoy-sign-in.png` });
    await yokoy.signIn(seed.developer.email);
    expect(new URL(page.url()).pathname).toBe('/admin/developer');

    await page.goto(origin);
    await yokoy.openDeveloperPage();
    expect(await page.$eval('main h1', (h) => h.textContent)).toBe('Developer');
    // "Developer" is the last entry of the Admin menu.
    const adminEntries = await page.$$eval('nav [aria-controls="nav-admin"] + ul a', (links) => links.map((a) => a.textContent?.trim()));
    expect(adminEntries.at(-1)).toBe('Developer');
    await page.screenshot({ path: `${shots}/yokoy-developer-page.png` });

    // Walk the dialog by hand up to the secret, for the screenshot; then let the page object finish.
    await page.locator('::-p-aria([name="Generate credentials"][role="button"])').click();
    await page.waitForSelector('::-p-aria([name="Generate credentials"][role="dialog"])');
    await page.screenshot({ path: `${shots}/yokoy-credentials-type.png` });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[role="dialog"]'));

    const waitForSecretDialog = page.waitForSelector('::-p-aria([name="Your OAuth credentials"][role="dialog"])').then(async () => {
      await page.waitForFunction(() => (document.querySelector('#client-secret') as HTMLInputElement | null)?.value);
      await page.screenshot({ path: `${shots}/yokoy-secret-dialog.png` });
    });
    generated = await yokoy.generateCredentials('Banqup Integration');
    await waitForSecretDialog;

    expect(generated.organizationId).toBe(seed.organizationId);
    expect(generated.clientId).toMatch(/^[\w-]+$/);
    expect(generated.clientSecret.length).toBeGreaterThanOrEqual(24);
    // The copy buttons put the last copied value (the secret) on the clipboard.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(generated.clientSecret);

    // The secret left the DOM with the dialog; the new row shows name and client ID only.
    let text = await page.content();
    expect(text).toContain(generated.clientId);
    expect(text).not.toContain(generated.clientSecret);
    await page.reload();
    text = await page.content();
    expect(text).toContain('Banqup Integration');
    expect(text).toContain(generated.clientId);
    expect(text).not.toContain(generated.clientSecret);
    expect(await yokoy.readOrganizationId()).toBe(seed.organizationId);
    await page.close();
  });

  it('the generated pair gets a token from the API emulator', async () => {
    const response = await fetch(`${env.sandbox.internalUrls.yokoyApi}/oauth2/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${generated.clientId}:${generated.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(200);
    const token = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(token.token_type).toBe('Bearer');
    expect(token.access_token).toBeTruthy();
    expect(token.expires_in).toBeGreaterThan(0);
  });

  it('refuses a duplicate name with a message', async () => {
    const page = await env.browser.newPage();
    const yokoy = new YokoyWebPage(page, env.sandbox.urls.yokoyWeb);
    await yokoy.signInAs('dev', '/admin/developer');
    await expect(yokoy.generateCredentials('banqup integration')).rejects.toThrow(/already exist/);
    expect(await page.$eval('[role="dialog"] input[type="text"]', (el) => el.getAttribute('aria-invalid'))).toBe('true');
    await page.screenshot({ path: `${shots}/yokoy-duplicate-name.png` });
    await page.close();
  });

  it('sends a user without the Developer role to their administrator (B1)', async () => {
    const page = await env.browser.newPage();
    const yokoy = new YokoyWebPage(page, env.sandbox.urls.yokoyWeb);
    await yokoy.signInAs('clerk');
    await yokoy.openDeveloperPage();
    const alert = await page.$eval('main [role="alert"]', (el) => el.textContent ?? '');
    expect(alert).toContain(labels.en.noAccessTitle);
    expect(alert).toContain('administrator');
    expect(alert).toContain(seed.developer.name);
    expect(await page.$('::-p-aria([name="Generate credentials"][role="button"])')).toBeNull();
    expect(await page.content()).not.toContain(seed.organizationId);
    await page.screenshot({ path: `${shots}/yokoy-no-access.png` });
    await page.close();
  });

  it('"Sign in with Yokoy": signs in, asks for consent, returns code and state; refuses a foreign redirect_uri', async () => {
    const { banqup, yokoyWeb } = env.sandbox.urls;
    const context = await env.browser.createBrowserContext();
    const page = await context.newPage();
    const yokoy = new YokoyWebPage(page, yokoyWeb);
    const redirectUri = `${banqup}/oauth/yokoy/callback`;
    const query = (redirect: string) =>
      new URLSearchParams({ response_type: 'code', client_id: 'banqup-accounting', redirect_uri: redirect, state: 'st-42' });

    // Banqup's look-alike may not answer the callback path: we only need where the browser went.
    const landed: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.url().startsWith(banqup)) landed.push(request.url());
    });
    await page.goto(`${yokoyWeb}/oauth/authorize?${query(redirectUri)}`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await yokoy.signIn(seed.developer.email);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Banqup wants to connect to your Yokoy organization Acme Holding');
    await page.screenshot({ path: `${shots}/yokoy-consent.png` });
    await yokoy.consent(true).catch(() => undefined);
    const back = new URL(landed.at(-1) ?? page.url());
    expect(back.origin + back.pathname).toBe(redirectUri);
    expect(back.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
    expect(back.searchParams.get('state')).toBe('st-42');

    landed.length = 0;
    await page.goto(`${yokoyWeb}/oauth/authorize?${query(redirectUri)}`);
    await yokoy.consent(false).catch(() => undefined);
    const denied = new URL(landed.at(-1) ?? page.url());
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe('st-42');

    const foreign = await page.goto(`${yokoyWeb}/oauth/authorize?${query('https://evil.example/callback')}`);
    expect(foreign?.status()).toBe(400);
    expect(new URL(page.url()).origin).toBe(yokoyWeb);
    expect(await page.$eval('[role="alert"]', (el) => el.textContent)).toContain(labels.en.authErrorRedirect);
    await context.close();
  });

  it('lists invoices per legal entity, with the selector in the top-right corner (B8)', async () => {
    const page = await env.browser.newPage();
    const yokoy = new YokoyWebPage(page, env.sandbox.urls.yokoyWeb);
    await yokoy.signInAs('clerk');
    const org = env.sandbox.state.yokoy.organizations.get(seed.organizationId)!;
    const entity = org.legalEntities[1]!;
    env.sandbox.state.yokoy.addInvoice({
      organizationId: org.id,
      legalEntityId: entity.id,
      source: 'admin',
      invoiceNumber: 'INV-2024-0042',
      country: 'PT',
      currency: 'EUR',
      date: '2024-05-02',
      dueDate: '2024-06-01',
      supplierId: null,
      supplierName: 'Papelaria Lisboa Lda',
      isCreditNote: false,
      lineItems: [{ description: 'Paper', quantity: 1, itemPrice: 100, unit: null, net: 100, gross: 123, customInformation: null }],
      customInformation: null,
      pdf: null,
      ubl: null,
    });
    expect(await yokoy.openInvoices()).toEqual([]);
    expect(await yokoy.legalEntityNames()).toEqual(org.legalEntities.map((le) => le.name));
    const rows = await yokoy.openInvoices(entity.name);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ invoiceNumber: 'INV-2024-0042', supplier: 'Papelaria Lisboa Lda', status: 'New' });
    expect(rows[0]!.total).toMatch(/123[.,]00/);
    await page.screenshot({ path: `${shots}/yokoy-invoices.png` });
    await page.close();
  });

  it('speaks Portuguese when asked: Admin > Programador', async () => {
    const page = await env.browser.newPage();
    const yokoy = new YokoyWebPage(page, env.sandbox.urls.yokoyWeb);
    await yokoy.signInAs('dev');
    await yokoy.setLanguage('pt');
    expect(await page.$eval('html', (el) => el.lang)).toBe('pt');
    await yokoy.openDeveloperPage();
    expect(await page.$eval('main h1', (h) => h.textContent)).toBe('Programador');
    expect(await page.$('::-p-aria([name="Gerar credenciais"][role="button"])')).not.toBeNull();
    expect(await yokoy.readOrganizationId()).toBe(seed.organizationId);
    await page.screenshot({ path: `${shots}/yokoy-developer-page-pt.png` });
    await yokoy.setLanguage('en');
    await page.close();
  });
});
