/**
 * Page object: the Yokoy web look-alike, driven the way a user (or the extension's guide) sees
 * it: controls found by role and visible label in the current UI language, never by internal
 * ids. Use:
 *
 *   const yokoy = new YokoyWebPage(page, sandbox.urls.yokoyWeb);     // English UI
 *   await yokoy.signIn('dev@acme.example');                          // sandbox password default
 *   const { clientId, clientSecret, organizationId } = await yokoy.generateCredentials('Banqup Integration');
 *   await yokoy.consent();                                           // on /oauth/authorize
 *   const rows = await yokoy.openInvoices('Acme Portugal Lda');
 *
 * `setLanguage('pt')` switches the UI (user menu) and the labels this object looks for. For the
 * look-alike started as Perk or in German (`startSandbox({ yokoyWeb: { brand: 'perk', language: 'de' } })`)
 * pass the same: `new YokoyWebPage(page, url, 'de', 'perk')`.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { fill, labels, labelsFor, type Brand, type Labels, type Language } from '../../../sandbox/yokoy-web/labels';
import { sandboxPassword } from '../../../sandbox/yokoy-web/session';

export interface GeneratedCredentials {
  clientId: string;
  clientSecret: string;
  organizationId: string;
}

export interface InvoiceListRow {
  invoiceNumber: string;
  supplier: string;
  invoiceDate: string;
  dueDate: string;
  total: string;
  status: string;
  received: string;
}

/** Quotes a value for puppeteer's `::-p-aria([name="…"])`. */
const q = (value: string) => JSON.stringify(value);
const byRole = (role: string, name: string) => `::-p-aria([name=${q(name)}][role=${q(role)}])`;

export class YokoyWebPage {
  l: Labels;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    public language: Language = 'en',
    readonly brand: Brand = 'yokoy',
  ) {
    this.l = labelsFor(language, brand);
  }

  /** Signs in through the sign-in page (every seeded user's password is the sandbox one). */
  async signIn(email: string, password = sandboxPassword): Promise<void> {
    if (!this.page.url().startsWith(`${this.baseUrl}/login`)) await this.page.goto(`${this.baseUrl}/login`);
    await this.fill(byRole('textbox', this.l.email), email);
    await this.fill(byRole('textbox', this.l.password), password);
    await this.clickAndWait(byRole('button', this.l.signIn));
  }

  /** Quick sign-in (`/__admin/session`), then lands on `next`. For tests that are not about signing in. */
  async signInAs(as: 'dev' | 'clerk' | string, next = '/'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/__admin/session?${new URLSearchParams({ as, next })}`);
  }

  /** Admin → Developer (Perk: Developer tools → Spend tools) through the navigation (opens the group when it is folded). */
  async openDeveloperPage(): Promise<void> {
    if (this.brand === 'perk') await this.openThroughNavigation(this.l.navDeveloperTools, this.l.navSpendTools);
    else await this.openThroughNavigation(this.l.navAdmin, this.l.navDeveloper);
  }

  /** Admin → Organization (Yokoy), where the organization ID is in the top-right corner too. */
  async openOrganizationPage(): Promise<void> {
    await this.openThroughNavigation(this.l.navAdmin, this.l.navOrganization);
  }

  /** The organization ID shown in the Developer page's top-right corner. */
  async readOrganizationId(): Promise<string> {
    const label = this.l.organizationId;
    const handle = await this.page.waitForFunction(
      (text) => {
        const labelElement = [...document.querySelectorAll('main header *')].find(
          (el) => el.childElementCount === 0 && el.textContent?.trim() === text,
        );
        const match = labelElement?.parentElement?.textContent?.replace(text, '').match(/[\w-]{6,}/);
        return match?.[0];
      },
      {},
      label,
    );
    return (await handle.jsonValue()) as string;
  }

  /**
   * FLOW B3–B7: Generate credentials → OAuth credentials → Generate credentials → name → Next →
   * copy both values → "I have copied the credentials" → Done. Throws the dialog's message
   * when the name is refused (e.g. a duplicate).
   */
  async generateCredentials(
    name: string,
    options: { copy?: boolean /** Runs while the one-time secret is on screen. */; whileShown?: () => Promise<void> } = {},
  ): Promise<GeneratedCredentials> {
    await this.page.locator(`main ${byRole('button', this.l.generateCredentials)}`).click();
    let dialog = await this.dialog(this.l.generateCredentials);
    await (await this.within(dialog, byRole('radio', this.l.oauthCredentials))).click();
    await (await this.within(dialog, byRole('button', this.l.generateCredentials))).click();

    dialog = await this.dialog(this.l.nameStepTitle);
    const field = await this.within(dialog, byRole('textbox', this.l.nameLabel));
    await field.click({ count: 3 });
    await field.type(name);
    await (await this.within(dialog, byRole('button', this.l.next))).click();

    // Either the one-time secret dialog opens, or the name dialog comes back with an error.
    const outcome = await this.page.waitForFunction(
      (secretTitle) => {
        const dialogElement = document.querySelector('[role="dialog"]');
        const title = dialogElement && document.getElementById(dialogElement.getAttribute('aria-labelledby') ?? '')?.textContent;
        if (title === secretTitle) return 'secret';
        const error = dialogElement?.querySelector('[role="alert"]')?.textContent?.trim();
        return error ? `error:${error}` : false;
      },
      {},
      this.l.secretDialogTitle,
    );
    const result = (await outcome.jsonValue()) as string;
    if (result.startsWith('error:')) throw new Error(`Yokoy refused the credentials: ${result.slice(6)}`);

    dialog = await this.dialog(this.l.secretDialogTitle);
    const value = async (label: string) =>
      (await this.within(dialog, byRole('textbox', label))).evaluate((el) => (el as HTMLInputElement).value);
    const clientId = await value(this.l.clientId);
    const clientSecret = await value(this.l.clientSecret);
    if (options.copy ?? true) {
      for (const label of [this.l.clientId, this.l.clientSecret]) {
        await (await this.within(dialog, byRole('button', fill(this.l.copyNamed, { name: label })))).click();
      }
    }
    await options.whileShown?.();
    await (await this.within(dialog, byRole('checkbox', this.l.confirmCopied))).click();
    await (await this.within(dialog, byRole('button', this.l.done))).click();
    await this.page.waitForFunction(() => !document.querySelector('[role="dialog"]'));
    return { clientId, clientSecret, organizationId: await this.readOrganizationId() };
  }

  /** On the "Sign in with Yokoy" consent page: Allow (or Deny); returns the URL it lands on. */
  async consent(allow = true): Promise<string> {
    await this.clickAndWait(byRole('button', allow ? this.l.allow : this.l.deny));
    return this.page.url();
  }

  /** Invoice processor → Invoices, optionally switching the top-right legal-entity selector. */
  async openInvoices(legalEntityName?: string): Promise<InvoiceListRow[]> {
    await this.openThroughNavigation(this.l.navInvoiceProcessor, this.l.navInvoices);
    if (legalEntityName) {
      const select = await this.page.waitForSelector(byRole('combobox', this.l.legalEntity));
      const value = await select!.evaluate(
        (el, name) => [...(el as HTMLSelectElement).options].find((o) => o.textContent?.trim() === name)?.value,
        legalEntityName,
      );
      if (value === undefined) throw new Error(`No legal entity "${legalEntityName}" in the selector.`);
      if ((await select!.evaluate((el) => (el as HTMLSelectElement).value)) !== value) {
        await Promise.all([this.page.waitForNavigation(), select!.select(value)]);
      }
    }
    return this.invoiceRows();
  }

  /** The legal-entity names in the Invoices page's selector. */
  async legalEntityNames(): Promise<string[]> {
    const select = await this.page.waitForSelector(byRole('combobox', this.l.legalEntity));
    return select!.evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.textContent?.trim() ?? ''));
  }

  /** Switches the UI language through the user menu. */
  async setLanguage(language: Language): Promise<void> {
    await this.page.locator(byRole('button', this.l.userMenu)).click();
    await this.clickAndWait(byRole('menuitemradio', labels[language].languageName));
    this.language = language;
    this.l = labelsFor(language, this.brand);
  }

  private async invoiceRows(): Promise<InvoiceListRow[]> {
    const keys: [keyof InvoiceListRow, keyof Labels][] = [
      ['invoiceNumber', 'colInvoiceNumber'],
      ['supplier', 'colSupplier'],
      ['invoiceDate', 'colInvoiceDate'],
      ['dueDate', 'colDueDate'],
      ['total', 'colTotal'],
      ['status', 'colStatus'],
      ['received', 'colReceived'],
    ];
    const headers = keys.map(([, label]) => this.l[label]);
    const cells = await this.page.evaluate((wanted) => {
      const table = [...document.querySelectorAll('main table')].find((t) =>
        wanted.every((h) => [...t.querySelectorAll('th')].some((th) => th.textContent?.trim() === h)),
      );
      if (!table) return [];
      const columns = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
      return [...table.querySelectorAll('tbody tr')].map((tr) => {
        const texts = [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
        return wanted.map((h) => texts[columns.indexOf(h)] ?? '');
      });
    }, headers);
    return cells.map((row) => Object.fromEntries(keys.map(([key], i) => [key, row[i] ?? ''])) as unknown as InvoiceListRow);
  }

  private async openThroughNavigation(group: string, entry: string): Promise<void> {
    if (!this.page.url().startsWith(this.baseUrl) || new URL(this.page.url()).pathname.startsWith('/login'))
      await this.page.goto(this.baseUrl);
    const nav = await this.page.waitForSelector(byRole('navigation', this.l.mainNavigation));
    const groupButton = await this.within(nav!, byRole('button', group));
    if ((await groupButton.evaluate((el) => el.getAttribute('aria-expanded'))) !== 'true') await groupButton.click();
    await this.clickAndWait(byRole('link', entry), nav!);
    await this.page.waitForSelector(`main h1`);
  }

  private async dialog(name: string): Promise<ElementHandle<Element>> {
    return (await this.page.waitForSelector(byRole('dialog', name)))!;
  }

  private async within(root: ElementHandle<Element>, selector: string): Promise<ElementHandle<Element>> {
    const found = await root.waitForSelector(selector);
    if (!found) throw new Error(`Not found: ${selector}`);
    return found;
  }

  private async fill(selector: string, value: string): Promise<void> {
    const field = await this.page.waitForSelector(selector);
    await field!.click({ count: 3 });
    await field!.type(value);
  }

  private async clickAndWait(selector: string, root?: ElementHandle<Element>): Promise<void> {
    const target = root ? await this.within(root, selector) : await this.page.waitForSelector(selector);
    await Promise.all([this.page.waitForNavigation(), target!.click()]);
  }
}
