/**
 * Builds the import for the service worker, in two steps around the export (which reads
 * imported files through the source, and whose queue the service fills):
 *   1. `createImportFiles`: the file store, the source the export runner reads imported files
 *      from, and pruning after queue changes (at most every few seconds);
 *   2. `createWorkerImport`: the service behind the `import.*` messages, on the export's queue
 *      and Yokoy index.
 */
import { companionDB } from '../db/schema';
import type { DocumentSource } from '../export/document-source';
import type { ExportService } from '../export/service';
import { createJobStore } from '../export/job-store';
import type { YokoyIndex } from '../export/yokoy-index';
import type { Handlers } from '../messaging/router';
import { credentialsItem } from '../settings/items';
import { createFileStore, type FileStore } from './files';
import { createFilePruner } from './prune';
import { createImportService } from './service';
import { withFileSource } from './source';

const PRUNE_EVERY_MS = 5_000;

export function createImportFiles(env: { now: () => number }) {
  const files = createFileStore(companionDB);
  const pruner = createFilePruner({ files, jobs: createJobStore(companionDB), now: env.now });

  let pruning: ReturnType<typeof setTimeout> | undefined;
  const schedulePrune = () => {
    pruning ??= setTimeout(() => {
      void pruner.prune().finally(() => (pruning = undefined));
    }, PRUNE_EVERY_MS);
  };
  schedulePrune();

  return {
    files,
    documentSource: (next: DocumentSource) => withFileSource(next, files),
    /** Called after queue changes (with the badge): files of finished jobs are let go. */
    onQueueChange: schedulePrune,
  };
}

export function createWorkerImport(deps: { files: FileStore; exports: ExportService; index: YokoyIndex }) {
  const service = createImportService({
    files: deps.files,
    jobs: createJobStore(companionDB),
    index: deps.index,
    credentials: credentialsItem,
    enqueue: (ids, source) => deps.exports.enqueue(ids, source),
  });

  const handlers: Pick<Handlers, `import.${string}` & keyof Handlers> = {
    'import.check': ({ items, fresh }) => service.check(items, fresh ?? false),
    'import.start': ({ ids }) => service.start(ids),
    'import.discard': async ({ dropId, ids }) => {
      await service.discard(dropId, ids);
      return { discarded: true as const };
    },
  };

  return { handlers, service };
}
