/**
 * The service worker's composition root: every part built once, in order, each handed what it
 * needs when it is built (nothing assigned later). entrypoints/background/index.ts calls it
 * with the real surroundings (`workerEnv()`); tests/security/messages.test.ts builds the same
 * background on WXT's fake browser and a fake Yokoy.
 *
 *   connection (vault, token store, Yokoy client)
 *   → badge (told the export's remaining count)
 *   → import files (the source the runner reads imported files from, pruning)
 *   → export (queue, runner, alarms, progress ports; Banqup client, Yokoy index)
 *   → import service, reconcile (on the export's queue, clients and index)
 *   → context menu (sends through the export; holds the tabs' selections)
 *   → message router over all their handlers.
 */
import { connectionHandlers } from '../connection/handlers';
import { createWorkerConnection } from '../connection/setup';
import { deriveConnection } from '../connection/state';
import { createWorkerExport } from '../export/setup';
import { createImportFiles, createWorkerImport } from '../import/setup';
import { setupContextMenu } from '../menus/setup';
import { setupMessageRouter } from '../messaging/listen';
import type { Handlers } from '../messaging/router';
import { createWorkerReconcile } from '../reconcile/setup';
import type { WorkerEnv } from '../runtime/worker-env';
import { credentialsItem } from '../settings/items';
import { setupBadge } from '../status/badge';
import { getStatus } from '../status/status';

export function createBackground(env: WorkerEnv) {
  const connection = createWorkerConnection(env);
  const badge = setupBadge(env.browser);
  const importFiles = createImportFiles(env);
  const exports = createWorkerExport(env, {
    client: connection.client,
    documentSource: importFiles.documentSource,
    onProgress: async (progress) => {
      importFiles.onQueueChange();
      await badge.show(progress.remaining);
    },
  });
  // The badge's first count, at start-up (later ones come with each progress change).
  void exports.service.progress().then((progress) => badge.show(progress.remaining));
  const imports = createWorkerImport({ files: importFiles.files, exports: exports.service, index: exports.index });
  const reconcile = createWorkerReconcile({
    banqup: exports.banqup,
    invoices: exports.invoices,
    index: exports.index,
    exports: exports.service,
    ready: exports.ready,
  });
  const menu = setupContextMenu(env, (documentIds) => exports.sendFromMenu(documentIds));

  const handlers: Handlers = {
    status: () =>
      getStatus({
        version: env.version,
        readConnection: async () => deriveConnection(await credentialsItem.getValue()),
      }),
    ...connectionHandlers(connection.service, connection.vault, { extensionOrigin: env.extensionOrigin }),
    ...exports.handlers,
    ...menu.handlers,
    ...imports.handlers,
    ...reconcile.handlers,
  };
  const route = setupMessageRouter(env, handlers);

  // The sandbox build lets end-to-end tests call what a context-menu click calls.
  // exportReady: when the export's handlers are ready, in ms since the worker started (bench);
  // selection: a tab's ticked invoices as the worker knows them (a test waits for them);
  // exportIdle: no run going, so a test can say "nothing changed" without guessing a delay.
  if (env.sandbox)
    Object.assign(globalThis, {
      yokoyCompanionTest: {
        contextMenuClick: menu.onClicked,
        selection: menu.selection,
        exportIdle: exports.idle,
        exportReady: exports.ready.then(() => performance.now()),
      },
    });

  return {
    /** The router behind `runtime.onMessage`, to send it a message from any sender. */
    route,
    /** Resolves once the export's runner is built and its queue recovered. */
    ready: exports.ready,
    contextMenuClick: menu.onClicked,
  };
}

export type Background = ReturnType<typeof createBackground>;
