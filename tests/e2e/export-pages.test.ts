/**
 * Exports from Banqup's own pages and what the user sees: the detail page's button, the
 * ticked invoices through the context menu, a malformed invoice failing with its reason while
 * the others complete, and a hostile supplier name staying inert text in the history and CSV.
 */
import { describe, expect, it } from 'vitest';
import { seedDocuments, type SandboxDocument } from '../../sandbox/data/seed';
import { writeUbl } from '../../sandbox/data/ubl-write';
import { ExportPage } from './pages/export';
import { BanqupSend } from './pages/banqup-send';
import { connectExtension } from './support/connect';
import { useE2E } from './support/fixtures';
import { yokoyInvoices } from './support/yokoy-admin';

const purchases = () => seedDocuments().filter((d) => d.folder === 'PURCHASES');
const hostileName = '<img src=x onerror="window.__pwned=1">Evil & Co';
const hostileNumber = '=HYPERLINK("https://evil.example","click")';

function craft(base: SandboxDocument, id: string, patch: Partial<SandboxDocument['meta']>, breakUbl = false): SandboxDocument {
  const meta = { ...base.meta, ...patch, embeddedPdf: undefined };
  let ubl = writeUbl(meta);
  if (breakUbl) ubl = ubl.replace(/<cac:LegalMonetaryTotal>[\s\S]*<\/cac:LegalMonetaryTotal>/, '');
  return { ...base, documentId: id, fileName: `${id}.xml`, meta, ubl, hasEmbeddedPdf: false };
}

describe('exports from Banqup pages', () => {
  const env = useE2E({ extension: true });
  const docs = () => purchases().filter((d) => d.ubl);

  it('sends the open invoice with the button on its page', async () => {
    await connectExtension(env, 'Acme Belgium NV');
    const doc = docs()[0]!;
    const page = await env.browser.newPage();
    await page.goto(`${env.sandbox.urls.banqup}/documents/${doc.documentId}`);
    const send = new BanqupSend(page);
    // The seeded Banqup user works in Portuguese: the button follows the page's language.
    expect(await send.buttonLabel()).toBe('Enviar para o Yokoy');
    expect(await send.send()).toBe('Em fila para o Yokoy.');
    await expect
      .poll(async () => (await yokoyInvoices(env.sandbox)).map((i) => i.invoiceNumber), { timeout: 20_000 })
      .toEqual([doc.meta.invoiceNumber]);
    expect(await send.send()).toBe('Já está no Yokoy.');
    await page.close();
  });

  it('sends the ticked invoices from the context menu', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.sandbox.urls.banqup}/purchases`);
    const rows = await page.waitForFunction(() => document.querySelectorAll('[data-document-id] input[type="checkbox"]').length >= 3);
    void rows;
    const ids = await page.$$eval('[data-document-id]', (els) => els.slice(1, 3).map((e) => e.getAttribute('data-document-id')!));
    for (const id of ids) await page.click(`[data-document-id="${id}"] input[type="checkbox"]`);
    // The worker learns the selection of the tab; the menu item's click sends it.
    const tabId = await env.worker.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(url))?.id,
      `${env.sandbox.urls.banqup}/purchases`,
    );
    // Sent once the worker holds this tab's ticked rows (the content script reports them).
    await expect
      .poll(() =>
        env.worker.evaluate(
          (tab) =>
            (globalThis as unknown as { yokoyCompanionTest: { selection: (t: number) => string[] } }).yokoyCompanionTest
              .selection(tab!)
              .sort(),
          tabId,
        ),
      )
      .toEqual([...ids].sort());
    await env.worker.evaluate(
      (tab) =>
        (
          globalThis as unknown as { yokoyCompanionTest: { contextMenuClick: (i: unknown, t: unknown) => Promise<unknown> } }
        ).yokoyCompanionTest.contextMenuClick({ menuItemId: 'send-selected-to-yokoy' }, { id: tab }),
      tabId,
    );
    const numbers = ids.map((id) => purchases().find((d) => d.documentId === id)!.meta.invoiceNumber);
    await expect
      .poll(async () => (await yokoyInvoices(env.sandbox)).map((i) => i.invoiceNumber), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(numbers));
    expect(await yokoyInvoices(env.sandbox)).toHaveLength(3);
    await page.close();
  });

  it('fails a malformed invoice with its reason, completes the others, and keeps hostile text inert', async () => {
    const [a, b] = docs();
    const malformed = craft(a!, 'deadbeef-0000-4000-8000-000000000001', { invoiceNumber: 'BROKEN-1' }, true);
    const hostile = craft(b!, 'deadbeef-0000-4000-8000-000000000002', {
      invoiceNumber: hostileNumber,
      supplier: { ...b!.meta.supplier, name: hostileName },
    });
    env.sandbox.state.banqup.documents.push(malformed, hostile);
    const total = purchases().length + 2;

    const view = await ExportPage.open(env.browser, env.extensionId);
    expect(await view.preview()).toMatch(new RegExp(`${total} invoices match`));
    expect(await view.start()).toMatch(new RegExp(`${total - 3} invoices queued; 3 already in Yokoy`));
    expect(await view.waitUntilFinished(total - 3, 120_000)).toMatch(/1 failed, 0 to go/);

    const failed = await view.openHistory('failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ documentId: malformed.documentId, number: 'BROKEN-1' });
    expect(failed[0]!.reason).toMatch(/Yokoy refused the data/);

    const all = await view.openHistory();
    const row = all.find((r) => r.documentId === hostile.documentId)!;
    expect(row).toMatchObject({ state: 'done', supplier: hostileName, number: hostileNumber });
    expect(await view.page.$('[data-testid="history-list"] img')).toBeNull();
    expect(await view.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    const csv = await view.page.evaluate(
      async () => (await chrome.runtime.sendMessage({ type: 'export.csv' })) as { ok: boolean; value: { csv: string } },
    );
    const line = csv.value.csv.split('\r\n').find((l) => l.includes('HYPERLINK'))!;
    expect(line).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(line).toContain(`"<img src=x onerror=""window.__pwned=1"">Evil & Co"`);
    await view.close();

    const invoices = await yokoyInvoices(env.sandbox);
    expect(invoices).toHaveLength(purchases().length + 1);
    // Yokoy keeps the hostile number as data (it matched the supplier by VAT number).
    expect(invoices.filter((i) => i.invoiceNumber === hostileNumber)).toHaveLength(1);
  });
});
