/**
 * Builds the export for the service worker: the runner over the durable queue, the service
 * behind the messages, and what keeps it going across worker restarts: recovery on start-up,
 * an alarm for delayed retries, a keep-alive while jobs run, the badge and a notification
 * when a run ends or needs attention.
 */
import '../i18n/all';
import { browser } from 'wxt/browser';
import { createBanqupClient, type BanqupClient } from '../banqup/client';
import { endpointsFor } from '../connection/endpoints';
import { companionDB } from '../db/schema';
import { pickLanguage, translate } from '../i18n';
import type { Handlers } from '../messaging/router';
import { credentialsItem, exportControlItem, settingsItem } from '../settings/items';
import { yokoyWebSite } from '../sites/yokoy-web';
import type { YokoyClient } from '../yokoy/client';
import { createJobStore } from './job-store';
import type { YokoyFailureKind } from '../yokoy/errors';
import { createRunner, LEGAL_ENTITY_GONE, type Runner } from './runner';
import { createExportService } from './service';
import { createInvoiceApi } from './yokoy-invoices';

export const WAKE_ALARM = 'export-wake';

/**
 * `documentSource` lets another source of documents (imported files, lib/import/source.ts)
 * answer the runner's reads for its own ids; Banqup answers the rest.
 */
export function createWorkerExport(client: YokoyClient, refreshBadge: () => Promise<void>, documentSource: (banqup: BanqupClient) => BanqupClient = (b) => b) {
  const store = createJobStore(companionDB);
  const banqup = createBanqupClient({ fetch: (i, init) => fetch(i, init), origin: async () => (await settingsItem.getValue()).banqupOrigin });
  const language = pickLanguage(browser.i18n.getUILanguage());
  let runner: Runner | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const invoices = createInvoiceApi(client);
  const service = createExportService({
    store,
    runner: () => runner!,
    banqup,
    invoices,
    control: exportControlItem,
    credentials: credentialsItem,
    settings: settingsItem,
    now: () => Date.now(),
    yokoyInvoiceUrl: (settings, le, id) => {
      const web = endpointsFor(settings)?.webOrigin;
      return web ? new URL(yokoyWebSite.invoicePath(le, id), web).href : undefined;
    },
  });

  /** Progress changed: badge now; a notification once per run when it ends. */
  let pending = false;
  const onChange = () => {
    if (pending) return;
    pending = true;
    setTimeout(async () => {
      pending = false;
      await refreshBadge();
      const progress = await service.progress();
      const control = await exportControlItem.getValue();
      if (progress.total > 0 && progress.remaining === 0 && !control.announced && control.runId === progress.runId) {
        await exportControlItem.setValue({ ...control, announced: true });
        const twins = await service.audit(progress.runId!);
        const attention = progress.failed > 0 || twins > 0;
        // Notifications are optional: asked for when the user starts a backfill.
        const allowed = await browser.permissions.contains({ permissions: ['notifications'] }).catch(() => false);
        if (allowed) await browser.notifications
          ?.create(`export-${progress.runId}`, {
            type: 'basic',
            iconUrl: browser.runtime.getURL('/icon/128.png'),
            title: translate(language, attention ? 'notifyAttentionTitle' : 'notifyDoneTitle'),
            message: attention
              ? translate(language, 'notifyAttention', { failed: String(progress.failed + twins) })
              : translate(language, 'notifyDone', { sent: String(progress.done), duplicate: String(progress.duplicate) }),
          })
          .catch(() => undefined);
      }
    }, 250);
  };

  const init = async () => {
    const settings = await settingsItem.getValue();
    runner = createRunner({
      store,
      banqup: documentSource(banqup),
      invoices,
      now: () => Date.now(),
      random: Math.random,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      concurrency: settings.exportConcurrency,
      maxBytesInFlight: 32 * 1024 * 1024,
      maxAttempts: 8,
      backoff: { baseMs: 1_000, capMs: 60_000 },
      isPaused: async () => (await exportControlItem.getValue()).paused,
      scheduleWake: (at) => {
        // An alarm outlives the worker (30 s at the soonest); a timer covers shorter waits.
        void browser.alarms.create(WAKE_ALARM, { when: Math.max(at, Date.now() + 30_000) });
        clearTimeout(timer);
        timer = setTimeout(() => void runner?.kick(), Math.max(0, at - Date.now()));
      },
      onChange,
      onConnectionProblem: async (reason) => {
        await service.pauseFor(reason);
        // The popup's status and the badge say it too: the connection, not an invoice, failed.
        const kind = reason.code === LEGAL_ENTITY_GONE ? 'legal-entity-gone' : (reason.code.split(':')[1] as YokoyFailureKind);
        const stored = await credentialsItem.getValue();
        await credentialsItem.setValue({ ...stored, verification: { state: 'failing', at: Date.now(), failure: { kind, detail: reason.detail } } });
      },
      keepAlive: () => {
        // Extension API calls reset the worker's idle timer; a run keeps calling one.
        const interval = setInterval(() => void browser.runtime.getPlatformInfo(), 20_000);
        return () => clearInterval(interval);
      },
    });
    await runner.recover();
    void runner.kick();
  };
  const ready = init();
  const withRunner = async <T>(f: () => Promise<T>) => {
    await ready;
    return f();
  };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WAKE_ALARM) void withRunner(async () => runner!.kick());
  });

  const handlers: Pick<Handlers, `export.${string}` & keyof Handlers> = {
    'export.enqueue': ({ documentIds, source }) => withRunner(() => service.enqueue(documentIds, source)),
    'export.selection': async ({ documentIds }, sender) => {
      if (sender.tab?.id !== undefined) selectionSink?.(sender.tab.id, documentIds);
      return { count: documentIds.length };
    },
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
    'export.history': ({ state, limit }) => service.history({ state, limit }),
    'export.retryFailed': () => withRunner(() => service.retryFailed()),
    'export.csv': () => service.csv(),
  };

  let selectionSink: ((tabId: number, ids: string[]) => void) | undefined;
  return {
    service,
    handlers,
    remaining: async () => (await service.progress()).remaining,
    sendFromMenu: (documentIds: string[]) => withRunner(() => service.enqueue(documentIds, 'menu')),
    onSelection: (sink: (tabId: number, ids: string[]) => void) => {
      selectionSink = sink;
    },
    ready,
  };
}
