/**
 * New Banqup (the look-alike started with `banqup: { platform: 'new' }`: app launcher, Banqup
 * Store, no Yokoy extension). The guide recognises the platform, says what it sees and that
 * Banqup itself cannot send to Yokoy there, and its offer of the companion's own export works:
 * the export view it opens starts at what Banqup's connector would send (fully approved
 * purchase documents), and exactly those reach the Yokoy emulator. Then the status filter end
 * to end: another Banqup status exports exactly the documents in that status.
 */
import { describe, expect, it } from 'vitest';
import { statusOf } from '../../sandbox/banqup/statuses';
import { BanqupApp } from './pages/banqup-app';
import { ExportPage } from './pages/export';
import { GuideOverlay } from './pages/guide';
import { connectExtension } from './support/connect';
import { useE2E } from './support/fixtures';
import { yokoyInvoices } from './support/yokoy-admin';

describe('the guide on new Banqup', () => {
  const env = useE2E({ extension: true, sandbox: { banqup: { platform: 'new' } } });
  const purchases = () => env.sandbox.state.banqup.documents.filter((d) => d.folder === 'PURCHASES');
  const tagged = async (legalEntityId: string) =>
    (await yokoyInvoices(env.sandbox))
      .filter((i) => i.legalEntityId === legalEntityId)
      .map((i) => i.customInformation?.banqupDocumentId)
      .filter((id): id is string => Boolean(id));
  /** Starts the run and waits for its end; returns how many were queued (one may already be in Yokoy). */
  const run = async (view: ExportPage) => {
    const queued = Number(/(\d+) invoices? queued/.exec(await view.start())?.[1]);
    expect(queued).toBeGreaterThan(0);
    await view.waitUntilFinished(queued);
  };

  it('says what it sees and what Banqup cannot do here, and its export sends what Banqup’s connector would', async () => {
    await connectExtension(env, 'Acme Belgium NV');
    const app = await BanqupApp.open(env.browser, env.sandbox.urls.banqup);
    await app.quickSignIn('/home');
    await app.setLanguage('en');
    await app.openAppLauncher();
    const guide = new GuideOverlay(app.page);
    const state = await guide.openFromLauncher();
    expect(state).toMatchObject({ step: 'new-platform', state: 'platform', control: 'appLauncher', title: 'This is the new Banqup' });
    expect(state.target).toBeDefined();
    expect(state.body).toContain('app launcher (the grid icon): Purchase Invoices, Sales Invoices, Payments, Document Creator');
    expect(state.body).toContain('Banqup itself cannot send your invoices to Yokoy on this platform');
    expect(state.more).toContain('without Banqup’s connector');
    expect(state.buttons).toContain('export');

    // The offer: the export view opens in a tab, its status filter at Banqup's connector default.
    const opened = env.browser.waitForTarget((t) => t.url().includes('popup.html?view=export'));
    await guide.clickButton('export');
    const page = (await (await opened).page())!;
    const view = ExportPage.attach(page);
    const approved = purchases().filter((d) => statusOf(d).document === 'FULLY_APPROVED');
    expect(approved.length).toBeLessThan(purchases().length);
    expect(await view.preview()).toMatch(new RegExp(`${approved.length} invoices match`));
    expect(await view.statusChoice()).toMatchObject({
      document: 'FULLY_APPROVED',
      pay: '',
      documentText: 'Fully approved: what Banqup’s own connector sends',
    });
    await run(view);
    await expect.poll(async () => (await tagged('le-BE-acme-0001')).length, { timeout: 20_000 }).toBe(approved.length);
    expect((await tagged('le-BE-acme-0001')).sort()).toEqual(approved.map((d) => d.documentId).sort());
    await view.close();
    await app.page.close();
  });

  it('exports exactly the documents in the Banqup status chosen', async () => {
    const validated = purchases().filter((d) => statusOf(d).document === 'VALIDATED');
    expect(validated.length).toBeGreaterThan(0);
    const before = new Set(await tagged('le-BE-acme-0001'));
    const view = await ExportPage.open(env.browser, env.extensionId, 'export', { status: 'default' });
    await view.setStatus('VALIDATED');
    expect(await view.preview()).toMatch(new RegExp(`${validated.length} invoices? match`));
    await run(view);
    await expect.poll(async () => (await tagged('le-BE-acme-0001')).length, { timeout: 20_000 }).toBe(before.size + validated.length);
    const added = (await tagged('le-BE-acme-0001')).filter((id) => !before.has(id));
    expect(added.sort()).toEqual(validated.map((d) => d.documentId).sort());
    await view.close();
  });
});
