/**
 * Builds the import for the service worker: the file store, the source the export runner
 * reads imported files from, the service behind the `import.*` messages, and pruning after
 * queue changes (at most every few seconds).
 */
import { companionDB } from '../db/schema';
import type { DocumentSource } from '../export/document-source';
import type { ExportService } from '../export/service';
import { createJobStore } from '../export/job-store';
import type { YokoyIndex } from '../export/yokoy-index';
import type { Handlers } from '../messaging/router';
import { credentialsItem } from '../settings/items';
import { createFileStore } from './files';
import { createImportService } from './service';
import { withFileSource } from './source';

const PRUNE_EVERY_MS = 5_000;

/** `exportService` and `yokoyIndex`: the export's own (built after this, as it reads through `documentSource`). */
export function createWorkerImport(exportService: () => ExportService, yokoyIndex: () => YokoyIndex) {
  const files = createFileStore(companionDB);
  const service = createImportService({
    files,
    jobs: createJobStore(companionDB),
    index: {
      entity: (legalEntityId) => yokoyIndex().entity(legalEntityId),
      markStale: (legalEntityId) => yokoyIndex().markStale(legalEntityId),
    },
    credentials: credentialsItem,
    enqueue: (ids, source) => exportService().enqueue(ids, source),
    now: () => Date.now(),
  });

  let pruning: ReturnType<typeof setTimeout> | undefined;
  const schedulePrune = () => {
    pruning ??= setTimeout(() => {
      void service.prune().finally(() => (pruning = undefined));
    }, PRUNE_EVERY_MS);
  };
  schedulePrune();

  const handlers: Pick<Handlers, `import.${string}` & keyof Handlers> = {
    'import.check': ({ items, fresh }) => service.check(items, fresh ?? false),
    'import.start': ({ ids }) => service.start(ids),
    'import.discard': async ({ dropId, ids }) => {
      await service.discard(dropId, ids);
      return { discarded: true as const };
    },
  };

  return {
    handlers,
    service,
    documentSource: (next: DocumentSource) => withFileSource(next, files),
    /** Called after queue changes (with the badge): files of finished jobs are let go. */
    onQueueChange: schedulePrune,
  };
}
