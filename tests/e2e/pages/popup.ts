/** Page object: the toolbar popup, opened as a page at chrome-extension://<id>/popup.html. */
import type { Browser, Page } from 'puppeteer-core';

export type Field = 'clientId' | 'clientSecret' | 'organizationId';

export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, extensionId: string, language?: string): Promise<PopupPage> {
    const page = await browser.newPage();
    await page.setViewport({ width: 400, height: 720 });
    await page.goto(`chrome-extension://${extensionId}/popup.html${language ? `?lang=${language}` : ''}`);
    return new PopupPage(page);
  }

  /** Waits until the status leaves "loading" and returns what the user reads. */
  async status(): Promise<{ state: string; text: string }> {
    const handle = await this.page.waitForSelector('[data-testid="connection-status"]:not([data-state="loading"])');
    return handle!.evaluate((el) => ({ state: el.getAttribute('data-state') ?? '', text: el.textContent ?? '' }));
  }

  async waitForStatus(state: string): Promise<string> {
    const handle = await this.page.waitForSelector(`[data-testid="connection-status"][data-state="${state}"]`);
    return handle!.evaluate((el) => el.textContent ?? '');
  }

  async version(): Promise<string> {
    await this.page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="version"]')?.textContent ?? ''));
    return this.page.$eval('[data-testid="version"]', (el) => el.textContent ?? '');
  }

  /** Types into a field by its label (what a keyboard user does). */
  /** Types the three credentials in the form's order (client ID, secret, organization ID). */
  async enterCredentials(credentials: { clientId: string; clientSecret: string; organizationId: string }): Promise<void> {
    await this.type('clientId', credentials.clientId);
    await this.type('clientSecret', credentials.clientSecret);
    await this.type('organizationId', credentials.organizationId);
  }

  async type(field: Field, value: string): Promise<void> {
    const selector = `#field-${field}`;
    await this.page.waitForSelector(selector);
    await this.page.$eval(selector, (el) => {
      (el as HTMLInputElement).value = '';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await this.page.type(selector, value);
  }

  /** Pastes text into a field the way a clipboard paste arrives (a paste event with data). */
  async paste(field: Field, text: string): Promise<void> {
    const selector = `#field-${field}`;
    await this.page.waitForSelector(selector);
    await this.page.$eval(
      selector,
      (el, value) => {
        (el as HTMLInputElement).focus();
        const data = new DataTransfer();
        data.setData('text/plain', value);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      text,
    );
  }

  value(field: Field): Promise<string> {
    return this.page.$eval(`#field-${field}`, (el) => (el as HTMLInputElement).value);
  }

  /** The live messages under a field: [{tone, text}]. */
  messages(field: Field): Promise<{ tone: string; text: string }[]> {
    return this.page.$$eval(`[data-testid="${field}-messages"] p`, (ps) =>
      ps.map((p) => ({ tone: p.getAttribute('data-tone') ?? '', text: p.textContent ?? '' })),
    );
  }

  /** Presses "Save and verify" and returns the announced outcome. */
  async verify(): Promise<{ tone: string; text: string }> {
    await this.page.click('[data-testid="verify"]');
    const handle = await this.page.waitForSelector('[data-testid="verify-outcome"] p', { timeout: 20_000 });
    return handle!.evaluate((p) => ({ tone: p.getAttribute('data-tone') ?? '', text: p.textContent ?? '' }));
  }

  legalEntities(): Promise<{ id: string; name: string; checked: boolean }[]> {
    return this.page.$$eval('[data-testid="legal-entities"] input[type="radio"]', (inputs) =>
      inputs.map((i) => ({
        id: (i as HTMLInputElement).value,
        name: i.parentElement?.textContent ?? '',
        checked: (i as HTMLInputElement).checked,
      })),
    );
  }

  async chooseLegalEntity(name: string): Promise<string> {
    const [label] = await this.page.$$(`xpath/.//fieldset[@data-testid="legal-entities"]//label[contains(., ${JSON.stringify(name)})]`);
    if (!label) throw new Error(`No legal entity named ${name}`);
    await label.click();
    await this.page.waitForFunction(
      (n) => document.querySelector('[data-testid="legal-entity-chosen"]')?.textContent?.includes(n),
      {},
      name,
    );
    return this.page.$eval('[data-testid="legal-entity-chosen"]', (el) => el.textContent ?? '');
  }

  /** Holds the reveal button and reads the secret field while it is held. */
  async revealSecretWhileHeld(): Promise<{ whileHeld: string; type: string; afterRelease: string }> {
    const button = await this.page.waitForSelector('[data-testid="reveal-secret"]');
    await button!.focus();
    await this.page.keyboard.down('Space');
    await this.page.waitForFunction(() => (document.getElementById('field-clientSecret') as HTMLInputElement).type === 'text');
    await this.page.waitForFunction(() => (document.getElementById('field-clientSecret') as HTMLInputElement).value !== '');
    const whileHeld = await this.value('clientSecret');
    const type = await this.page.$eval('#field-clientSecret', (el) => (el as HTMLInputElement).type);
    await this.page.keyboard.up('Space');
    await this.page.waitForFunction(() => (document.getElementById('field-clientSecret') as HTMLInputElement).type === 'password');
    return { whileHeld, type, afterRelease: await this.value('clientSecret') };
  }

  /** The captured values waiting for confirmation: the lines saying what would change. */
  async pendingChanges(timeout = 10_000): Promise<string[]> {
    await this.page.waitForSelector('[data-testid="pending-capture"]', { timeout });
    return this.page.$$eval('[data-testid="pending-changes"] li', (lis) => lis.map((li) => li.textContent ?? ''));
  }

  /** Confirms (or discards) the captured values, as the user does. */
  async decidePending(adopt: boolean): Promise<void> {
    await this.page.click(adopt ? '[data-testid="pending-adopt"]' : '[data-testid="pending-discard"]');
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="pending-capture"]'), { timeout: 15_000 });
  }

  close() {
    return this.page.close();
  }
}
