/**
 * The error states a user can meet, each with words that say what happened and what to do:
 * Yokoy down, the Banqup session expired, the credentials revoked, the legal entity removed.
 */
import { describe, expect, it } from 'vitest';
import { seed } from '../../sandbox/yokoy-api/store';
import { ExportPage } from './pages/export';
import { PopupPage } from './pages/popup';
import { chooseLegalEntity, connectExtension, signInToBanqup } from './support/connect';
import { useE2E } from './support/fixtures';
import { setFaults, yokoyInvoices } from './support/yokoy-admin';

describe('error states', () => {
  const env = useE2E({ extension: true });
  /** Waits for the element's text to match (it updates with the progress poll). */
  const progressText = async (view: ExportPage, testId: string, pattern: RegExp) => {
    const handle = await view.page.waitForFunction(
      (id, source) => {
        const text = document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
        return new RegExp(source).test(text) ? text : false;
      },
      { timeout: 30_000 },
      testId,
      pattern.source,
    );
    return (await handle.jsonValue()) as string;
  };

  it('Yokoy down: verifying says so and that nothing changed', async () => {
    await connectExtension(env, 'Acme Belgium NV');
    await setFaults(env.sandbox, { errorRate: 1, errorStatuses: [503] });
    const popup = await PopupPage.open(env.browser, env.extensionId, 'en');
    await popup.waitForStatus('verified');
    const outcome = await popup.verify();
    expect(outcome.text).toMatch(/Yokoy is having trouble right now\. Try again later; nothing was changed\./);
    await setFaults(env.sandbox, {});
    expect((await popup.verify()).tone).toBe('success');
    await popup.close();
  });

  it('Banqup session expired: the export waits and says to sign in again, then goes on', async () => {
    const out = await env.browser.newPage();
    await out.goto(`${env.sandbox.urls.banqup}/logout`);
    await out.close();
    const view = await ExportPage.open(env.browser, env.extensionId);
    expect(await view.preview()).toMatch(/sign in to Banqup in this browser/);
    await signInToBanqup(env);
    await view.page.reload();
    await view.setStatus('ANY'); // a reload returns the filter to Banqup's connector default
    expect(await view.preview()).toMatch(/invoices match/);
    await view.start();
    // Signed out again mid-run.
    const out2 = await env.browser.newPage();
    await out2.goto(`${env.sandbox.urls.banqup}/logout`);
    await out2.close();
    expect(await progressText(view, 'waiting-for-banqup', /Waiting for Banqup: sign in to Banqup in this browser/)).toBeTruthy();
    await signInToBanqup(env); // the Banqup page's question wakes the waiting jobs
    await view.waitUntilFinished(46, 120_000);
    await view.close();
  });

  it('credentials revoked: the export pauses, the status says to generate new ones', async () => {
    await chooseLegalEntity(env, 'Acme Portugal Lda');
    env.sandbox.state.yokoy.clients.delete(seed.readyClient.clientId);
    env.sandbox.state.yokoy.tokens.clear();
    const view = await ExportPage.open(env.browser, env.extensionId);
    await view.preview();
    await view.start();
    expect(
      await progressText(
        view,
        'pause-reason',
        /Paused: Yokoy did not accept this client ID and secret\. .*generate new credentials there\. Then press Resume\./,
      ),
    ).toBeTruthy();
    await view.close();
    const popup = await PopupPage.open(env.browser, env.extensionId, 'en');
    expect(await popup.waitForStatus('failing')).toMatch(/did not accept this client ID and secret/);
    expect(await env.worker.evaluate(() => chrome.action.getBadgeText({}))).not.toBe('✓');
    await popup.close();
    expect((await yokoyInvoices(env.sandbox)).filter((i) => i.legalEntityId === 'le-PT-acme-0002')).toHaveLength(0);
  });

  it('legal entity removed: the export pauses and says to pick another; resuming goes to the new one', async () => {
    // Credentials are back (as if regenerated); the Swiss entity is then removed from Yokoy.
    env.sandbox.state.yokoy.clients.set(seed.readyClient.clientId, {
      ...seed.readyClient,
      organizationId: seed.organizationId,
      createdAt: new Date(0).toISOString(),
    });
    const popup = await PopupPage.open(env.browser, env.extensionId, 'en');
    await popup.type('clientSecret', seed.readyClient.clientSecret);
    expect((await popup.verify()).tone).toBe('success');
    await popup.chooseLegalEntity('Acme Schweiz AG');
    await popup.close();
    const org = env.sandbox.state.yokoy.organizations.get(seed.organizationId)!;
    org.legalEntities = org.legalEntities.filter((e) => e.id !== 'le-CH-acme-0003');

    const view = await ExportPage.open(env.browser, env.extensionId);
    // The paused run from before still waits; resuming aims it at the chosen entity.
    await (await view.page.waitForSelector('[data-testid="export-resume"]'))!.click();
    expect(
      await progressText(
        view,
        'pause-reason',
        /legal entity chosen for exports is no longer in Yokoy\. Verify again in the popup and pick another/,
      ),
    ).toBeTruthy();
    // As the message says: verify again in the popup (the list no longer has it), pick another.
    const popup2 = await PopupPage.open(env.browser, env.extensionId, 'en');
    expect(await popup2.waitForStatus('failing')).toMatch(/no longer in Yokoy/);
    expect((await popup2.verify()).tone).toBe('success');
    expect((await popup2.legalEntities()).map((e) => e.name).join()).not.toMatch(/Schweiz/);
    await popup2.chooseLegalEntity('Acme Portugal Lda');
    await popup2.close();
    await (await view.page.waitForSelector('[data-testid="export-resume"]'))!.click();
    await expect
      .poll(async () => (await yokoyInvoices(env.sandbox)).filter((i) => i.legalEntityId === 'le-PT-acme-0002').length, { timeout: 60_000 })
      .toBe(46);
    await view.close();
  });
});
