/**
 * The worker's connection as it runs (storage, the vault in fake IndexedDB, the Yokoy client
 * over a recording fetch): captured values wait for the user's confirmation and keep the current
 * credentials until then; the secret belongs to one environment and token URL, and a change of
 * either forgets it before anything is sent to the new address (issue 12).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { describePending } from '../../lib/connection/pending';
import { createWorkerConnection } from '../../lib/connection/setup';
import { companionDB } from '../../lib/db/schema';
import { credentialsItem, defaultSettings, settingsItem } from '../../lib/settings/items';

const secret = 'sbx_secret_Aa1Bb2Cc3Dd4Ee5Ff6';
const other = 'sbx_secret_Zz9Yy8Xx7Ww6Vv5Uu4';
const basic = (id: string, s: string) => `Basic ${btoa(`${id}:${s}`)}`;

interface Sent {
  url: string;
  authorization?: string;
}
let sent: Sent[] = [];

beforeEach(async () => {
  // The worker's one database outlives fakeBrowser.reset(): start each test with an empty vault.
  await (await companionDB()).clear('vault');
  sent = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    sent.push({ url, authorization: headers.get('authorization') ?? undefined });
    if (url.endsWith('/oauth2/token')) return Response.json({ access_token: `tok-${sent.length}`, expires_in: 3900, token_type: 'Bearer' });
    if (url.endsWith('/legal-entities')) return Response.json({ legalEntities: [{ id: 'le-1', name: 'Acme Belgium NV' }] });
    return new Response('not found', { status: 404 });
  });
});
afterEach(() => vi.unstubAllGlobals());

/** The worker's surroundings, with `fetch` read when called (stubbed above). */
const worker = {
  browser,
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  now: () => Date.now(),
  random: Math.random,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

const secretSentTo = () =>
  sent.filter((r) => r.authorization === basic('client-one', secret) || r.authorization === basic('client-two', other)).map((r) => r.url);

async function connected() {
  const { service, vault } = createWorkerConnection(worker);
  expect(await service.save({ clientId: 'client-one', clientSecret: secret, organizationId: 'org-one' })).toMatchObject({ saved: true });
  expect(await service.verify()).toMatchObject({ verified: true });
  return { service, vault };
}

describe('captured credentials wait for the user', () => {
  it('keeps a verified connection untouched until the user confirms, then uses the new one', async () => {
    const { service, vault } = await connected();
    const before = await credentialsItem.getValue();
    expect(await service.capture({ clientId: 'client-two', clientSecret: other, organizationId: 'org-two' })).toEqual({
      outcome: 'pending-confirmation',
    });
    const after = await credentialsItem.getValue();
    expect({ ...after, pending: undefined }).toEqual({ ...before, pending: undefined });
    expect(await vault.get('clientSecret')).toBe(secret);
    // What the popup shows before the user decides.
    expect(describePending(await service.view())).toEqual({
      organizationId: { from: 'org-one', to: 'org-two' },
      clientId: { from: '…-one', to: '…-two' },
      secret: true,
      legalEntity: { kind: 'chosen-again', from: 'Acme Belgium NV' },
    });
    const adopted = await service.adoptPending(true);
    expect(adopted).toMatchObject({ clientId: 'client-two', organizationId: 'org-two', connection: { state: 'verified' } });
    expect(adopted.pending).toBeUndefined();
    expect(await vault.get('clientSecret')).toBe(other);
    expect(await vault.get('pending-clientSecret')).toBeUndefined();
  });

  it('never adopts from the page alone, even with no connection yet', async () => {
    const { service, vault } = createWorkerConnection(worker);
    expect(await service.capture({ clientId: 'client-two', clientSecret: other, organizationId: 'org-two' })).toEqual({
      outcome: 'pending-confirmation',
    });
    const stored = await credentialsItem.getValue();
    expect(stored.clientId).toBeUndefined();
    expect(stored.hasSecret).toBeFalsy();
    expect(await vault.get('clientSecret')).toBeUndefined();
    expect(sent).toEqual([]);
    expect(describePending(await service.view())).toMatchObject({
      organizationId: { to: 'org-two' },
      legalEntity: { kind: 'chosen-again' },
    });
  });

  it('discarding keeps the current credentials and drops the captured secret', async () => {
    const { service, vault } = await connected();
    await service.capture({ organizationId: 'org-two' });
    expect(describePending(await service.view())).toMatchObject({ organizationId: { from: 'org-one', to: 'org-two' }, secret: false });
    await service.capture({ clientSecret: other });
    const kept = await service.adoptPending(false);
    expect(kept).toMatchObject({ clientId: 'client-one', organizationId: 'org-one', connection: { state: 'verified' } });
    expect(await vault.get('clientSecret')).toBe(secret);
    expect(await vault.get('pending-clientSecret')).toBeUndefined();
  });

  it('says the legal entity stays when only the client changes', async () => {
    const { service } = await connected();
    await service.chooseLegalEntity('le-1');
    await service.capture({ clientId: 'client-two', clientSecret: other });
    expect(describePending(await service.view())?.legalEntity).toEqual({ kind: 'kept', name: 'Acme Belgium NV' });
  });
});

describe('the secret belongs to one environment and token URL', () => {
  it('is forgotten when the environment changes, and never sent to the new token URL', async () => {
    const { service, vault } = await connected();
    expect(secretSentTo()).toEqual(['https://accounts.yokoy.ai/oauth2/token']);
    await service.saveSettings({ ...(await settingsItem.getValue()), environment: 'test' });
    expect(await vault.get('clientSecret')).toBeUndefined();
    expect(await credentialsItem.getValue()).toMatchObject({ clientId: 'client-one', organizationId: 'org-one', hasSecret: false });
    expect((await service.view()).connection.state).toBe('not-set-up');
    expect(await service.verify()).toMatchObject({ verified: false });
    expect(secretSentTo()).toEqual(['https://accounts.yokoy.ai/oauth2/token']);
    expect(sent.some((r) => r.url.includes('test.yokoy.ai'))).toBe(false);
  });

  it('is forgotten when a custom token address changes, kept when only the web address does', async () => {
    const custom = {
      accountsBase: 'https://accounts.proxy.example',
      apiBase: 'https://api.proxy.example',
      webOrigin: 'https://app.proxy.example',
    };
    await settingsItem.setValue({ ...defaultSettings, environment: 'custom', custom });
    const { service, vault } = await connected();
    await service.saveSettings({
      ...defaultSettings,
      environment: 'custom',
      custom: { ...custom, webOrigin: 'https://web.proxy.example' },
    });
    expect(await vault.get('clientSecret')).toBe(secret);
    await service.saveSettings({
      ...defaultSettings,
      environment: 'custom',
      custom: { ...custom, accountsBase: 'https://accounts.elsewhere.example' },
    });
    expect(await vault.get('clientSecret')).toBeUndefined();
    expect(await service.verify()).toMatchObject({ verified: false });
    expect(secretSentTo()).toEqual(['https://accounts.proxy.example/oauth2/token']);
  });

  it('is not sent when the settings moved under it without the service (another context wrote them)', async () => {
    const { service } = await connected();
    await settingsItem.setValue({ ...(await settingsItem.getValue()), environment: 'test' });
    expect(await service.verify()).toMatchObject({ verified: false });
    expect(secretSentTo()).toEqual(['https://accounts.yokoy.ai/oauth2/token']);
  });
});
