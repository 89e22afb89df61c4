/**
 * Hostile content stays inert text. Yokoy's own words (an error message, a legal entity's name)
 * carrying markup and script appear in the popup's verify outcome, the popup's legal-entity
 * list, the guide overlay on Banqup (A12) and the history's failure reason as text: no element
 * is made from them and no handler runs (`window.__pwned` stays unset in the page's main world,
 * where inline handlers would run). The CSV keeps them as quoted cells.
 *
 * Yokoy's emulator words its own errors, so a small pass-through proxy in front of it (on the
 * sandbox's API name, another port) answers the verify's legal-entity call and the invoice
 * upload with a 400 whose `message` is hostile, when asked. Legal-entity names are renamed
 * in-process in the emulator's state; Banqup's setup is put at A12 in-process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { banqupSeedUser } from '../../sandbox/banqup/store';
import { seed } from '../../sandbox/yokoy-api/store';
import { ExportPage } from './pages/export';
import { GuideOverlay, guideHost } from './pages/guide';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { readyCredentials, signInToBanqup } from './support/connect';
import { useE2E } from './support/fixtures';
import { inOurUi, waitInOurUi } from './support/our-ui';

const hostileMessage = `<img src=x onerror="window.__pwned='message'"><script>window.__pwned='script'</script>Refused & <b id=bold>bold</b>`;
const hostileEntity = `<b id=bold>Acme</b><img src=x onerror="window.__pwned='entity'"> Evil NV`;

/** Elements a hostile string would have made, in the document and in every open shadow root; and whether a handler ran. */
async function traces(page: Page) {
  const found = await page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    const made = roots.flatMap((r) =>
      [...r.querySelectorAll('img[src="x"], #bold, script:not([src]):not([type="application/json"])')].map((e) => e.outerHTML),
    );
    return { made, pwned: (window as unknown as { __pwned?: string }).__pwned ?? null };
  });
  // The companion's own roots are closed: looked into from the content script's world.
  const ours =
    (await inOurUi(page, (rootOf) =>
      [...document.querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('yokoy-companion-'))
        .flatMap((el) =>
          [...(rootOf(el.localName)?.querySelectorAll('img[src="x"], #bold, script:not([src]):not([type="application/json"])') ?? [])].map(
            (e) => e.outerHTML,
          ),
        ),
    )) ?? [];
  return { made: [...found.made, ...ours], pwned: found.pwned };
}

describe('hostile content from Yokoy stays inert text', () => {
  const env = useE2E({ extension: true });
  const hostile = { verify: false, upload: false };
  let proxy: Server;
  let proxyUrl = '';

  beforeAll(async () => {
    const upstream = env.sandbox.internalUrls.yokoyApi;
    proxy = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const path = req.url ?? '/';
      const refuse =
        (hostile.verify && req.method === 'GET' && /\/legal-entities$/.test(path)) ||
        (hostile.upload && req.method === 'POST' && /\/invoices\/einvoice$/.test(path));
      if (refuse) {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ code: 400, message: hostileMessage, errors: [{ field: 'x', message: hostileMessage }] }));
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k)) as [string, string][],
      );
      const answer = await fetch(`${upstream}${path}`, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      const body = Buffer.from(await answer.arrayBuffer());
      const out: Record<string, string> = {};
      answer.headers.forEach((v, k) => {
        if (!['content-encoding', 'transfer-encoding', 'content-length', 'connection'].includes(k)) out[k] = v;
      });
      res.writeHead(answer.status, out).end(body);
    });
    await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
    proxyUrl = `http://api.yokoy.localhost:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    // The browser may still hold idle keep-alive connections: close them, or close() waits for ever.
    await new Promise((ok) => {
      proxy?.close(ok);
      proxy?.closeAllConnections();
    });
  });

  it('a hostile Yokoy error message in the popup’s verify outcome is text', async () => {
    const options = await OptionsPage.open(env.browser, env.extensionId);
    expect(await options.useSandbox({ ...env.sandbox.urls, yokoyApi: proxyUrl })).toMatch(/saved/i);
    await options.close();
    hostile.verify = true;
    const popup = await PopupPage.open(env.browser, env.extensionId, 'en');
    await popup.status();
    await popup.enterCredentials(readyCredentials);
    const outcome = await popup.verify();
    expect(outcome.tone).toBe('error');
    expect(outcome.text).toContain(hostileMessage.slice(0, 120));
    await popup.waitForStatus('failing');
    expect(await traces(popup.page)).toEqual({ made: [], pwned: null });
    await popup.close();
    hostile.verify = false;
  });

  it('hostile legal-entity names are text in the popup and in the guide overlay at A12', async () => {
    const org = env.sandbox.state.yokoy.organizations.get(seed.organizationId)!;
    const banqupEntities = org.legalEntities.map((e) => ({ id: e.id, name: e.name }));
    org.legalEntities[0]!.name = hostileEntity;

    const popup = await PopupPage.open(env.browser, env.extensionId, 'en');
    await popup.type('clientSecret', seed.readyClient.clientSecret);
    expect((await popup.verify()).tone).toBe('success');
    const names = (await popup.legalEntities()).map((e) => e.name);
    expect(names.some((n) => n.includes(hostileEntity))).toBe(true);
    // Picked by the plain end of its name (the page object's XPath cannot quote the markup).
    expect(await popup.chooseLegalEntity(' Evil NV')).toContain(hostileEntity);
    expect(await traces(popup.page)).toEqual({ made: [], pwned: null });
    await popup.close();

    // Banqup's wizard at A12: connected, the legal entity to pick (Banqup's own list stays plain).
    const setup = env.sandbox.state.banqup.setupFor(banqupSeedUser.userId);
    Object.assign(setup, {
      step: 'legalEntity',
      onlineConnection: true,
      exportType: 'invoices',
      packageId: 'yokoy',
      termsAccepted: true,
      connection: { connectedAt: new Date().toISOString(), legalEntities: banqupEntities },
    });
    const page = await env.browser.newPage();
    await page.goto(`${env.sandbox.urls.banqup}/__admin/session?next=${encodeURIComponent('/apps/accounting/legal-entity')}`);
    const guide = new GuideOverlay(page);
    await guide.openFromLauncher();
    const a12 = await guide.waitFor({ step: 'A12' });
    await waitInOurUi(page, (root, a) => root(a.host)?.querySelector('[data-testid="guide-entities"]')?.textContent?.includes(a.name), {
      host: guideHost,
      name: hostileEntity,
    });
    expect((await guide.state()).more).toContain(hostileEntity);
    expect(a12.step).toBe('A12');
    expect(await traces(page)).toEqual({ made: [], pwned: null });
    await page.close();
  });

  it('a hostile Yokoy error message in the history’s failure reason is text, and a quoted cell in the CSV', async () => {
    await chooseBenign();
    await signInToBanqup(env);
    hostile.upload = true;
    const view = await ExportPage.open(env.browser, env.extensionId);
    await view.setFilter('supplier', 'Zürcher Präzision');
    const count = Number(/(\d+) invoices? match/.exec(await view.preview())?.[1]);
    expect(count).toBeGreaterThan(0);
    await view.start();
    expect(await view.waitUntilFinished(count, 60_000)).toMatch(new RegExp(`${count} failed, 0 to go`));
    hostile.upload = false;
    const failed = await view.openHistory('failed');
    expect(failed).toHaveLength(count);
    for (const row of failed) expect(row.reason).toContain(hostileMessage.slice(0, 120));
    expect(await traces(view.page)).toEqual({ made: [], pwned: null });

    const csv = await view.page.evaluate(
      async () => (await chrome.runtime.sendMessage({ type: 'export.csv' })) as { ok: boolean; value: { csv: string } },
    );
    const lines = csv.value.csv.split('\r\n').filter((l) => l.includes('onerror'));
    expect(lines).toHaveLength(count);
    // The message sits inside one quoted cell, its quotes doubled.
    for (const line of lines) expect(line).toContain(`"yokoy:validation: ${hostileMessage.replace(/"/g, '""')}`);
    await view.close();
  });

  async function chooseBenign() {
    const popup = await PopupPage.open(env.browser, env.extensionId, 'en');
    await popup.waitForStatus('verified');
    await popup.chooseLegalEntity('Acme Portugal Lda');
    await popup.close();
  }
});
