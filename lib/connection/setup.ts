/** Builds the connection service (vault, token store, the Yokoy client) in the service worker's environment. */
import { companionDB } from '../db/schema';
import { credentialsItem, settingsItem } from '../settings/items';
import { organizationIdPageUrl } from '../sites/yokoy/web';
import { createVault } from '../vault/vault';
import { createYokoyClient } from '../yokoy-api/client';
import { endpointsFor } from './endpoints';
import { createConnectionService, SECRET, secretMayGoTo } from './service';
import { sessionTokenStore } from '../yokoy-api/token-store';
import type { WorkerEnv } from '../runtime/worker-env';

/**
 * A value read once and kept until its storage item changes (each read would be an IPC). The
 * watch covers writes from other contexts; `invalidate` covers this worker's own writes at
 * once, since the change event arrives only later.
 */
function cached<T>(read: () => Promise<T>, watch: (cb: () => void) => unknown) {
  let value: Promise<T> | undefined;
  watch(() => (value = undefined));
  const get = () => (value ??= read());
  return Object.assign(get, { invalidate: () => void (value = undefined) });
}

/** The item, with every write dropping the caches derived from it first. */
function invalidating<T>(item: { getValue(): Promise<T>; setValue(v: T): Promise<void> }, ...caches: { invalidate(): void }[]) {
  return {
    getValue: () => item.getValue(),
    setValue: async (value: T) => {
      await item.setValue(value);
      for (const c of caches) c.invalidate();
    },
  };
}

export function createWorkerConnection(env: Pick<WorkerEnv, 'browser' | 'fetch' | 'now' | 'random' | 'sleep'>) {
  const vault = createVault(companionDB);
  const tokens = sessionTokenStore();
  const endpoints = cached(
    async () => endpointsFor(await settingsItem.getValue()),
    (cb) => settingsItem.watch(cb),
  );
  const identity = cached(
    async () => {
      const stored = await credentialsItem.getValue();
      return stored.clientId && stored.organizationId && stored.hasSecret
        ? { clientId: stored.clientId, organizationId: stored.organizationId }
        : undefined;
    },
    (cb) => credentialsItem.watch(cb),
  );
  const client = createYokoyClient({
    fetch: env.fetch,
    now: env.now,
    sleep: env.sleep,
    random: env.random,
    endpoints,
    identity,
    credentials: async () => {
      const stored = await credentialsItem.getValue();
      // The secret goes only to the token URL it was given for (settings changed since: none).
      if (!secretMayGoTo(stored, await settingsItem.getValue())) return undefined;
      const clientSecret = stored.hasSecret ? await vault.get(SECRET) : undefined;
      if (!stored.clientId || !stored.organizationId || !clientSecret) return undefined;
      return { clientId: stored.clientId, clientSecret, organizationId: stored.organizationId };
    },
    tokens,
  });
  const service = createConnectionService({
    credentials: invalidating(credentialsItem, identity),
    settings: invalidating(settingsItem, endpoints),
    vault,
    client,
    tokens,
    now: env.now,
    openTab: async (url) => {
      await env.browser.tabs.create({ url });
    },
    developerPageUrl: (settings) => {
      const web = endpointsFor(settings)?.webOrigin;
      return web ? organizationIdPageUrl(web) : undefined;
    },
  });
  return { service, client, vault };
}
