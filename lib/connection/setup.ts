/** Builds the connection service with the service worker's real environment. */
import { browser } from 'wxt/browser';
import { companionDB } from '../db/schema';
import { credentialsItem, settingsItem } from '../settings/items';
import { yokoyWebSite } from '../sites/yokoy-web';
import { createVault } from '../vault/vault';
import { createYokoyClient } from '../yokoy/client';
import { endpointsFor } from './endpoints';
import { createConnectionService, SECRET } from './service';
import { sessionTokenStore } from './session-tokens';

export function createWorkerConnection() {
  const vault = createVault(companionDB);
  const tokens = sessionTokenStore();
  const client = createYokoyClient({
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    endpoints: async () => endpointsFor(await settingsItem.getValue()),
    credentials: async () => {
      const stored = await credentialsItem.getValue();
      const clientSecret = stored.hasSecret ? await vault.get(SECRET) : undefined;
      if (!stored.clientId || !stored.organizationId || !clientSecret) return undefined;
      return { clientId: stored.clientId, clientSecret, organizationId: stored.organizationId };
    },
    tokens,
  });
  const service = createConnectionService({
    credentials: credentialsItem,
    settings: settingsItem,
    vault,
    client,
    tokens,
    now: () => Date.now(),
    openTab: async (url) => {
      await browser.tabs.create({ url });
    },
    developerPageUrl: (settings) => {
      const web = endpointsFor(settings)?.webOrigin;
      return web ? new URL(yokoyWebSite.developerPath, web).href : undefined;
    },
  });
  return { service, client, vault };
}
