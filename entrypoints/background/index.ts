/**
 * Background service worker: wires the message router, the connection (vault, Yokoy client),
 * the toolbar badge and the context menu. It owns secrets and the network to Yokoy; the logic
 * lives in lib/.
 */
import { browser } from 'wxt/browser';
import { setupBadge } from '../../lib/connection/badge';
import { connectionHandlers } from '../../lib/connection/handlers';
import { createWorkerConnection } from '../../lib/connection/setup';
import { deriveConnection } from '../../lib/connection/state';
import { setupContextMenu } from '../../lib/menus/setup';
import { setupMessageRouter } from '../../lib/messaging/listen';
import { credentialsItem } from '../../lib/settings/items';
import { getStatus } from '../../lib/status/status';

export default defineBackground(() => {
  const connection = createWorkerConnection();
  setupMessageRouter({
    status: () =>
      getStatus({
        version: browser.runtime.getManifest().version,
        readConnection: async () => deriveConnection(await credentialsItem.getValue()),
      }),
    ...connectionHandlers(connection.service, connection.vault),
  });
  setupBadge();
  setupContextMenu(() => {
    // The export pipeline (issue 6) takes the click from here.
  });
});
