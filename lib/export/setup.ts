/**
 * Builds the export for the service worker: the runner over the durable queue, the service
 * behind the messages, and what keeps it going across worker restarts: recovery on start-up,
 * an alarm for delayed retries, a keep-alive while jobs run, the badge and a notification
 * when a run ends or needs attention.
 */
import { createBanqupClient } from '../banqup-api/client';
import { endpointsFor } from '../connection/endpoints';
import { companionDB } from '../db/schema';
import { browserText } from '../i18n/browser';
import type { ExportProgress } from './messages';
import type { Handlers } from '../messaging/router';
import { cachedItem } from '../settings/cached-item';
import { credentialsItem, exportControlItem as storedControl, settingsItem as storedSettings } from '../settings/items';
import { yokoyWebSite } from '../sites/yokoy/web';
import type { YokoyClient } from '../yokoy-api/client';
import { jobRetry } from '../yokoy-api/retry-policy';
import { createJobStore } from './job-store';
import { createRunner, type Runner } from './runner';
import { createExportService } from './service';
import { createInvoiceApi } from './yokoy-invoices';
import { banqupSource, type DocumentSource } from './document-source';
import { createYokoyIndex, idbIndexPersistence } from './yokoy-index';
import { classifySender } from '../messaging/sender';
import type { WorkerEnv } from '../runtime/worker-env';
import { listenForProgress } from './progress-port';

export const WAKE_ALARM = 'export-wake';
/**
 * Armed for as long as a run has work: a worker stopped mid-run (Chrome stops idle ones, or
 * kills one that hangs) is woken by it and resumes the queue with nothing open. Chrome fires a
 * packed extension's alarms every 30 s at most; the sandbox build (unpacked, for tests and the
 * demo) uses 6 s, so the e2e suite need not wait half a minute per stop.
 */
export const RESUME_ALARM = 'export-resume';
const resumePeriodMinutes = (sandbox: boolean) => (sandbox ? 0.1 : 0.5);
/** Once a day: finished jobs older than the retention setting leave the history. */
export const PRUNE_ALARM = 'history-prune';

export interface WorkerExportDeps {
  /** The connection's Yokoy client (lib/connection/setup.ts). */
  client: YokoyClient;
  /**
   * Lets another source of documents (imported files, lib/import/source.ts) answer the runner's
   * reads for its own ids; Banqup answers the rest.
   */
  documentSource?: (banqup: DocumentSource) => DocumentSource;
  /** The queue's progress changed (at most every 250 ms): the badge, the import's pruning. */
  onProgress?: (progress: ExportProgress) => void | Promise<void>;
}

export function createWorkerExport(env: WorkerEnv, deps: WorkerExportDeps) {
  const { browser } = env;
  const { client } = deps;
  const documentSource = deps.documentSource ?? ((banqup: DocumentSource) => banqup);
  // Read on every request and every turn of the queue: kept in memory until they change.
  const settingsItem = cachedItem(storedSettings);
  const exportControlItem = cachedItem(storedControl);
  const store = createJobStore(companionDB);
  const banqup = createBanqupClient({
    fetch: env.fetch,
    origin: async () => (await settingsItem.getValue()).banqupOrigin,
  });
  let runner: Runner | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const invoices = createInvoiceApi(client);
  const index = createYokoyIndex({ invoices, persistence: idbIndexPersistence(companionDB) });
  const source = documentSource(banqupSource(banqup));
  const service = createExportService({
    store,
    index,
    runner: () => runner!,
    banqup,
    source,
    invoices,
    control: exportControlItem,
    credentials: credentialsItem,
    settings: settingsItem,
    now: env.now,
    yokoyInvoiceUrl: (settings, le, id) => {
      const web = endpointsFor(settings)?.webOrigin;
      return web ? new URL(yokoyWebSite.invoicePath(le, id), web).href : undefined;
    },
  });

  // Popup and Banqup pages listen on a port instead of polling: told at most every 250 ms.
  const progressPorts = listenForProgress(
    (sender) => classifySender(sender, env),
    () => service.progress(),
    browser.runtime.onConnect as never,
  );

  /** Progress changed: badge and listeners now; a notification once per run when it ends. */
  let pending = false;
  /** Settles when the last change's work (its push, the run's audit) is done: `idle` waits for it. */
  let afterChange: Promise<void> = Promise.resolve();
  const onChange = () => {
    if (pending) return;
    pending = true;
    let settle: () => void = () => undefined;
    afterChange = new Promise((resolve) => (settle = resolve));
    setTimeout(async () => {
      try {
        await announce();
      } finally {
        settle();
      }
    }, 250);
  };
  const announce = async () => {
    pending = false;
    const progress = await service.progress();
    await deps.onProgress?.(progress);
    progressPorts.push(progress);
    const control = await exportControlItem.getValue();
    if (progress.total > 0 && progress.remaining === 0 && !control.announced && control.runId === progress.runId) {
      await exportControlItem.setValue({ ...control, announced: true });
      const twins = await service.audit(progress.runId!);
      progressPorts.push(await service.progress());
      const attention = progress.failed > 0 || twins > 0;
      // Notifications are optional: asked for when the user starts a backfill.
      const allowed = await browser.permissions.contains({ permissions: ['notifications'] }).catch(() => false);
      if (allowed)
        await browser.notifications
          ?.create(`export-${progress.runId}`, {
            type: 'basic',
            iconUrl: browser.runtime.getURL('/icon/128.png'),
            title: browserText(attention ? 'notifyAttentionTitle' : 'notifyDoneTitle'),
            message: attention
              ? browserText('notifyAttention', [progress.failed + twins])
              : browserText('notifyDone', [progress.done, progress.duplicate]),
          })
          .catch(() => undefined);
    }
  };

  const init = async () => {
    const settings = await settingsItem.getValue();
    runner = createRunner({
      store,
      source,
      invoices,
      index,
      now: env.now,
      random: env.random,
      sleep: env.sleep,
      concurrency: settings.exportConcurrency,
      maxBytesInFlight: 32 * 1024 * 1024,
      maxAttempts: jobRetry.attempts,
      backoff: jobRetry.backoff,
      isPaused: async () => (await exportControlItem.getValue()).paused,
      scheduleWake: (at) => {
        // An alarm outlives the worker (30 s at the soonest); a timer covers shorter waits.
        void browser.alarms.create(WAKE_ALARM, { when: Math.max(at, env.now() + 30_000) });
        clearTimeout(timer);
        timer = setTimeout(() => void runner?.kick(), Math.max(0, at - env.now()));
      },
      onChange,
      onConnectionProblem: async (reason) => {
        await service.pauseFor(reason);
        // The popup's status and the badge say it too: the connection, not an invoice, failed.
        const stored = await credentialsItem.getValue();
        await credentialsItem.setValue({
          ...stored,
          verification: { state: 'failing', at: env.now(), failure: { kind: reason.kind, detail: reason.detail } },
        });
      },
      keepAlive: () => {
        // Extension API calls reset the worker's idle timer; a run keeps calling one.
        const interval = setInterval(() => void browser.runtime.getPlatformInfo(), 20_000);
        void browser.alarms.create(RESUME_ALARM, {
          delayInMinutes: resumePeriodMinutes(env.sandbox),
          periodInMinutes: resumePeriodMinutes(env.sandbox),
        });
        return () => {
          clearInterval(interval);
          // The run ended in this worker (nothing due now; a later retry has WAKE_ALARM).
          void browser.alarms.clear(RESUME_ALARM);
        };
      },
    });
    await runner.recover();
    void runner.kick();
    if (!(await browser.alarms.get(PRUNE_ALARM))) void browser.alarms.create(PRUNE_ALARM, { delayInMinutes: 5, periodInMinutes: 24 * 60 });
  };
  const ready = init();
  const withRunner = async <T>(f: () => Promise<T>) => {
    await ready;
    return f();
  };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WAKE_ALARM || alarm.name === RESUME_ALARM) void withRunner(async () => runner!.kick());
    if (alarm.name === PRUNE_ALARM)
      void service
        .prune()
        .then((n) => void (n && progressPorts.push()))
        .then(() => service.resyncIndex())
        .catch(() => undefined);
  });

  // `export.selection` feeds the context menu: its handler is the menu's (lib/menus/setup.ts).
  const handlers: Pick<Handlers, Exclude<`export.${string}` & keyof Handlers, 'export.selection'>> = {
    // A Banqup page's "Send" (a content script) queues but never lifts a pause (issue 12).
    'export.enqueue': ({ documentIds, source }, sender) =>
      withRunner(() => service.enqueue(documentIds, source, { liftPause: Boolean(sender.url?.startsWith(env.extensionOrigin)) })),
    'export.preview': ({ filters }) => service.preview(filters),
    'export.start': ({ filters }) => withRunner(() => service.start(filters)),
    'export.pause': () => service.pause(),
    'export.resume': () => withRunner(() => service.resume()),
    'export.cancel': () => service.cancel(),
    'export.progress': async (_, sender) => {
      // Asked by a Banqup page: its session is likely alive again.
      if (sender.tab) await withRunner(() => service.banqupIsBack());
      return service.progress();
    },
    'export.history': ({ state, limit, after }) => service.history({ state, limit, after }),
    'export.retryFailed': () => withRunner(() => service.retryFailed()),
    'export.csv': ({ after }) => service.csv(after),
  };

  return {
    service,
    handlers,
    // The reconcile reads with the same clients and the same Yokoy index (lib/reconcile/setup.ts).
    banqup,
    invoices,
    index,
    sendFromMenu: (documentIds: string[]) => withRunner(() => service.enqueue(documentIds, 'menu')),
    ready,
    /** Resolves once no run is going (and the tags it waits on are written), its end is announced and audited, and no preview's index read-back is under way: nothing of the export is still changing state. */
    idle: async () => {
      // Until nothing new started meanwhile: the audit at a run's end changes progress again.
      for (;;) {
        const seen = afterChange;
        await service.warmed();
        await withRunner(() => runner!.idle());
        await seen;
        if (seen === afterChange && !pending) return;
      }
    },
  };
}
