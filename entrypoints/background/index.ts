/**
 * Background service worker: wires the message router, the connection (vault, Yokoy client),
 * the export (durable queue, runner, alarms), the toolbar badge and the context menu. It owns
 * secrets and the network to Yokoy; the logic lives in lib/.
 */
import { browser } from 'wxt/browser';
import { setupBadge } from '../../lib/status/badge';
import { connectionHandlers } from '../../lib/connection/handlers';
import { createWorkerConnection } from '../../lib/connection/setup';
import { deriveConnection } from '../../lib/connection/state';
import { createWorkerExport } from '../../lib/export/setup';
import { createWorkerImport } from '../../lib/import/setup';
import { setupContextMenu } from '../../lib/menus/setup';
import { setupMessageRouter } from '../../lib/messaging/listen';
import { createWorkerReconcile } from '../../lib/reconcile/setup';
import { credentialsItem } from '../../lib/settings/items';
import { isSandboxBuild } from '../../lib/runtime/env';
import { getStatus } from '../../lib/status/status';

export default defineBackground(() => {
  const connection = createWorkerConnection();
  let remaining = async () => 0;
  const badge = setupBadge(() => remaining());
  let exports: ReturnType<typeof createWorkerExport> | undefined;
  // Imported files ride the export queue: the runner reads them from IndexedDB (lib/import).
  const imports = createWorkerImport(
    () => exports!.service,
    () => exports!.index,
  );
  const refreshBadge = async () => {
    imports.onQueueChange();
    await badge();
  };
  exports = createWorkerExport(connection.client, refreshBadge, imports.documentSource);
  remaining = exports.remaining;
  const reconcile = createWorkerReconcile({
    banqup: exports.banqup,
    invoices: exports.invoices,
    index: exports.index,
    exports: exports.service,
    ready: exports.ready,
  });
  setupMessageRouter({
    status: () =>
      getStatus({
        version: browser.runtime.getManifest().version,
        readConnection: async () => deriveConnection(await credentialsItem.getValue()),
      }),
    ...connectionHandlers(connection.service, connection.vault, { extensionOrigin: browser.runtime.getURL('/') }),
    ...exports.handlers,
    ...imports.handlers,
    ...reconcile.handlers,
  });
  const menu = setupContextMenu((documentIds) => exports.sendFromMenu(documentIds));
  exports.onSelection(menu.setSelection);
  // The sandbox build lets end-to-end tests call what a context-menu click calls.
  // exportReady: when the export's handlers are ready, in ms since the worker started (bench).
  if (isSandboxBuild)
    Object.assign(globalThis, {
      yokoyCompanionTest: { contextMenuClick: menu.onClicked, exportReady: exports.ready.then(() => performance.now()) },
    });
});
