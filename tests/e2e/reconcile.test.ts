/**
 * Reconcile, end to end in Chromium against the sandbox: a period (Aug–Sep 2026, 13 purchase
 * documents) where 4 were sent by the companion, 3 reached Yokoy untagged (as Banqup's own
 * connector would send them), 1 is in Yokoy twice and 5 are missing, plus one Yokoy invoice
 * from elsewhere. Every verdict is read from the page; "send the missing" sends exactly those
 * (read from the emulator); tags go on the untagged matches; after the extra copy is deleted
 * in Yokoy, a second reconcile says every document is in Yokoy once. The chart's numbers are
 * read from the SVG and compared with the table's. The README's screenshot is taken here.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDocuments } from '../../sandbox/data/seed';
import { ExportPage } from './pages/export';
import { PopupPage } from './pages/popup';
import { ReconcilePage } from './pages/reconcile';
import { connectExtension } from './support/connect';
import { useE2E } from './support/fixtures';
import { seedYokoyInvoice, yokoyInvoices } from './support/yokoy-admin';

const LE = 'le-BE-acme-0001';
const screenshots = resolve(import.meta.dirname, '../../docs/screenshots');

const inPeriod = seedDocuments()
  .filter((d) => d.folder === 'PURCHASES' && d.meta.issueDate >= '2026-08-01' && d.meta.issueDate <= '2026-09-30')
  .sort((a, b) => a.meta.issueDate.localeCompare(b.meta.issueDate));
// The first four (1–12 August) go through the export; the rest is set up below.
const sent = inPeriod.filter((d) => d.meta.issueDate <= '2026-08-12');
const untagged = inPeriod.slice(sent.length, sent.length + 3);
const twice = inPeriod[sent.length + 3]!;
const missing = inPeriod.slice(sent.length + 4);

describe('reconcile Banqup with Yokoy', () => {
  const env = useE2E({ extension: true });

  it('the popup opens the Reconcile tab', async () => {
    await connectExtension(env, 'Acme Belgium NV');
    const popup = await PopupPage.open(env.browser, env.extensionId, 'en');
    const opened = env.browser.waitForTarget((t) => t.url().endsWith('/reconcile.html'));
    await popup.page.waitForSelector('[data-testid="open-reconcile"]');
    await popup.page.click('[data-testid="open-reconcile"]');
    const target = await opened;
    expect(target.url()).toBe(`chrome-extension://${env.extensionId}/reconcile.html`);
    await (await target.page())?.close();
    await popup.close();
  });

  it('gives every document its verdict, sends exactly the missing, tags the untagged, and reconciles to all once', async () => {
    expect(inPeriod).toHaveLength(13);
    expect(sent).toHaveLength(4);
    expect(missing).toHaveLength(5);

    // Sent by the companion: the popup's export of 1–12 August.
    const view = await ExportPage.open(env.browser, env.extensionId);
    await view.setFilter('from', '2026-08-01');
    await view.setFilter('to', '2026-08-12');
    expect(await view.preview()).toMatch(/4 invoices match/);
    await view.start();
    await view.waitUntilFinished(4);
    await view.close();
    await expect
      .poll(async () => (await yokoyInvoices(env.sandbox)).filter((i) => i.customInformation?.banqupDocumentId).length, { timeout: 20_000 })
      .toBe(4);

    // In Yokoy untagged (Banqup's connector), one of them twice, and one invoice from elsewhere.
    const copies: string[] = [];
    for (const doc of [...untagged, twice, twice]) {
      const seeded = await seedYokoyInvoice(env.sandbox, { legalEntityId: LE, ubl: doc.ubl });
      if (doc === twice) copies.push(seeded.id);
    }
    const elsewhere = await seedYokoyInvoice(env.sandbox, {
      legalEntityId: LE,
      invoiceNumber: 'ELSEWHERE-1',
      date: '2026-09-10',
      grossAmount: 50,
    });

    const page = await ReconcilePage.open(env.browser, env.extensionId);
    await page.reconcile('2026-08', '2026-09', 'Acme Belgium NV');
    const rows = await page.rows();
    const verdicts = Object.fromEntries(rows.map((r) => [r.documentId, r.verdict]));
    expect(verdicts).toEqual(
      Object.fromEntries([
        ...sent.map((d) => [d.documentId, 'once-tagged']),
        ...untagged.map((d) => [d.documentId, 'once-untagged']),
        [twice.documentId, 'duplicate'],
        ...missing.map((d) => [d.documentId, 'missing']),
      ]),
    );
    // The copy to delete is the newer one, linked to Yokoy's web app; the older one is kept.
    const dup = rows.find((r) => r.documentId === twice.documentId)!;
    expect(dup.keep).toBe(copies[0]);
    expect(dup.copies.map((c) => c.id)).toEqual([copies[1]]);
    expect(dup.copies[0]!.href).toContain(encodeURIComponent(copies[1]!));
    expect(dup.copies[0]!.href!.startsWith(env.sandbox.urls.yokoyWeb)).toBe(true);
    expect(rows.find((r) => r.documentId === missing[0]!.documentId)!.banqupLink).toBe(
      `${env.sandbox.urls.banqup}/documents/${missing[0]!.documentId}`,
    );
    expect(await page.unmatched()).toEqual([{ id: elsewhere.id, reason: 'no-document' }]);
    expect(await page.summary()).toBe('13 Banqup documents: 7 in Yokoy once, 5 missing, 1 in Yokoy more than once, 0 ambiguous.');

    // The chart says what the table says, and both say what the rows say.
    const chart = await page.chartFigures();
    expect(chart).toEqual(await page.tableFigures());
    expect(chart).toEqual({
      '2026-08': { inBanqup: 8, inYokoy: 8, missing: 0, duplicated: 1 },
      '2026-09': { inBanqup: 5, inYokoy: 0, missing: 5, duplicated: 0 },
    });
    expect(await page.accessibilityViolations()).toEqual([]);
    mkdirSync(screenshots, { recursive: true });
    await page.page.screenshot({ path: `${screenshots}/reconcile.png`, fullPage: true });

    // Send the missing: exactly those five reach Yokoy, each once, tagged with its document.
    const before = new Set((await yokoyInvoices(env.sandbox)).map((i) => i.id));
    expect(await page.act('send-missing')).toMatch(/^5 queued for Yokoy; 0 already sent/);
    const created = async () => (await yokoyInvoices(env.sandbox)).filter((i) => !before.has(i.id));
    await expect
      .poll(async () => (await created()).filter((i) => i.customInformation?.banqupDocumentId).length, { timeout: 60_000 })
      .toBe(5);
    expect((await created()).map((i) => i.customInformation?.banqupDocumentId).sort()).toEqual(missing.map((d) => d.documentId).sort());

    // Tag the untagged matches: the three from Banqup's connector now carry their document id.
    expect(await page.act('tag')).toBe('3 tagged, 0 left alone (tagged meanwhile), 0 failed.');
    const all = await yokoyInvoices(env.sandbox);
    for (const doc of untagged) expect(all.filter((i) => i.customInformation?.banqupDocumentId === doc.documentId)).toHaveLength(1);
    // Neither copy of the duplicate was tagged (which one stays is the person's choice in Yokoy).
    expect(all.filter((i) => copies.includes(i.id)).every((i) => !i.customInformation?.banqupDocumentId)).toBe(true);

    // The person deletes the extra copy in Yokoy, as the view says; a second reconcile: all once.
    const deleted = await fetch(`${env.sandbox.internalUrls.yokoyApi}/__admin/invoices/${copies[1]}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    await page.reconcile('2026-08', '2026-09', 'Acme Belgium NV');
    const again = await page.rows();
    expect(again).toHaveLength(13);
    expect(again.filter((r) => !r.verdict.startsWith('once-'))).toEqual([]);
    expect(await page.summary()).toBe('13 Banqup documents: 13 in Yokoy once, 0 missing, 0 in Yokoy more than once, 0 ambiguous.');
    const secondChart = await page.chartFigures();
    expect(secondChart).toEqual(await page.tableFigures());
    expect(secondChart['2026-09']).toEqual({ inBanqup: 5, inYokoy: 5, missing: 0, duplicated: 0 });
    await page.close();
  });
});
