/** Page object: the options page (environment, addresses, forget). */
import type { Browser, Page } from 'puppeteer-core';
import type { SandboxUrls } from '../../../sandbox/app';

export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, extensionId: string, language = 'en'): Promise<OptionsPage> {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html?lang=${language}`);
    await page.waitForSelector('input[name="environment"]');
    return new OptionsPage(page);
  }

  private async fill(selector: string, value: string) {
    await this.page.$eval(selector, (el) => ((el as HTMLInputElement).value = ''));
    await this.page.type(selector, value);
  }

  /** Points the extension at the sandbox, as a user would: Custom addresses, then Save. */
  async useSandbox(urls: SandboxUrls): Promise<string> {
    await this.page.click('input[name="environment"][value="custom"]');
    await this.page.waitForSelector('#accounts-base');
    await this.fill('#accounts-base', urls.yokoyApi);
    await this.fill('#api-base', urls.yokoyApi);
    await this.fill('#web-origin', urls.yokoyWeb);
    await this.fill('#banqup-origin', urls.banqup);
    return this.save();
  }

  /** Custom Yokoy addresses as typed (no save). */
  async typeCustom(addresses: { accountsBase: string; apiBase: string; webOrigin: string }): Promise<void> {
    await this.page.click('input[name="environment"][value="custom"]');
    await this.page.waitForSelector('#accounts-base');
    await this.fill('#accounts-base', addresses.accountsBase);
    await this.fill('#api-base', addresses.apiBase);
    await this.fill('#web-origin', addresses.webOrigin);
  }

  async save(): Promise<string> {
    await this.page.click('button[type="submit"]');
    return this.message();
  }

  async message(): Promise<string> {
    const el = await this.page.waitForSelector('[data-testid="options-message"] p');
    return el!.evaluate((e) => e.textContent ?? '');
  }

  async forgetCredentials(): Promise<string> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.page.click('button.danger');
    await this.page.waitForFunction(() =>
      /forgotten|esquecid|oubli|vergeten/i.test(document.querySelector('[data-testid="options-message"]')?.textContent ?? ''),
    );
    return this.message();
  }

  close() {
    return this.page.close();
  }
}
