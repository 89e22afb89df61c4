/**
 * Brings a fresh extension to "ready to export": pointed at the sandbox, the ready client
 * verified in the popup, a legal entity picked, and the browser signed in to Banqup.
 */
import { seed } from '../../../sandbox/yokoy-api/store';
import { OptionsPage } from '../pages/options';
import { PopupPage } from '../pages/popup';
import type { E2EEnv } from './fixtures';

/** The sandbox's ready client and its organization, as the popup's form takes them. */
export const readyCredentials = {
  clientId: seed.readyClient.clientId,
  clientSecret: seed.readyClient.clientSecret,
  organizationId: seed.organizationId,
};

export async function connectExtension(env: E2EEnv, legalEntityName = 'Acme Belgium NV'): Promise<void> {
  const options = await OptionsPage.open(env.browser, env.extensionId);
  await options.useSandbox(env.sandbox.urls);
  await options.close();
  const popup = await PopupPage.open(env.browser, env.extensionId, 'en');
  await popup.status();
  await popup.enterCredentials(readyCredentials);
  const outcome = await popup.verify();
  if (outcome.tone !== 'success') throw new Error(`Verification failed: ${outcome.text}`);
  await popup.chooseLegalEntity(legalEntityName);
  await popup.close();
  await signInToBanqup(env);
}

export async function signInToBanqup(env: E2EEnv, next = '/purchases'): Promise<void> {
  const page = await env.browser.newPage();
  await page.goto(`${env.sandbox.urls.banqup}/__admin/session?next=${encodeURIComponent(next)}`);
  await page.close();
}

export async function chooseLegalEntity(env: E2EEnv, name: string): Promise<void> {
  const popup = await PopupPage.open(env.browser, env.extensionId, 'en');
  await popup.waitForStatus('verified');
  await popup.chooseLegalEntity(name);
  await popup.close();
}
