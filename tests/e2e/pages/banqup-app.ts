/**
 * Page object: the Banqup look-alike, driven the way a user (or the extension's guide) sees
 * it: controls found by role and accessible name in the page's current language (read from
 * `<html lang>`), never by internal ids. One method per step of FLOW A:
 *
 *   const app = await BanqupApp.open(browser, sandbox.urls.banqup);
 *   await app.signIn();                          // the seeded user, through the login form
 *   await app.openApplicationsMenu();            // A1
 *   await app.activateAccountingApp();           // A2
 *   await app.enableOnlineConnection(); await app.next();               // A3
 *   await app.chooseExport('invoices'); await app.next();                // A4
 *   await app.choosePackage('Yokoy'); await app.proceed();              // A5
 *   await app.fillYokoyCredentials({ clientId, clientSecret, organizationId }); // A6–A8
 *   await app.signInWithYokoy(); …consent in Yokoy… await app.waitForYokoyReturn(); // A9
 *   await app.acceptTerms();                     // A10
 *   await app.connect();                         // A11 → { ok } | { ok: false, error }
 *   await app.chooseLegalEntity('Acme Portugal Lda');                    // A12
 *   await app.confirmAndActivate();              // A13 → dashboard (A14)
 *   await app.dashboardAccountingStatus();
 */
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { isLanguage, labels, type Labels, type Language } from '../../../sandbox/banqup/labels';
import { banqupSeedUser } from '../../../sandbox/banqup/store';

/** Quotes a value for puppeteer's `::-p-aria([name="…"])`. */
const q = (value: string) => JSON.stringify(value);
export const byRole = (role: string, name: string) => `::-p-aria([name=${q(name)}][role=${q(role)}])`;

export type ConnectOutcome = { ok: true } | { ok: false; error: string };

export class BanqupApp {
  language: Language = 'pt';
  l: Labels = labels.pt;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  static async open(browser: Browser, baseUrl: string): Promise<BanqupApp> {
    return new BanqupApp(await browser.newPage(), baseUrl);
  }

  // ---- session and language ---------------------------------------------------------

  /** Signs in through the /login form (seeded user by default) and waits for the app. */
  async signIn(email: string = banqupSeedUser.email, password: string = banqupSeedUser.password, next = '/'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/login?next=${encodeURIComponent(next)}`);
    await this.syncLanguage();
    await this.type(byRole('textbox', this.l.email), email);
    await this.type(`input[type="password"]`, password);
    await this.clickAndWaitForNavigation(byRole('button', this.l.loginButton));
    await this.waitForApp();
  }

  /** Quick sign-in through `/__admin/session` (tests that are not about signing in). */
  async quickSignIn(next = '/'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/__admin/session?next=${encodeURIComponent(next)}`);
    await this.waitForApp();
  }

  /** Reads `<html lang>` and switches the labels this object looks for. */
  async syncLanguage(): Promise<Language> {
    const lang = await this.page.evaluate(() => document.documentElement.lang);
    if (isLanguage(lang)) {
      this.language = lang;
      this.l = labels[lang];
    }
    return this.language;
  }

  /** Header language switch → the language's menu item; the app reloads in it. */
  async setLanguage(language: Language): Promise<void> {
    await this.click(byRole('button', `${this.l.language}: ${this.l.languageName}`));
    await this.page.waitForSelector(byRole('menu', this.l.language));
    await this.clickAndWaitForNavigation(byRole('menuitemradio', labels[language].languageName));
    await this.waitForApp();
    if ((await this.syncLanguage()) !== language) throw new Error(`Language is ${this.language}, expected ${language}`);
  }

  async signOut(): Promise<void> {
    await this.click(byRole('button', this.l.userMenu));
    await this.clickAndWaitForNavigation(byRole('menuitem', this.l.signOut));
  }

  // ---- A1–A2 --------------------------------------------------------------------------

  /** A1: "Apps" in the main menu on the left (classic Banqup) opens the apps. */
  async openApplicationsMenu(): Promise<void> {
    await this.click(`nav ${byRole('button', this.l.applications)}`);
    await this.page.waitForSelector(`${byRole('menu', this.l.applications)}`, { visible: true });
  }

  /** New Banqup: the header's app launcher (grid icon) opens its apps and "Discover more". */
  async openAppLauncher(): Promise<void> {
    await this.click('header [data-testid="btx-app-launcher"]');
    await this.page.waitForSelector(`${byRole('menu', this.l.appLauncher)}`, { visible: true });
  }

  /** A2: "Aplicação de Contabilidade" in the menu, then its activate button → A3's screen. */
  async activateAccountingApp(): Promise<void> {
    await this.click(byRole('menuitem', this.l.accountingApp));
    await this.waitForHeading(this.l.accountingApp);
    await this.click(`main ${byRole('button', this.l.activate)}`);
    await this.waitForHeading(this.l.connectionTitle);
  }

  // ---- A3–A5 --------------------------------------------------------------------------

  /** A3: "Conexão on-line" switched to "Ativado" (clicked only when off). */
  async enableOnlineConnection(): Promise<void> {
    const toggle = await this.page.waitForSelector(byRole('switch', this.l.onlineConnection));
    if ((await toggle!.evaluate((el) => el.getAttribute('aria-checked'))) !== 'true') await this.saving(() => toggle!.click());
    await this.page.waitForFunction(
      (text) =>
        document.querySelector('[role="switch"]')?.getAttribute('aria-checked') === 'true' &&
        document.querySelector('main')?.textContent?.includes(text),
      {},
      this.l.enabled,
    );
  }

  async onlineConnectionState(): Promise<{ checked: boolean; text: string }> {
    const toggle = await this.page.waitForSelector(byRole('switch', this.l.onlineConnection));
    return toggle!.evaluate((el) => ({
      checked: el.getAttribute('aria-checked') === 'true',
      text: el.parentElement?.textContent?.trim() ?? '',
    }));
  }

  /** "Seguinte" (A3, A4): waits until the screen's heading changes. */
  async next(): Promise<void> {
    await this.clickAndWaitForNewHeading(`main ${byRole('button', this.l.next)}`);
  }

  /** A4: one of the two export options. */
  async chooseExport(kind: 'invoices' | 'bankStatements'): Promise<void> {
    await this.saving(() => this.check(byRole('radio', kind === 'invoices' ? this.l.exportInvoices : this.l.exportBankStatements)));
  }

  /** The export option currently selected, by its label; null when none. */
  async selectedExport(): Promise<string | null> {
    return this.page.evaluate(() => {
      const checked = document.querySelector<HTMLInputElement>('main input[type="radio"]:checked');
      return checked ? (document.querySelector(`label[for="${checked.id}"]`)?.textContent ?? null) : null;
    });
  }

  /** A5: an app in the list of accounting apps, by its name ("Yokoy"). */
  async choosePackage(name: string): Promise<void> {
    await this.saving(() => this.check(byRole('radio', name)));
  }

  /** The names in A5's list. */
  async packageNames(): Promise<string[]> {
    const group = await this.page.waitForSelector(byRole('radiogroup', this.l.packageList));
    // The visible name without the decorative (aria-hidden) logo letter.
    return group!.$$eval('label', (els) =>
      els.map((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('[aria-hidden="true"]').forEach((x) => x.remove());
        return copy.textContent?.trim() ?? '';
      }),
    );
  }

  /** "Próximo" (A5). */
  async proceed(): Promise<void> {
    await this.clickAndWaitForNewHeading(`main ${byRole('button', this.l.proceed)}`);
  }

  // ---- A6–A11 -------------------------------------------------------------------------

  /** A6–A8: the three fields, found by their labels; each is left (change) so it autosaves. */
  async fillYokoyCredentials(values: { clientId: string; clientSecret: string; organizationId: string }): Promise<void> {
    await this.fillLabelled(this.l.yokoyClientId, values.clientId);
    await this.fillLabelled(this.l.yokoyClientSecret, values.clientSecret);
    await this.fillLabelled(this.l.yokoyOrganizationId, values.organizationId);
  }

  /** The three fields' current values and the secret field's type. */
  async yokoyCredentialFields(): Promise<{ clientId: string; clientSecret: string; organizationId: string; secretType: string }> {
    const read = async (label: string) =>
      (await this.labelled(label)).evaluate((el) => [(el as HTMLInputElement).value, (el as HTMLInputElement).type] as const);
    const [clientId] = await read(this.l.yokoyClientId);
    const [clientSecret, secretType] = await read(this.l.yokoyClientSecret);
    const [organizationId] = await read(this.l.yokoyOrganizationId);
    return { clientId, clientSecret, organizationId, secretType };
  }

  /** A9: "Iniciar sessão com Yokoy" → the browser leaves for Yokoy's web app. */
  async signInWithYokoy(): Promise<void> {
    await this.clickAndWaitForNavigation(byRole('button', this.l.yokoySignIn));
  }

  /** Back from Yokoy's consent page: the Yokoy form again, showing the outcome. */
  async waitForYokoyReturn(): Promise<{ signedIn: boolean; error: string | null }> {
    await this.page.waitForFunction((base) => location.href.startsWith(`${base}/apps/accounting/`), {}, this.baseUrl);
    await this.waitForApp();
    await this.waitForHeading(this.l.yokoyTitle);
    return this.yokoySignInState();
  }

  async yokoySignInState(): Promise<{ signedIn: boolean; error: string | null }> {
    return this.page.evaluate(
      (signedInText) => ({
        signedIn: [...document.querySelectorAll('main [role="status"]')].some((el) => el.textContent?.includes(signedInText)),
        error:
          [...document.querySelectorAll('main .signin-row [role="alert"]')].find((el) => !(el as HTMLElement).hidden)?.textContent ?? null,
      }),
      this.l.yokoySignedIn,
    );
  }

  /** A10: optionally reads the terms (link → dialog → close), then ticks the acceptance box. */
  async acceptTerms(options: { read?: boolean } = {}): Promise<void> {
    if (options.read) {
      await this.click(byRole('link', this.l.terms));
      const dialog = await this.page.waitForSelector(byRole('dialog', this.l.termsTitle), { visible: true });
      await (await dialog!.waitForSelector(byRole('button', this.l.close)))!.click();
      await this.page.waitForSelector('dialog', { hidden: true });
    }
    const name = `${this.l.termsAcceptPrefix}${this.l.terms}${this.l.termsAcceptSuffix}`.replace(/\s+/g, ' ').trim();
    await this.saving(() => this.check(byRole('checkbox', name)));
  }

  async connectEnabled(): Promise<boolean> {
    const button = await this.page.waitForSelector(byRole('button', this.l.connect));
    return button!.evaluate((el) => !(el as HTMLButtonElement).disabled);
  }

  /** A11: "Ligar"; resolves when the legal-entity screen shows, or with the error shown. */
  async connect(): Promise<ConnectOutcome> {
    await this.click(byRole('button', this.l.connect));
    const outcome = await this.page.waitForFunction(
      (heading) => {
        if (document.querySelector('main h1')?.textContent === heading) return 'ok';
        const alert = [...document.querySelectorAll('main [role="alert"]')].find(
          (el) => !(el as HTMLElement).hidden && el.textContent?.trim(),
        );
        return alert ? `error:${alert.textContent}` : false;
      },
      {},
      this.l.legalEntityTitle,
    );
    const value = (await outcome.jsonValue()) as string;
    return value === 'ok' ? { ok: true } : { ok: false, error: value.slice('error:'.length) };
  }

  // ---- A12–A14 ------------------------------------------------------------------------

  /** A12: the legal entity, by name, from the "entidade jurídica" drop-down. */
  async chooseLegalEntity(name: string): Promise<void> {
    const select = await this.page.waitForSelector(byRole('combobox', this.l.legalEntity));
    const value = await select!.evaluate(
      (el, wanted) => [...(el as HTMLSelectElement).options].find((o) => o.textContent?.trim() === wanted)?.value,
      name,
    );
    if (!value) throw new Error(`No legal entity "${name}" in the drop-down.`);
    if ((await select!.evaluate((el) => (el as HTMLSelectElement).value)) === value) return;
    await this.saving(async () => void (await select!.select(value)));
  }

  async legalEntityNames(): Promise<string[]> {
    const select = await this.page.waitForSelector(byRole('combobox', this.l.legalEntity));
    return select!.evaluate((el) => [...(el as HTMLSelectElement).options].filter((o) => o.value).map((o) => o.textContent?.trim() ?? ''));
  }

  /** A13: ticks the confirmation box and clicks "Ativar"; A14: waits for the dashboard. */
  async confirmAndActivate(): Promise<void> {
    await this.saving(() => this.check(byRole('checkbox', this.l.legalEntityConfirm)));
    await this.click(`main ${byRole('button', this.l.activate)}`);
    await this.page.waitForFunction((base) => location.href === `${base}/`, {}, this.baseUrl);
    await this.waitForHeading(this.l.dashboardTitle);
  }

  /** A14: what the dashboard's "active applications" card says. */
  async dashboardAccountingStatus(): Promise<{ text: string; connectedTo: string | null; legalEntity: string | null }> {
    const section = await this.page.waitForSelector(byRole('region', this.l.activeApps));
    return section!.evaluate((el, legalEntityLabel) => {
      const dts = [...el.querySelectorAll('dt')];
      const dd = dts.find((dt) => dt.textContent === legalEntityLabel)?.nextElementSibling;
      return {
        text: el.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        connectedTo: el.querySelector('.connected-line')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
        legalEntity: dd?.textContent ?? null,
      };
    }, this.l.legalEntityLabel);
  }

  // ---- documents ----------------------------------------------------------------------

  /** Purchases through the side navigation; returns the rows shown. */
  async openPurchases(): Promise<{ documentId: string; number: string; supplier: string }[]> {
    await this.click(`nav ${byRole('link', this.l.navPurchases)}`);
    await this.waitForHeading(this.l.purchasesTitle);
    await this.page.waitForSelector('main tbody tr[data-document-id]');
    return this.page.$$eval('main tbody tr[data-document-id]', (rows) =>
      rows.map((tr) => ({
        documentId: tr.getAttribute('data-document-id') ?? '',
        number: tr.querySelector('a')?.textContent ?? '',
        supplier: tr.children[2]?.textContent ?? '',
      })),
    );
  }

  /** From the list: the row's link → the document page; returns the preview's PDF URL. */
  async openDocument(documentId: string): Promise<{ title: string; pdfUrl: string }> {
    await this.click(`main tr[data-document-id="${documentId}"] a`);
    const frame = await this.page.waitForSelector('main iframe');
    const pdfUrl = await frame!.evaluate((el) => (el as HTMLIFrameElement).src);
    const title = await this.page.$eval('main h1', (el) => el.textContent ?? '');
    return { title, pdfUrl };
  }

  // ---- generic ------------------------------------------------------------------------

  /** The current screen's heading (main h1). */
  async heading(): Promise<string> {
    await this.page.waitForSelector('main h1');
    return this.page.$eval('main h1', (el) => el.textContent ?? '');
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForApp();
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path, fullPage: false });
  }

  /** The app has drawn its frame and a screen (no loading placeholder). */
  async waitForApp(): Promise<void> {
    await this.page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('main .loading'));
    await this.syncLanguage();
  }

  async waitForHeading(text: string): Promise<void> {
    await this.page.waitForFunction(
      (t) => document.querySelector('main h1')?.textContent === t && !document.querySelector('main .loading'),
      {},
      text,
    );
  }

  /**
   * Drafts autosave with a PATCH of the setup; runs `action` and waits for that save to land
   * (a reload right after must see it). Skips the wait when the action changed nothing.
   */
  private async saving(action: () => Promise<boolean | void>): Promise<void> {
    const saved = this.page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === '/api/v1/accounting/setup',
      {
        timeout: 10_000,
      },
    );
    saved.catch(() => undefined);
    if ((await action()) === false) return;
    await saved;
  }

  /** Clicks a radio or checkbox unless it is already checked; false when nothing changed. */
  private async check(selector: string): Promise<boolean> {
    const el = await this.page.waitForSelector(selector, { visible: true });
    if (await el!.evaluate((e) => (e as HTMLInputElement).checked)) return false;
    await el!.click();
    return true;
  }

  private async click(selector: string): Promise<void> {
    const el = await this.page.waitForSelector(selector, { visible: true });
    await el!.click();
  }

  private async clickAndWaitForNavigation(selector: string): Promise<void> {
    const el = await this.page.waitForSelector(selector, { visible: true });
    await Promise.all([this.page.waitForNavigation(), el!.click()]);
  }

  private async clickAndWaitForNewHeading(selector: string): Promise<void> {
    const before = await this.heading();
    await this.click(selector);
    await this.page.waitForFunction(
      (old) => {
        const h1 = document.querySelector('main h1')?.textContent;
        return h1 && h1 !== old && !document.querySelector('main .loading');
      },
      {},
      before,
    );
  }

  private async type(selector: string, value: string): Promise<void> {
    const field = await this.page.waitForSelector(selector);
    await field!.click({ count: 3 });
    await field!.type(value);
  }

  /** The input a visible `<label>` with exactly this text points to (works for password fields too). */
  private async labelled(text: string): Promise<ElementHandle<HTMLInputElement>> {
    const handle = await this.page.waitForFunction(
      (wanted) => {
        const label = [...document.querySelectorAll('main label')].find((l) => l.textContent?.trim() === wanted) as
          | HTMLLabelElement
          | undefined;
        return label?.control ?? null;
      },
      {},
      text,
    );
    return handle as unknown as ElementHandle<HTMLInputElement>;
  }

  private async fillLabelled(label: string, value: string): Promise<void> {
    const input = await this.labelled(label);
    if ((await input.evaluate((el) => el.value)) === value) return;
    await input.click({ count: 3 });
    await this.page.keyboard.press('Backspace');
    await input.type(value);
    // Leaving the field (Tab) fires `change`, which autosaves it server-side.
    await this.saving(() => this.page.keyboard.press('Tab'));
  }
}
