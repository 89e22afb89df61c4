/**
 * Security in the browser: messages from the wrong context and secret hygiene over a full run.
 *
 * One extension, set up through its popup against the sandbox, exports a backfill while the
 * Yokoy emulator injects faults (5xx, 429 bursts, tokens dying early, so the token is fetched
 * again and again). Then:
 *   - from a Banqup page's and a Yokoy page's content-script world, every request the policy
 *     refuses there is refused, and the worker's state (storage.local, storage.session, every
 *     record of every IndexedDB store) is byte-for-byte unchanged, nothing reached Yokoy;
 *   - from a Banqup page's main world, protocol-shaped `window.postMessage`s do nothing (no
 *     request in the emulator's log, state unchanged, no answer posted back);
 *   - on a page that is neither Banqup nor Yokoy there is no content script, and the page has
 *     no `chrome.runtime` to message the extension with;
 *   - the client secret appeared in no request but the token requests, in no console line of
 *     any page or of the service worker, in no storage value (as text, UTF-8 or UTF-16 bytes,
 *     or base64), and in no answer a content script can get except `fill.value` for the secret.
 */
import type { ConsoleMessage, Page, Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPolicy, type RequestType } from '../../lib/messaging/protocol';
import { seedDocuments } from '../../sandbox/data/seed';
import { seed } from '../../sandbox/yokoy-api/store';
import { examples, requestTypes } from '../security/support/requests';
import { ExportPage } from './pages/export';
import { LauncherOverlay } from './pages/launcher';
import { connectExtension } from './support/connect';
import { contentScriptWorlds, evaluateInContentScript } from './support/content-script';
import { useE2E } from './support/fixtures';
import { requestLog, setFaults } from './support/yokoy-admin';

const secret = seed.readyClient.clientSecret;
const secretForms = [
  secret,
  Buffer.from(secret, 'utf8').toString('hex'),
  Buffer.from(secret, 'utf16le').toString('hex'),
  Buffer.from(secret, 'utf8').toString('base64'),
  Buffer.from(secret, 'utf16le').toString('base64'),
];

/** Runs in the worker: storage.local, storage.session and every record of every IndexedDB store, binary as hex. */
async function dumpWorkerState(): Promise<string> {
  const hex = (v: ArrayBuffer | ArrayBufferView) =>
    Array.from(v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
  const plain = (value: unknown): unknown => {
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return { hex: hex(value as ArrayBuffer) };
    if (value instanceof CryptoKey) return { cryptoKey: value.algorithm, extractable: value.extractable, usages: value.usages };
    if (Array.isArray(value)) return value.map(plain);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => [k, plain(v)]),
      );
    return value;
  };
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const open = indexedDB.open('yokoy-companion');
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const all = <T>(request: IDBRequest<T>) =>
    new Promise<T>((ok, fail) => ((request.onsuccess = () => ok(request.result)), (request.onerror = () => fail(request.error))));
  const idb: Record<string, unknown> = {};
  for (const name of Array.from(db.objectStoreNames)) {
    const store = db.transaction(name).objectStore(name);
    idb[name] = { keys: await all(store.getAllKeys()), values: await all(store.getAll()) };
  }
  db.close();
  return JSON.stringify(plain({ local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null), idb }));
}

type Answer = { ok: boolean; failure?: { kind: string }; value?: unknown };

/** Sends messages from the page's content-script world, one after the other; returns the answers. */
function sendFromContentScript(page: Page, extensionId: string, messages: unknown[]): Promise<Answer[]> {
  return evaluateInContentScript<Answer[]>(
    page,
    extensionId,
    `(async () => { const out = []; for (const m of ${JSON.stringify(messages)}) out.push(await chrome.runtime.sendMessage(m)); return out; })()`,
  );
}

describe('security in the browser: wrong contexts and secret hygiene', () => {
  const env = useE2E({ extension: true });
  const consoleLines: string[] = [];
  const onConsole = (where: string) => (message: ConsoleMessage) => consoleLines.push(`${where}: ${message.text()}`);
  const watch = async (target: Target) => {
    if (target.type() === 'page') (await target.page())?.on('console', onConsole(target.url()));
    if (target.type() === 'service_worker') (await target.worker())?.on('console', onConsole('worker'));
  };
  const state = () => env.worker.evaluate(dumpWorkerState);
  /**
   * Nothing is still changing: every earlier message from this page's content script has been
   * answered (a later one was: the router answers in order, and a refusal starts no work), and
   * no export run is going. What "nothing changed" is then measured against, without a delay.
   */
  const settled = async (page: Page) => {
    const [status] = await sendFromContentScript(page, env.extensionId, [{ type: 'status' }]);
    expect(status?.ok).toBe(true);
    await env.worker.evaluate(() =>
      (globalThis as unknown as { yokoyCompanionTest: { exportIdle: () => Promise<void> } }).yokoyCompanionTest.exportIdle(),
    );
  };
  /** The Banqup content script has started: its launcher is on the page (its start-up questions asked). */
  const started = async (page: Page) => expect(await new LauncherOverlay(page).find(10_000)).toBeDefined();

  beforeAll(async () => {
    env.worker.on('console', onConsole('worker'));
    env.browser.on('targetcreated', (t: Target) => void watch(t).catch(() => undefined));
    for (const t of env.browser.targets()) if (t.type() === 'page') await watch(t);
  });
  afterAll(() => {
    env.browser?.removeAllListeners('targetcreated');
  });

  it('sets up through the popup and exports under faults (the run the hygiene checks look at)', async () => {
    await connectExtension(env, 'Acme Belgium NV');
    // A line of ours proves the worker's console is collected.
    await env.worker.evaluate(() => console.info('security-test: console collection on'));
    await setFaults(env.sandbox, {
      seed: 11,
      errorRate: 0.15,
      errorStatuses: [500, 503],
      burst429: { count: 3, retryAfterSeconds: 1 },
      expireTokensAfterSeconds: 2,
    });
    const view = await ExportPage.open(env.browser, env.extensionId);
    await view.setFilter('supplier', 'Café Sérénité');
    const count = Number(/(\d+) invoices? match/.exec(await view.preview())?.[1]);
    const expected = seedDocuments().filter((d) => d.folder === 'PURCHASES' && d.meta.supplier.name === 'Café Sérénité SRL').length;
    expect(count).toBe(expected);
    await view.start();
    expect(await view.waitUntilFinished(count, 150_000)).toMatch(/0 failed, 0 to go/);
    await view.close();
    await setFaults(env.sandbox, {});
    const tokens = (await requestLog(env.sandbox)).filter((e) => e.path === '/oauth2/token');
    expect(tokens.length).toBeGreaterThan(1);
  }, 200_000);

  it('a Banqup content script: every credential and export-control request is refused, and nothing changes', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.sandbox.urls.banqup}/purchases`);
    await started(page);
    const forbidden = requestTypes.filter((t) => !requestPolicy[t].includes('banqup-content'));
    expect(forbidden).toEqual(
      expect.arrayContaining([
        'credentials.get',
        'credentials.save',
        'credentials.reveal',
        'credentials.forget',
        'settings.save',
        'export.start',
        'export.cancel',
        'export.csv',
        'capture.offer',
      ]),
    );
    await settled(page);
    const before = await state();
    const logBefore = (await requestLog(env.sandbox)).length;
    const answers = await sendFromContentScript(
      page,
      env.extensionId,
      forbidden.map((t) => examples[t]),
    );
    expect(answers.map((a, i) => [forbidden[i], a.ok, a.failure?.kind])).toEqual(forbidden.map((t) => [t, false, 'forbidden-sender']));
    // Malformed payloads of every type, from the same world.
    const malformed = requestTypes.map((t) => ({ ...examples[t], type: `${t} ` }));
    expect((await sendFromContentScript(page, env.extensionId, malformed)).every((a) => a.failure?.kind === 'malformed')).toBe(true);
    await settled(page);
    expect(await state()).toBe(before);
    expect((await requestLog(env.sandbox)).length).toBe(logBefore);
    const [status] = await sendFromContentScript(page, env.extensionId, [{ type: 'status' }]);
    expect(status).toMatchObject({ ok: true, value: { connection: { state: 'verified' } } });
    await page.close();
  });

  it('a Yokoy content script: every request the policy refuses it is refused, and nothing changes', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.sandbox.urls.yokoyWeb}/login`);
    // Yokoy's content script asks nothing by itself (it offers values only on a click).
    const forbidden = requestTypes.filter((t) => !requestPolicy[t].includes('yokoy-content'));
    await settled(page);
    const before = await state();
    const answers = await sendFromContentScript(
      page,
      env.extensionId,
      forbidden.map((t) => examples[t]),
    );
    expect(answers.every((a) => a.ok === false && a.failure?.kind === 'forbidden-sender')).toBe(true);
    await settled(page);
    expect(await state()).toBe(before);
    await page.close();
  });

  it("a Banqup page's main world: protocol-shaped window.postMessage does nothing", async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.sandbox.urls.banqup}/purchases`);
    await started(page);
    await settled(page);
    const before = await state();
    const logBefore = (await requestLog(env.sandbox)).length;
    // Posts arrive in order: once a last post of ours has arrived, every listener has seen the rest.
    const drained = (marker: string) =>
      page.evaluate(
        (m) =>
          new Promise<void>((done) => {
            const onMessage = (e: MessageEvent) => e.data === m && (window.removeEventListener('message', onMessage), done());
            window.addEventListener('message', onMessage);
            window.postMessage(m, '*');
          }),
        marker,
      );
    await page.evaluate(
      (messages: unknown[]) => {
        const seen: string[] = [];
        (window as unknown as { seen: string[] }).seen = seen;
        window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
        for (const m of messages) {
          window.postMessage(m, '*');
          window.postMessage({ source: 'yokoy-companion', ...(m as object) }, '*');
          window.postMessage(JSON.stringify(m), '*');
        }
      },
      requestTypes.map((t) => examples[t as RequestType]) as unknown[],
    );
    // Every post was seen; whatever the content script asked the worker about them has been
    // answered; and an answer it posted back would have arrived before a second last post.
    await drained('end-of-posts');
    await settled(page);
    await drained('end-of-answers');
    const received = (await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).filter((m) => !m.startsWith('"end-of-'));
    // Only our own posts came back (3 per message): the extension answered nothing.
    expect(received).toHaveLength(requestTypes.length * 3);
    expect(received.join('\n')).not.toContain(secret);
    expect(await state()).toBe(before);
    expect((await requestLog(env.sandbox)).length).toBe(logBefore);
    await page.close();
  });

  it('a page that is neither Banqup nor Yokoy has no content script and no chrome.runtime to message the worker', async () => {
    const page = await env.browser.newPage();
    // The emulator's own origin: a plain web page under a sandbox name the content scripts do not match.
    await page.goto(`${env.sandbox.urls.yokoyApi}/__admin/faults`);
    const runtime = await page.evaluate(() => {
      const c = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
      return { runtime: typeof c?.runtime, sendMessage: typeof c?.runtime?.sendMessage };
    });
    expect(runtime).toEqual({ runtime: 'undefined', sendMessage: 'undefined' });
    // The same snapshot finds the world on a Banqup page (so an empty one means none, not "not yet").
    expect(await contentScriptWorlds(page, env.extensionId)).toBe(0);
    const banqup = await env.browser.newPage();
    await banqup.goto(`${env.sandbox.urls.banqup}/purchases`);
    expect(await contentScriptWorlds(banqup, env.extensionId)).toBe(1);
    await banqup.close();
    await page.close();
  });

  it('of every answer a Banqup content script can get, only fill.value for the secret carries it', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.sandbox.urls.banqup}/purchases`);
    // Allowed requests that would act (enqueue, open a tab) are sent in a form that does nothing, or not at all.
    const harmless: Partial<Record<RequestType, unknown>> = {
      'export.enqueue': { type: 'export.enqueue', documentIds: [], source: 'button' },
      'export.selection': { type: 'export.selection', documentIds: [] },
      'open.yokoyDeveloperPage': undefined,
      'open.exportView': undefined,
    };
    const messages = requestTypes
      .flatMap((t) =>
        t === 'fill.value'
          ? ['clientId', 'clientSecret', 'organizationId'].map((field) => ({ type: t, field }))
          : [t in harmless ? harmless[t] : examples[t]],
      )
      .filter(Boolean);
    const answers = await sendFromContentScript(page, env.extensionId, messages);
    expect(answers).toHaveLength(messages.length);
    const carrying = messages.filter((_, i) => JSON.stringify(answers[i]).includes(secret));
    expect(carrying).toEqual([{ type: 'fill.value', field: 'clientSecret' }]);
    await page.close();
  });

  it('the secret travelled only in token requests, was never logged, and is stored only encrypted', async () => {
    const log = await requestLog(env.sandbox);
    expect(log.length).toBeGreaterThan(10);
    const carrying = log.filter((e) => e.carriesClientSecret);
    expect(carrying.length).toBeGreaterThan(1);
    expect(carrying.every((e) => e.method === 'POST' && e.path === '/oauth2/token')).toBe(true);
    expect(JSON.stringify(log)).not.toContain(secret);

    expect(consoleLines.some((l) => l.includes('security-test: console collection on'))).toBe(true);
    expect(consoleLines.filter((l) => secretForms.some((f) => l.includes(f)))).toEqual([]);

    const dump = await state();
    expect(dump).toContain(seed.readyClient.clientId); // the dump is real: the client ID is stored in plain
    expect(dump).toContain('"ciphertext"');
    for (const form of secretForms) expect(dump.includes(form), form).toBe(false);
  });
});
