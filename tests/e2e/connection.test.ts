/**
 * Connection, end to end: the popup's credentials against the sandbox's Yokoy emulator, through
 * the real service worker and vault.
 */
import { describe, expect, it } from 'vitest';
import { seed } from '../../sandbox/yokoy-api/store';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { evaluateInContentScript } from './support/content-script';
import { readyCredentials } from './support/connect';
import { useE2E } from './support/fixtures';
import { clearRequestLog, requestLog } from './support/yokoy-admin';

describe('connection from the popup', () => {
  const env = useE2E({ extension: true });
  const badge = () => env.worker.evaluate(() => chrome.action.getBadgeText({}));

  it('is pointed at the sandbox through its settings', async () => {
    const options = await OptionsPage.open(env.browser, env.extensionId);
    expect(await options.useSandbox(env.sandbox.urls)).toMatch(/saved/i);
    await options.close();
  });

  it('cleans pastes, flags swapped values and refuses impossible characters, as the user types', async () => {
    const popup = await PopupPage.open(env.browser, env.extensionId, 'en');
    await popup.status();
    await popup.paste('clientId', `Client ID: ${seed.readyClient.clientId}\n`);
    expect(await popup.value('clientId')).toBe(seed.readyClient.clientId);
    expect((await popup.messages('clientId')).map((m) => m.text).join(' ')).toMatch(/Removed “Client ID”/);
    await popup.type('organizationId', 'o7Hq2 LmXc9');
    expect(await popup.messages('organizationId')).toEqual([{ tone: 'error', text: expect.stringMatching(/space \(character 6\)/) }]);
    await popup.paste('organizationId', seed.readyClient.clientSecret.replace(/_/g, 'X') + 'Ab9+');
    expect((await popup.messages('organizationId'))[0]?.tone).toBe('error');
    await popup.paste('clientSecret', '3f2a9c1e-1111-4222-8333-123456789abc');
    expect((await popup.messages('clientSecret'))[0]).toEqual({ tone: 'warning', text: expect.stringMatching(/looks like a client ID/) });
    await popup.close();
  });

  it('says what to fix when the secret is wrong', async () => {
    const popup = await PopupPage.open(env.browser, env.extensionId, 'en');
    await popup.status();
    await popup.enterCredentials({ ...readyCredentials, clientSecret: 'not-the-secret' });
    const outcome = await popup.verify();
    expect(outcome.tone).toBe('error');
    expect(outcome.text).toMatch(/did not accept this client ID and secret/);
    expect(await popup.waitForStatus('failing')).toMatch(/Connection failing/);
    expect(await badge()).toBe('!');
    await popup.close();
  });

  it('says what to fix when the organization ID is not the credentials’ own', async () => {
    const popup = await PopupPage.open(env.browser, env.extensionId, 'pt');
    await popup.status();
    await popup.type('clientSecret', seed.readyClient.clientSecret);
    await popup.type('organizationId', 'AbcDeF1234');
    const outcome = await popup.verify();
    expect(outcome.tone).toBe('error');
    expect(outcome.text).toContain('AbcDeF1234');
    expect(outcome.text).not.toMatch(/did not accept/);
    await popup.close();
  });

  it('verifies live, lists the legal entities and remembers the one picked', async () => {
    await clearRequestLog(env.sandbox);
    const popup = await PopupPage.open(env.browser, env.extensionId, 'en');
    await popup.status();
    await popup.type('clientId', seed.readyClient.clientId);
    await popup.type('clientSecret', seed.readyClient.clientSecret);
    await popup.paste('organizationId', `Organization ID ${seed.organizationId}`);
    const outcome = await popup.verify();
    expect(outcome).toEqual({ tone: 'success', text: expect.stringMatching(/Verified/) });
    const entities = await popup.legalEntities();
    expect(entities.map((e) => e.name)).toEqual(
      expect.arrayContaining([expect.stringContaining('Acme Belgium NV'), expect.stringContaining('Acme Portugal Lda')]),
    );
    expect(await popup.chooseLegalEntity('Acme Portugal Lda')).toMatch(/Acme Portugal Lda is selected/);
    await popup.close();

    const again = await PopupPage.open(env.browser, env.extensionId, 'en');
    expect(await again.waitForStatus('verified')).toMatch(/Acme Portugal Lda/);
    expect((await again.legalEntities()).find((e) => e.checked)?.name).toContain('Acme Portugal Lda');
    expect(await badge()).toBe('✓');
    // The stored secret is shown masked, and only while the reveal button is held.
    expect(await again.value('clientSecret')).toBe('');
    expect(await again.revealSecretWhileHeld()).toEqual({ whileHeld: seed.readyClient.clientSecret, type: 'text', afterRelease: '' });
    await again.close();

    // On the wire: the secret travelled only in the token request.
    const log = await requestLog(env.sandbox);
    expect(log.some((e) => e.path.endsWith('/oauth2/token'))).toBe(true);
    expect(log.filter((e) => e.carriesClientSecret).every((e) => e.path.endsWith('/oauth2/token'))).toBe(true);
    const api = log.filter((e) => e.path.startsWith('/v1/'));
    expect(api.length).toBeGreaterThan(0);
    expect(api.every((e) => e.headers['x-yk-auth-method'] === 'yokoy')).toBe(true);
  });

  it('keeps the secret out of plain storage', async () => {
    const dump = await env.worker.evaluate(
      async () => JSON.stringify(await chrome.storage.local.get(null)) + JSON.stringify(await chrome.storage.session.get(null)),
    );
    expect(dump).toContain(seed.readyClient.clientId);
    expect(dump).not.toContain(seed.readyClient.clientSecret);
  });

  it('refuses a content script that asks for the secret, and changes nothing', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.sandbox.urls.banqup);
    const answer = await evaluateInContentScript<{ ok: boolean; error?: { code: string } }>(
      page,
      env.extensionId,
      `chrome.runtime.sendMessage({ type: 'credentials.reveal' })`,
    );
    expect(answer).toMatchObject({ ok: false, failure: { kind: 'forbidden-sender' } });
    expect(JSON.stringify(answer)).not.toContain(seed.readyClient.clientSecret);
    const forget = await evaluateInContentScript<{ ok: boolean }>(
      page,
      env.extensionId,
      `chrome.runtime.sendMessage({ type: 'credentials.forget' })`,
    );
    expect(forget.ok).toBe(false);
    const status = await evaluateInContentScript<{ ok: boolean; value: { connection: { state: string } } }>(
      page,
      env.extensionId,
      `chrome.runtime.sendMessage({ type: 'status' })`,
    );
    expect(status.value.connection.state).toBe('verified');
    await page.close();
  });

  it('forgets the credentials from the options page', async () => {
    const options = await OptionsPage.open(env.browser, env.extensionId);
    expect(await options.forgetCredentials()).toMatch(/forgotten/i);
    await options.close();
    const popup = await PopupPage.open(env.browser, env.extensionId, 'en');
    expect(await popup.waitForStatus('not-set-up')).toBeTruthy();
    expect(await badge()).toBe('');
    await popup.close();
  });
});
