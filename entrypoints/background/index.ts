/**
 * Background service worker: wires the message router and the context menu. It owns secrets
 * and the network to Yokoy; the logic lives in lib/.
 */
import { browser } from 'wxt/browser';
import { setupContextMenu } from '../../lib/menus/setup';
import { setupMessageRouter } from '../../lib/messaging/listen';
import { getStatus } from '../../lib/status/status';
import { connectionItem } from '../../lib/storage/items';

export default defineBackground(() => {
  setupMessageRouter({
    status: () => getStatus({ version: browser.runtime.getManifest().version, readConnection: () => connectionItem.getValue() }),
  });
  setupContextMenu(() => {
    // The export pipeline (issue 6) takes the click from here.
  });
});
